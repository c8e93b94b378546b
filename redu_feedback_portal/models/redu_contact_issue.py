# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class ReduContactIssue(models.Model):
    _inherit = "redu.contact.issue"

    def action_open_send_confirmation(self):
        return self.env["redu.confirmation.send.wizard"]._action_open(self.agreement_id)
