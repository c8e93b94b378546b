# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import api, fields, models, tools
from odoo.fields import Domain

from odoo.addons.redu_base.tools.dates import redu_today

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
            date_deadline=redu_today(self),
        )

    def _arvo_feedback_level_code(self):
        """The hook of the feedback in the suggested partnership level: the level code a partner with good
        working-life feedback is suggested at least."""
        return FEEDBACK_LEVEL_CODE

    def _arvo_good_feedback_partners(self):
        """The partners of ``self`` whose feedback of the last four half-years has at least the minimum
        number of answered codes, a mean funding-model score of at least 4 and an answer rate of at least
        half."""
        return self._arvo_good_feedback_ids() & set(self.ids)

    @api.model
    def _arvo_good_feedback_ids(self):
        """The ids of every partner with good feedback (see ``_arvo_good_feedback_partners``): one grouped
        read, cached until the next import (``_arvo_feedback_changed``), the half-year or the minimum
        number of answers changes. The same set serves the suggestion and the search of
        ``suggested_level_differs``, so the filter agrees with the suggestion users see."""
        since = half_year(redu_today(self) - relativedelta(years=2))
        min_answers = self.env["redu.arvo.import"]._arvo_min_answers()
        return self._arvo_good_feedback_ids_cached(since, min_answers)

    @api.model
    @tools.ormcache("since", "min_answers")
    def _arvo_good_feedback_ids_cached(self, since, min_answers):
        # sudo: the suggestion reads the figures of every entity (the level is group-wide); only the
        # aggregate, from the minimum number of answers, decides
        rows = (
            self.env["redu.arvo.partner.stat"]
            .sudo()
            ._read_group(
                [("half_year", ">=", since), ("shown", "=", True)],
                ["partner_id"],
                ["target_count:sum", "answered_count:sum", "funding_mean:avg"],
            )
        )
        return frozenset(
            partner.id
            for partner, targets, answered, mean in rows
            if answered and mean and mean >= HIGH_SCORE and 2 * answered >= targets
        )

    @api.model
    def _arvo_feedback_changed(self):
        """The answers or their matching changed: the cached set of good-feedback partners is stale."""
        self.env.registry.clear_cache()

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

    def _search_suggested_level_differs(self, operator, value):
        """As the compute: the partners whose good feedback raises the suggestion are judged on the
        raised suggestion, computed for them (few: the feedback of the minimum number of answered codes
        with a high mean); the others keep the domain of redu_partnership (and redu_services). No query
        when no partner has good feedback, once the set is cached."""
        domain = super()._search_suggested_level_differs(operator, value)
        if domain is NotImplemented:
            return domain
        wanted = set(value) if operator == "in" else {True, False} - set(value)
        good_ids = self._arvo_good_feedback_ids()
        if not good_ids or wanted in ({True, False}, set()):
            return domain
        # sudo: the suggestion of the good-feedback partners is computed as the form shows it, whatever
        # entity's partners the searching user may open (the search itself keeps the record rules)
        good = self.browse(sorted(good_ids)).sudo().exists()
        differing = good.filtered("suggested_level_differs")
        matching = differing if True in wanted else good - differing
        return (Domain(domain) & Domain("id", "not in", good.ids)) | Domain("id", "in", matching.ids)
