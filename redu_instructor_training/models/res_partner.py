# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

DEFAULT_VALIDITY_YEARS = 3
VALIDITY_PARAM = "redu_instructor_training.validity_years"


class ResPartner(models.Model):
    _inherit = "res.partner"

    redu_training_registration_ids = fields.One2many(
        "event.registration",
        "partner_id",
        string="Instructor training registrations",
        domain=[("event_id.redu_is_instructor_training", "=", True)],
    )
    redu_training_event_id = fields.Many2one(
        "event.event",
        string="Last training attended",
        compute="_compute_redu_training",
        store=True,
        index="btree_not_null",
        redu_system=True,
    )
    redu_training_date = fields.Date(
        string="Training attended on",
        compute="_compute_redu_training",
        store=True,
        redu_system=True,
    )
    redu_training_valid_until = fields.Date(
        string="Training valid until",
        compute="_compute_redu_training_valid_until",
        store=True,
        redu_system=True,
        help="The date of the last instructor training attended plus the validity of the settings (3 years by "
        "default).",
    )

    @api.depends(
        "redu_training_registration_ids.state",
        "redu_training_registration_ids.active",
        "redu_training_registration_ids.event_id.date_end",
        "redu_training_registration_ids.event_id.redu_is_instructor_training",
    )
    def _compute_redu_training(self):
        for partner in self:
            attended = partner.redu_training_registration_ids.filtered(
                lambda r: r.state == "done" and r.active and r.event_id.redu_is_instructor_training
            )
            last = attended.event_id.sorted(lambda e: (e.date_end, e.id))[-1:]
            partner.redu_training_event_id = last
            partner.redu_training_date = last.date_end.date() if last else False

    @api.model
    def _redu_validity_years(self):
        # sudo: a setting read by every user
        value = self.env["ir.config_parameter"].sudo().get_param(VALIDITY_PARAM, DEFAULT_VALIDITY_YEARS)
        try:
            return min(max(int(value), 1), 50)
        except (TypeError, ValueError):
            return DEFAULT_VALIDITY_YEARS

    @api.depends("redu_training_date")
    def _compute_redu_training_valid_until(self):
        years = self._redu_validity_years()
        for partner in self:
            date = partner.redu_training_date
            partner.redu_training_valid_until = date + relativedelta(years=years) if date else False

    @api.model
    def _redu_recompute_training_validity(self):
        """After a change of the validity setting: every trained instructor's validity, and the agreements."""
        partners = self.with_context(active_test=False).search([("redu_training_date", "!=", False)])
        # marks the validity and everything depending on it (the agreements' flag) for recomputation
        partners.modified(["redu_training_date"])
        self.env.flush_all()
