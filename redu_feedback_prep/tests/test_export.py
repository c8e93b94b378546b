# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
import csv
import io
from datetime import timedelta

from odoo.tests import tagged

from .common import FeedbackCase


@tagged("post_install", "-at_install")
class TestExport(FeedbackCase):
    def _export(self, agreements, **values):
        wizard = (
            self.env["redu.transfer.export.wizard"]
            .with_user(self.manager)
            .with_context(
                allowed_company_ids=[self.company.id],
            )
            .create({"agreement_ids": [(6, 0, agreements.ids)], **values})
        )
        wizard.action_export()
        text = base64.b64decode(wizard.file_data).decode("utf-8-sig")
        return wizard, list(csv.DictReader(io.StringIO(text), delimiter=";"))

    def test_export_ready_and_warning_never_blocked(self):
        self.instructor.write({"email": " Maija.Makela@LAPINTESTI.fi", "phone": "040 123 4567"})
        ready = self._agreement(source_ref="SR-1", student_ref="S-1")
        warning = self._agreement(source_ref="SR-2", instructor_id=self._instructor(phone="016 123 456").id)
        blocked = self._agreement(source_ref="SR-3", part_time_percent=0)
        wizard, rows = self._export(ready | warning | blocked)
        self.assertEqual([row["source_ref"] for row in rows], ["SR-1", "SR-2"])
        self.assertEqual(wizard.exported_count, 2)
        self.assertEqual(wizard.warning_count, 1)
        self.assertEqual(wizard.blocked_count, 1)
        first = rows[0]
        self.assertEqual(first["business_id"], "0112038-9")
        self.assertEqual(first["instructor_email"], "Maija.Makela@LAPINTESTI.fi", "as written, trimmed")
        self.assertEqual(first["instructor_phone"], "040 123 4567")
        self.assertEqual(first["warning"], "0")
        self.assertEqual(first["start_date"], str(ready.start_date))
        self.assertEqual(first["student_ref"], "S-1")
        self.assertNotIn("student_name", first)
        self.assertEqual(rows[1]["warning"], "1")
        self.assertEqual(rows[1]["warning_codes"], "phone_not_mobile")
        self.assertEqual(rows[1]["instructor_phone"], "016 123 456", "exported as judged: the email still goes")

    def test_export_keeps_valid_international_addresses(self):
        """An IDN or apostrophe address is deliverable: exported, never blanked."""
        for address in ("o'brien@lapintesti.fi", "pää.käyttäjä@äänekoski-yhtiö.fi"):
            agreement = self._agreement(instructor_id=self._instructor(email=address).id)
            self.assertTrue(agreement.national_email_sent, address)
            _wizard, rows = self._export(agreement)
            self.assertEqual(rows[0]["instructor_email"], address)

    def test_export_never_contains_a_rejected_hoks(self):
        dotted = self._agreement(student_ref="S-DOT", instructor_id=self._instructor(phone="040.123.4567").id)
        same_student = self._agreement(student_ref="S-DOT")
        self.assertTrue(dotted.national_hoks_rejected)
        self.assertTrue(same_student.national_hoks_rejected)
        wizard, rows = self._export(dotted | same_student)
        self.assertEqual(rows, [])
        self.assertEqual(wizard.blocked_count, 2)

    def test_export_column_order(self):
        _wizard, rows = self._export(self._agreement())
        self.assertEqual(
            list(rows[0]),
            [
                "agreement_ref",
                "source_ref",
                "agreement_type",
                "student_ref",
                "workplace_name",
                "business_id",
                "instructor_name",
                "instructor_email",
                "instructor_phone",
                "start_date",
                "end_date",
                "part_time_percent",
                "apprenticeship_basis",
                "qualification",
                "qualification_unit",
                "warning",
                "warning_codes",
            ],
        )

    def test_export_revalidates_and_skips_ended(self):
        stale = self._unvalidated([self._agreement_vals(part_time_percent=0)])
        ended = self._agreement(start_date=self.today - timedelta(days=90), end_date=self.today)
        _wizard, rows = self._export(stale | ended)
        self.assertEqual(rows, [])
        self.assertEqual(stale.readiness, "blocked")
        _wizard, rows = self._export(ended, include_ended=True)
        self.assertEqual(len(rows), 1)
