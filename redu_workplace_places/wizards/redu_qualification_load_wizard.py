# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64

from odoo import fields, models
from odoo.exceptions import UserError


class ReduQualificationLoadWizard(models.TransientModel):
    """Load qualifications from a file saved from ePerusteet's external API (one answer or a list)."""

    _name = "redu.qualification.load.wizard"
    _description = "Load qualifications from ePerusteet"

    file_data = fields.Binary(string="File", required=True)
    file_name = fields.Char()

    def action_load(self):
        self.ensure_one()
        if not self.file_data:
            raise UserError(self.env._("Choose the file to load."))
        qualifications = self.env["redu.qualification"]._redu_load_file(base64.b64decode(self.file_data))
        return {
            "type": "ir.actions.act_window",
            "res_model": "redu.qualification",
            "view_mode": "list,form",
            "domain": [("id", "in", qualifications.ids)],
            "name": self.env._("Qualifications loaded"),
        }
