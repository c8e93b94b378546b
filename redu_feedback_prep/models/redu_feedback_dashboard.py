# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import fields, models
from odoo.tools import SQL

from odoo.addons.redu_base.tools.dates import redu_today

from .redu_workplace_agreement import OPEN_DAYS_AFTER_END


class ReduFeedbackDashboard(models.Model):
    """One line per entity: how many open agreements are ready for the transfer."""

    _name = "redu.feedback.dashboard"
    _description = "Working-life feedback readiness dashboard"
    _auto = False
    _order = "company_id"

    company_id = fields.Many2one("res.company", string="Group entity", readonly=True)
    agreement_count = fields.Integer(string="Agreements", readonly=True)
    ready_count = fields.Integer(string="Ready", readonly=True)
    warning_count = fields.Integer(string="Warnings", readonly=True)
    blocked_count = fields.Integer(string="Blocked", readonly=True)
    unchecked_count = fields.Integer(string="Unchecked", readonly=True)
    ready_percent = fields.Float(string="Ready %", readonly=True, aggregator=False, digits=(16, 1))
    blocked_soon_count = fields.Integer(
        string="Blocked, ending within 14 days",
        readonly=True,
        help="Blocked agreements whose workplace period ends in the next 14 days.",
    )

    @property
    def _table_query(self):
        # today in Finland from Python, not PostgreSQL's CURRENT_DATE: the database session runs in
        # UTC, which is yesterday in Finland from 22:00 (21:00 in summer) until midnight UTC
        today = redu_today(self)
        return SQL(
            """SELECT company_id AS id, company_id,
                      count(*) AS agreement_count,
                      count(*) FILTER (WHERE readiness = 'ready') AS ready_count,
                      count(*) FILTER (WHERE readiness = 'warning') AS warning_count,
                      count(*) FILTER (WHERE readiness = 'blocked') AS blocked_count,
                      count(*) FILTER (WHERE readiness = 'unchecked') AS unchecked_count,
                      round(100.0 * count(*) FILTER (WHERE readiness = 'ready') / count(*), 1) AS ready_percent,
                      count(*) FILTER (WHERE readiness = 'blocked' AND end_date >= %(today)s
                                         AND end_date <= %(soon)s) AS blocked_soon_count
                 FROM redu_workplace_agreement
                WHERE end_date IS NULL OR end_date >= %(open_limit)s
             GROUP BY company_id""",
            today=today,
            soon=today + timedelta(days=14),
            open_limit=today - timedelta(days=OPEN_DAYS_AFTER_END),
        )

    def action_open_blocked(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("redu_feedback_prep.redu_workplace_agreement_action")
        action["domain"] = [("company_id", "=", self.company_id.id), ("readiness", "=", "blocked")]
        return action
