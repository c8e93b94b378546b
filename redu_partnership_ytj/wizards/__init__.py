from . import redu_ytj_review_wizard
from . import redu_ytj_import_wizard
from . import base_partner_merge_automatic_wizard
