# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

SURVEY_TYPES = [
    ("tyopaikkaohjaajakysely", "Workplace instructor survey"),
    ("tyopaikkakysely", "Workplace survey"),
    ("other", "Other survey"),
]


class ReduArvoSurvey(models.Model):
    """A survey round of Arvo (kyselykerta), as the export API gives it."""

    _name = "redu.arvo.survey"
    _description = "Arvo survey round"
    _order = "year desc, name, id"

    arvo_id = fields.Integer(string="Arvo ID", required=True, readonly=True, index=True)
    name = fields.Char(string="Survey round", required=True, readonly=True)
    survey_name = fields.Char(string="Survey", readonly=True)
    survey_ref = fields.Integer(string="Arvo survey ID", readonly=True)
    survey_type = fields.Selection(SURVEY_TYPES, string="Survey type", readonly=True, index=True)
    year = fields.Char(readonly=True)
    company_id = fields.Many2one("res.company", string="Group entity", required=True, readonly=True, index=True)

    _arvo_id_uniq = models.Constraint("UNIQUE(arvo_id)", "An Arvo survey round is imported once.")
