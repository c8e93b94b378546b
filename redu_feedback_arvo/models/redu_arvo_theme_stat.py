# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models
from odoo.tools import SQL


class ReduArvoThemeStat(models.Model):
    """Per employer, group entity, half-year and theme of the questions (Arvo's category teema): the
    number of score answers and their mean, shown only from the minimum number of answers."""

    _name = "redu.arvo.theme.stat"
    _description = "Working-life feedback per theme"
    _auto = False
    _depends = {
        "redu.arvo.answer": ["partner_id", "company_id", "user_id", "half_year", "theme", "target_id", "score"],
    }
    _order = "half_year desc, theme"

    partner_id = fields.Many2one("res.partner", string="Employer", readonly=True)
    company_id = fields.Many2one("res.company", string="Group entity", readonly=True)
    user_id = fields.Many2one("res.users", string="Account manager", readonly=True)
    half_year = fields.Char(string="Half-year", readonly=True)
    theme = fields.Char(readonly=True)
    answer_count = fields.Integer(string="Answers", readonly=True)
    mean = fields.Float(readonly=True, aggregator="avg", digits=(16, 2))
    shown = fields.Boolean(string="Score shown", readonly=True)

    @property
    def _table_query(self):
        return SQL(
            """SELECT min(a.id) AS id, a.partner_id, a.company_id, a.user_id, a.half_year, a.theme,
                      count(*) AS answer_count,
                      CASE WHEN count(DISTINCT a.target_id) >= %(min)s THEN round(avg(a.score)::numeric, 2) END AS mean,
                      count(DISTINCT a.target_id) >= %(min)s AS shown
                 FROM redu_arvo_answer a
                WHERE a.partner_id IS NOT NULL AND a.half_year IS NOT NULL AND a.score IS NOT NULL
                      AND a.theme IS NOT NULL
             GROUP BY a.partner_id, a.company_id, a.user_id, a.half_year, a.theme""",
            min=self.env["redu.arvo.import"]._arvo_min_answers(),
        )
