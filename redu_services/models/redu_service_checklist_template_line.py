# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ReduServiceChecklistTemplateLine(models.Model):
    _name = "redu.service.checklist.template.line"
    _description = "Service checklist template item"
    _order = "template_id, sequence, id"

    template_id = fields.Many2one("redu.service.checklist.template", required=True, ondelete="cascade", index=True)
    name = fields.Char(string="Item", required=True, translate=True)
    sequence = fields.Integer(default=10)
    required = fields.Boolean(default=True)
    stage_id = fields.Many2one(
        "redu.service.stage",
        string="Done by stage",
        ondelete="restrict",
        help="The item must be done before the process moves past this stage.",
    )
