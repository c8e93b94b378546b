from . import redu_confirmation_report
