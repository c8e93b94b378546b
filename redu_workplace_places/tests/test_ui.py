# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import HttpCase, new_test_user, tagged

from .common import day


@tagged("post_install", "-at_install")
class TestTeacherTour(HttpCase):
    def test_teacher_confirms_the_best_place(self):
        env = self.env
        teacher = new_test_user(
            env,
            login="places_tour_teacher",
            name="Tea Tour-Opettaja",
            groups="redu_feedback_prep.group_feedback_user",
        )
        qualification = env["redu.qualification"].create(
            {
                "name": "Tour-alan perustutkinto",
                "code": "399998",
                "unit_ids": [(0, 0, {"code": "U1", "name": "Tour-työt"})],
            }
        )
        Partner = env["res.partner"]
        best = Partner.create({"name": "Tour Rakennus Oy", "is_company": True, "company_registry": "2990127-5"})
        far = Partner.create({"name": "Tour Kaukana Oy", "is_company": True})
        instructor = Partner.create(
            {
                "name": "Iida Ohjaaja",
                "parent_id": best.id,
                "email": "iida.ohjaaja@example.com",
                "phone": "+358401112223",
            }
        )
        rovaniemi = env.ref("redu_workplace_places.municipality_rovaniemi")
        Place = env["redu.workplace.place"]
        common = {"qualification_id": qualification.id, "date_start": day(200), "date_end": day(300), "capacity": 1}
        Place.create(
            dict(common, employer_id=far.id, municipality_id=env.ref("redu_workplace_places.municipality_utsjoki").id)
        )
        place = Place.create(
            dict(
                common,
                employer_id=best.id,
                municipality_id=rovaniemi.id,
                unit_ids=[(6, 0, qualification.unit_ids.ids)],
                instructor_ids=[(6, 0, instructor.ids)],
            )
        )
        need = env["redu.placement.need"].create(
            {
                "student_name": "Tuomas Tour-Opiskelija",
                "student_ref": "TOUR1",
                "teacher_id": teacher.id,
                "qualification_id": qualification.id,
                "unit_id": qualification.unit_ids.id,
                "municipality_id": rovaniemi.id,
                "date_start": day(210),
                "date_end": day(260),
            }
        )
        self.start_tour("/odoo", "redu_workplace_places_teacher_tour", login=teacher.login)
        self.assertEqual(need.state, "placed")
        self.assertEqual(need.agreement_id.employer_id, best)
        self.assertEqual(need.agreement_id.instructor_id, instructor)
        # a valid agreement: ready for the national feedback's transfer from day one
        self.assertEqual(need.agreement_id.readiness, "ready")
        self.assertEqual(place.seats_taken, 1)
