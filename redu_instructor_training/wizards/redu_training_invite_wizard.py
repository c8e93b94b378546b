# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError


class ReduTrainingInviteWizard(models.TransientModel):
    """Invite the instructors of agreements to the instructor training, or register them for a session."""

    _name = "redu.training.invite.wizard"
    _description = "Instructor training invitation"

    mode = fields.Selection(
        [("invite", "Invite by email (the instructor registers)"), ("register", "Register for a session")],
        required=True,
        default="invite",
    )
    agreement_ids = fields.Many2many("redu.workplace.agreement", string="Agreements")
    partner_ids = fields.Many2many(
        "res.partner",
        string="Instructors without valid training",
        compute="_compute_partner_ids",
    )
    event_id = fields.Many2one(
        "event.event",
        string="Session",
        domain=[
            ("redu_is_instructor_training", "=", True),
            ("date_begin", ">", "now"),
            ("kanban_state", "!=", "cancel"),
        ],
    )
    without_email_count = fields.Integer(compute="_compute_partner_ids")

    @api.depends("agreement_ids")
    def _compute_partner_ids(self):
        for wizard in self:
            agreements = wizard.agreement_ids.filtered(lambda a: a.instructor_id and not a.instructor_training_valid)
            wizard.partner_ids = agreements.instructor_id
            wizard.without_email_count = len(wizard.partner_ids.filtered(lambda p: not p.email))

    def action_apply(self):
        self.ensure_one()
        # the caller reads the agreements; ids an RPC caller sends are checked here
        self.agreement_ids.check_access("read")
        if not self.partner_ids:
            raise UserError(self.env._("Every instructor of the selected agreements has a valid training."))
        if self.mode == "register":
            return self._redu_register_instructors()
        return self._redu_invite()

    def _redu_invite(self):
        agreements = self.agreement_ids.filtered(lambda a: a.instructor_id in self.partner_ids)
        confirmations, _first = self.env["redu.instructor.confirmation"]._for_agreements(agreements)
        template = self.env.ref("redu_instructor_training.mail_template_training_invitation")
        sent = self.env["res.partner"]
        # sudo: a shared instructor's personal link may have been created by another entity
        for confirmation in confirmations.sudo():
            if not confirmation.partner_id.email:
                continue
            template.send_mail(confirmation.id, email_layout_xmlid="mail.mail_notification_light")
            confirmation._message_log(body=self.env._("Invitation to the instructor training sent."))
            sent |= confirmation.partner_id
        return self._redu_notify(
            self.env._(
                "Invitations sent: %(sent)s. Without an email address (call them): %(missing)s.",
                sent=len(sent),
                missing=len(self.partner_ids - sent),
            )
        )

    def _redu_register_instructors(self):
        event = self.event_id
        if not event:
            raise UserError(self.env._("Choose the session to register the instructors for."))
        registrations = event._redu_register(self.partner_ids)
        for partner in registrations.partner_id:
            partner._message_log(
                body=Markup("<p>%s</p>")
                % self.env._("Registered for the instructor training %(session)s.", session=event.name)
            )
        return self._redu_notify(
            self.env._(
                "%(count)s instructors registered for %(session)s.", count=len(registrations), session=event.name
            )
        )

    def _redu_notify(self, message):
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {"message": message, "type": "success", "next": {"type": "ir.actions.act_window_close"}},
        }
