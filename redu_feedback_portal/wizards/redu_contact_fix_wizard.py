# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class ReduContactFixWizard(models.TransientModel):
    _inherit = "redu.contact.fix.wizard"

    def action_open_send_confirmation(self):
        self.ensure_one()
        return self.env["redu.confirmation.send.wizard"]._action_open(self.agreement_ids)
