# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class ReduServiceProcess(models.Model):
    _inherit = "redu.service.process"

    progress_state = fields.Selection(
        [("in_progress", "In progress"), ("done", "Closed: done"), ("cancelled", "Closed: cancelled")],
        string="Progress",
        compute="_compute_progress_state",
        store=True,
        help="In progress until the process reaches a closing stage; then done or cancelled by the kind of the "
        "stage (binding goal 1 of the dashboard).",
        redu_system=True,
    )
    checklist_complete_percent = fields.Float(
        string="Checklist complete (%)",
        compute="_compute_checklist_complete_percent",
        store=True,
        aggregator="avg",
        help="100 when every required checklist item of the process is done, else 0: averaged over the processes "
        "closed as done, the share whose checklist was complete at closing.",
        redu_system=True,
    )
    feedback_score_value = fields.Float(
        string="Feedback score (1-5)",
        compute="_compute_feedback_score_value",
        store=True,
        aggregator="avg",
        help="The feedback score as a number, averaged in the analyses (critical point 5); 0 without a score.",
        redu_system=True,
    )

    @api.depends("stage_id.is_closed", "stage_id.kind")
    def _compute_progress_state(self):
        for process in self:
            stage = process.stage_id
            if not stage.is_closed:
                process.progress_state = "in_progress"
            else:
                process.progress_state = "cancelled" if stage.kind == "cancelled" else "done"

    @api.depends("checklist_line_ids.done", "checklist_line_ids.required")
    def _compute_checklist_complete_percent(self):
        for process in self:
            required = process.checklist_line_ids.filtered("required")
            process.checklist_complete_percent = 100.0 if all(required.mapped("done")) else 0.0

    @api.depends("feedback_score")
    def _compute_feedback_score_value(self):
        for process in self:
            process.feedback_score_value = float(process.feedback_score or 0)
