# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class MailActivity(models.Model):
    _inherit = "mail.activity"

    def _action_done(self, feedback=False, attachment_ids=None):
        review_type = self.env.ref("redu_partnership.mail_activity_type_partnership_review", raise_if_not_found=False)
        partner_ids = []
        if review_type:
            partner_ids = [
                activity.res_id
                for activity in self
                if activity.activity_type_id == review_type and activity.res_model == "res.partner"
            ]
        result = super()._action_done(feedback=feedback, attachment_ids=attachment_ids)
        if partner_ids:
            # sudo: Odoo lets the assignee mark an activity done without rights on the
            # record; the next review date is the consequence of the done review, not
            # an edit by the user, so it is written whatever the user's groups.
            partners = self.env["res.partner"].sudo().browse(partner_ids).exists()
            partners._redu_set_next_review_date()
        return result
