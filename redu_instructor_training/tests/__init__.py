from . import test_competence
from . import test_http
from . import test_performance
from . import test_reports
from . import test_ui
