# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models
from odoo.tools import SQL


class ReduResponseTimeMonthReport(models.Model):
    """The response time of :class:`redu.response.time.report` per month, one row per statistic.

    The rows of the yearly report cut by month (group entity, month of the inquiry, channel or all
    channels), each given twice: once with its median, once with its 90th percentile in ``hours``. A chart
    grouped by month and statistic draws the two lines from the one measure; a percentile is read on its
    own row (grouping several rows shows their maximum, the slowest entity).
    """

    _name = "redu.response.time.month.report"
    _inherit = "redu.response.time.report"
    _description = "Response time analysis per month"
    _auto = False

    date = fields.Date(string="Month", readonly=True, help="The first day of the month of the inquiries.")
    statistic = fields.Selection(
        [("median", "Median"), ("p90", "90th percentile")],
        readonly=True,
    )
    hours = fields.Float(
        string="Response (hours)",
        readonly=True,
        aggregator="max",
        help="The median or the 90th percentile (see the statistic) of the time to the first response, in hours.",
    )

    def _grain(self):
        return "month"

    def _query(self):
        return SQL(
            """
            SELECT row_number() OVER (ORDER BY per_month.id, statistic.name) AS id,
                   per_month.company_id,
                   per_month.date,
                   per_month.channel,
                   per_month.process_count,
                   per_month.median_hours,
                   per_month.p90_hours,
                   statistic.name AS statistic,
                   CASE statistic.name WHEN 'median' THEN per_month.median_hours ELSE per_month.p90_hours END
                       AS hours
              FROM (%(per_month)s) AS per_month
             CROSS JOIN (VALUES ('median'), ('p90')) AS statistic(name)
            """,
            per_month=super()._query(),
        )
