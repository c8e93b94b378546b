from . import test_tpk_rules
from . import test_predict
from . import test_import
from . import test_sending
from . import test_access
from . import test_ui
from . import test_hardening_files
