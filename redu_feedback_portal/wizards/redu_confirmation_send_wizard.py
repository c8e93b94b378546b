# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import Counter

from odoo import Command, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.redu_base.tools.dates import redu_today

# confirmation requests rendered at once by a background task (and the default threshold of one)
SEND_BATCH = 200


class ReduConfirmationSendWizard(models.TransientModel):
    _name = "redu.confirmation.send.wizard"
    _description = "Send confirmation requests to workplace instructors"

    agreement_ids = fields.Many2many("redu.workplace.agreement", string="Agreements")
    line_ids = fields.One2many("redu.confirmation.send.wizard.line", "wizard_id", string="Instructors")
    send_count = fields.Integer(string="Requests to send", compute="_compute_counts")
    call_count = fields.Integer(string="Instructors to call", compute="_compute_counts")
    skip_count = fields.Integer(string="Already sent today", compute="_compute_counts")
    preview_subject = fields.Char(string="Subject", readonly=True)
    preview_body = fields.Html(string="Preview", readonly=True, sanitize=True)

    @api.model
    def _action_open(self, agreements):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Send confirmation request"),
            "res_model": self._name,
            "view_mode": "form",
            "target": "new",
            "context": {"default_agreement_ids": [Command.set(agreements.ids)]},
        }

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        agreement_ids = []
        for command in values.get("agreement_ids") or []:
            if command[0] == Command.SET:
                agreement_ids = command[2]
        context = self.env.context
        if not agreement_ids and context.get("active_model") == "redu.workplace.agreement":
            agreement_ids = context.get("active_ids") or []
        elif not agreement_ids and context.get("active_model") == "redu.contact.issue":
            agreement_ids = self.env["redu.contact.issue"].browse(context.get("active_ids") or []).agreement_id.ids
        agreements = self.env["redu.workplace.agreement"].browse(agreement_ids).filtered("instructor_id")
        values["agreement_ids"] = [Command.set(agreements.ids)]
        if not agreements:
            raise UserError(self.env._("Select agreements that have a workplace instructor."))
        confirmations, _first = self.env["redu.instructor.confirmation"]._for_agreements(agreements)
        channels = confirmations._channels()
        today = redu_today(self)
        count_by_partner = Counter(agreement.instructor_id.id for agreement in agreements)
        lines = []
        for confirmation in confirmations:
            sent_today = confirmation.request_date and redu_today(self, confirmation.request_date) == today
            key = "today" if sent_today else confirmation._channel_key(*channels[confirmation.id])
            lines.append(
                {
                    "confirmation_id": confirmation.id,
                    "channel": key,
                    "agreement_count": count_by_partner[confirmation.partner_id.id],
                }
            )
        values["line_ids"] = [Command.create(line) for line in lines]
        first = next(
            (c for c, line in zip(confirmations, lines, strict=True) if line["channel"] in ("email_sms", "email")),
            None,
        )
        if first:
            template = self.env.ref("redu_feedback_portal.mail_template_confirmation_request")
            values["preview_subject"] = template._render_field("subject", first.ids, compute_lang=True)[first.id]
            values["preview_body"] = template._render_field("body_html", first.ids, compute_lang=True)[first.id]
        return values

    @api.depends("line_ids.channel")
    def _compute_counts(self):
        for wizard in self:
            channels = Counter(wizard.line_ids.mapped("channel"))
            wizard.send_count = channels["email_sms"] + channels["email"] + channels["sms"]
            wizard.call_count = channels["call"]
            wizard.skip_count = channels["today"]

    def action_send(self):
        self.ensure_one()
        confirmations, first_by_partner = self.env["redu.instructor.confirmation"]._for_agreements(self.agreement_ids)
        Job = self.env["redu.background.job"]
        if len(confirmations) > Job._threshold("sending", SEND_BATCH):
            # hundreds of instructors: each email is rendered; a background task, batch by batch
            job = Job._enqueue(
                self.env._("Confirmation requests to %s instructors", len(confirmations)),
                self,
                "_job_send_requests",
                res_ids=confirmations.ids,
                payload={
                    "first_by_partner": {str(partner): agreement.id for partner, agreement in first_by_partner.items()}
                },
                manager_group="redu_feedback_prep.group_feedback_manager",
            )
            return job._action_open()
        result = confirmations._send_requests(first_by_partner=first_by_partner)
        message = self.env._(
            "%(sent)s requests sent, %(call)s instructors to call, %(skipped)s already sent today.",
            sent=len(result["sent"]),
            call=len(result["call"]),
            skipped=len(result["skipped"]),
        )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._("Confirmation requests"),
                "message": message,
                "type": "success" if result["sent"] else "warning",
                "sticky": bool(result["call"]),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    @api.model
    def _job_send_requests(self, job):
        """Background task: send the requests of the next batch of confirmations."""
        ids = job.res_ids[job.done : job.done + SEND_BATCH]
        confirmations = self.env["redu.instructor.confirmation"].browse(ids).exists()
        agreements = self.env["redu.workplace.agreement"]
        first_by_partner = {
            int(partner): agreements.browse(agreement)
            for partner, agreement in (job.payload or {}).get("first_by_partner", {}).items()
        }
        result = confirmations._send_requests(first_by_partner=first_by_partner)
        counts = job._add_counts(sent=len(result["sent"]), call=len(result["call"]), skipped=len(result["skipped"]))
        job._add_lines(
            [
                {
                    "ref": confirmation.partner_id.display_name,
                    "res_model": confirmation._name,
                    "res_id": confirmation.id,
                    "message": self.env._("No deliverable email and no Finnish mobile number: call the instructor."),
                }
                for confirmation in result["call"]
            ]
        )
        job.result = self.env._(
            "%(sent)s requests sent, %(call)s instructors to call, %(skipped)s already sent today.", **counts
        )
        return len(ids)
