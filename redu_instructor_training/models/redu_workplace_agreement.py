# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from markupsafe import Markup

from odoo import api, fields, models

from odoo.addons.redu_base.tools.dates import redu_today


class ReduWorkplaceAgreement(models.Model):
    _inherit = "redu.workplace.agreement"

    instructor_training_valid_until = fields.Date(
        string="Instructor training valid until", related="instructor_id.redu_training_valid_until"
    )
    instructor_training_valid = fields.Boolean(
        string="Instructor trained",
        compute="_compute_instructor_training_valid",
        store=True,
        index=True,
        help="The instructor's last training attended is still valid at the end of this workplace period.",
    )

    @api.depends("instructor_id.redu_training_valid_until", "start_date", "end_date")
    def _compute_instructor_training_valid(self):
        for agreement in self:
            valid_until = agreement.instructor_id.redu_training_valid_until
            period_end = agreement.end_date or agreement.start_date
            agreement.instructor_training_valid = bool(valid_until and (not period_end or valid_until >= period_end))

    @api.model_create_multi
    def create(self, vals_list):
        agreements = super().create(vals_list)
        agreements._redu_schedule_training_activities()
        return agreements

    def write(self, vals):
        result = super().write(vals)
        if vals.get("instructor_id"):
            self._redu_schedule_training_activities()
        return result

    def _redu_schedule_training_activities(self):
        """The teacher's activity on the instructor when a coming or running period has an untrained instructor.

        One activity per instructor and teacher: an open one is not repeated.
        """
        today = redu_today(self)
        untrained = self.filtered(
            lambda a: (
                a.instructor_id
                and a.teacher_id
                and not a.instructor_training_valid
                and (not a.end_date or a.end_date >= today)
            )
        )
        if not untrained:
            return
        activity_type = self.env.ref("redu_instructor_training.mail_activity_type_training_needed")
        # sudo: the open activities of the instructor may be another teacher's (only their existence is read)
        existing = {
            (activity.res_id, activity.user_id.id)
            for activity in self.env["mail.activity"]
            .sudo()
            .search(
                [
                    ("res_model", "=", "res.partner"),
                    ("res_id", "in", untrained.instructor_id.ids),
                    ("activity_type_id", "=", activity_type.id),
                ]
            )
        }
        model_id = self.env["ir.model"]._get("res.partner").id
        vals_list = []
        for agreement in untrained:
            key = (agreement.instructor_id.id, agreement.teacher_id.id)
            if key in existing:
                continue
            existing.add(key)
            vals_list.append(
                {
                    "activity_type_id": activity_type.id,
                    "summary": activity_type.summary,
                    "automated": True,
                    "note": Markup("<p>%s</p>")
                    % self.env._(
                        "%(instructor)s guides the workplace period %(agreement)s without a valid instructor "
                        "training: invite them to a session.",
                        instructor=agreement.instructor_id.name,
                        agreement=agreement.name,
                    ),
                    "date_deadline": today,
                    "res_model_id": model_id,
                    "res_id": agreement.instructor_id.id,
                    "user_id": agreement.teacher_id.id,
                }
            )
        if vals_list:
            # sudo: the teacher's own agreement; the instructor may be another entity's contact. One batch
            # (an import creates many: the teachers follow their instructors in one subscription each) and
            # no email per activity: the teacher sees them in the activities
            self.env["mail.activity"].sudo().with_context(mail_activity_quick_update=True).create(vals_list)

    def action_redu_training_invite(self):
        return self._redu_training_wizard("invite")

    def action_redu_training_register(self):
        return self._redu_training_wizard("register")

    def _redu_training_wizard(self, mode):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Invite to instructor training")
            if mode == "invite"
            else self.env._("Register the instructor for a training session"),
            "res_model": "redu.training.invite.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_agreement_ids": self.ids, "default_mode": mode},
        }
