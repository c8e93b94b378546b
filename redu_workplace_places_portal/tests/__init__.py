from . import test_http
