# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from odoo.addons.redu_base.tools.business_id import is_valid_business_id, normalize_business_id

from .common import PartnershipCase


@tagged("post_install", "-at_install")
class TestBusinessIdTools(PartnershipCase):
    def test_normalize_valid_forms(self):
        self.assertEqual(normalize_business_id("2077474-0"), "2077474-0")
        self.assertEqual(normalize_business_id("20774740"), "2077474-0")
        self.assertEqual(normalize_business_id("  2077474 - 0 "), "2077474-0")
        self.assertEqual(normalize_business_id("FI20774740"), "2077474-0")
        self.assertEqual(normalize_business_id("fi 2077474-0"), "2077474-0")

    def test_normalize_old_six_digit_id(self):
        self.assertEqual(normalize_business_id("123456-2"), "0123456-2")
        self.assertEqual(normalize_business_id("1234562"), "0123456-2")

    def test_invalid_values_raise_value_error(self):
        for value in ("2077474-1", "207747-0", "12345678901", "abc", "", None, "FI"):
            with self.subTest(value=value), self.assertRaises(ValueError):
                normalize_business_id(value)

    def test_is_valid(self):
        self.assertTrue(is_valid_business_id("FI20774740"))
        self.assertTrue(is_valid_business_id("123456-2"))
        self.assertFalse(is_valid_business_id("2077474-1"))
        self.assertFalse(is_valid_business_id(False))


@tagged("post_install", "-at_install")
class TestPartnerBusinessId(PartnershipCase):
    def test_finnish_partner_is_normalised_on_create(self):
        partner = self._company(country_id=self.finland.id, company_registry="FI20774740")
        self.assertEqual(partner.company_registry, "2077474-0")

    def test_finnish_partner_old_id_is_zero_padded(self):
        partner = self._company(country_id=self.finland.id, company_registry="123456-2")
        self.assertEqual(partner.company_registry, "0123456-2")

    def test_finnish_partner_normalised_on_write(self):
        partner = self._company(country_id=self.finland.id)
        partner.company_registry = " 2077474 0 "
        self.assertEqual(partner.company_registry, "2077474-0")

    def test_invalid_check_digit_refused_with_value_in_message(self):
        with self.assertRaises(ValidationError) as caught:
            self._company(name="Wrong Oy", country_id=self.finland.id, company_registry="2077474-1")
        self.assertIn("2077474-1", str(caught.exception))
        self.assertFalse(self.Partner.search([("name", "=", "Wrong Oy")]))

    def test_invalid_write_refused_and_nothing_written(self):
        partner = self._company(country_id=self.finland.id, company_registry="2077474-0")
        with self.assertRaises(ValidationError) as caught:
            partner.write({"company_registry": "1234567-8"})
        self.assertIn("1234567-8", str(caught.exception))
        partner.invalidate_recordset()
        self.assertEqual(partner.company_registry, "2077474-0")

    def test_foreign_and_countryless_partners_not_checked(self):
        foreign = self._company(name="Svensk AB", country_id=self.sweden.id, company_registry="556677-8899")
        self.assertEqual(foreign.company_registry, "556677-8899")
        no_country = self._company(name="Imported employer", company_registry="2077474-1")
        self.assertEqual(no_country.company_registry, "2077474-1")

    def test_moving_partner_to_finland_validates_its_id(self):
        partner = self._company(company_registry="20774740")
        partner.country_id = self.finland
        self.assertEqual(partner.company_registry, "2077474-0")
        broken = self._company(name="Broken Oy", company_registry="2077474-1")
        with self.assertRaises(ValidationError):
            broken.country_id = self.finland

    def test_contacts_get_the_normalised_id_of_their_company(self):
        company = self._company(country_id=self.finland.id, company_registry="FI20774740")
        person = self.Partner.create({"name": "Person", "parent_id": company.id})
        self.assertEqual(person.company_registry, "2077474-0")
