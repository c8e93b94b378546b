from . import test_inquiry
from . import test_reachability
from . import test_ui
from . import test_hardening_files
from . import test_concurrency
from . import test_public_cache
