from . import test_dashboard_places
