from . import redu_training_invite_wizard
