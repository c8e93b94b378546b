# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class ReduServiceStage(models.Model):
    _name = "redu.service.stage"
    _description = "Service process stage"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    fold = fields.Boolean(string="Folded in kanban")
    is_closed = fields.Boolean(string="Closing stage", help="Processes in this stage are finished (done or cancelled).")
    kind = fields.Selection(
        [
            ("inquiry", "Inquiry"),
            ("agreement", "Agreement"),
            ("done", "Done"),
            ("cancelled", "Cancelled"),
        ],
        string="Stage type",
        help="Special behaviour of the stage:\n"
        "- Inquiry: leaving it stamps the first response date.\n"
        "- Done, Cancelled: the process shows a ribbon.\n"
        "What a process needs to enter the stage are the gates of the stage.",
    )
    gate_ids = fields.Many2many(
        "redu.service.stage.gate",
        "redu_service_stage_gate_rel",
        "stage_id",
        "gate_id",
        string="Gates",
        default=lambda self: self._default_gate_ids(),
        help="What a process needs to enter this stage: a move that misses any of it is refused, "
        "naming what is missing.",
    )
    activity_type_id = fields.Many2one(
        "mail.activity.type",
        string="Activity on entry",
        domain="[('res_model', 'in', (False, 'redu.service.process'))]",
        help="Activity scheduled for the responsible user when a process enters this stage.",
    )
    description = fields.Text(translate=True)

    @api.model
    def _default_gate_ids(self):
        # as the stages of the data: the required checklist items of the stages passed first
        return self.env.ref("redu_services.stage_gate_checklist_passed_stages", raise_if_not_found=False)
