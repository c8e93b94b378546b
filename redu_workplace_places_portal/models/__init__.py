from . import redu_instructor_confirmation
from . import redu_workplace_place
