from . import redu_arvo_import_wizard
