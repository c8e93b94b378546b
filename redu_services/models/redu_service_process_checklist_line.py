# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class ReduServiceProcessChecklistLine(models.Model):
    _name = "redu.service.process.checklist.line"
    _description = "Service process checklist item"
    _order = "process_id, sequence, id"

    process_id = fields.Many2one("redu.service.process", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="process_id.company_id", store=True)
    template_line_id = fields.Many2one(
        "redu.service.checklist.template.line", string="Template line", ondelete="set null"
    )
    name = fields.Char(string="Item", required=True)
    sequence = fields.Integer(default=10)
    required = fields.Boolean(default=True)
    stage_id = fields.Many2one("redu.service.stage", string="Done by stage", ondelete="restrict")
    done = fields.Boolean(copy=False)
    done_by = fields.Many2one("res.users", string="Done by", readonly=True, copy=False)
    done_date = fields.Datetime(string="Done on", readonly=True, copy=False)

    def _done_vals(self, vals):
        """Stamp who ticked the item and when (cleared when unticked)."""
        if "done" not in vals:
            return vals
        if vals["done"]:
            return dict(vals, done_by=self.env.uid, done_date=fields.Datetime.now())
        return dict(vals, done_by=False, done_date=False)

    @api.model_create_multi
    def create(self, vals_list):
        return super().create([self._done_vals(vals) for vals in vals_list])

    def write(self, vals):
        return super().write(self._done_vals(vals))
