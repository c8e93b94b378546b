# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""What the batched storage of agreements and issues must keep as it was (#22)."""

from odoo.tools import SQL

from ..tools.rule_catalogue import RULE_BY_CODE
from .common import FeedbackCase


class TestStorage(FeedbackCase):
    def test_references_are_the_sequence_s_as_core_draws_them(self):
        sequence = self.env["ir.sequence"].search([("code", "=", "redu.workplace.agreement")], limit=1)
        sequence.write({"prefix": "TS/%(year)s/%(month)s/", "suffix": "-%(y)s", "padding": 6})
        agreements = self.Agreement.create(
            [self._agreement_vals(source_ref=f"REF-{index}", student_ref=f"S-{index}") for index in range(3)]
        )
        # core's own draw of the next number, then the three before it as core formats them
        following = self.env["ir.sequence"].next_by_code("redu.workplace.agreement")
        prefix, suffix = sequence._get_prefix_suffix()
        number = int(following.removeprefix(prefix).removesuffix(suffix))
        self.assertEqual(agreements.mapped("name"), [sequence.get_next_char(number - 3 + i) for i in range(3)])

    def test_issues_have_the_kind_of_their_rule(self):
        self.instructor.write({"email": "info@lapintesti.fi", "phone": "040 123"})
        agreement = self._agreement(part_time_percent=0)
        self.assertGreater(len(agreement.issue_ids), 2)
        for issue in agreement.issue_ids:
            self.assertEqual(issue.kind, RULE_BY_CODE[issue.rule_code].kind, issue.rule_code)
        hoks = self.env["redu.contact.issue"].search([("agreement_id", "=", agreement.id), ("kind", "=", "hoks")])
        self.assertIn("part_time_missing", hoks.mapped("rule_code"))

    def test_a_new_agreement_has_its_national_dates_bundle_and_shares_from_the_start(self):
        agreement = self._agreement()
        self.env.flush_all()
        self.env.invalidate_all()
        self.assertTrue(agreement.bundle_key)
        self.assertEqual(agreement.bundling_date.day, 1)
        self.assertTrue(agreement.national_contact_deadline)
        self.assertEqual(agreement.readiness, "ready")
        self.assertEqual((agreement.ready_percent, agreement.survey_reach_percent), (100.0, 100.0))

    def test_the_agreements_table_leaves_room_for_in_place_updates(self):
        self.env.cr.execute(SQL("SELECT reloptions FROM pg_class WHERE relname = 'redu_workplace_agreement'"))
        self.assertEqual(self.env.cr.fetchone()[0], ["fillfactor=50"])

    def test_an_unchanged_revalidation_keeps_the_issues_as_they_are(self):
        # issues with a detail and without one, with an instructor, a teacher and a deadline and without
        self.instructor.write({"email": "info@lapintesti.fi", "phone": "040 123"})
        agreements = self._agreement(part_time_percent=0) | self._agreement(
            source_ref="REF-NO-INSTRUCTOR", student_ref="S-NO-INSTRUCTOR", instructor_id=False, teacher_id=False
        )
        issues = agreements.issue_ids
        for empty in ("detail", "instructor_id", "teacher_id"):
            self.assertTrue(issues.filtered(empty), empty)
            self.assertTrue(issues.filtered(lambda issue, empty=empty: not issue[empty]), empty)
        urgencies = issues.mapped("urgency")
        agreements.invalidate_recordset()
        agreements._validate_contacts()
        self.env.flush_all()
        # the same issues, neither unlinked nor created again, their urgency as it was
        self.assertEqual(self.env["redu.contact.issue"].search([("agreement_id", "in", agreements.ids)]), issues)
        self.assertEqual(issues.mapped("urgency"), urgencies)
