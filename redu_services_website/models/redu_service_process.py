# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.fields import Domain

from odoo.addons.redu_base.tools.dates import redu_today


class ReduServiceProcess(models.Model):
    _inherit = "redu.service.process"

    response_escalated = fields.Boolean(
        string="Late response escalated",
        copy=False,
        help="The service manager of the entity got an activity for the late first response.",
        redu_system=True,
    )

    @api.model
    def _redu_late_first_response_domain(self):
        """Open processes past their response target without a first response (the search filter
        of the same name says the same)."""
        return Domain(
            [
                ("date_first_response", "=", False),
                ("is_closed", "=", False),
                ("date_response_due", "<", redu_today(self)),
            ]
        )

    # ------------------------------------------------------------------
    # first response
    # ------------------------------------------------------------------
    def _message_post_after_hook(self, message, msg_values):
        """The first message a user sends to the organisation (a message that is not an internal
        note) or the first call logged (a done activity of the phone call kind) is the first
        response. Stage changes are stamped by redu_services."""
        result = super()._message_post_after_hook(message, msg_values)
        self._redu_stamp_first_response(message)
        return result

    def _redu_stamp_first_response(self, message):
        """Stamp the first response of the processes without one, if the message is one.

        What decides is the message and who sends it, nothing of the context: a message of the
        system (the superuser's, e.g. the acknowledgement of a web inquiry) or of a portal user is
        no response.
        """
        pending = self.filtered(lambda p: not p.date_first_response)
        user = self.env.user
        if not pending or user.share or user._is_superuser():
            return
        is_answer = message.message_type == "comment" and message.subtype_id and not message.subtype_id.internal
        is_call = message.mail_activity_type_id.category == "phonecall"
        if is_answer or is_call:
            # sudo: the stamp is the system's record of the message that the user was allowed to
            # post (a follower may post without the right to write the process)
            pending.sudo().write({"date_first_response": message.date or fields.Datetime.now()})

    # ------------------------------------------------------------------
    # escalation
    # ------------------------------------------------------------------
    @api.model
    def _cron_escalate_late_first_responses(self):
        """One activity to the entity's service manager for each process late for its first
        response, once per process."""
        late = self.search(self._redu_late_first_response_domain() & Domain("response_escalated", "=", False))
        activity_type = self.env.ref("redu_services_website.mail_activity_type_late_response")
        escalated = self.browse()
        for process in late:
            manager = process.company_id.redu_service_manager_id or process.company_id.redu_web_intake_user_id
            if not manager:
                continue
            process.activity_schedule(
                activity_type_id=activity_type.id,
                user_id=manager.id,
                note=self.env._(
                    "No first response to %(partner)s by %(due)s (responsible: %(user)s).",
                    partner=process.partner_id.display_name,
                    due=process.date_response_due,
                    user=process.user_id.name or "-",
                ),
            )
            escalated |= process
        # sudo: the escalation stamp is the system's (the job runs for every entity)
        escalated.sudo().write({"response_escalated": True})
        return escalated
