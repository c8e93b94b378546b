# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Issue #16: a hostile or broken bulk file skips its bad companies; a very long name keeps a short key."""

import base64

from odoo.exceptions import UserError

from .common import YtjCase
from .test_ytj_import import generated_companies, zip_of


class TestHardeningYtjImport(YtjCase):
    def test_bad_companies_are_skipped_not_the_file(self):
        companies = generated_companies(3, start=3100000)
        partners = self.Partner.create(
            [
                {"name": c["names"][0]["name"], "is_company": True, "company_registry": c["businessId"]["value"]}
                for c in companies
            ]
        )
        companies[1]["mainBusinessLine"]["type"] = "9" * 50_000  # not a TOL code: no industry
        companies[2]["names"] = "not a list"  # a company of an unexpected shape: skipped
        hostile = [
            *companies,
            42,
            ["not", "a", "company"],
            {"businessId": {"value": "1" * 50_000}},
            {"businessId": "1234567-8"},
        ]
        wizard = (
            self.env["redu.ytj.import.wizard"]
            .with_user(self.manager)
            .create({"file": base64.b64encode(zip_of(hostile)), "filename": "all_companies.zip"})
        )
        with self.assertLogs("odoo.addons.redu_partnership_ytj.wizards.redu_ytj_import_wizard", "WARNING") as logs:
            wizard.action_import()
        self.assertIn("skipped", logs.output[0])
        self.assertEqual(wizard.companies_read, 7)
        self.assertEqual(wizard.partners_matched, 2)
        self.assertEqual(partners[0].ytj_industry_id.code, "62010")
        self.assertFalse(partners[1].ytj_industry_id)
        self.assertEqual(partners[1].ytj_status, "active")
        self.assertFalse(partners[2].ytj_status)

    def test_garbage_is_a_clean_error(self):
        wizard = (
            self.env["redu.ytj.import.wizard"]
            .with_user(self.manager)
            .create({"file": base64.b64encode(b"\xff\xfe garbage \x00\x01"), "filename": "all_companies.json"})
        )
        with self.assertRaisesRegex(UserError, "not a bulk file"):
            wizard.action_import()

    def test_very_long_name_keeps_a_short_key(self):
        partner = self.Partner.create({"name": "Pitkä " * 10_000 + "Oy", "is_company": True})
        self.assertEqual(len(partner.redu_name_key), 200)
