# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models
from odoo.tools import SQL


class ReduTrainingCompetenceReport(models.Model):
    """One row per group entity, year and active workplace instructor (one with a workplace period that year)."""

    _name = "redu.training.competence.report"
    _description = "Instructors with valid training"
    _auto = False
    _order = "date desc, company_id, instructor_id"
    # the ORM flushes these before reading the view
    _depends = {
        "redu.workplace.agreement": [
            "company_id",
            "start_date",
            "end_date",
            "instructor_id",
            "instructor_training_valid",
        ],
    }

    company_id = fields.Many2one("res.company", string="Group entity", readonly=True)
    date = fields.Date(string="Year", readonly=True, help="The first day of the year of the workplace periods.")
    instructor_id = fields.Many2one("res.partner", string="Workplace instructor", readonly=True)
    trained = fields.Boolean(string="Valid training", readonly=True)
    instructor_count = fields.Integer(string="Active instructors", readonly=True, aggregator="sum")
    trained_count = fields.Integer(string="Instructors with valid training", readonly=True, aggregator="sum")
    trained_percent = fields.Float(
        string="Share with valid training (%)",
        readonly=True,
        aggregator="avg",
        help="The share of the active instructors whose training is valid at the end of a period of theirs.",
    )

    @property
    def _table_query(self):
        # an instructor counts in every year a period of theirs touches, once per entity and year
        return SQL(
            """
            SELECT row_number() OVER (ORDER BY agreement.company_id, years.year, agreement.instructor_id) AS id,
                   agreement.company_id AS company_id,
                   make_date(years.year, 1, 1) AS date,
                   agreement.instructor_id AS instructor_id,
                   bool_or(agreement.instructor_training_valid) AS trained,
                   1 AS instructor_count,
                   bool_or(agreement.instructor_training_valid)::int AS trained_count,
                   CASE WHEN bool_or(agreement.instructor_training_valid) THEN 100.0 ELSE 0.0 END AS trained_percent
              FROM redu_workplace_agreement agreement
             CROSS JOIN LATERAL generate_series(
                       extract(year FROM agreement.start_date)::int,
                       extract(year FROM coalesce(agreement.end_date, agreement.start_date))::int
                   ) AS years(year)
             WHERE agreement.instructor_id IS NOT NULL
               AND agreement.start_date IS NOT NULL
             GROUP BY agreement.company_id, years.year, agreement.instructor_id
            """
        )
