from . import test_dashboard_training
