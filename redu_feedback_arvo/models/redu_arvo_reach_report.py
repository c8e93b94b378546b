# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.tools import SQL

PREDICTIONS = [
    ("reaches", "Survey reaches the instructor"),
    ("hoks_rejected", "HOKS rejected"),
    ("excluded", "Excluded from the survey"),
    ("not_reached", "Contact details do not reach"),
    ("unchecked", "Not validated"),
]


class ReduArvoReachReport(models.Model):
    """Per group entity, year and rule of the validation: the reach the validation predicted beside
    the actual reach (a response code in Arvo for the period) and the share of correct predictions.

    Only the years of an entity from which response codes were imported, and only the periods that
    ended before this month (their codes are created at the bundling, the month after the end).
    """

    _name = "redu.arvo.reach.report"
    _description = "Predicted and actual reach of the working-life feedback"
    _auto = False
    _depends = {
        "redu.workplace.agreement": [
            "end_date",
            "company_id",
            "readiness",
            "national_hoks_rejected",
            "national_excluded_reason",
            "national_survey_reaches",
        ],
        "redu.arvo.target": ["agreement_id", "answered", "company_id", "period_end"],
    }
    _order = "year desc, company_id, prediction"

    company_id = fields.Many2one("res.company", string="Group entity", readonly=True)
    year = fields.Integer(readonly=True, aggregator=False)
    # the dashboard's period filter matches this date (a year's figures follow "this year", "last year")
    date = fields.Date(string="Year (date)", readonly=True, help="The first day of the year of the periods' end.")
    prediction = fields.Selection(PREDICTIONS, string="Validation rule", readonly=True)
    excluded_reason = fields.Selection(selection="_selection_excluded_reason", string="Exclusion", readonly=True)
    agreement_count = fields.Integer(string="Periods", readonly=True)
    predicted_count = fields.Integer(string="Predicted reached", readonly=True)
    actual_count = fields.Integer(string="Actually reached", readonly=True)
    answered_count = fields.Integer(string="Answered", readonly=True)
    correct_count = fields.Integer(string="Correct predictions", readonly=True)
    predicted_percent = fields.Float(string="Predicted reach (%)", readonly=True, aggregator="avg", digits=(16, 1))
    actual_percent = fields.Float(string="Actual reach (%)", readonly=True, aggregator="avg", digits=(16, 1))
    accuracy = fields.Float(string="Accuracy (%)", readonly=True, aggregator="avg", digits=(16, 1))

    @api.model
    def _selection_excluded_reason(self):
        return self.env["redu.workplace.agreement"]._fields["national_excluded_reason"].selection

    @property
    def _table_query(self):
        return SQL(
            """WITH periods AS (
                   SELECT a.id, a.company_id, extract(year FROM a.end_date)::int AS year,
                          CASE WHEN a.readiness = 'unchecked' THEN 'unchecked'
                               WHEN a.national_hoks_rejected THEN 'hoks_rejected'
                               WHEN a.national_excluded_reason IS NOT NULL THEN 'excluded'
                               WHEN a.national_survey_reaches THEN 'reaches'
                               ELSE 'not_reached' END AS prediction,
                          a.national_excluded_reason AS excluded_reason,
                          coalesce(a.national_survey_reaches, false) AS predicted,
                          EXISTS (SELECT 1 FROM redu_arvo_target t WHERE t.agreement_id = a.id) AS actual,
                          EXISTS (SELECT 1 FROM redu_arvo_target t
                                   WHERE t.agreement_id = a.id AND t.answered) AS answered
                     FROM redu_workplace_agreement a
                    WHERE a.end_date < date_trunc('month', CURRENT_DATE)
                      AND EXISTS (SELECT 1 FROM redu_arvo_target t
                                   WHERE t.company_id = a.company_id AND t.period_end IS NOT NULL
                                     AND extract(year FROM t.period_end) = extract(year FROM a.end_date))
               )
               SELECT min(id) AS id, company_id, year, make_date(year, 1, 1) AS date, prediction, excluded_reason,
                      count(*) AS agreement_count,
                      count(*) FILTER (WHERE predicted) AS predicted_count,
                      count(*) FILTER (WHERE actual) AS actual_count,
                      count(*) FILTER (WHERE answered) AS answered_count,
                      count(*) FILTER (WHERE predicted = actual) AS correct_count,
                      round(100.0 * count(*) FILTER (WHERE predicted) / count(*), 1) AS predicted_percent,
                      round(100.0 * count(*) FILTER (WHERE actual) / count(*), 1) AS actual_percent,
                      round(100.0 * count(*) FILTER (WHERE predicted = actual) / count(*), 1) AS accuracy
                 FROM periods
             GROUP BY company_id, year, prediction, excluded_reason"""
        )
