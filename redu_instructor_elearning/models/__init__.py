from . import res_partner
from . import slide_channel
