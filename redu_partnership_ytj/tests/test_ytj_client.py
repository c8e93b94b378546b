# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import datetime
import io
import json
from unittest.mock import patch

import requests

from odoo.tests import TransactionCase

from ..tools import ytj_client
from ..tools.names import normalize_name
from .common import ACTIVE_ID, CEASED_ID, RENAMED_ID, UNKNOWN_ID, fixture_response, load_fixture, register_answer


class TestYtjClient(TransactionCase):
    def test_active_company_parsed_from_the_v3_shape(self):
        company = ytj_client.parse_company(load_fixture("company_active.json")["companies"][0])
        self.assertEqual(company["business_id"], ACTIVE_ID)
        self.assertEqual(company["name"], "Lapin Rakennus Oy")
        self.assertEqual(company["company_form"], "Osakeyhtiö")
        self.assertEqual(
            (company["industry_code"], company["industry_name"]), ("41200", "Asuin- ja muiden rakennusten rakentaminen")
        )
        self.assertEqual(company["status"], ytj_client.STATUS_ACTIVE)
        self.assertEqual(company["registration_date"], datetime.date(2014, 9, 15))
        self.assertEqual(
            company["visiting_address"], {"street": "Teollisuustie 12", "zip": "96320", "city": "Rovaniemi"}
        )
        self.assertEqual(ytj_client.format_address(company["postal_address"]), "PL 1234, 96101 Rovaniemi")
        self.assertEqual(company["website"], "www.lapinrakennus.fi")

    def test_ceased_company_has_status_and_end_date(self):
        company = ytj_client.parse_company(load_fixture("company_ceased.json")["companies"][0])
        self.assertEqual(company["status"], ytj_client.STATUS_CEASED)
        self.assertEqual(company["status_date"], datetime.date(2024, 6, 28))

    def test_open_liquidation_is_in_liquidation(self):
        data = load_fixture("company_active.json")["companies"][0]
        data["companySituations"] = [{"type": "SELTILA", "registrationDate": "2025-09-01"}]
        company = ytj_client.parse_company(data)
        self.assertEqual((company["status"], company["status_date"]), ("liquidation", datetime.date(2025, 9, 1)))

    def test_renamed_company_keeps_former_names(self):
        company = ytj_client.parse_company(load_fixture("company_renamed.json")["companies"][0])
        self.assertEqual(company["name"], "Arktinen Matkailu Oy")
        self.assertEqual(company["former_names"], ["Rovaniemen Matkailupalvelut Oy"])

    def test_fetch_uses_a_5_second_timeout(self):
        with patch.object(requests, "get", side_effect=register_answer) as get:
            company = ytj_client.fetch_company(RENAMED_ID)
        self.assertEqual(company["business_id"], RENAMED_ID)
        self.assertEqual(get.call_args.kwargs["timeout"], 5)
        self.assertEqual(get.call_args.kwargs["params"], {"businessId": RENAMED_ID})

    def test_not_found_429_timeout_and_network_errors_are_ytj_errors(self):
        cases = [
            (register_answer, ytj_client.YtjNotFound, UNKNOWN_ID),
            (lambda *a, **k: fixture_response("rate_limited.json"), ytj_client.YtjRateLimited, CEASED_ID),
            (requests.ConnectTimeout("slow"), ytj_client.YtjTimeout, CEASED_ID),
            (requests.ConnectionError("no route"), ytj_client.YtjError, CEASED_ID),
        ]
        for side_effect, error, business_id in cases:
            with self.subTest(error=error.__name__), patch.object(requests, "get", side_effect=side_effect):
                with self.assertRaises(error):
                    ytj_client.fetch_company(business_id)

    def test_bulk_file_is_streamed_company_by_company(self):
        companies = [load_fixture(name)["companies"][0] for name in ("company_active.json", "company_ceased.json")]
        stream = io.BytesIO(json.dumps(companies).encode())
        iterator = ytj_client.iter_companies(stream)
        self.assertEqual(next(iterator)["businessId"]["value"], ACTIVE_ID)
        self.assertEqual([c["businessId"]["value"] for c in iterator], [CEASED_ID])

    def test_normalised_names_fold_case_whitespace_and_legal_forms(self):
        for name in (
            "Lapin Rakennus Oy",
            "LAPIN RAKENNUS OY",
            "Lapin rakennus",
            "  Lapin   Rakennus  Ab ",
            "Oy Lapin Rakennus",
        ):
            self.assertEqual(normalize_name(name), "lapin rakennus", name)
        self.assertEqual(normalize_name("Lapin Latu r.y."), "lapin latu")
        self.assertEqual(normalize_name("Tmi Matti Virtanen"), "matti virtanen")
        self.assertNotEqual(normalize_name("Lapin Rakennus Oy"), normalize_name("Lapin Rakennuttajat Oy"))
