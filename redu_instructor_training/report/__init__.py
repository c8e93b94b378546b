from . import redu_training_competence_report
from . import redu_training_session_report
