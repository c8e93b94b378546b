# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Issue #16: hostile files and values (formula injection, broken files, long values, dates out of range)."""

import base64
import codecs
import csv
import datetime
import io
import secrets
import string

import openpyxl
from psycopg2.errors import CheckViolation

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import BID_A, FeedbackCase
from .test_import import HEADER

D = datetime.date


@tagged("post_install", "-at_install")
class TestHardeningExport(FeedbackCase):
    def _export(self, agreements):
        wizard = (
            self.env["redu.transfer.export.wizard"]
            .with_user(self.manager)
            .with_context(allowed_company_ids=[self.company.id])
            .create({"agreement_ids": [(6, 0, agreements.ids)]})
        )
        wizard.action_export()
        text = base64.b64decode(wizard.file_data).decode("utf-8-sig")
        return list(csv.DictReader(io.StringIO(text), delimiter=";"))

    def test_export_neutralises_formulas_but_keeps_phones(self):
        """Hostile values typed by a teacher (RPC) leave the file as text; a +358 phone stays as it is."""
        instructor = self.Partner.create(
            {
                "name": '=HYPERLINK("http://evil.example","Maija")',
                "parent_id": self.employer.id,
                "type": "contact",
                "email": "maija.makela@lapintesti.fi",
                "phone": "+358 40 123 4567",
            }
        )
        agreement = (
            self.Agreement.with_user(self.teacher)
            .with_context(allowed_company_ids=[self.company.id])
            .create(
                self._agreement_vals(
                    source_ref="@SUM(1+1)",
                    student_ref="-2+3",
                    instructor_id=instructor.id,
                    qualification="+cmd|' /C calc'!A0",
                    qualification_unit="\tunit",
                )
            )
        )
        self.assertTrue(agreement.national_survey_reaches)
        row = self._export(agreement)[0]
        self.assertEqual(row["instructor_name"], '\'=HYPERLINK("http://evil.example","Maija")')
        self.assertEqual(row["source_ref"], "'@SUM(1+1)")
        self.assertEqual(row["student_ref"], "'-2+3")
        self.assertEqual(row["qualification"], "'+cmd|' /C calc'!A0")
        self.assertEqual(row["qualification_unit"], "'\tunit")
        self.assertEqual(row["instructor_phone"], "+358 40 123 4567", "a phone number is data, not a formula")
        self.assertEqual(row["instructor_email"], "maija.makela@lapintesti.fi")
        self.assertEqual(row["part_time_percent"], "100")

    def test_templates_have_no_formula(self):
        wizard = self.env["redu.agreement.import.wizard"].with_user(self.manager).create({})
        wizard.with_context(template_format="csv").action_download_template()
        header = base64.b64decode(wizard.template_data).decode("utf-8-sig").splitlines()[0].split(";")
        self.assertEqual(header[:2], ["source_ref", "agreement_type"])
        wizard.with_context(template_format="xlsx").action_download_template()
        sheet = openpyxl.load_workbook(io.BytesIO(base64.b64decode(wizard.template_data))).active
        cells = [cell.value for cell in next(sheet.iter_rows())]
        self.assertEqual(cells, header)
        self.assertFalse([cell for cell in cells if cell[0] in "=+-@\t\r"])


@tagged("post_install", "-at_install")
class TestHardeningImport(FeedbackCase):
    def _import(self, content, name="agreements.csv"):
        wizard = (
            self.env["redu.agreement.import.wizard"]
            .with_user(self.manager)
            .with_context(allowed_company_ids=[self.company.id])
            .create({"file_data": base64.b64encode(content), "file_name": name})
        )
        wizard.action_import()
        return wizard

    def _line(self, ref, start="1.8.2025", end="31.12.2025", student="S1", percent="100"):
        return (
            f"{ref};training_agreement;Aino A;{student};Lapin Testirakennus;{BID_A};;Maija Mäkelä;"
            f"maija.makela@lapintesti.fi;;{start};{end};{percent};;;;"
        )

    def _messages(self, wizard):
        return {result.source_ref: (result.status, result.message) for result in wizard.result_ids}

    def test_csv_hostile_rows_are_row_errors(self):
        content = "\n".join(
            (
                HEADER,
                self._line("OK-1"),
                self._line("LONG-1", student="S" * 50_000),
                self._line("LONG-2").replace(BID_A, "1" * 80),
                self._line("Y9999", end="31.12.9999"),
                self._line("Y0001", start="0001-01-01"),
                self._line("FORMULA-1", end="=TODAY()"),
                self._line("FORMULA-2", student="=A1"),
                self._line("FORMULA-3", percent="=50"),
                self._line("OK-2"),
                "HOSTILE-CONTACT;training_agreement;@Aino;S9;=Evil Oy;;-Työmaa;=cmd|' /C calc'!A0;@evil;"
                "+358 40 =1;1.8.2025;31.12.2025;100;;+cmd;-unit;",
            )
        ).encode()
        wizard = self._import(content)
        messages = self._messages(wizard)
        self.assertEqual(messages["OK-1"][0], "created")
        self.assertEqual(messages["OK-2"][0], "created")
        self.assertEqual(messages["HOSTILE-CONTACT"][0], "created", "names may begin with anything: stored as data")
        hostile = self.Agreement.search([("source_ref", "=", "HOSTILE-CONTACT")])
        self.assertEqual(hostile.instructor_id.name, "=cmd|' /C calc'!A0")
        self.assertEqual(hostile.instructor_id.phone, "+358 40 =1")
        self.assertNotEqual(hostile.readiness, "ready")
        self.assertEqual(wizard.error_count, 7)
        self.assertIn("employer_business_id is too long (80 characters; at most 64)", messages["LONG-2"][1])
        self.assertIn("student_ref is too long", messages["LONG-1"][1])
        self.assertIn("out of range", messages["Y9999"][1])
        self.assertIn("out of range", messages["Y0001"][1])
        self.assertIn("end_date holds a formula (=TODAY())", messages["FORMULA-1"][1])
        self.assertIn("student_ref holds a formula", messages["FORMULA-2"][1])
        self.assertIn("part_time_percent holds a formula", messages["FORMULA-3"][1])
        self.assertEqual(self.Agreement.search_count([("source_ref", "in", ["Y9999", "Y0001", "LONG-1"])]), 0)

    def test_xlsx_formula_without_value_is_a_row_error(self):
        workbook = openpyxl.Workbook()
        sheet = workbook.active
        sheet.append(HEADER.split(";"))
        sheet.append(self._line("XL-OK").split(";"))
        row = self._line("XL-F").split(";")
        row[11] = "=DATE(2025,12,31)"  # openpyxl stores the formula without a computed value
        sheet.append(row)
        output = io.BytesIO()
        workbook.save(output)
        wizard = self._import(output.getvalue(), "agreements.xlsx")
        messages = self._messages(wizard)
        self.assertEqual(messages["XL-OK"][0], "created")
        self.assertEqual(messages["XL-F"][0], "error")
        self.assertIn("end_date holds a formula (=DATE(2025,12,31))", messages["XL-F"][1])

    def test_xlsx_date_beyond_the_calendar_is_a_row_error(self):
        workbook = openpyxl.Workbook()
        sheet = workbook.active
        sheet.append(HEADER.split(";"))
        sheet.append(self._line("XL-OK2").split(";"))
        row = self._line("XL-HUGE").split(";")
        row[11] = 1e9  # a date serial far past the year 9999
        sheet.append(row)
        sheet.cell(row=3, column=12).number_format = "yyyy-mm-dd"
        output = io.BytesIO()
        workbook.save(output)
        wizard = self._import(output.getvalue(), "agreements.xlsx")
        messages = self._messages(wizard)
        self.assertEqual(messages["XL-OK2"][0], "created", "the other rows of the file are imported")
        self.assertEqual(messages["XL-HUGE"][0], "error")
        # the serial as stored (openpyxl, which read the file before #22, showed "#VALUE!" and warned)
        self.assertIn("the end date 1000000000 is not a date", messages["XL-HUGE"][1])

    def test_encodings(self):
        text = "\n".join((HEADER, self._line("ENC-1").replace("Aino A", "Äijä Öhman")))
        wizard = self._import(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
        self.assertEqual(wizard.created_count, 1, "UTF-16 with its BOM is read")
        wizard = self._import(text.replace("ENC-1", "ENC-2").encode("cp1252"))
        self.assertEqual(wizard.created_count, 1, "Excel's Windows-1252 CSV is read")
        agreement = self.Agreement.search([("source_ref", "=", "ENC-2")])
        self.assertEqual(agreement.student_name, "Äijä Öhman")

    def test_broken_files_are_clean_errors(self):
        cases = {
            "NUL characters": HEADER.encode() + b"\nX;\x00\x00;;\n",
            "not a text file": HEADER.encode() + b"\n\x81\x8d\x8f\x90\x9d;x\n",
            "CSV file is broken": (HEADER + '\nBQ;"training_agreement\n' + "x" * 200_000).encode(),
        }
        for expected, content in cases.items():
            with self.subTest(expected), self.assertRaisesRegex(UserError, expected):
                self._import(content)
        with self.assertRaisesRegex(UserError, "The Excel file cannot be read"):
            self._import(b"PK\x03\x04 garbage", "agreements.xlsx")


@tagged("post_install", "-at_install")
class TestHardeningDates(FeedbackCase):
    def test_dates_out_of_range_refused_on_create_and_write(self):
        Agreement = self.Agreement.with_user(self.teacher).with_context(allowed_company_ids=[self.company.id])
        for values in ({"end_date": D(9999, 12, 31)}, {"start_date": D(1, 1, 1)}, {"study_right_end": D(2999, 1, 1)}):
            with self.subTest(values), self.assertRaisesRegex(ValidationError, "out of range"):
                Agreement.create(self._agreement_vals(**values))
        agreement = Agreement.create(self._agreement_vals())
        with self.assertRaisesRegex(ValidationError, "out of range"):
            agreement.write({"end_date": D(9999, 12, 31)})
        with self.assertRaisesRegex(ValidationError, "out of range"):
            self.env["redu.agreement.interruption"].with_user(self.teacher).with_context(
                allowed_company_ids=[self.company.id]
            ).create({"agreement_id": agreement.id, "start_date": D(9999, 1, 1)})
        hostile = "".join(secrets.choice(string.ascii_letters) for _ in range(50_000))  # does not compress
        for values in ({"student_ref": hostile}, {"source_ref": hostile}):
            with (
                self.subTest(list(values)),
                self.assertRaisesRegex(CheckViolation, "_ref_length"),
                mute_logger("odoo.sql_db"),
                self.env.cr.savepoint(),
            ):
                Agreement.create(self._agreement_vals(**values))

    def test_stored_extreme_dates_do_not_stop_anything(self):
        """Dates stored before the check (or by SQL) are judged, never crash validation, cron or dashboard."""
        far = self._agreement(source_ref="FAR")
        early = self._agreement(source_ref="EARLY")
        normal = self._agreement(source_ref="NORMAL")
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE redu_workplace_agreement SET start_date = '9999-01-01', end_date = '9999-12-31',"
            " study_right_end = '9999-12-31' WHERE id = %s",
            [far.id],
        )
        self.env.cr.execute(
            "UPDATE redu_workplace_agreement SET start_date = '0001-01-01', end_date = '0001-01-01' WHERE id = %s",
            [early.id],
        )
        self.env.cr.execute(
            "INSERT INTO redu_study_right_period (agreement_id, company_id, start_date, state)"
            " VALUES (%s, %s, '0001-01-01', 'eronnut')",
            [early.id, self.company.id],
        )
        self.env.invalidate_all()
        agreements = far | early | normal
        agreements._compute_national_dates()
        agreements._validate_contacts()
        self.Agreement._cron_validate_contacts()
        for agreement in far | early:
            self.assertEqual(agreement.readiness, "blocked", "year 1 or 9999 is never ready")
            self.assertFalse(agreement.national_survey_reaches)
            self.assertIn("date_out_of_range", agreement.issue_ids.mapped("rule_code"))
        self.assertFalse(far.bundling_date)
        self.assertEqual(normal.readiness, "ready")
        agreements.read(["days_to_deadline", "national_fix_deadline", "national_last_answer_day", "issue_count"])
        self.env["redu.feedback.dashboard"].search_read([], [])

    def test_retention_and_bundle_key_stay_in_range(self):
        self.env["ir.config_parameter"].set_param("redu_feedback_prep.retention_years", "5000")
        self.Agreement._cron_anonymise_students()  # the limit date stays in the calendar
        self.assertEqual(self.Agreement._get_retention_years(), 100)
        instructor = self.Partner.create({"name": "Maija " * 10_000, "parent_id": self.employer.id, "type": "contact"})
        other = self.Partner.create({"name": "Maija " * 10_000 + "B", "parent_id": self.employer.id, "type": "contact"})
        first = self._agreement(instructor_id=instructor.id)
        second = self._agreement(instructor_id=other.id)
        self.assertEqual(len(first.bundle_key), 500)
        self.assertNotEqual(first.bundle_key, second.bundle_key, "the hash keeps long keys apart")
