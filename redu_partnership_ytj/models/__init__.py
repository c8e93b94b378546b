from . import res_partner_industry
from . import res_partner
from . import redu_partner_duplicate
from . import res_config_settings
