# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class ReduQualificationUnit(models.Model):
    """A qualification unit (tutkinnon osa) of a qualification, as ePerusteet publishes it."""

    _name = "redu.qualification.unit"
    _description = "Qualification unit"
    _order = "qualification_id, code, id"

    name = fields.Char(required=True)
    code = fields.Char(help="The national code of the unit (ePerusteet koodiArvo), e.g. 106728.")
    qualification_id = fields.Many2one("redu.qualification", required=True, ondelete="cascade", index=True)
    credits = fields.Float(string="Competence points", help="The scope of the unit (osaamispisteet).")
    eperusteet_id = fields.Integer(string="ePerusteet ID", index="btree_not_null")
    active = fields.Boolean(default=True)

    _code_unique = models.Constraint("UNIQUE(qualification_id, code)", "A unit code appears once in a qualification.")

    @api.depends("name", "code")
    def _compute_display_name(self):
        for unit in self:
            unit.display_name = f"{unit.code} {unit.name}" if unit.code else unit.name
