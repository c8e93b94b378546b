# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
from datetime import date
from unittest.mock import patch

from odoo.exceptions import UserError
from odoo.tools.misc import file_path

from ..wizards import redu_tpk_import_wizard as import_module
from .common import BID_A, BID_B, STUDENTS, TpkCase


class TestImport(TpkCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._agreement()
        cls._agreement(employer_id=cls.employer_b.id, instructor_id=cls.instructor_b.id, student_name=STUDENTS[1])
        bundles = cls.Bundle._tpk_predict(date(2026, 7, 1), cls.company)["bundles"]
        cls.bundle_a = bundles.filtered(lambda b: b.business_id == BID_A)
        cls.bundle_b = bundles.filtered(lambda b: b.business_id == BID_B)

    def test_good_file_stores_links_and_reports_unmatched_rows(self):
        data = self._csv(
            [
                self._row("TPK1", BID_A, "LAPIN TESTIRAKENNUS OY", answers="2"),
                self._row("TPK9", "2904047-9", "Lumiteknologia Oy"),
            ]
        )
        wizard = self._import(data)
        self.assertEqual(wizard.linked_count, 1)
        self.assertEqual(self.bundle_a.survey_url, "https://arvovastaus.csc.fi/v/TPK1")
        self.assertEqual(self.bundle_a.survey_code, "TPK1")
        self.assertEqual((self.bundle_a.valid_from, self.bundle_a.valid_to), (date(2027, 1, 1), date(2027, 2, 28)))
        self.assertEqual(self.bundle_a.answer_count, 2)
        self.assertEqual(self.bundle_a.state, "answered")
        self.assertIn("Lumiteknologia Oy", wizard.unmatched_rows)
        self.assertEqual(wizard.bundle_without_link_ids, self.bundle_b)

    def test_a_large_file_is_imported_in_the_background(self):
        data = self._csv(
            [
                self._row("TPK1", BID_A, "LAPIN TESTIRAKENNUS OY", answers="2"),
                self._row("TPK9", "2904047-9", "Lumiteknologia Oy"),
                self._row("TPK2", BID_B, "Napapiirin Testihoiva Oy", valid_from="1.1.2027x"),
            ]
        )
        wizard = self.env["redu.tpk.import.wizard"].with_user(self.manager).create({"file": data})
        self.env["ir.config_parameter"].sudo().set_param("redu_background.threshold.import", "2")
        action = wizard.action_import()
        job = self.env["redu.background.job"].browse(action["res_id"])
        self.assertEqual((job.state, job.total, job.user_id), ("queued", 3, self.manager))
        self.assertFalse(self.bundle_a.survey_url, "nothing imported in the request")
        with patch.object(import_module, "IMPORT_BATCH", 2):
            self.env["redu.background.job"]._cron_run_jobs()
        self.assertEqual((job.state, job.done), ("done", 3))
        self.assertEqual(self.bundle_a.survey_url, "https://arvovastaus.csc.fi/v/TPK1")
        self.assertEqual(job.counts["linked"], 1)
        self.assertEqual(len(job.line_ids), 2, "the unmatched row and the row not read")
        self.assertIn("Lumiteknologia Oy", job.line_ids[0].message)
        self.assertIn("Line 4", job.line_ids[1].message, "the line number of the file, not of the batch")
        self.assertIn("1 bundles still without a link", job.result)

    def test_bom_and_windows_line_ends_are_tolerated(self):
        data = self._csv(
            [self._row("TPK1", BID_A, "Lapin Testirakennus Oy"), self._row("TPK2", BID_B, "Napapiirin Testihoiva Oy")],
            bom=True,
            crlf=True,
        )
        wizard = self._import(data)
        self.assertEqual(wizard.linked_count, 2)
        self.assertFalse(wizard.unmatched_rows)
        self.assertEqual(self.bundle_b.survey_url, "https://arvovastaus.csc.fi/v/TPK2")
        self.assertEqual(self.bundle_b.state, "link")

    def test_reimport_updates_the_answer_counts_only(self):
        self._import(self._csv([self._row("TPK1", BID_A, "Lapin Testirakennus Oy")]))
        newer = self._row("TPK1", BID_A, "Lapin Testirakennus Oy", answers="3", valid_to="2027-02-20")
        newer[1] = "https://arvovastaus.csc.fi/v/CHANGED"
        wizard = self._import(self._csv([newer]))
        self.assertEqual((wizard.linked_count, wizard.updated_count), (0, 1))
        self.assertEqual(self.bundle_a.answer_count, 3)
        self.assertEqual(self.bundle_a.survey_url, "https://arvovastaus.csc.fi/v/TPK1")
        self.assertEqual(self.bundle_a.valid_to, date(2027, 2, 28))

    def test_a_row_of_another_period_does_not_match(self):
        # the validity of the spring 2027 window: not the autumn 2026 bundle
        wizard = self._import(self._csv([self._row("TPK1", BID_A, "Lapin Testirakennus Oy", valid_from="2027-07-01")]))
        self.assertEqual(wizard.linked_count, 0)
        self.assertIn(BID_A, wizard.unmatched_rows)
        self.assertFalse(self.bundle_a.survey_url)

    def test_one_bad_row_never_sinks_the_others(self):
        bad = self._row("TPK2", BID_B, "Napapiirin Testihoiva Oy", valid_from="1.13.2027")
        wizard = self._import(self._csv([bad, self._row("TPK1", BID_A, "Lapin Testirakennus Oy")]))
        self.assertEqual(wizard.linked_count, 1)
        self.assertIn("Line 2", wizard.bad_rows)
        self.assertTrue(self.bundle_a.survey_url)
        self.assertFalse(self.bundle_b.survey_url)

    def test_a_bad_file_is_refused_and_changes_nothing(self):
        for data, message in (
            (base64.b64encode("tunnus;url\nä;b\n".encode("latin-1")), "UTF-8"),
            (base64.b64encode(b"name,email\nx,y\n"), "columns"),
            (base64.b64encode(b""), "empty"),
        ):
            with self.subTest(message=message), self.assertRaisesRegex(UserError, message):
                self._import(data)
        self.assertFalse((self.bundle_a | self.bundle_b).filtered("survey_url"))

    def test_the_example_file_matches_the_demo_workplaces(self):
        with open(file_path("redu_feedback_tpk/demo/arvo_tpk_links_example.csv"), "rb") as handle:
            content = handle.read()
        self.assertTrue(content.startswith(b"\xef\xbb\xbf"))
        rows = content.decode("utf-8-sig").splitlines()
        self.assertEqual(len(rows), 5)
        self.assertIn("3982597-4;Arctic Rakennus Oy", rows[1])

    def test_hostile_rows_are_reported_and_the_others_imported(self):
        """Issue #16: formulas, dates out of range, huge counts and values are row errors naming the column."""
        rows = [
            self._row("TPK1", BID_A, "LAPIN TESTIRAKENNUS OY"),
            self._row("TPKF", "=HYPERLINK(1)", "X Oy"),
            self._row("TPKD", BID_A, "X Oy", valid_from="0001-01-01"),
            self._row("TPKY", BID_A, "X Oy", valid_to="31.12.9999"),
            self._row("TPKN", BID_A, "X Oy", answers="99999999999999"),
            self._row("TPKL", "1" * 50_000, "X Oy"),
        ]
        wizard = self._import(self._csv(rows))
        self.assertEqual(wizard.linked_count, 1)
        self.assertEqual(self.bundle_a.survey_code, "TPK1")
        bad = wizard.bad_rows.splitlines()
        self.assertEqual(len(bad), 5)
        self.assertIn("tyonantaja holds a formula (=HYPERLINK(1))", bad[0])
        self.assertIn("voimassa_alkupvm is not a date", bad[1])
        self.assertIn("voimassa_loppupvm is not a date", bad[2])
        self.assertIn("vastausten_lkm is not a whole number", bad[3])
        self.assertIn("tyonantaja is too long", bad[4])

    def test_broken_files_are_clean_errors(self):
        header = b"tunnus;url;voimassa_alkupvm;voimassa_loppupvm;vastausten_lkm;tyonantaja;tyopaikka\n"
        for expected, content in {
            "NUL characters": header + b"A;\x00;;\n",
            "CSV file is broken": header + b'A;"https://x\n' + b"x" * 200_000,
            "not a text file in UTF-8": header + b"\xff\xfe\xfa;x\n",
        }.items():
            with self.subTest(expected), self.assertRaisesRegex(UserError, expected):
                self._import(base64.b64encode(content))
        utf16 = "\ufeff" + base64.b64decode(self._csv([self._row("TPK1", BID_A, "LAPIN TESTIRAKENNUS OY")])).decode()
        self.assertEqual(self._import(base64.b64encode(utf16.encode("utf-16-le"))).linked_count, 1, "UTF-16 is read")
