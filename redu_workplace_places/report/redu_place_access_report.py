# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models
from odoo.tools import SQL


class ReduPlaceAccessReport(models.Model):
    """Equal access to workplace learning, per group entity, qualification, municipality and month in
    which the periods start: the students who needed a place, the share placed by the start of their
    period and the median wait from the need to the place (a median does not add up: each row has its
    own, computed by PostgreSQL)."""

    _name = "redu.place.access.report"
    _description = "Equal access to workplace learning"
    _auto = False
    _order = "period_month desc, company_id, qualification_id"

    company_id = fields.Many2one("res.company", string="Group entity", readonly=True)
    qualification_id = fields.Many2one("redu.qualification", readonly=True)
    municipality_id = fields.Many2one("redu.municipality", readonly=True)
    period_month = fields.Date(string="Period starts (month)", readonly=True)
    need_count = fields.Integer(string="Students needing a place", readonly=True)
    placed_count = fields.Integer(string="Placed", readonly=True)
    placed_by_start_count = fields.Integer(string="Placed by the start", readonly=True)
    placed_by_start_percent = fields.Float(
        string="Placed by the start (%)",
        readonly=True,
        aggregator="avg",
        help="Of the students whose need was not cancelled, the share with a place by the start of the period.",
    )
    median_wait_days = fields.Float(
        string="Median wait (days)",
        readonly=True,
        aggregator="max",
        help="The median of the days from the need to the place, over the students placed.",
    )

    @property
    def _table_query(self):
        return SQL(
            """
            SELECT min(need.id) AS id,
                   need.company_id,
                   need.qualification_id,
                   need.municipality_id,
                   date_trunc('month', need.date_start)::date AS period_month,
                   count(*) AS need_count,
                   count(*) FILTER (WHERE need.state = 'placed') AS placed_count,
                   count(*) FILTER (WHERE need.placed_by_start) AS placed_by_start_count,
                   round(100.0 * count(*) FILTER (WHERE need.placed_by_start) / count(*), 1) AS placed_by_start_percent,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY need.wait_days)
                       FILTER (WHERE need.state = 'placed') AS median_wait_days
              FROM redu_placement_need need
             WHERE need.state != 'cancelled'
          GROUP BY need.company_id, need.qualification_id, need.municipality_id,
                   date_trunc('month', need.date_start)
            """
        )
