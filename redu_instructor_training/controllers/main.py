# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import http
from odoo.exceptions import UserError
from odoo.http import request

from odoo.addons.redu_base.tools.dates import redu_today
from odoo.addons.redu_feedback_portal.controllers.main import InstructorConfirmationController


class InstructorTrainingController(InstructorConfirmationController):
    """The instructor's training page behind the same personal link: the competence, the coming sessions."""

    def _training_values(self, confirmation):
        partner = confirmation.partner_id
        sessions = request.env["event.event"]._redu_open_sessions(confirmation._redu_instructor_region())
        registered = partner.redu_training_registration_ids.filtered(lambda r: r.state in ("open", "done")).event_id
        today = redu_today(confirmation)
        valid_until = partner.redu_training_valid_until
        return {
            "confirmation": confirmation,
            "partner": partner,
            "sessions": sessions,
            "registered_ids": set(registered.ids),
            "last_training": partner.redu_training_event_id,
            "valid_until": valid_until,
            "training_valid": bool(valid_until and valid_until >= today),
            "action_url": f"/feedback/instructor/{confirmation.id}/{confirmation.access_token}/training",
            "page_url": f"/feedback/instructor/{confirmation.id}/{confirmation.access_token}",
            "error": False,
            "saved": False,
        }

    def _render_training(self, confirmation, status=200, **values):
        if confirmation._link_closed():
            return self._render(confirmation)
        qcontext = self._training_values(confirmation)
        qcontext.update(values)
        return request.render("redu_instructor_training.instructor_training_page", qcontext, status=status)

    @http.route(
        "/feedback/instructor/<int:confirmation_id>/<string:token>/training",
        type="http",
        auth="public",
        website=True,
        methods=["GET"],
        sitemap=False,
    )
    def instructor_training_page(self, confirmation_id, token, **kwargs):
        confirmation = self._confirmation(confirmation_id, token)
        if confirmation is None:
            return self._not_found()
        return self._render_training(confirmation)

    @http.route(
        "/feedback/instructor/<int:confirmation_id>/<string:token>/training",
        type="http",
        auth="public",
        website=True,
        methods=["POST"],
        csrf=True,
        sitemap=False,
    )
    def instructor_training_register(self, confirmation_id, token, event_id=None, **post):
        limited = self._rate_limited(confirmation_id, token)
        if limited:
            return limited
        confirmation = self._confirmation(confirmation_id, token)
        if confirmation is None:
            return self._not_found()
        if confirmation._link_closed():
            return self._render(confirmation)
        try:
            event_id = int(event_id or 0)
        except ValueError:
            event_id = 0
        # only a session listed on the page: any other id (unknown, another event) gets the same answer
        session = self._training_values(confirmation)["sessions"].filtered(lambda e: e.id == event_id)
        if not session:
            return self._render_training(
                confirmation, error=request.env._("This session is not open for registration.")
            )
        try:
            session._redu_register(confirmation.partner_id)
        except UserError as error:
            return self._render_training(confirmation, error=error.args[0])
        confirmation.partner_id._message_log(
            body=request.env._(
                "Registered for the instructor training %(session)s via personal link.", session=session.name
            ),
            author_id=confirmation.partner_id.id,
        )
        return self._render_training(confirmation, saved=session.name)
