from . import test_ytj_client
from . import test_ytj_fetch
from . import test_ytj_cron
from . import test_ytj_import
from . import test_duplicates
from . import test_merge
from . import test_ui
from . import test_ytj_background
