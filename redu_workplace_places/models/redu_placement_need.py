# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.redu_base.tools.dates import redu_today
from odoo.addons.redu_feedback_prep.tools.contact_checks import check_email, check_phone

# the weights of the ranking (points out of 100, plus the bonuses of the training and feedback addons)
WEIGHT_UNIT = 40
WEIGHT_UNIT_ANY = 25
WEIGHT_OVERLAP = 25
WEIGHT_DISTANCE = 20
DISTANCE_ZERO_KM = 300
WEIGHT_CAPACITY = 5
CAPACITY_FULL_POINTS = 3
WEIGHT_PAST_AGREEMENT = 2
PAST_AGREEMENTS_COUNTED = 5
RANKED_PLACES = 10


class ReduPlacementNeed(models.Model):
    """A student who needs a workplace-learning place for a unit and a period.

    It holds no more of the student than the agreement will: the name (read by the users of the
    agreements only) and the student ID of the student administration system.
    """

    _name = "redu.placement.need"
    _description = "Need of a workplace-learning place"
    _inherit = ["mail.thread", "redu.company.check.mixin"]
    _order = "date_start, id"
    _check_company_auto = True

    name = fields.Char(string="Reference", required=True, readonly=True, copy=False, default="/")
    student_name = fields.Char(string="Student", groups="redu_feedback_prep.group_feedback_user")
    student_ref = fields.Char(string="Student ID", index="btree_not_null")
    company_id = fields.Many2one(
        "res.company", string="Group entity", required=True, index=True, default=lambda self: self.env.company
    )
    teacher_id = fields.Many2one("res.users", default=lambda self: self.env.user, index="btree_not_null")
    qualification_id = fields.Many2one("redu.qualification", required=True, index=True)
    unit_id = fields.Many2one(
        "redu.qualification.unit",
        string="Qualification unit",
        domain="[('qualification_id', '=', qualification_id)]",
    )
    municipality_id = fields.Many2one(
        "redu.municipality", required=True, help="Where the student studies: the distance to a place is from here."
    )
    agreement_type = fields.Selection(
        # the agreement's own types: the need becomes an agreement of its type
        selection=lambda self: self.env["redu.workplace.agreement"]._fields["agreement_type"].selection,
        string="Agreement type",
        required=True,
        default="training_agreement",
    )
    date_start = fields.Date(string="From", required=True, index=True)
    date_end = fields.Date(string="To", required=True)
    date_need = fields.Date(
        string="Needed since",
        required=True,
        default=fields.Date.context_today,
        help="When the need was recorded: the wait is counted from here.",
    )
    state = fields.Selection(
        [("open", "Without a place"), ("placed", "Placed"), ("cancelled", "Cancelled")],
        default="open",
        required=True,
        readonly=True,
        tracking=True,
        redu_system=True,
    )
    place_id = fields.Many2one("redu.workplace.place", readonly=True, index="btree_not_null", redu_system=True)
    agreement_id = fields.Many2one("redu.workplace.agreement", readonly=True, redu_system=True)
    date_placed = fields.Date(string="Placed on", readonly=True, redu_system=True)
    wait_days = fields.Integer(
        string="Wait (days)",
        compute="_compute_placement_figures",
        store=True,
        aggregator="avg",
        redu_system=True,
        help="Days from the need to the place (placed needs only).",
    )
    placed_by_start = fields.Boolean(
        string="Placed by the start", compute="_compute_placement_figures", store=True, redu_system=True
    )
    placed_by_start_percent = fields.Float(
        string="Placed by the start (%)",
        compute="_compute_placement_figures",
        store=True,
        aggregator="avg",
        redu_system=True,
        help="100 when the student had a place by the start of the period, else 0: averaged, the share placed.",
    )
    match_ids = fields.One2many("redu.place.match", "need_id", string="Ranked places")

    _period_order = models.Constraint("CHECK(date_end >= date_start)", "The period ends before it starts.")

    @api.depends("state", "date_placed", "date_need", "date_start")
    def _compute_placement_figures(self):
        for need in self:
            placed = need.state == "placed" and need.date_placed
            need.wait_days = max((need.date_placed - need.date_need).days, 0) if placed else 0
            need.placed_by_start = bool(placed and need.date_placed <= need.date_start)
            need.placed_by_start_percent = 100.0 if need.placed_by_start else 0.0

    @api.constrains("unit_id", "qualification_id")
    def _check_unit(self):
        for need in self:
            if need.unit_id and need.unit_id.qualification_id != need.qualification_id:
                raise ValidationError(self.env._("The unit must belong to the qualification of %s.", need.name))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("redu.placement.need") or "/"
        return super().create(vals_list)

    # ------------------------------------------------------------------ ranking
    def _redu_candidate_places(self):
        """The places that could take the student: offered, same qualification, overlapping period,
        the agreement type accepted, a place left."""
        self.ensure_one()
        type_field = (
            "accepts_apprenticeship" if self.agreement_type == "apprenticeship" else "accepts_training_agreement"
        )
        places = self.env["redu.workplace.place"].search(
            [
                ("state", "=", "offered"),
                ("qualification_id", "=", self.qualification_id.id),
                ("date_start", "<=", self.date_end),
                ("date_end", ">=", self.date_start),
                (type_field, "=", True),
            ]
        )
        return places.filtered(lambda place: place.seats_taken < place.capacity)

    def _redu_rank_places(self, limit=RANKED_PLACES):
        """The candidate places ranked, best first: a list of dicts of the score and its parts."""
        self.ensure_one()
        places = self._redu_candidate_places()
        if not places:
            return []
        past = dict(
            self.env["redu.workplace.agreement"]
            .sudo()  # sudo: a count per employer across the entities, no agreement is shown
            ._read_group([("employer_id", "in", places.employer_id.ids)], ["employer_id"], ["__count"])
        )
        feedback = places._redu_employer_feedback_points()
        need_days = (self.date_end - self.date_start).days + 1
        rows = []
        for place in places:
            if self.unit_id and self.unit_id in place.unit_ids:
                unit_points = WEIGHT_UNIT
            elif not place.unit_ids:
                unit_points = WEIGHT_UNIT_ANY
            else:
                unit_points = 0
            overlap = (min(self.date_end, place.date_end) - max(self.date_start, place.date_start)).days + 1
            overlap_share = max(overlap, 0) / need_days
            km = self.municipality_id._redu_distance_km(place.municipality_id)
            distance_points = WEIGHT_DISTANCE * max(0.0, 1 - km / DISTANCE_ZERO_KM) if km is not None else 0.0
            capacity_points = WEIGHT_CAPACITY * min(place.capacity_left, CAPACITY_FULL_POINTS) / CAPACITY_FULL_POINTS
            agreements = past.get(place.employer_id, 0)
            instructor = self._redu_pick_instructor(place)
            training_points = place._redu_instructor_training_score(instructor) if instructor else 0.0
            past_points = WEIGHT_PAST_AGREEMENT * min(agreements, PAST_AGREEMENTS_COUNTED)
            feedback_points = feedback.get(place.employer_id.id, 0.0)
            rows.append(
                {
                    "place_id": place.id,
                    "instructor_id": instructor.id,
                    "unit_points": unit_points,
                    "overlap_percent": round(100 * overlap_share, 1),
                    "distance_km": round(km, 1) if km is not None else 0.0,
                    "capacity_left": place.capacity_left,
                    "past_agreements": agreements,
                    "training_points": training_points,
                    "feedback_points": round(feedback_points, 1),
                    "score": round(
                        unit_points
                        + WEIGHT_OVERLAP * overlap_share
                        + distance_points
                        + capacity_points
                        + training_points
                        + past_points
                        + feedback_points,
                        1,
                    ),
                }
            )
        rows.sort(key=lambda row: (-row["score"], row["distance_km"], row["place_id"]))
        return rows[:limit]

    @api.model
    def _redu_pick_instructor(self, place):
        """The place's instructor whose contact details pass the national checks (email and phone),
        else the one with an email, else the first; an empty recordset without instructors."""

        def rank(partner):
            email_ok = not check_email(partner.email)[1]
            phone_ok = not check_phone(partner.phone)[1]
            return (not (email_ok and phone_ok), not email_ok, partner.id)

        instructors = place.instructor_ids.sorted(key=rank)
        return instructors[:1]

    def action_find_places(self):
        """Rank the places for the need and show them (rows kept until the next search)."""
        self.ensure_one()
        if self.state != "open":
            raise UserError(self.env._("%s already has a place or is cancelled.", self.name))
        Match = self.env["redu.place.match"]
        Match.search([("need_id", "=", self.id)]).unlink()
        rows = self._redu_rank_places()
        Match.create([dict(row, need_id=self.id, rank=index) for index, row in enumerate(rows, start=1)])
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Places for %s", self.name),
            "res_model": "redu.place.match",
            "view_mode": "list",
            "domain": [("need_id", "=", self.id)],
            "context": {"create": False},
            "target": "current",
        }

    # ------------------------------------------------------------------ confirming
    def _redu_confirm_place(self, place, instructor):
        """Place the student: reserve a place of the capacity and create the agreement with the place's
        instructor; a UserError when the need is not open or no place is left (nothing changes)."""
        self.ensure_one()
        self.check_access("write")
        place.check_access("read")
        if self.state != "open":
            raise UserError(self.env._("%s already has a place or is cancelled.", self.name))
        if place.qualification_id != self.qualification_id or not (
            place.date_start <= self.date_end and place.date_end >= self.date_start
        ):
            raise UserError(self.env._("%(place)s does not fit %(need)s.", place=place.display_name, need=self.name))
        if instructor and instructor not in place.instructor_ids:
            raise UserError(self.env._("The instructor is not one of the place's instructors."))
        if not place._redu_reserve_seat():
            raise UserError(self.env._("%s has no place left: choose another one.", place.display_name))
        agreement = self.env["redu.workplace.agreement"].create(self._redu_agreement_values(place, instructor))
        # sudo: the placement fields are the system's (redu_system); the user's rights were checked above
        self.sudo().write(
            {
                "state": "placed",
                "place_id": place.id,
                "agreement_id": agreement.id,
                "date_placed": redu_today(self),
            }
        )
        self.message_post(
            body=self.env._(
                "Placed at %(place)s: agreement %(agreement)s.", place=place.display_name, agreement=agreement.name
            )
        )
        return agreement

    def _redu_agreement_values(self, place, instructor):
        values = {
            "agreement_type": self.agreement_type,
            "student_ref": self.student_ref,
            "employer_id": place.employer_id.id,
            "workplace_name": place.workplace_name or place.employer_id.name,
            "instructor_id": instructor.id or False,
            "start_date": max(self.date_start, place.date_start),
            "end_date": min(self.date_end, place.date_end),
            "part_time_percent": 100,
            "qualification": self.qualification_id.name,
            "qualification_code": self.qualification_id.code,
            "qualification_unit": self.unit_id.display_name or False,
            "teacher_id": self.teacher_id.id,
            "company_id": self.company_id.id,
        }
        if "student_name" in self._fields and self.env.user.has_group("redu_feedback_prep.group_feedback_user"):
            values["student_name"] = self.student_name
        if self.agreement_type == "apprenticeship":
            values["apprenticeship_basis"] = "employment"
        return values

    def action_confirm_best_place(self):
        """Confirm the best-ranked place of each open need (a need without a place stays open)."""
        for need in self.filtered(lambda need: need.state == "open"):
            rows = need._redu_rank_places(limit=1)
            if rows:
                place = self.env["redu.workplace.place"].browse(rows[0]["place_id"])
                need._redu_confirm_place(place, self.env["res.partner"].browse(rows[0]["instructor_id"]))
        return True

    def action_cancel(self):
        for need in self:
            if need.state == "placed":
                raise UserError(self.env._("%s is placed: cancel its agreement with the employer first.", need.name))
        # sudo: the state is the system's field; the user's write right on the needs is checked
        self.check_access("write")
        self.sudo().write({"state": "cancelled"})

    def action_reopen(self):
        self.check_access("write")
        self.filtered(lambda need: need.state == "cancelled").sudo().write({"state": "open"})

    def action_view_agreement(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "redu.workplace.agreement",
            "res_id": self.agreement_id.id,
            "view_mode": "form",
        }
