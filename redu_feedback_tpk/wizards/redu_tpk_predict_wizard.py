# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

from ..tools import tpk_rules


class ReduTpkPredictWizard(models.TransientModel):
    """Predict the workplace survey bundles of a collection period from the agreements."""

    _name = "redu.tpk.predict.wizard"
    _description = "Predict workplace survey bundles"

    period = fields.Selection(
        selection="_selection_period",
        string="Collection period",
        required=True,
        default=lambda self: self.env["redu.tpk.bundle"]._tpk_default_period_start().isoformat(),
        help="The half-year by the end date of the workplace periods. The default is the period whose "
        "answering window comes next (or is open now).",
    )
    window_start = fields.Date(string="Answering starts", compute="_compute_window")
    window_end = fields.Date(string="Answering ends", compute="_compute_window")
    state = fields.Selection([("draft", "Draft"), ("done", "Done")], default="draft")
    bundle_count = fields.Integer(string="Bundles", readonly=True)
    bundle_ids = fields.Many2many("redu.tpk.bundle", string="Bundles of the period", readonly=True)
    line_ids = fields.One2many("redu.tpk.predict.line", "wizard_id", string="Findings", readonly=True)
    problem_line_ids = fields.One2many(
        "redu.tpk.predict.line",
        "wizard_id",
        string="Periods without a link",
        domain=[("kind", "=", "problem")],
        readonly=True,
    )
    spelling_line_ids = fields.One2many(
        "redu.tpk.predict.line",
        "wizard_id",
        string="Y-tunnus under several spellings",
        domain=[("kind", "=", "spelling")],
    )
    no_email_count = fields.Integer(string="Bundles without a usable email", readonly=True)

    @api.model
    def _selection_period(self):
        options = []
        for start, end in self.env["redu.tpk.bundle"]._tpk_period_options():
            label = (
                self.env._("Spring %(year)s", year=start.year)
                if start.month == 1
                else self.env._("Autumn %(year)s", year=start.year)
            )
            options.append((start.isoformat(), f"{label} ({start:%d.%m.%Y}-{end:%d.%m.%Y})"))
        return options

    @api.depends("period")
    def _compute_window(self):
        for wizard in self:
            if wizard.period:
                start = fields.Date.to_date(wizard.period)
                wizard.window_start, wizard.window_end = tpk_rules.answer_window(start)
            else:
                wizard.window_start = wizard.window_end = False

    def action_predict(self):
        self.ensure_one()
        result = self.env["redu.tpk.bundle"]._tpk_predict(fields.Date.to_date(self.period))
        lines = [
            fields.Command.create(
                {"kind": "problem", "agreement_id": agreement.id, "problem": problem, "detail": detail}
            )
            for agreement, problem, detail in result["problems"]
        ]
        for business_id, _provider, names in result["spellings"]:
            agreement_ids = [agreement.id for members in names.values() for agreement in members]
            most_used = max(names, key=lambda name: len(names[name]))
            lines.append(
                fields.Command.create(
                    {
                        "kind": "spelling",
                        "business_id": business_id,
                        "spellings": " | ".join(sorted(names)),
                        "unified_name": most_used,
                        "agreement_ids": [fields.Command.set(agreement_ids)],
                    }
                )
            )
        bundles = result["bundles"]
        self.line_ids.unlink()
        self.write(
            {
                "state": "done",
                "bundle_ids": [fields.Command.set(bundles.ids)],
                "bundle_count": len(bundles),
                "no_email_count": len(bundles.filtered("email_problem")),
                "line_ids": lines,
            }
        )
        return self._reopen()

    def _reopen(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }

    def action_open_bundles(self):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id("redu_feedback_tpk.redu_tpk_bundle_action")
        action["domain"] = [("id", "in", self.bundle_ids.ids)]
        return action
