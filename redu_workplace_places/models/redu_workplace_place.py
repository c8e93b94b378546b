# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import datetime

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

from odoo.addons.redu_base.tools.dates import redu_today

# the limits of a place offered by an employer without an account (the website's form, the instructor's
# personal link): students at once, how far ahead the period may start and end, the free texts
OFFER_MAX_CAPACITY = 20
OFFER_MAX_DAYS_AHEAD = 730
OFFER_TEXT_LIMITS = {"languages": 200, "accessibility_note": 1000}


class ReduWorkplacePlace(models.Model):
    """Places for workplace learning that an employer offers for a period."""

    _name = "redu.workplace.place"
    _description = "Workplace-learning place"
    _inherit = ["mail.thread", "redu.company.check.mixin"]
    _order = "date_start, id"
    _check_company_auto = True

    name = fields.Char(string="Reference", required=True, readonly=True, copy=False, default="/")
    state = fields.Selection(
        [("proposed", "Proposed"), ("offered", "Offered"), ("closed", "Closed")],
        default="offered",
        required=True,
        tracking=True,
        help="Proposed: sent from the website, to be checked by the back office. Offered: matched to the "
        "students' needs. Closed: no longer offered.",
    )
    source = fields.Selection(
        [("back_office", "Back office"), ("website", "Website")],
        default="back_office",
        required=True,
        readonly=True,
    )
    employer_id = fields.Many2one(
        "res.partner",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        domain="[('is_company', '=', True)]",
    )
    employer_level_id = fields.Many2one(
        "redu.partnership.level",
        string="Partnership level",
        compute="_compute_employer_level_id",
        compute_sudo=True,
        store=True,
        help="The employer's partnership level, for the places offered and used per level (the figures of "
        "the dashboard, read by the agreements' users who do not read the partners' partnership data).",
    )
    workplace_name = fields.Char(string="Workplace", tracking=True)
    municipality_id = fields.Many2one("redu.municipality", required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company",
        string="Group entity",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    qualification_id = fields.Many2one("redu.qualification", required=True, tracking=True)
    unit_ids = fields.Many2many(
        "redu.qualification.unit",
        string="Qualification units",
        domain="[('qualification_id', '=', qualification_id)]",
        help="The units the workplace can teach; none means any unit of the qualification.",
    )
    date_start = fields.Date(string="From", required=True, tracking=True)
    date_end = fields.Date(string="To", required=True, tracking=True)
    capacity = fields.Integer(default=1, required=True, tracking=True, help="How many students at once.")
    seats_taken = fields.Integer(
        string="Taken",
        default=0,
        required=True,
        readonly=True,
        copy=False,
        redu_system=True,
        help="Places reserved by confirmed matches (written only by the confirmation, atomically).",
    )
    capacity_left = fields.Integer(string="Left", compute="_compute_capacity_left")
    instructor_ids = fields.Many2many(
        "res.partner",
        string="Workplace instructors",
        domain="[('is_company', '=', False), ('parent_id', '=', employer_id)]",
    )
    accepts_training_agreement = fields.Boolean(string="Training agreement", default=True)
    accepts_apprenticeship = fields.Boolean(string="Apprenticeship")
    languages = fields.Char(help="The languages of instruction at the workplace, e.g. suomi, englanti.")
    accessibility_note = fields.Text(string="Accessibility", help="Accessibility of the workplace and its tasks.")
    note = fields.Text()
    need_ids = fields.One2many("redu.placement.need", "place_id", string="Students placed")

    _capacity_positive = models.Constraint("CHECK(capacity > 0)", "The capacity is at least one student.")
    _seats_within_capacity = models.Constraint(
        "CHECK(seats_taken >= 0 AND seats_taken <= capacity)", "More students placed than the capacity."
    )
    _period_order = models.Constraint("CHECK(date_end >= date_start)", "The period ends before it starts.")

    @api.depends("employer_id.partnership_level_id")
    def _compute_employer_level_id(self):
        for place in self:
            place.employer_level_id = place.employer_id.partnership_level_id

    @api.depends("capacity", "seats_taken")
    def _compute_capacity_left(self):
        for place in self:
            place.capacity_left = max(place.capacity - place.seats_taken, 0)

    @api.constrains("unit_ids", "qualification_id")
    def _check_units(self):
        for place in self:
            if place.unit_ids.qualification_id - place.qualification_id:
                raise ValidationError(
                    self.env._("The units of %s must belong to its qualification.", place.display_name)
                )

    @api.constrains("capacity", "seats_taken")
    def _check_capacity(self):
        for place in self:
            if place.capacity < place.seats_taken:
                raise ValidationError(
                    self.env._(
                        "%(place)s already has %(taken)s students placed: the capacity cannot be less.",
                        place=place.display_name,
                        taken=place.seats_taken,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("redu.workplace.place") or "/"
        return super().create(vals_list)

    @api.depends("name", "employer_id", "municipality_id")
    def _compute_display_name(self):
        for place in self:
            place.display_name = " · ".join(
                part for part in (place.name, place.employer_id.name, place.municipality_id.name) if part
            )

    # ------------------------------------------------------------------ offers without an account
    @api.model
    def _redu_offer_form_lists(self):
        """The choices of an offer form: the active municipalities and qualifications."""
        return {
            "municipalities": self.env["redu.municipality"].search([("active", "=", True)]),
            "qualifications": self.env["redu.qualification"].search([("active", "=", True)]),
        }

    @api.model
    def _redu_parse_offer_date(self, value):
        try:
            return datetime.date.fromisoformat(str(value or "").strip()[:10])
        except ValueError:
            return None

    @api.model
    def _redu_offer_validate(self, post):
        """(values, errors) of the place part of an offer sent without an account (strings as posted):
        the municipality and the qualification from their lists, the period (from today, within two
        years), the students at once, the contract types, the languages and the accessibility. The
        callers (the website's form, the instructor's personal link) check the sender's own part."""
        values, errors = {}, {}
        for name, Model in (("municipality_id", "redu.municipality"), ("qualification_id", "redu.qualification")):
            raw = str(post.get(name) or "")
            record = self.env[Model]
            if raw.isdigit() and len(raw) < 10:
                record = record.search([("id", "=", int(raw)), ("active", "=", True)])
            values[name.removesuffix("_id")] = record
            values[name] = record.id
        if not values["municipality"]:
            errors["municipality_id"] = self.env._("Choose the municipality from the list.")
        if not values["qualification"]:
            errors["qualification_id"] = self.env._("Choose the qualification from the list.")
        start = self._redu_parse_offer_date(post.get("date_start"))
        end = self._redu_parse_offer_date(post.get("date_end"))
        today = redu_today(self)
        ahead = datetime.timedelta(days=OFFER_MAX_DAYS_AHEAD)
        values["date_start"], values["date_end"] = start, end
        if not start:
            errors["date_start"] = self.env._("Enter the first day, e.g. 2026-09-01.")
        elif not today <= start <= today + ahead:
            errors["date_start"] = self.env._("The period starts today at the earliest and within two years.")
        if not end:
            errors["date_end"] = self.env._("Enter the last day, e.g. 2026-10-31.")
        elif start and "date_start" not in errors and not start <= end <= start + ahead:
            errors["date_end"] = self.env._("The period ends after it starts and within two years.")
        capacity = str(post.get("capacity") or "").strip()
        values["capacity"] = int(capacity) if capacity.isdigit() and len(capacity) < 4 else 0
        if not 1 <= values["capacity"] <= OFFER_MAX_CAPACITY:
            errors["capacity"] = self.env._("From 1 to %s students.", OFFER_MAX_CAPACITY)
        values["accepts_training_agreement"] = bool(post.get("accepts_training_agreement"))
        values["accepts_apprenticeship"] = bool(post.get("accepts_apprenticeship"))
        if not (values["accepts_training_agreement"] or values["accepts_apprenticeship"]):
            errors["contract_types"] = self.env._("Choose a training agreement, an apprenticeship or both.")
        for name, size in OFFER_TEXT_LIMITS.items():
            value = str(post.get(name) or "").strip()
            values[name] = " ".join(value.split()) if name == "languages" else value
            if len(values[name]) > size:
                errors[name] = self.env._("At most %s characters.", size)
        return values, errors

    @api.model
    def _redu_offer_create(self, values, employer, instructors, company, source, note=False):
        """The *Proposed* place of a checked offer (``values`` of ``_redu_offer_validate``), for the
        back office to check and offer."""
        return self.create(
            {
                "state": "proposed",
                "source": source,
                "employer_id": employer.id,
                "company_id": company.id,
                "municipality_id": values["municipality_id"],
                "qualification_id": values["qualification_id"],
                "date_start": values["date_start"],
                "date_end": values["date_end"],
                "capacity": values["capacity"],
                "accepts_training_agreement": values["accepts_training_agreement"],
                "accepts_apprenticeship": values["accepts_apprenticeship"],
                "languages": values["languages"] or False,
                "accessibility_note": values["accessibility_note"] or False,
                "note": note or False,
                "instructor_ids": [(6, 0, instructors.ids)],
            }
        )

    def action_offer(self):
        self.write({"state": "offered"})

    def action_close(self):
        self.write({"state": "closed"})

    def _redu_reserve_seat(self):
        """Take one place of the capacity, atomically: False when none is left.

        One UPDATE that checks and takes, its condition evaluated on the row it locks: of two
        simultaneous confirmations of the last place, the second waits for the first's row lock and
        takes nothing, whatever the isolation level. Under Odoo's REPEATABLE READ it fails to serialise
        instead and Odoo retries it; the retry finds no place left. A check of the seats read earlier
        (the ORM's cache) followed by a write would rely on that serialisation failure alone and, under
        READ COMMITTED, take the last place twice (tests/test_concurrency.py runs both levels).
        """
        self.ensure_one()
        self.flush_recordset(["seats_taken", "capacity"])
        # raw SQL: the ORM's write cannot check and take in one statement (see the docstring)
        self.env.cr.execute(
            SQL(
                "UPDATE redu_workplace_place SET seats_taken = seats_taken + 1, write_date = now() at time zone 'UTC',"
                " write_uid = %s WHERE id = %s AND seats_taken < capacity AND state = 'offered' RETURNING id",
                self.env.uid,
                self.id,
            ),
            # a serialisation failure is expected under concurrent confirmations (Odoo retries), not a bad query
            log_exceptions=False,
        )
        reserved = bool(self.env.cr.fetchall())
        self.invalidate_recordset(["seats_taken", "write_date", "write_uid"])
        return reserved

    def _redu_release_seat(self):
        self.ensure_one()
        self.flush_recordset(["seats_taken"])
        self.env.cr.execute(
            SQL(
                "UPDATE redu_workplace_place SET seats_taken = seats_taken - 1 WHERE id = %s AND seats_taken > 0",
                self.id,
            )
        )
        self.invalidate_recordset(["seats_taken"])

    def _redu_employer_feedback_points(self):
        """The hook of a feedback addon: {employer id: points} of the employers of ``self`` for their
        working-life feedback, added to the score of their places (positive for good feedback, negative
        for poor; an employer not in the dict, or without such an addon, is neutral). One call for all
        the places ranked."""
        return {}

    def _redu_instructor_training_score(self, instructor):
        """The hook of a training addon: a bonus for an instructor whose workplace-instructor training is
        valid (0, neutral, without such an addon)."""
        return 0.0
