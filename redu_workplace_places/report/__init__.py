from . import redu_place_access_report
