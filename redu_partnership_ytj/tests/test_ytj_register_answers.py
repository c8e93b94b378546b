# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The partner form after a fetch of the register's answers in the shape of PRH's OpenAPI description
(fixtures: tests/fixtures/README.md)."""

from psycopg2 import IntegrityError

from odoo.tests import Form
from odoo.tools import mute_logger

from .common import (
    ACTIVE_ID,
    ADDRESSES_ID,
    BANKRUPTCY_ID,
    CEASED_ID,
    LIQUIDATION_ID,
    RESTRUCTURING_ID,
    YtjCase,
)


class TestYtjRegisterAnswers(YtjCase):
    def _fetched(self, name, business_id, **vals):
        self.patch_get()
        partner = self._company(name, company_registry=business_id, **vals)
        partner.with_user(self.sales).action_ytj_fetch()
        return partner.with_user(self.sales)

    def test_form_shows_the_company_s_registration_date(self):
        partner = self._fetched("Lapin Rakennus Oy", ACTIVE_ID)
        form = Form(partner)
        self.assertEqual(form.ytj_registration_date, "2014-10-02", "not the Y-tunnus date 2014-09-15")

    def test_form_shows_full_visiting_and_postal_addresses(self):
        partner = self._fetched("Pohjolan Palvelut Oy", ADDRESSES_ID, country_id=False)
        form = Form(partner)
        self.assertEqual(form.ytj_visiting_address, "c/o Tilitoimisto Lappi Oy, Koskikatu 25 B 14 a, 96200 Rovaniemi")
        self.assertEqual(form.ytj_postal_address, "Norgårdsvägen 3, SE-451 75, Uddevalla, Sweden")
        # the partner's empty address is filled from the visiting address, the c/o line as street2
        self.assertEqual(
            (partner.street, partner.street2, partner.zip, partner.city, partner.country_id),
            ("Koskikatu 25 B 14 a", "c/o Tilitoimisto Lappi Oy", "96200", "Rovaniemi", self.fi),
        )

    def test_form_shows_the_register_s_state(self):
        cases = {
            ACTIVE_ID: ("active", "Active"),
            RESTRUCTURING_ID: ("restructuring", "Restructuring"),
            LIQUIDATION_ID: ("liquidation", "In liquidation"),
            BANKRUPTCY_ID: ("bankruptcy", "Bankruptcy"),
            CEASED_ID: ("ceased", "Ceased"),
        }
        labels = dict(self.Partner._fields["ytj_status"]._description_selection(self.env))
        for business_id, (status, label) in cases.items():
            with self.subTest(business_id):
                partner = self._fetched(f"Yritys {business_id}", business_id)
                self.assertEqual(Form(partner).ytj_status, status)
                self.assertEqual(labels[status], label)

    def test_industries_are_keyed_by_classification_and_code(self):
        # 41200 in TOL 2008 (company_active.json, TOIMI3) and in TOL 2025 (company_bankruptcy.json, TOIMI4)
        tol2008 = self._fetched("Lapin Rakennus Oy", ACTIVE_ID)
        tol2025 = self._fetched("Kemin Konepaja Oy", BANKRUPTCY_ID)
        self.assertNotEqual(tol2008.industry_id, tol2025.industry_id)
        self.assertEqual((tol2008.industry_id.classification, tol2008.industry_id.code), ("tol2008", "41200"))
        self.assertEqual((tol2025.industry_id.classification, tol2025.industry_id.code), ("tol2025", "41200"))
        self.assertEqual(
            Form(tol2008).industry_id.display_name,
            "41200 Asuin- ja muiden rakennusten rakentaminen (TOL 2008)",
        )
        self.assertEqual(tol2025.industry_id.display_name, "41200 Asuin- ja muiden rakennusten rakentaminen (TOL 2025)")
        again = self._fetched("Lapin Rakennus, Kemi", ACTIVE_ID)
        self.assertEqual(again.industry_id, tol2008.industry_id, "one industry per classification and code")
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self.env["res.partner.industry"].create({"name": "Copy", "code": "41200", "classification": "tol2025"})
            self.env.flush_all()
