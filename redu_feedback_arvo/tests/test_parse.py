# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The parsing rules of Arvo's export records (tools/arvo_export.py), on the fixtures."""

import datetime
import json

from odoo.tests import BaseCase, tagged

from ..tools import arvo_export
from .common import fixture


@tagged("at_install", "-post_install")
class TestParse(BaseCase):
    def test_a_response_code_carries_heratepalvelu_background_data(self):
        rows = arvo_export.records(json.loads(fixture("kohteet_1.json")))
        target = arvo_export.parse_target(rows[0])
        self.assertEqual(target["arvo_id"], 1001)
        self.assertEqual(target["code"], "TEP1001")
        self.assertEqual(target["business_id_key"], "0112038-9")
        self.assertEqual(
            (target["period_start"], target["period_end"]), (datetime.date(2025, 2, 1), datetime.date(2025, 5, 31))
        )
        # tutkinnon_osa is the koodi's last part (heratepalvelu external/arvo.clj:194-198)
        self.assertEqual(target["qualification_unit"], "106915")
        self.assertEqual(target["workplace_normalized"], "lapin_testirakennus_oy")
        office = arvo_export.parse_target(rows[2])
        # v1 renames toimipiste to toimipaikka (ns arvo.rest-api.export muunna-vastaajatiedot-v1-schemaan)
        self.assertEqual(office["office_oid"], "1.2.246.562.10.55500000001")

    def test_a_y_tunnus_is_normalised_or_refused(self):
        self.assertEqual(arvo_export.business_id_key("FI01120389"), "0112038-9")
        self.assertEqual(arvo_export.business_id_key(" 112038-9 "), "0112038-9")
        self.assertIsNone(arvo_export.business_id_key("1234567-2"))

    def test_an_answer_keeps_its_number_text_and_choice(self):
        rows = arvo_export.records(json.loads(fixture("vastaukset_1.json")))
        score, _other, text = (arvo_export.parse_answer(row) for row in rows[:3])
        self.assertEqual((score["arvo_id"], score["target_arvo_id"], score["question_arvo_id"]), (20001, 1001, 7001))
        self.assertEqual(score["score"], 2.0)
        self.assertEqual(score["answer_date"], datetime.date(2025, 6, 10))
        self.assertIsNone(score["free_text"])
        self.assertIn("liian vähän aikaa", text["free_text"])
        odd = dict(rows[0], vaihtoehto="maybe", numerovalinta="x")
        self.assertEqual(
            (arvo_export.parse_answer(odd)["choice"], arvo_export.parse_answer(odd)["score"]), (None, None)
        )

    def test_a_question_tells_the_funding_model_and_theme(self):
        rows = arvo_export.records(json.loads(fixture("kysymykset.json")))
        first, _second, third, free = (arvo_export.parse_question(row) for row in rows)
        self.assertEqual((first["funding_model"], first["theme"], first["is_score"]), (True, "ohjaus", True))
        self.assertFalse(third["funding_model"])
        self.assertEqual((free["funding_model"], free["is_score"], free["theme"]), (False, False, None))

    def test_pagination_and_file_shapes(self):
        self.assertEqual(
            arvo_export.next_url(json.loads(fixture("vastaukset_1.json"))),
            "https://arvo.example.fi/api/export/v1/vastaukset?limit=5&since=20005",
        )
        self.assertIsNone(arvo_export.next_url(json.loads(fixture("vastaukset_2.json"))))
        parts = arvo_export.split_file(fixture("export_2025.json"))
        self.assertEqual(
            {key: len(rows) for key, rows in parts.items()},
            {"kyselykerrat": 2, "kysymykset": 4, "kohteet": 7, "vastaukset": 9},
        )
        self.assertEqual(list(arvo_export.split_file(fixture("vastaukset_only.json"))), ["vastaukset"])
        with self.assertRaises(arvo_export.ArvoFormatError):
            arvo_export.split_file(b"not json")
        with self.assertRaises(arvo_export.ArvoFormatError):
            arvo_export.split_file(b'{"data": [{"foo": 1}]}')

    def test_half_year(self):
        self.assertEqual(arvo_export.half_year(datetime.date(2025, 6, 30)), "2025-H1")
        self.assertEqual(arvo_export.half_year(datetime.date(2025, 7, 1)), "2025-H2")
