# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models
from odoo.exceptions import UserError

PROBLEMS = [
    ("provider_missing", "Education provider missing"),
    ("workplace_name_missing", "Workplace name missing"),
    ("business_id_missing", "Y-tunnus missing"),
    ("business_id_invalid", "Y-tunnus invalid"),
    ("end_date_missing", "End date missing"),
    ("hoks_rejected", "HOKS rejected by eHOKS"),
    ("excluded", "Excluded from the instructor survey"),
    ("entrepreneur", "Apprenticeship on an entrepreneur basis"),
]


class ReduTpkPredictLine(models.TransientModel):
    """A finding of the prediction: a period that gets no link, or a Y-tunnus written in several ways."""

    _name = "redu.tpk.predict.line"
    _description = "Workplace survey prediction finding"

    wizard_id = fields.Many2one("redu.tpk.predict.wizard", required=True, ondelete="cascade")
    kind = fields.Selection([("problem", "No link"), ("spelling", "Several spellings")], required=True)
    agreement_id = fields.Many2one("redu.workplace.agreement", readonly=True)
    employer_id = fields.Many2one(related="agreement_id.employer_id", string="Employer")
    workplace_name = fields.Char(related="agreement_id.workplace_name")
    problem = fields.Selection(PROBLEMS, readonly=True)
    detail = fields.Char(readonly=True)
    business_id = fields.Char(string="Y-tunnus", readonly=True)
    spellings = fields.Char(readonly=True)
    unified_name = fields.Char(
        string="Unified name", help="The workplace name written on all these agreements by Unify."
    )
    agreement_ids = fields.Many2many("redu.workplace.agreement", string="Agreements", readonly=True)

    def action_unify(self):
        """Write one workplace name on every agreement of the Y-tunnus, then predict again."""
        self.ensure_one()
        if not (self.unified_name or "").strip():
            raise UserError(self.env._("Enter the workplace name to write on the agreements."))
        self.agreement_ids.write({"workplace_name": self.unified_name.strip()})
        return self.wizard_id.action_predict()
