# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models
from odoo.tools import SQL

from ..models.redu_service_process import CHANNEL_SELECTION


class ReduResponseTimeReport(models.Model):
    """Time from inquiry to first response (critical point 1): median and 90th percentile.

    One row per group entity, year of the inquiry and contact channel, and one row per group entity and
    year over all channels (channel "All channels"). Percentiles do not add up: each figure is read on
    its own row (an analysis that groups several rows shows their maximum).
    """

    _name = "redu.response.time.report"
    _description = "Response time analysis"
    _auto = False
    _rec_name = "date"
    _order = "date desc, company_id, channel"

    _depends = {
        "redu.service.process": ["company_id", "date_inquiry", "date_first_response", "channel", "response_hours"],
    }

    date = fields.Date(string="Year", readonly=True, help="The first day of the year of the inquiries.")
    company_id = fields.Many2one("res.company", string="Group entity", readonly=True)
    channel = fields.Selection(
        [*CHANNEL_SELECTION, ("all", "All channels")],
        string="Contact channel",
        readonly=True,
    )
    process_count = fields.Integer(string="Answered inquiries", readonly=True)
    median_hours = fields.Float(
        string="Median response (hours)",
        readonly=True,
        aggregator="max",
        help="Median time from the inquiry to the first response, in hours.",
    )
    p90_hours = fields.Float(
        string="90th percentile response (hours)",
        readonly=True,
        aggregator="max",
        help="Nine inquiries out of ten were answered within this time, in hours.",
    )

    # the query in parts, as sale.report builds its own, so that an addon can extend each of them
    def _select(self):
        return SQL(
            """
            row_number() OVER (ORDER BY company_id, year, GROUPING(channel), channel) AS id,
            company_id,
            year AS date,
            CASE WHEN GROUPING(channel) = 1 THEN 'all' ELSE channel END AS channel,
            count(*) AS process_count,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY response_hours) AS median_hours,
            percentile_cont(0.9) WITHIN GROUP (ORDER BY response_hours) AS p90_hours
            """
        )

    def _grain(self):
        """The period of a row: ``year`` here, ``month`` in the monthly report."""
        return "year"

    def _from(self):
        # the year (the month) of the inquiry in UTC, as the inquiry date is stored
        return SQL(
            """
            (
                SELECT company_id,
                       date_trunc(%(grain)s, date_inquiry)::date AS year,
                       COALESCE(channel, 'other') AS channel,
                       response_hours
                  FROM redu_service_process
                 WHERE %(where)s
            ) AS answered
            """,
            grain=self._grain(),
            where=self._where(),
        )

    def _where(self):
        """The service processes counted (a condition on ``redu_service_process``)."""
        return SQL("date_first_response IS NOT NULL")

    def _group_by(self):
        return SQL("GROUPING SETS ((company_id, year, channel), (company_id, year))")

    def _query(self):
        return SQL(
            "SELECT %(select)s FROM %(from)s GROUP BY %(group_by)s",
            select=self._select(),
            group_by=self._group_by(),
            **{"from": self._from()},
        )

    @property
    def _table_query(self):
        return self._query()
