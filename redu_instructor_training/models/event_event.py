# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError

# the category of the service catalogue whose services are trained as events (redu_services data)
TRAINING_CATEGORY_CODE = "workplace_instructor_training"


class EventEvent(models.Model):
    _inherit = "event.event"

    redu_service_id = fields.Many2one(
        "redu.service",
        string="Instructor training service",
        index="btree_not_null",
        check_company=True,
        domain=[("category_id.code", "=", TRAINING_CATEGORY_CODE)],
        help="A session of this workplace instructor training service of the catalogue: attending it gives the "
        "instructor a valid training.",
    )
    redu_is_instructor_training = fields.Boolean(
        string="Instructor training",
        compute="_compute_redu_is_instructor_training",
        store=True,
        index=True,
    )
    redu_region_id = fields.Many2one(
        "res.country.state",
        string="Region",
        compute="_compute_redu_region_id",
        store=True,
        readonly=False,
        help="The region (maakunta) whose instructors are invited to this session first; taken from the venue.",
    )

    @api.depends("redu_service_id")
    def _compute_redu_is_instructor_training(self):
        for event in self:
            event.redu_is_instructor_training = bool(event.redu_service_id)

    @api.depends("address_id.state_id")
    def _compute_redu_region_id(self):
        for event in self:
            event.redu_region_id = event.address_id.state_id or event.redu_region_id

    @api.model
    def _redu_open_sessions_domain(self):
        """Instructor training sessions still to come (full ones included: the page shows them as full)."""
        return [
            ("redu_is_instructor_training", "=", True),
            ("date_begin", ">", "now"),
            ("kanban_state", "!=", "cancel"),
        ]

    @api.model
    def _redu_open_sessions(self, region=None, limit=None):
        """The coming sessions, those of ``region`` and online ones (no venue) first, then by date."""
        # sudo: the instructor's page and the emails read the sessions as the public user / any teacher
        sessions = self.sudo().search(self._redu_open_sessions_domain(), order="date_begin, id")
        if region:
            sessions = sessions.sorted(lambda e: (not (e.redu_region_id == region or not e.address_id), e.date_begin))
        return sessions[:limit] if limit else sessions

    def _redu_register(self, partners):
        """Register the instructors for this session; those already registered are left as they are.

        :return: the new registrations
        :raise UserError: not an open instructor training session, or not enough seats
        """
        self.ensure_one()
        # sudo: teachers and the instructor's personal page register instructors without event rights; the
        # session is checked to be an open instructor training below
        event = self.sudo()
        if not event.filtered_domain(self._redu_open_sessions_domain()) or not event.event_registrations_open:
            raise UserError(self.env._("This session is not open for registration."))
        registered = event.registration_ids.filtered(lambda r: r.state in ("open", "done")).partner_id
        new_partners = partners - registered
        if event.seats_limited and event.seats_max and len(new_partners) > event.seats_available:
            raise UserError(
                self.env._(
                    "The session has %(seats)s seats left for %(count)s instructors.",
                    seats=event.seats_available,
                    count=len(new_partners),
                )
            )
        registrations = (
            self.env["event.registration"]
            .sudo()
            .create(
                [
                    {
                        "event_id": event.id,
                        "partner_id": partner.id,
                        "name": partner.name,
                        "email": partner.email,
                        "phone": partner.phone,
                    }
                    for partner in new_partners
                ]
            )
        )
        return registrations.with_env(self.env)
