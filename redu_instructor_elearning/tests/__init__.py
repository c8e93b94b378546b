from . import test_http
from . import test_ui
