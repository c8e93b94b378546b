from . import redu_municipality
from . import redu_qualification
from . import redu_qualification_unit
from . import redu_workplace_place
from . import redu_placement_need
from . import redu_place_match
from . import res_partner
