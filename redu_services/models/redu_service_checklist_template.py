# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ReduServiceChecklistTemplate(models.Model):
    _name = "redu.service.checklist.template"
    _description = "Service checklist template"
    _order = "name, id"

    name = fields.Char(required=True, translate=True)
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)
    line_ids = fields.One2many(
        "redu.service.checklist.template.line", "template_id", string="Checklist items", copy=True
    )
    line_count = fields.Integer(compute="_compute_line_count", string="Items")

    def _compute_line_count(self):
        for template in self:
            template.line_count = len(template.line_ids)

    def _prepare_process_checklist_vals(self):
        """Values of the process checklist lines copied from this template."""
        self.ensure_one()
        return [
            {
                "name": line.name,
                "sequence": line.sequence,
                "required": line.required,
                "stage_id": line.stage_id.id,
                "template_line_id": line.id,
            }
            for line in self.line_ids
        ]
