# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import datetime
from datetime import timedelta

from odoo.tests import new_test_user, tagged

from .common import BID_C, FeedbackCase


@tagged("post_install", "-at_install")
class TestBundles(FeedbackCase):
    """Periods with the same instructor name, business ID, provider and qualification ending in the same
    month share one survey link, and so one email and one phone (ehoks nippu.clj:5-30,
    heratepalvelu tep/tepCommon.clj:38-43)."""

    def test_bundle_key_is_the_name_as_written(self):
        first = self._agreement()
        self.assertEqual(first.bundle_key, f"Maija Mäkelä/0112038-9/entity-{self.company.id}/351101")
        self.assertEqual(first.bundling_date, (first.end_date.replace(day=1) + timedelta(days=32)).replace(day=1))
        # surrounding spaces go (eHOKS trims its input), case and inner spaces stay
        trimmed = self._agreement(instructor_id=self._instructor(name=" Maija Mäkelä ").id)
        self.assertEqual(trimmed.bundle_key, first.bundle_key)
        for name in ("maija mäkelä", "Maija  Mäkelä", "MAIJA MÄKELÄ"):
            other = self._agreement(instructor_id=self._instructor(name=name).id)
            self.assertNotEqual(other.bundle_key, first.bundle_key, name)
        self.company.redu_provider_oid = "1.2.246.562.10.346830761110"
        entity_agreement = self._agreement()
        self.assertEqual(entity_agreement.bundle_key, "Maija Mäkelä/0112038-9/1.2.246.562.10.346830761110/351101")
        other_qualification = self._agreement(qualification_code="351107")
        self.assertNotEqual(other_qualification.bundle_key, entity_agreement.bundle_key)

    def test_email_mismatch_stops_only_the_email(self):
        first = self._agreement()
        twin = self._instructor(name="Maija Mäkelä", email="maija.m@lapintesti.fi", phone="+358401234567")
        second = self._agreement(instructor_id=twin.id)
        # the first agreement is revalidated too: its bundle changed
        for agreement in first | second:
            self.assertIn("email_mismatch", self.codes(agreement))
            self.assertFalse(agreement.national_email_sent)
            self.assertTrue(agreement.national_sms_sent, "the SMS still goes")
            self.assertTrue(agreement.national_survey_reaches)
            self.assertEqual(agreement.readiness, "warning")
        issue = second.issue_ids.filtered(lambda i: i.rule_code == "email_mismatch")
        self.assertEqual(issue.severity, "warning")
        self.assertEqual(issue.detail, "maija.m@lapintesti.fi, maija.makela@lapintesti.fi")
        self.assertNotIn("no_valid_contact", self.codes(second))

    def test_emails_compared_as_written(self):
        """The national system compares the raw strings (heratepalvelu tep/emailHandler.clj:30-49)."""
        first = self._agreement()
        twin = self._instructor(name="Maija Mäkelä", email="Maija.Makela@lapintesti.fi", phone="+358401234567")
        second = self._agreement(instructor_id=twin.id)
        self.assertIn("email_mismatch", self.codes(second))
        twin.email = "maija.makela@lapintesti.fi"
        self.assertFalse(first.issue_ids)
        self.assertEqual(second.readiness, "ready")

    def test_mates_found_whatever_the_keys_hold(self):
        """The bundle keys and student IDs searched as PostgreSQL arrays: quotes, backslashes, commas and braces
        in a name or an ID are matched as written."""
        for name, student in (
            ('Maija "Maikki" Mäkelä', 'S"1'),
            ("Maija \\ Mäkelä", "S\\2"),
            ("Mäkelä, Maija {ohjaaja}", "S,{3}"),
            ("NULL", "NULL"),
        ):
            with self.subTest(name):
                first = self._agreement(instructor_id=self._instructor(name=name).id, student_ref=student)
                twin = self._instructor(name=name, email="maija.m@lapintesti.fi", phone="+358401234567")
                second = self._agreement(instructor_id=twin.id)
                self.assertEqual(first.bundle_key, second.bundle_key)
                # the first agreement is revalidated as the second's bundle mate
                self.assertIn("email_mismatch", self.codes(first))
                same_student = self._agreement(student_ref=student, instructor_id=False)
                mates = self.Agreement._national_mates(
                    {(first.bundle_key, first.bundling_date)}, {(self.company.id, student)}
                )
                self.assertEqual(mates, first | second | same_student)

    def test_agreement_without_email_rides_on_its_mate(self):
        """tepCommon_test.clj:52-59: ["asdf", missing, "asdf"] -> "asdf"."""
        first = self._agreement()
        twin = self._instructor(name="Maija Mäkelä", email=False, phone="+358401234567")
        second = self._agreement(instructor_id=twin.id)
        self.assertTrue(second.national_email_sent)
        self.assertNotIn("email_missing", self.codes(second))
        self.assertEqual(first.readiness, "ready")

    def test_mismatch_cleared_when_a_mate_is_deleted(self):
        first = self._agreement()
        twin = self._instructor(name="Maija Mäkelä", email="maija.m@lapintesti.fi", phone="+358401234567")
        second = self._agreement(instructor_id=twin.id)
        self.assertEqual(first.readiness, "warning")
        second.unlink()
        self.assertEqual(first.readiness, "ready")
        self.assertFalse(first.issue_ids)

    def test_phone_mismatch_even_for_the_same_number_written_differently(self):
        """tepSmsHandler_i_test.clj:33-42: two numbers, validity not even checked."""
        first = self._agreement()
        twin = self._instructor(name="Maija Mäkelä", email="maija.makela@lapintesti.fi", phone="040 123 4567")
        second = self._agreement(instructor_id=twin.id)
        for agreement in first | second:
            self.assertIn("phone_mismatch", self.codes(agreement))
            self.assertFalse(agreement.national_sms_sent)
            self.assertTrue(agreement.national_email_sent)
            self.assertEqual(agreement.readiness, "warning")
        twin.phone = "+358401234567"
        self.assertFalse(first.issue_ids)
        self.assertFalse(second.issue_ids)

    def test_both_mismatches_leave_no_channel(self):
        self._agreement()
        twin = self._instructor(name="Maija Mäkelä", email="maija.m@lapintesti.fi", phone="0509998877")
        second = self._agreement(instructor_id=twin.id)
        self.assertTrue({"email_mismatch", "phone_mismatch", "no_valid_contact"} <= self.codes(second))
        self.assertFalse(second.national_survey_reaches)
        self.assertEqual(second.readiness, "blocked")

    def test_no_bundle_across_employers_or_months(self):
        self._agreement()
        namesake = self._instructor(name="Maija Mäkelä", employer=self.employer_b, email="maija@testihoiva.fi")
        elsewhere = self._agreement(employer_id=self.employer_b.id, instructor_id=namesake.id)
        self.assertNotIn("email_mismatch", self.codes(elsewhere))
        # the same instructor with periods ending in different months: two bundles
        end = self.today + timedelta(days=30)
        next_month = (end.replace(day=1) + timedelta(days=32)).replace(day=1)
        other_twin = self._instructor(name="Maija Mäkelä", email="maija.m@lapintesti.fi")
        later = self._agreement(instructor_id=other_twin.id, end_date=next_month)
        self.assertNotEqual(later.bundling_date, self._agreement().bundling_date)
        self.assertNotIn("email_mismatch", self.codes(later))

    def test_bundles_across_the_year_end(self):
        december = self._agreement(start_date=datetime.date(2031, 9, 1), end_date=datetime.date(2031, 12, 31))
        january = self._agreement(start_date=datetime.date(2031, 9, 1), end_date=datetime.date(2032, 1, 1))
        self.assertEqual(december.bundling_date, datetime.date(2032, 1, 1))
        self.assertEqual(january.bundling_date, datetime.date(2032, 2, 1))

    def test_rejected_or_excluded_period_is_no_bundle_member(self):
        """Only periods that reach the bundling bring their contacts into it."""
        first = self._agreement()
        twin = self._instructor(name="Maija Mäkelä", email="maija.m@lapintesti.fi", phone="+358401234567")
        excluded = self._agreement(instructor_id=twin.id, tuva_related=True)
        self.assertEqual(excluded.national_excluded_reason, "tuva_related")
        self.assertEqual(first.readiness, "ready")
        # what the excluded one would meet once in the bundle is still shown
        self.assertIn("email_mismatch", self.codes(excluded))

    def _unchecked(self, count, prefix):
        instructors = self.Partner.create(
            [
                {
                    "name": f"Ohjaaja {prefix} {chr(75 + i // 10)}{chr(97 + i % 10)}",
                    "parent_id": self.employer.id,
                    "type": "contact",
                    "email": f"ohjaaja.{prefix}{i}@lapintesti.fi",
                    "phone": f"04012345{i:02d}",
                }
                for i in range(count)
            ]
        )
        return self._unvalidated(
            [
                self._agreement_vals(instructor_id=partner.id, part_time_percent=0 if i % 4 == 0 else 100)
                for i, partner in enumerate(instructors)
            ]
        )

    def test_batch_validation_is_set_based(self):
        small = self._unchecked(4, "s")
        large = self._unchecked(40, "l")
        self.assertEqual(set(large.mapped("readiness")), {"unchecked"})
        self.env.flush_all()
        with self.assertQueryCount(27):
            small.action_validate_contacts()
            self.env.flush_all()
        # ten times the agreements, the same queries: nothing is read or written per agreement
        with self.assertQueryCount(27):
            large.action_validate_contacts()
            self.env.flush_all()
        self.assertEqual(large.filtered(lambda a: a.readiness == "blocked"), large[::4])
        self.assertEqual(len(large.issue_ids), 10)
        self.assertEqual(set(large[1::4].mapped("readiness")), {"ready"})

    def test_revalidation_on_partner_edits(self):
        agreement = self._agreement()
        self.assertEqual(agreement.readiness, "ready")
        self.instructor.email = "info@lapintesti.fi"
        self.assertEqual(self.codes(agreement), {"email_generic"})
        self.instructor.phone = "016 123 456"
        self.assertEqual(self.codes(agreement), {"email_generic", "phone_not_mobile"})
        self.instructor.email = False
        self.assertEqual(self.codes(agreement), {"email_missing", "phone_not_mobile", "no_valid_contact"})
        self.instructor.write({"email": "maija.makela@lapintesti.fi", "phone": "+358401234567"})
        self.assertEqual(agreement.readiness, "ready")
        self.instructor.name = "Lapin Testirakennus Oy"
        self.assertEqual(self.codes(agreement), {"instructor_name_not_person"})
        self.instructor.name = "Maija Mäkelä"
        self.instructor.parent_id = self.employer_b
        self.assertIn("instructor_not_at_employer", self.codes(agreement))
        self.instructor.parent_id = self.employer
        self.assertEqual(agreement.readiness, "ready")

    def test_revalidation_on_employer_edits(self):
        agreement = self._agreement()
        self.employer.company_registry = False
        self.assertIn("business_id_missing", self.codes(agreement))
        self.employer.company_registry = BID_C
        self.assertEqual(agreement.readiness, "ready")
        self.assertIn(BID_C, agreement.bundle_key)

    def test_partner_edit_by_user_without_agreement_access(self):
        agreement = self._agreement()
        sales_user = new_test_user(self.env, login="fb_sales", groups="base.group_user,base.group_partner_manager")
        self.assertFalse(self.Agreement.with_user(sales_user).has_access("read"))
        instructor = self.instructor.with_user(sales_user).with_context(allowed_company_ids=sales_user.company_ids.ids)
        instructor.write({"phone": "016 123 456"})
        self.assertEqual(self.codes(agreement), {"phone_not_mobile"})

    def test_ended_agreements_not_revalidated_by_partner_edits(self):
        old = self._agreement(start_date=self.today - timedelta(days=300), end_date=self.today - timedelta(days=100))
        self.assertEqual(old.readiness, "ready")
        self.instructor.email = False
        self.instructor.phone = False
        self.assertEqual(old.readiness, "ready", "agreements ended over 30 days ago are left as they were")
        old.action_validate_contacts()
        self.assertEqual(old.readiness, "blocked")
