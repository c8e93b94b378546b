from . import test_dashboard_arvo
