# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import datetime

from odoo.tests import TransactionCase, new_test_user

from odoo.addons.redu_base.tests.common import RefusalAssertions

TODAY = datetime.date.today()


def day(offset):
    return TODAY + datetime.timedelta(days=offset)


class PlacesCase(TransactionCase, RefusalAssertions):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.teacher = new_test_user(
            cls.env,
            login="places_teacher",
            groups="redu_feedback_prep.group_feedback_user",
            company_id=cls.company.id,
            company_ids=[cls.company.id],
        )
        ref = cls.env.ref
        cls.rovaniemi = ref("redu_workplace_places.municipality_rovaniemi")
        cls.kemi = ref("redu_workplace_places.municipality_kemi")
        cls.inari = ref("redu_workplace_places.municipality_inari")
        cls.utsjoki = ref("redu_workplace_places.municipality_utsjoki")
        cls.qualification = cls.env["redu.qualification"].create(
            {
                "name": "Testialan perustutkinto",
                "code": "399999",
                "unit_ids": [
                    (0, 0, {"code": "T1", "name": "Perustyöt"}),
                    (0, 0, {"code": "T2", "name": "Erikoistyöt"}),
                ],
            }
        )
        cls.unit_basic, cls.unit_special = cls.qualification.unit_ids.sorted("code")
        Partner = cls.env["res.partner"]
        cls.employer_near = Partner.create({"name": "Lähityö Oy", "is_company": True})
        cls.employer_far = Partner.create({"name": "Kaukotyö Oy", "is_company": True})
        cls.instructor_ok = Partner.create(
            {
                "name": "Kaisa Kelpo",
                "parent_id": cls.employer_near.id,
                "email": "kaisa.kelpo@example.com",
                "phone": "+358 40 765 4321",
            }
        )
        cls.instructor_bad = Partner.create(
            {"name": "Pekka Puute", "parent_id": cls.employer_near.id, "email": "pekka@example"}
        )
        cls.instructor_far = Partner.create(
            {"name": "Tiina Tunturi", "parent_id": cls.employer_far.id, "email": "tiina.tunturi@example.com"}
        )

    @classmethod
    def _place(cls, **values):
        defaults = {
            "employer_id": cls.employer_near.id,
            "municipality_id": cls.rovaniemi.id,
            "qualification_id": cls.qualification.id,
            "date_start": day(10),
            "date_end": day(70),
            "capacity": 1,
            "instructor_ids": [(6, 0, [cls.instructor_bad.id, cls.instructor_ok.id])],
        }
        defaults.update(values)
        return cls.env["redu.workplace.place"].create(defaults)

    @classmethod
    def _need(cls, **values):
        defaults = {
            "student_name": "Oona Opiskelija",
            "student_ref": "T100",
            "qualification_id": cls.qualification.id,
            "unit_id": cls.unit_basic.id,
            "municipality_id": cls.rovaniemi.id,
            "date_need": day(-20),
            "date_start": day(10),
            "date_end": day(70),
        }
        defaults.update(values)
        return cls.env["redu.placement.need"].create(defaults)
