# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from markupsafe import Markup

from odoo import fields, models
from odoo.tools import format_datetime

from odoo.addons.redu_base.tools.dates import redu_today


class ReduInstructorConfirmation(models.Model):
    _inherit = "redu.instructor.confirmation"

    training_url = fields.Char(string="Training link", compute="_compute_training_url")

    def _compute_training_url(self):
        for confirmation in self:
            url = confirmation.confirmation_url
            confirmation.training_url = f"{url}/training" if url else False

    def _redu_instructor_region(self):
        self.ensure_one()
        partner = self.partner_id
        return partner.state_id or partner.commercial_partner_id.state_id

    def _redu_next_session(self):
        """The next instructor training session of the instructor's region (or online, or the next anywhere)."""
        self.ensure_one()
        return self.env["event.event"]._redu_open_sessions(self._redu_instructor_region(), limit=1)

    def _request_extra_html(self):
        """The invitation to the next session in the confirmation request, for an instructor not trained."""
        result = super()._request_extra_html()
        self.ensure_one()
        partner = self.partner_id
        today = redu_today(self)
        if partner.redu_training_valid_until and partner.redu_training_valid_until >= today:
            return result
        session = self._redu_next_session()
        if not session:
            return result
        env = self.with_context(lang=self._partner_lang()).env
        when = format_datetime(env, session.date_begin, tz=session.date_tz, dt_format="short")
        text = env._(
            "Workplace instructor training: the next session is %(name)s on %(date)s. Register with your personal "
            "link, no login needed:",
            name=session.name,
            date=when,
        )
        return result + Markup('<p>%s <a href="%s">%s</a></p>') % (
            text,
            self.training_url,
            env._("Register for the training"),
        )
