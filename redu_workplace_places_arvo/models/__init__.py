from . import redu_workplace_place
