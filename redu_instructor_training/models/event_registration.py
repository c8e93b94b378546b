# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.tools import email_normalize


class EventRegistration(models.Model):
    _inherit = "event.registration"

    redu_is_instructor_training = fields.Boolean(
        related="event_id.redu_is_instructor_training", string="Instructor training"
    )
    redu_certificate_sent = fields.Boolean(string="Certificate sent", readonly=True, copy=False, redu_system=True)

    @api.model_create_multi
    def create(self, vals_list):
        registrations = super().create(vals_list)
        registrations._redu_link_instructors()
        registrations.filtered(lambda r: r.state == "done")._redu_send_certificates()
        return registrations

    def _redu_link_instructors(self):
        """A website registration (no partner) to an instructor training gets the instructor of its email.

        Only when exactly one workplace instructor of the agreements has that email: the competence record then
        follows the attendance. Nothing is answered to the visitor about it.
        """
        anonymous = self.filtered(lambda r: r.redu_is_instructor_training and not r.partner_id and r.email)
        if not anonymous:
            return
        emails = {registration.id: email_normalize(registration.email) for registration in anonymous}
        # sudo: the website visitor (public user) registers; the instructors are looked up, never shown
        agreements = self.env["redu.workplace.agreement"].sudo()
        instructors = agreements.search(
            [("instructor_id.email_normalized", "in", [email for email in emails.values() if email])]
        ).instructor_id
        by_email = {}
        for partner in instructors:
            by_email.setdefault(partner.email_normalized, []).append(partner)
        for registration in anonymous:
            matches = by_email.get(emails[registration.id]) or []
            if len(matches) == 1:
                # sudo: the link is made by the system (the visitor may not write registrations' partners)
                registration.sudo().partner_id = matches[0]

    def write(self, vals):
        result = super().write(vals)
        if vals.get("state") == "done":
            self._redu_send_certificates()
        return result

    def _redu_send_certificates(self):
        """The certificate email of an attended instructor training, once per registration."""
        to_send = self.filtered(
            lambda r: r.redu_is_instructor_training and r.partner_id and r.email and not r.redu_certificate_sent
        )
        if not to_send:
            return
        template = self.env.ref("redu_instructor_training.mail_template_training_certificate")
        for registration in to_send:
            template.send_mail(registration.id, email_layout_xmlid="mail.mail_notification_light")
        # sudo: the stamp is the system's (guarded field); the organiser marked the attendance
        to_send.sudo().write({"redu_certificate_sent": True})
