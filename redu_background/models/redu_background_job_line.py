# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ReduBackgroundJobLine(models.Model):
    _name = "redu.background.job.line"
    _description = "Background task: reported item"
    _order = "sequence, id"

    job_id = fields.Many2one("redu.background.job", string="Task", required=True, index=True, ondelete="cascade")
    sequence = fields.Integer(
        help="The item's place in the task's work (a row number of its file): the report lists the items in this "
        "order, those of the task's parts among its own."
    )
    ref = fields.Char(string="Item", help="The row of the file or the record the message is about.")
    res_model = fields.Char(string="Model")
    res_id = fields.Integer(string="Record ID")
    message = fields.Text(required=True)

    def action_open_record(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self.res_model,
            "res_id": self.res_id,
            "view_mode": "form",
            "views": [(False, "form")],
        }
