# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
import io
import json
import zipfile
from unittest.mock import patch

from stdnum.fi import ytunnus

from odoo.exceptions import UserError

from .common import ACTIVE_ID, CEASED_ID, YtjCase, load_fixture


def generated_companies(count, start=3000000):
    """``count`` companies in the v3 shape with valid Y-tunnus values."""
    companies = []
    body = start
    while len(companies) < count:
        body += 1
        for digit in "0123456789":
            business_id = f"{body:07d}-{digit}"
            if ytunnus.is_valid(business_id):
                break
        else:
            continue
        companies.append(
            {
                "businessId": {"value": business_id, "registrationDate": "2010-01-01"},
                "names": [
                    {"name": f"Generoitu {body} Oy", "type": "1", "registrationDate": "2010-01-01", "version": 1}
                ],
                "mainBusinessLine": {
                    "type": "62010",
                    "descriptions": [{"languageCode": "1", "description": "Ohjelmistojen suunnittelu ja valmistus"}],
                    "typeCodeSet": "TOIMI3",
                },
                "companyForms": [
                    {
                        "type": "16",
                        "descriptions": [{"languageCode": "1", "description": "Osakeyhtiö"}],
                        "registrationDate": "2010-01-01",
                    }
                ],
                "addresses": [
                    {
                        "type": 1,
                        "street": "Katu",
                        "buildingNumber": "1",
                        "postCode": "96100",
                        "postOffices": [{"city": "ROVANIEMI", "languageCode": "1"}],
                    }
                ],
                "tradeRegisterStatus": "1",
                "registrationDate": "2010-01-01",
            }
        )
    return companies


def zip_of(*json_arrays):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for index, companies in enumerate(json_arrays):
            archive.writestr(f"all_companies_{index}.json", json.dumps(companies))
    return buffer.getvalue()


class TestYtjImport(YtjCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the demo data has a partner with a fixture's Y-tunnus: only the test's partners match
        cls.Partner.search([("company_registry", "in", [ACTIVE_ID, CEASED_ID])]).company_registry = False

    def test_bulk_zip_enriches_the_matching_partners_and_reports_counts(self):
        companies = generated_companies(30) + [
            load_fixture("company_active.json")["companies"][0],
            load_fixture("company_ceased.json")["companies"][0],
        ]
        partners = self.Partner.create(
            [
                {
                    "name": "Lapin Rakennus Oy",
                    "is_company": True,
                    "country_id": self.fi.id,
                    "company_registry": ACTIVE_ID,
                },
                # stored in the compact VAT form (no country: not normalised by redu_partnership)
                {
                    "name": "Napapiirin Kuljetus",
                    "is_company": True,
                    "company_registry": "FI" + CEASED_ID.replace("-", ""),
                },
                {
                    "name": companies[3]["names"][0]["name"],
                    "is_company": True,
                    "company_registry": companies[3]["businessId"]["value"],
                },
            ]
        )
        wizard = (
            self.env["redu.ytj.import.wizard"]
            .with_user(self.manager)
            .create({"file": base64.b64encode(zip_of(companies[:20], companies[20:])), "filename": "all_companies.zip"})
        )
        wizard.action_import()
        self.assertEqual(wizard.state, "done")
        self.assertEqual(wizard.companies_read, 32)
        self.assertEqual(wizard.partners_matched, 3)
        self.assertEqual(wizard.partners_updated, 3)
        self.assertEqual(wizard.partners_ceased, 1)
        self.assertEqual(partners.mapped("ytj_status"), ["active", "ceased", "active"])
        self.assertEqual(partners[2].ytj_industry_id.code, "62010")
        self.assertEqual(partners[0].name, "Lapin Rakennus Oy")
        self.assertFalse(partners[0].street, "the bulk import fills the register fields only")

    def test_one_partner_search_per_batch(self):
        companies = generated_companies(40)
        self.Partner.create(
            [
                {"name": c["names"][0]["name"], "is_company": True, "company_registry": c["businessId"]["value"]}
                for c in companies[:4]
            ]
        )
        Wizard = self.env["redu.ytj.import.wizard"]
        searches = []
        original = type(self.Partner).search_fetch

        def counting_search_fetch(model, domain, *args, **kwargs):
            if model._name == "res.partner":
                searches.append(domain)
            return original(model, domain, *args, **kwargs)

        with patch.object(type(self.Partner), "search_fetch", counting_search_fetch):
            stats = Wizard._import_companies(iter(companies), batch_size=10)
        self.assertEqual(len(searches), 4, "40 companies in batches of 10: four searches")
        self.assertEqual((stats["read"], stats["matched"]), (40, 4))
        stats = Wizard._import_companies(iter(companies), batch_size=10)
        self.assertEqual((stats["matched"], stats["updated"]), (4, 0), "a second import changes nothing")

    def test_a_file_that_is_not_a_bulk_file_is_refused(self):
        wizard = self.env["redu.ytj.import.wizard"].create(
            {"file": base64.b64encode(b'[{"businessId": '), "filename": "broken.json"}
        )
        with self.assertRaisesRegex(UserError, "not a bulk file"):
            wizard.action_import()
        self.assertEqual(wizard.state, "draft")

    def test_download_needs_the_network_lookup(self):
        get = self.patch_get()
        self.env["ir.config_parameter"].set_param("redu_partnership_ytj.network_enabled", False)
        wizard = self.env["redu.ytj.import.wizard"].create({"source": "download"})
        with self.assertRaisesRegex(UserError, "turned off"):
            wizard.action_import()
        get.assert_not_called()
