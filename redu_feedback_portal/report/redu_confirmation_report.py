# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models
from odoo.tools import SQL


class ReduConfirmationReport(models.Model):
    """One row per agreement whose instructor was asked to confirm their contact details."""

    _name = "redu.confirmation.report"
    _description = "Instructor confirmation rate"
    _auto = False
    _order = "request_date desc"

    agreement_id = fields.Many2one("redu.workplace.agreement", readonly=True)
    teacher_id = fields.Many2one("res.users", readonly=True)
    company_id = fields.Many2one("res.company", string="Group entity", readonly=True)
    instructor_id = fields.Many2one("res.partner", string="Workplace instructor", readonly=True)
    state = fields.Selection(
        [("requested", "No answer"), ("confirmed", "Confirmed"), ("corrected", "Corrected")],
        string="Answer",
        readonly=True,
    )
    request_date = fields.Datetime(string="Requested on", readonly=True)
    readiness = fields.Selection(
        [("unchecked", "Unchecked"), ("ready", "Ready"), ("warning", "Warnings"), ("blocked", "Blocked")],
        readonly=True,
    )
    requested_count = fields.Integer(string="Requested", readonly=True, aggregator="sum")
    confirmed_count = fields.Integer(string="Confirmed", readonly=True, aggregator="sum")
    corrected_count = fields.Integer(string="Corrected", readonly=True, aggregator="sum")
    no_answer_count = fields.Integer(string="No answer", readonly=True, aggregator="sum")
    answer_rate = fields.Float(
        string="Confirmation rate (%)",
        readonly=True,
        aggregator="avg",
        help="The share of requested agreements whose instructor confirmed or corrected their details.",
    )

    @property
    def _table_query(self):
        return SQL(
            """
            SELECT agreement.id AS id,
                   agreement.id AS agreement_id,
                   agreement.teacher_id AS teacher_id,
                   agreement.company_id AS company_id,
                   agreement.instructor_id AS instructor_id,
                   agreement.readiness AS readiness,
                   confirmation.state AS state,
                   confirmation.request_date AS request_date,
                   1 AS requested_count,
                   (confirmation.state = 'confirmed')::int AS confirmed_count,
                   (confirmation.state = 'corrected')::int AS corrected_count,
                   (confirmation.state = 'requested')::int AS no_answer_count,
                   CASE WHEN confirmation.state IN ('confirmed', 'corrected') THEN 100.0 ELSE 0.0 END AS answer_rate
              FROM redu_workplace_agreement agreement
              JOIN redu_instructor_confirmation confirmation ON confirmation.partner_id = agreement.instructor_id
             WHERE confirmation.state != 'new'
            """
        )
