from . import redu_tpk_predict_wizard
from . import redu_tpk_predict_line
from . import redu_tpk_import_wizard
