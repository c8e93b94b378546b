# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ReduArvoQuestion(models.Model):
    """A question of Arvo (kysymys) with its category: whether it counts in the funding model, its theme."""

    _name = "redu.arvo.question"
    _description = "Arvo question"
    _order = "sequence, arvo_id"

    arvo_id = fields.Integer(string="Arvo ID", required=True, readonly=True, index=True)
    name = fields.Char(string="Question", required=True, readonly=True)
    group_name = fields.Char(string="Question group", readonly=True)
    answer_type = fields.Char(string="Answer type", readonly=True)
    is_score = fields.Boolean(string="Score", readonly=True, help="Answered with a number on a scale.")
    funding_model = fields.Boolean(
        string="Funding-model question",
        readonly=True,
        index=True,
        help="Arvo's category rahoitusmallikysymys: the question counts in the funding of vocational education.",
    )
    theme = fields.Char(readonly=True, index=True)
    scale_max = fields.Integer(string="Scale maximum", readonly=True)
    sequence = fields.Integer(readonly=True)

    _arvo_id_uniq = models.Constraint("UNIQUE(arvo_id)", "An Arvo question is imported once.")
