# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import PlacesCase, day


class TestConfirm(PlacesCase):
    def test_confirm_creates_the_agreement_and_reserves_the_place(self):
        place = self._place(capacity=2, date_start=day(0), date_end=day(60))
        need = self._need()
        need.with_user(self.teacher).action_find_places()
        match = self.env["redu.place.match"].search([("need_id", "=", need.id)])
        action = match.with_user(self.teacher).action_confirm()
        agreement = self.env["redu.workplace.agreement"].browse(action["res_id"])
        self.assertEqual(agreement.employer_id, self.employer_near)
        self.assertEqual(agreement.instructor_id, self.instructor_ok)
        self.assertEqual(agreement.student_ref, "T100")
        self.assertEqual(agreement.student_name, "Oona Opiskelija")
        self.assertEqual(agreement.qualification_code, "399999")
        # the agreement covers the part of the need's period the place offers
        self.assertEqual((agreement.start_date, agreement.end_date), (day(10), day(60)))
        self.assertEqual(agreement.teacher_id, need.teacher_id)
        # validated like any agreement: the instructor's email and phone reach the survey
        self.assertNotEqual(agreement.readiness, "unchecked")
        self.assertEqual(need.state, "placed")
        self.assertEqual(need.agreement_id, agreement)
        self.assertEqual((place.seats_taken, place.capacity_left), (1, 1))

    def test_no_place_left_is_refused_and_nothing_changes(self):
        place = self._place(capacity=1)
        first, second = self._need(), self._need(student_ref="T101")
        first._redu_confirm_place(place, self.instructor_ok)
        agreements = self.env["redu.workplace.agreement"].search_count([])
        with self.assertRefused(UserError, "no place left"):
            second.with_user(self.teacher)._redu_confirm_place(place, self.instructor_ok)
        self.assertEqual(second.state, "open")
        self.assertEqual(place.seats_taken, 1)
        self.assertEqual(self.env["redu.workplace.agreement"].search_count([]), agreements)

    def test_a_placed_need_is_not_placed_twice(self):
        place = self._place(capacity=3)
        need = self._need()
        need._redu_confirm_place(place, self.instructor_ok)
        with self.assertRefused(UserError, "already has a place"):
            need._redu_confirm_place(place, self.instructor_ok)
        self.assertEqual(place.seats_taken, 1)

    def test_an_instructor_of_another_employer_is_refused(self):
        place = self._place()
        need = self._need()
        with self.assertRefused(UserError, "not one of the place's instructors"):
            need._redu_confirm_place(place, self.instructor_far)
        self.assertEqual(place.seats_taken, 0)

    def test_the_placement_and_the_seats_are_not_written_by_hand(self):
        place = self._place()
        need = self._need()
        with self.assertRefused(AccessError, "set by the system"):
            need.with_user(self.teacher).write({"state": "placed"})
        with self.assertRefused(AccessError, "set by the system"):
            place.with_user(self.teacher).write({"seats_taken": 0})

    def test_capacity_cannot_drop_below_the_students_placed(self):
        place = self._place(capacity=2)
        self._need()._redu_confirm_place(place, self.instructor_ok)
        self._need(student_ref="T101")._redu_confirm_place(place, self.instructor_ok)
        with self.assertRefused(ValidationError, "capacity cannot be less"):
            place.write({"capacity": 1})
