# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models

from odoo.addons.redu_base.tools.dates import redu_today

# the points of a place whose proposed instructor's workplace-instructor training is valid
WEIGHT_TRAINING = 5.0


class ReduWorkplacePlace(models.Model):
    _inherit = "redu.workplace.place"

    def _redu_instructor_training_score(self, instructor):
        """A bonus for the instructor whose training is valid today (the stored validity of
        redu_instructor_training: the last training attended plus the validity of the settings)."""
        score = super()._redu_instructor_training_score(instructor)
        valid_until = instructor.redu_training_valid_until
        if valid_until and valid_until >= redu_today(self):
            score += WEIGHT_TRAINING
        return score
