from . import test_parse
from . import test_import
from . import test_figures
from . import test_access
from . import test_tpk
