# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import Form
from odoo.tools import mute_logger

from .common import ACTIVE_ID, CEASED_ID, YtjCase


class TestDuplicates(YtjCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Duplicate = cls.env["redu.partner.duplicate"]
        cls.Duplicate.search([]).unlink()

    def _pairs(self, partners):
        return self.Duplicate.search([("partner_id", "in", partners.ids), ("other_partner_id", "in", partners.ids)])

    def test_same_business_id_is_a_certain_duplicate(self):
        partners = self._company("Lapin Rakennus Oy", company_registry=ACTIVE_ID) | self._company(
            "Lapin Rakennus, Kemi", city="Kemi", company_registry=ACTIVE_ID
        )
        self.Duplicate._detect_duplicates()
        pair = self._pairs(partners)
        self.assertEqual((pair.reason, pair.certainty, pair.score), ("business_id", "certain", 100))

    def test_business_id_notations_without_a_country_are_certain_duplicates(self):
        partners = (
            self._company("Lapin Sähkö Oy", country_id=False, company_registry="2150991-4")
            | self._company("Lapin Sähkö, Kemi", country_id=False, company_registry="2150991 4")
            | self._company("Lapin Sähkö, Tornio", country_id=False, company_registry="FI21509914")
        )
        self.assertEqual(partners.mapped("company_registry"), ["2150991-4", "2150991 4", "FI21509914"], "as entered")
        self.Duplicate._detect_duplicates()
        pairs = self._pairs(partners)
        self.assertEqual(len(pairs), 3, "every pair of the three notations")
        self.assertEqual(set(pairs.mapped("certainty")), {"certain"})
        self.assertEqual(set(pairs.mapped("score")), {100})

    def test_a_foreign_partner_with_a_finnish_business_id_is_compared_too(self):
        partners = self._company("Lapin Sähkö Oy", company_registry="2150991-4") | self._company(
            "Lapin Sähkö AB", country_id=self.env.ref("base.se").id, company_registry="FI 2150991-4"
        )
        self.Duplicate._detect_duplicates()
        self.assertEqual(self._pairs(partners).certainty, "certain")

    @mute_logger("odoo.tests.form.onchange")
    def test_entering_another_notation_of_a_business_id_warns(self):
        self._company("Lapin Sähkö Oy", country_id=False, company_registry="FI21509914")
        for notation in ("2150991-4", "2150991 4"):
            with self.subTest(notation), self.assertLogs("odoo.tests.form.onchange", "WARNING") as logs:
                form = Form(self.Partner.with_user(self.sales))
                form.company_type = "company"
                form.name = "Lapin Sähkö, Kemi"
                form.company_registry = notation
            self.assertIn("Lapin Sähkö Oy", "\n".join(logs.output))

    def test_name_spellings_in_the_same_town_are_probable_duplicates(self):
        partners = (
            self._company("Lapin Rakennus Oy", city="Rovaniemi")
            | self._company("LAPIN RAKENNUS OY", city="ROVANIEMI ")
            | self._company("Lapin rakennus", city="rovaniemi")
        )
        self.Duplicate._detect_duplicates()
        pairs = self._pairs(partners)
        self.assertEqual(len(pairs), 3, "every pair of the three spellings")
        self.assertEqual(set(pairs.mapped("reason")), {"name_city"})
        self.assertEqual(set(pairs.mapped("certainty")), {"probable"})

    def test_different_towns_are_not_matched(self):
        partners = self._company("Lapin Rakennus Oy", city="Rovaniemi") | self._company("Lapin rakennus", city="Kemi")
        self.Duplicate._detect_duplicates()
        self.assertFalse(self._pairs(partners))

    def test_same_name_and_email_domain_match_but_not_a_free_mail_domain(self):
        partners = self._company("Napapiirin Kuljetus Oy", email="info@napapiirinkuljetus.fi") | self._company(
            "Napapiirin kuljetus", email="laskutus@NAPAPIIRINKULJETUS.fi"
        )
        free = self._company("Kuljetus Virtanen", email="a@gmail.com") | self._company(
            "Kuljetus Virtanen Tmi", email="b@gmail.com"
        )
        self.Duplicate._detect_duplicates()
        self.assertEqual(self._pairs(partners).reason, "name_email")
        self.assertFalse(self._pairs(free))

    def test_two_different_business_ids_are_two_organisations(self):
        partners = self._company("Lapin Rakennus Oy", city="Rovaniemi", company_registry=ACTIVE_ID) | self._company(
            "Lapin rakennus", city="Rovaniemi", company_registry=CEASED_ID
        )
        self.Duplicate._detect_duplicates()
        self.assertFalse(self._pairs(partners))

    def test_a_dismissed_pair_is_remembered(self):
        partners = self._company("Lapin Rakennus Oy", city="Rovaniemi") | self._company(
            "Lapin rakennus", city="Rovaniemi"
        )
        self.Duplicate._detect_duplicates()
        self._pairs(partners).with_user(self.sales).action_dismiss()
        self.Duplicate._detect_duplicates()
        pair = self._pairs(partners)
        self.assertEqual((len(pair), pair.state, pair.dismissed_by_id), (1, "dismissed", self.sales))

    def test_a_pair_that_no_longer_matches_is_dropped(self):
        partners = self._company("Lapin Rakennus Oy", city="Rovaniemi") | self._company(
            "Lapin rakennus", city="Rovaniemi"
        )
        self.Duplicate._detect_duplicates()
        partners[1].city = "Kemi"
        self.Duplicate._detect_duplicates()
        self.assertFalse(self._pairs(partners))

    def test_detection_runs_a_fixed_number_of_queries(self):
        for index in range(5):
            self._company(f"Kopio {index} Oy", city="Rovaniemi")
            self._company(f"KOPIO {index}", city="Rovaniemi")
        self.Duplicate._detect_duplicates()
        for index in range(5, 30):
            self._company(f"Kopio {index} Oy", city="Rovaniemi")
            self._company(f"KOPIO {index}", city="Rovaniemi")
        self.env.flush_all()
        with self.assertQueryCount(12):
            self.Duplicate._detect_duplicates()

    def test_demo_data_lists_its_duplicates(self):
        # setup/test.sh installs with demo data
        self.Duplicate._detect_duplicates()
        pairs = self.Duplicate.search([])
        for xmlid in (
            "redu_partnership_ytj.partner_arctic_build_duplicate",
            "redu_partnership_ytj.partner_lapland_hotels_duplicate",
            "redu_partnership_ytj.partner_ceased_transport_duplicate",
        ):
            partner = self.env.ref(xmlid)
            self.assertTrue(
                pairs.filtered(lambda p, partner=partner: partner in (p.partner_id | p.other_partner_id)), xmlid
            )
