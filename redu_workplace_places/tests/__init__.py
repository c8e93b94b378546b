from . import test_eperusteet
from . import test_matching
from . import test_confirm
from . import test_concurrency
from . import test_figures
from . import test_import
from . import test_ui
