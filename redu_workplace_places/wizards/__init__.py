from . import redu_qualification_load_wizard
from . import redu_need_import_wizard
