from . import test_answer
from . import test_crons
from . import test_http
from . import test_sending
from . import test_token
from . import test_ui
from . import test_validation
from . import test_hardening_files
