# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models
from odoo.tools import SQL


class ReduArvoQuestionStat(models.Model):
    """Per employer, group entity, half-year and score question: the number of answers and their mean,
    with the change from the previous half-year; the mean is shown only from the minimum number of
    answers (no single instructor singled out)."""

    _name = "redu.arvo.question.stat"
    _description = "Working-life feedback per question"
    _auto = False
    _depends = {
        "redu.arvo.answer": ["partner_id", "company_id", "user_id", "half_year", "question_id", "score"],
        "redu.arvo.question": ["sequence", "funding_model", "theme"],
    }
    _order = "half_year desc, funding_model desc, sequence, question_id"

    partner_id = fields.Many2one("res.partner", string="Employer", readonly=True)
    company_id = fields.Many2one("res.company", string="Group entity", readonly=True)
    user_id = fields.Many2one("res.users", string="Account manager", readonly=True)
    half_year = fields.Char(string="Half-year", readonly=True)
    question_id = fields.Many2one("redu.arvo.question", readonly=True)
    sequence = fields.Integer(readonly=True)
    funding_model = fields.Boolean(string="Funding-model question", readonly=True)
    theme = fields.Char(readonly=True)
    answer_count = fields.Integer(string="Answers", readonly=True)
    mean = fields.Float(readonly=True, aggregator="avg", digits=(16, 2))
    previous_mean = fields.Float(string="Previous half-year", readonly=True, aggregator="avg", digits=(16, 2))
    trend = fields.Float(string="Change", readonly=True, aggregator="avg", digits=(16, 2))
    shown = fields.Boolean(string="Score shown", readonly=True)

    @property
    def _table_query(self):
        return SQL(
            """SELECT s.*, lag(s.mean) OVER w AS previous_mean, s.mean - lag(s.mean) OVER w AS trend
                 FROM (SELECT min(a.id) AS id, a.partner_id, a.company_id, a.user_id, a.half_year, a.question_id,
                              q.sequence, q.funding_model, q.theme,
                              count(*) AS answer_count,
                              CASE WHEN count(*) >= %(min)s THEN round(avg(a.score)::numeric, 2) END AS mean,
                              count(*) >= %(min)s AS shown
                         FROM redu_arvo_answer a
                         JOIN redu_arvo_question q ON q.id = a.question_id
                        WHERE a.partner_id IS NOT NULL AND a.half_year IS NOT NULL AND a.score IS NOT NULL
                     GROUP BY a.partner_id, a.company_id, a.user_id, a.half_year, a.question_id,
                              q.sequence, q.funding_model, q.theme) s
               WINDOW w AS (PARTITION BY s.partner_id, s.company_id, s.question_id ORDER BY s.half_year)""",
            min=self.env["redu.arvo.import"]._arvo_min_answers(),
        )
