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
from .common import (
    ACTIVE_ID,
    CEASED_ID,
    RENAMED_ID,
    UNKNOWN_ID,
    fixture_response,
    load_fixture,
    make_response,
    register_answer,
)


def parsed(name, **changes):
    """The first company of the fixture ``name``, with ``changes`` to its keys, parsed."""
    data = load_fixture(name)["companies"][0]
    data.update(changes)
    return ytj_client.parse_company(data)


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
        self.assertEqual(company["registration_date"], datetime.date(2014, 10, 2))
        self.assertEqual(
            company["visiting_address"],
            {"street": "Teollisuustie 12", "zip": "96320", "city": "Rovaniemi", "co": None, "country": "FI"},
        )
        self.assertEqual(ytj_client.format_address(company["postal_address"]), "PL 1234, 96101 Rovaniemi")
        self.assertEqual(company["website"], "www.lapinrakennus.fi")

    def test_registered_on_is_the_company_s_registration_not_the_business_id_s(self):
        # company_active.json: businessId.registrationDate 2014-09-15 (the Y-tunnus given, SCHEMA:282-288),
        # registrationDate 2014-10-02 (the company registered, SCHEMA:391-397)
        company = parsed("company_active.json")
        self.assertEqual(company["registration_date"], datetime.date(2014, 10, 2))
        self.assertEqual(parsed("company_active.json", registrationDate=None)["registration_date"], None)

    def test_ceased_company_is_its_current_entry_of_type_4_without_situations(self):
        # company_ceased.json: the trade register entry "1" ended 2024-06-27, the current one is "4" since
        # 2024-06-28, no companySituations, no endDate
        company = parsed("company_ceased.json")
        self.assertEqual((company["status"], company["status_date"]), ("ceased", datetime.date(2024, 6, 28)))

    def test_the_company_s_end_date_is_ceased(self):
        company = parsed("company_active.json", endDate="2025-12-31")
        self.assertEqual((company["status"], company["status_date"]), ("ceased", datetime.date(2025, 12, 31)))

    def test_trade_register_status_2_alone_is_not_ceased(self):
        company = parsed("company_active.json", tradeRegisterStatus="2")
        self.assertEqual((company["status"], company["status_date"]), ("active", datetime.date(2014, 10, 2)))

    def test_situations_in_force_give_bankruptcy_restructuring_and_liquidation(self):
        cases = {
            "company_bankruptcy.json": ("bankruptcy", datetime.date(2026, 2, 16)),
            "company_restructuring.json": ("restructuring", datetime.date(2025, 11, 3)),
            # an ended SANE (2023-2024) and a SELTILA in force
            "company_liquidation.json": ("liquidation", datetime.date(2025, 9, 1)),
        }
        for name, expected in cases.items():
            with self.subTest(name):
                company = parsed(name)
                self.assertEqual((company["status"], company["status_date"]), expected)

    def test_bankruptcy_wins_over_liquidation_and_an_ended_situation_is_not_in_force(self):
        situations = [
            {"type": "SELTILA", "registrationDate": "2025-09-01", "source": "1"},
            {"type": "KONK", "registrationDate": "2026-01-05", "source": "1"},
        ]
        self.assertEqual(parsed("company_active.json", companySituations=situations)["status"], "bankruptcy")
        ended = [{"type": "KONK", "registrationDate": "2020-01-05", "endDate": "2021-01-05", "source": "1"}]
        self.assertEqual(parsed("company_active.json", companySituations=ended)["status"], "active")

    def test_address_keeps_apartment_suffix_co_and_an_address_abroad(self):
        company = parsed("company_addresses.json")
        self.assertEqual(
            company["visiting_address"],
            {
                "street": "Koskikatu 25 B 14 a",
                "zip": "96200",
                "city": "Rovaniemi",
                "co": "Tilitoimisto Lappi Oy",
                "country": "FI",
            },
        )
        self.assertEqual(
            ytj_client.format_address(company["visiting_address"]),
            "c/o Tilitoimisto Lappi Oy, Koskikatu 25 B 14 a, 96200 Rovaniemi",
        )
        # freeAddressLine: line breaks became spaces, spaces underscores (SCHEMA:481-486)
        self.assertEqual(company["postal_address"]["street"], "Norgårdsvägen 3, SE-451 75, Uddevalla")
        self.assertEqual(
            ytj_client.format_address(company["postal_address"], {"SE": "Sweden"}),
            "Norgårdsvägen 3, SE-451 75, Uddevalla, Sweden",
        )

    def test_industry_carries_its_classification(self):
        # typeCodeSet (SCHEMA:325-329): TOIMI3 is TOL 2008, TOIMI4 TOL 2025; older sets are not kept
        active = parsed("company_active.json")
        self.assertEqual((active["industry_classification"], active["industry_code"]), ("tol2008", "41200"))
        renamed = parsed("company_renamed.json")
        self.assertEqual((renamed["industry_classification"], renamed["industry_code"]), ("tol2025", "79900"))
        data = load_fixture("company_active.json")["companies"][0]
        data["mainBusinessLine"]["typeCodeSet"] = "TOIMI2"
        old = ytj_client.parse_company(data)
        self.assertEqual((old["industry_classification"], old["industry_code"], old["industry_name"]), (None,) * 3)

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

    def test_the_real_429_is_plain_text_without_retry_after(self):
        # SCHEMA:102-107: 429 "Liian monta pyyntöä", text/plain
        response = fixture_response("rate_limited.json")
        self.assertNotIn("Retry-After", response.headers)
        with (
            patch.object(requests, "get", return_value=response),
            self.assertRaises(ytj_client.YtjRateLimited) as caught,
        ):
            ytj_client.fetch_company(ACTIVE_ID)
        self.assertEqual(caught.exception.seconds(default=45), 45, "the default wait")

    def test_unknown_business_id_is_an_empty_200_and_a_404_is_not_found_too(self):
        # CompanyResult (SCHEMA:253-266): totalResults 0, companies []
        empty = fixture_response("company_not_found.json")
        self.assertEqual(empty.status_code, 200)
        for response in (empty, make_response(404, {"message": "Not Found"})):
            with (
                self.subTest(response.status_code),
                patch.object(requests, "get", return_value=response),
                self.assertRaises(ytj_client.YtjNotFound),
            ):
                ytj_client.fetch_company(UNKNOWN_ID)

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
