# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import datetime

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestOffer(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.qualification = cls.env["redu.qualification"].create(
            {"name": "Puualan perustutkinto (testi)", "code": "399997"}
        )
        cls.kittila = cls.env.ref("redu_workplace_places.municipality_kittila")
        cls.Offer = cls.env["redu.place.web.offer"].sudo()
        start = datetime.date.today() + datetime.timedelta(days=60)
        cls.post = {
            "organisation": "Testipuu Oy",
            "business_id": "1234567-1",
            "contact_name": "Olli Ohjaaja",
            "email": "olli@testipuu.example",
            "phone": "+358 40 555 1234",
            "municipality_id": str(cls.kittila.id),
            "qualification_id": str(cls.qualification.id),
            "date_start": start.isoformat(),
            "date_end": (start + datetime.timedelta(days=60)).isoformat(),
            "capacity": "2",
            "accepts_training_agreement": "1",
            "message": "Hirsityöt.",
            "consent": "1",
        }

    def _places(self):
        return self.env["redu.workplace.place"].search([("employer_id.name", "=", "Testipuu Oy")])

    def test_an_offer_becomes_a_proposed_place_with_its_instructor(self):
        result = self.Offer._redu_submit(self.post, "203.0.113.5")
        self.assertEqual(result["status"], "ok")
        place = self._places()
        self.assertEqual(place.state, "proposed")
        self.assertEqual(place.source, "website")
        self.assertEqual((place.capacity, place.municipality_id), (2, self.kittila))
        self.assertEqual(place.employer_id.company_registry, "1234567-1")
        self.assertEqual(place.instructor_ids.email, "olli@testipuu.example")
        # proposed, not yet offered: not in the quadrant, not ranked
        self.assertFalse(place.employer_id.cooperation_type)
        # the same offer again at once: nothing more
        self.assertEqual(self.Offer._redu_submit(self.post, "203.0.113.5")["status"], "duplicate")
        self.assertEqual(len(self._places()), 1)

    def test_bad_values_create_nothing(self):
        post = dict(
            self.post,
            municipality_id="999999",
            qualification_id="abc",
            capacity="0",
            date_start="2001-01-01",
            consent="",
            accepts_training_agreement="",
        )
        result = self.Offer._redu_submit(post, "203.0.113.6")
        self.assertEqual(result["status"], "error")
        self.assertEqual(
            set(result["errors"]),
            {"municipality_id", "qualification_id", "capacity", "date_start", "consent", "contract_types"},
        )
        self.assertFalse(self._places())

    def test_the_honeypot_and_the_rate_limit(self):
        self.assertEqual(self.Offer._redu_submit(dict(self.post, homepage="x"), "203.0.113.7")["status"], "spam")
        self.env["ir.config_parameter"].sudo().set_param("redu_services_website.inquiry_max_attempts", "2")
        statuses = [
            self.Offer._redu_submit(dict(self.post, message=f"Työ {i}"), "203.0.113.8")["status"] for i in range(3)
        ]
        self.assertEqual(statuses[-1], "limited")
        self.assertFalse(self._places().filtered(lambda p: p.note == "Työ 2"))
