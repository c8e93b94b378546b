# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ReduServiceStage(models.Model):
    _name = "redu.service.stage"
    _description = "Service Process Stage"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    fold = fields.Boolean(string="Folded in Kanban")
    is_closed = fields.Boolean(string="Closing Stage", help="Processes in this stage are finished (done or cancelled).")
    kind = fields.Selection(
        [
            ("inquiry", "Inquiry"),
            ("agreement", "Agreement"),
            ("done", "Done"),
            ("cancelled", "Cancelled"),
        ],
        string="Stage Gate",
        help="Special behaviour of the stage:\n"
        "- Inquiry: leaving it stamps the first response date.\n"
        "- Agreement: entering it needs an agreement date and, for paid services, a confirmed sale order.\n"
        "- Done: entering it needs every required checklist item done and a feedback score.\n"
        "- Cancelled: entering it needs a cancellation reason.",
    )
    activity_type_id = fields.Many2one(
        "mail.activity.type",
        string="Activity on Entry",
        domain="[('res_model', 'in', (False, 'redu.service.process'))]",
        help="Activity scheduled for the responsible user when a process enters this stage.",
    )
    description = fields.Text(translate=True)
