# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import fields, models

from ..tools.arvo_export import half_year

FEEDBACK_GROUPS = "redu_feedback_prep.group_feedback_user,redu_partnership.group_partnership_user"
# a workplace whose instructors answer and rate the workplace learning well is at least a customer to
# develop and grow (C): the feedback's input to the suggested partnership level
FEEDBACK_LEVEL_CODE = "C"
HIGH_SCORE = 4.0


class ResPartner(models.Model):
    _inherit = "res.partner"

    arvo_partner_stat_ids = fields.One2many(
        "redu.arvo.partner.stat", "partner_id", string="Feedback per half-year", groups=FEEDBACK_GROUPS
    )
    arvo_question_stat_ids = fields.One2many(
        "redu.arvo.question.stat", "partner_id", string="Feedback per question", groups=FEEDBACK_GROUPS
    )
    arvo_theme_stat_ids = fields.One2many(
        "redu.arvo.theme.stat", "partner_id", string="Feedback per theme", groups=FEEDBACK_GROUPS
    )

    def _arvo_follow_up(self, summary, intro, lines):
        """The loop: an activity *Feedback follow-up* for the partner's account manager, due today, with
        ``intro`` and the list items ``lines`` (Markup) in its note."""
        self.ensure_one()
        return self.activity_schedule(
            "redu_feedback_arvo.mail_activity_type_feedback_follow_up",
            user_id=self.user_id.id,
            summary=summary,
            note=Markup("<p>%s</p><ul>%s</ul>") % (intro, lines),
            date_deadline=fields.Date.context_today(self),
        )

    def _arvo_feedback_level_code(self):
        """The hook of the feedback in the suggested partnership level: the level code a partner with good
        working-life feedback is suggested at least."""
        return FEEDBACK_LEVEL_CODE

    def _arvo_good_feedback_partners(self):
        """The partners of ``self`` whose feedback of the last four half-years has at least the minimum
        number of answered codes, a mean funding-model score of at least 4 and an answer rate of at least
        half: one grouped read."""
        today = fields.Date.context_today(self)
        since = half_year(today - relativedelta(years=2))
        # sudo: the suggestion reads the figures of every entity (the level is group-wide); only the
        # aggregate, from the minimum number of answers, decides
        rows = (
            self.env["redu.arvo.partner.stat"]
            .sudo()
            ._read_group(
                [("partner_id", "in", self.ids), ("half_year", ">=", since), ("shown", "=", True)],
                ["partner_id"],
                ["target_count:sum", "answered_count:sum", "funding_mean:avg"],
            )
        )
        return {
            partner.id
            for partner, targets, answered, mean in rows
            if answered and mean and mean >= HIGH_SCORE and 2 * answered >= targets
        }

    def _compute_suggested_partnership_level(self):
        """The working-life feedback raises the suggestion of redu_partnership (and redu_services) to at
        least the feedback level: the higher level (lower sequence) wins."""
        result = super()._compute_suggested_partnership_level()
        partners = self.filtered("id")
        good = partners._arvo_good_feedback_partners() if partners else set()
        if good:
            # sudo: the level configuration is read by the partnership managers only
            level = (
                self.env["redu.partnership.level"]
                .sudo()
                .search([("code", "=", self._arvo_feedback_level_code())], limit=1)
            )
            for partner in self:
                current = partner.suggested_partnership_level_id
                if level and partner.id in good and (not current or level.sequence < current.sequence):
                    partner.suggested_partnership_level_id = level.with_env(self.env)
        return result
