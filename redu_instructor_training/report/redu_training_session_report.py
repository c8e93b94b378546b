# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models
from odoo.tools import SQL


class ReduTrainingSessionReport(models.Model):
    """One row per instructor training session: seats, registrations, attendance and the fill rate."""

    _name = "redu.training.session.report"
    _description = "Instructor training sessions fill rate"
    _auto = False
    _order = "date desc, event_id"
    # the ORM flushes these before reading the view
    _depends = {
        "event.event": [
            "company_id",
            "redu_service_id",
            "redu_region_id",
            "redu_is_instructor_training",
            "date_begin",
            "seats_limited",
            "seats_max",
            "active",
        ],
        "event.registration": ["event_id", "state", "active"],
    }

    event_id = fields.Many2one("event.event", string="Session", readonly=True)
    company_id = fields.Many2one("res.company", string="Group entity", readonly=True)
    service_id = fields.Many2one("redu.service", readonly=True)
    region_id = fields.Many2one("res.country.state", readonly=True)
    date = fields.Date(readonly=True)
    seats_max = fields.Integer(string="Seats", readonly=True, aggregator="sum")
    registered_count = fields.Integer(string="Registered", readonly=True, aggregator="sum")
    attended_count = fields.Integer(string="Attended", readonly=True, aggregator="sum")
    fill_rate = fields.Float(
        string="Fill rate (%)",
        readonly=True,
        aggregator="avg",
        help="Registered and attended participants per seat of a session with limited seats.",
    )

    @property
    def _table_query(self):
        return SQL(
            """
            SELECT event.id AS id,
                   event.id AS event_id,
                   event.company_id AS company_id,
                   event.redu_service_id AS service_id,
                   event.redu_region_id AS region_id,
                   event.date_begin::date AS date,
                   CASE WHEN event.seats_limited THEN event.seats_max ELSE 0 END AS seats_max,
                   count(registration.id) FILTER (WHERE registration.state IN ('open', 'done')) AS registered_count,
                   count(registration.id) FILTER (WHERE registration.state = 'done') AS attended_count,
                   CASE WHEN event.seats_limited AND event.seats_max > 0
                        THEN 100.0 * count(registration.id) FILTER (WHERE registration.state IN ('open', 'done'))
                             / event.seats_max
                   END AS fill_rate
              FROM event_event event
              LEFT JOIN event_registration registration
                     ON registration.event_id = event.id AND registration.active
             WHERE event.redu_is_instructor_training
               AND event.active
             GROUP BY event.id
            """
        )
