from . import names
from . import ytj_client
