from . import redu_tpk_bundle
from . import res_partner
