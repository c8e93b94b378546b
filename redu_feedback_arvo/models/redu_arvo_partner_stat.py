# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models
from odoo.tools import SQL


class ReduArvoPartnerStat(models.Model):
    """Per employer, group entity and half-year: the response codes, how many were answered, and the
    mean of the funding-model scores (shown only from the minimum number of answered codes)."""

    _name = "redu.arvo.partner.stat"
    _description = "Working-life feedback per employer and half-year"
    _auto = False
    _depends = {
        "redu.arvo.target": ["partner_id", "company_id", "user_id", "half_year", "answered"],
        "redu.arvo.answer": ["target_id", "funding_model", "score"],
    }
    _order = "half_year desc, company_id"

    partner_id = fields.Many2one("res.partner", string="Employer", readonly=True)
    company_id = fields.Many2one("res.company", string="Group entity", readonly=True)
    user_id = fields.Many2one("res.users", string="Account manager", readonly=True)
    half_year = fields.Char(string="Half-year", readonly=True)
    year = fields.Integer(readonly=True, aggregator=False)
    # the dashboard's period filter matches this date
    date = fields.Date(string="Half-year (date)", readonly=True, help="The first day of the half-year.")
    target_count = fields.Integer(string="Codes", readonly=True, help="Response codes: periods the survey reached.")
    answered_count = fields.Integer(string="Answered", readonly=True)
    answer_rate = fields.Float(string="Answer rate (%)", readonly=True, aggregator="avg", digits=(16, 1))
    funding_mean = fields.Float(
        string="Funding-model mean",
        readonly=True,
        aggregator="avg",
        digits=(16, 2),
        help="The mean score of the funding-model questions; empty below the minimum number of answered codes.",
    )
    shown = fields.Boolean(string="Scores shown", readonly=True)

    @property
    def _table_query(self):
        return SQL(
            """SELECT min(t.id) AS id, t.partner_id, t.company_id, t.user_id, t.half_year,
                      left(t.half_year, 4)::int AS year,
                      make_date(left(t.half_year, 4)::int, CASE WHEN right(t.half_year, 2) = 'H2' THEN 7 ELSE 1 END, 1)
                          AS date,
                      count(*) AS target_count,
                      count(*) FILTER (WHERE t.answered) AS answered_count,
                      round(100.0 * count(*) FILTER (WHERE t.answered) / count(*), 1) AS answer_rate,
                      CASE WHEN count(*) FILTER (WHERE t.answered) >= %(min)s
                           THEN round(sum(f.total) / nullif(sum(f.answers), 0), 2)
                      END AS funding_mean,
                      count(*) FILTER (WHERE t.answered) >= %(min)s AS shown
                 FROM redu_arvo_target t
            LEFT JOIN (SELECT target_id, sum(score)::numeric AS total, count(*) AS answers
                         FROM redu_arvo_answer
                        WHERE funding_model AND score IS NOT NULL
                     GROUP BY target_id) f ON f.target_id = t.id
                WHERE t.partner_id IS NOT NULL AND t.half_year IS NOT NULL
             GROUP BY t.partner_id, t.company_id, t.user_id, t.half_year""",
            min=self.env["redu.arvo.import"]._arvo_min_answers(),
        )
