# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta

from odoo import models

from odoo.addons.redu_base.tools.dates import redu_today
from odoo.addons.redu_feedback_arvo.tools.arvo_export import half_year

# the points of the best feedback (the top of the scale); the worst gives as many minus points
WEIGHT_FEEDBACK = 5.0
# Arvo's score questions are answered on a scale of 1 to 5 (kategoria min/max, see
# redu_feedback_arvo/tools/arvo_export.py parse_question): 3, the middle, is neutral
SCALE_MIDDLE = 3.0
SCALE_HALF = 2.0
# the half-years of feedback counted, as the feedback's input to the suggested partnership level
FEEDBACK_YEARS = 2


class ReduWorkplacePlace(models.Model):
    _inherit = "redu.workplace.place"

    def _redu_employer_feedback_points(self):
        """The employers' working-life feedback of the last two years ranks their places: the mean of the
        funding-model scores, shown only from Arvo's minimum number of answered codes (the half-years
        below it count for nothing), from +5 at the top of the scale through 0 in the middle to -5 at
        the bottom. One grouped read for all the places ranked."""
        points = super()._redu_employer_feedback_points()
        employers = self.employer_id
        if not employers:
            return points
        since = half_year(redu_today(self) - relativedelta(years=FEEDBACK_YEARS))
        # sudo: the ranking reads the feedback of every entity (an employer's feedback is group-wide);
        # only the aggregate from the minimum number of answers counts, no answer is shown
        rows = (
            self.env["redu.arvo.partner.stat"]
            .sudo()
            ._read_group(
                [("partner_id", "in", employers.ids), ("half_year", ">=", since), ("shown", "=", True)],
                ["partner_id"],
                ["funding_mean:avg"],
            )
        )
        for partner, mean in rows:
            if mean:
                share = max(-1.0, min(1.0, (mean - SCALE_MIDDLE) / SCALE_HALF))
                points[partner.id] = points.get(partner.id, 0.0) + WEIGHT_FEEDBACK * share
        return points
