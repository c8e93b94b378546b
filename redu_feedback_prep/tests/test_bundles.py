# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo.tests import new_test_user, tagged

from .common import BID_C, FeedbackCase


@tagged("post_install", "-at_install")
class TestBundles(FeedbackCase):
    """Agreements with the same instructor name and business ID share one survey link."""

    def test_bundle_key(self):
        twin = self._instructor(name="  maija   MÄKELÄ ", email="maija.makela@lapintesti.fi", phone="+358401234567")
        first = self._agreement()
        second = self._agreement(instructor_id=twin.id)
        self.assertTrue(first.bundle_key)
        self.assertEqual(first.bundle_key, second.bundle_key)
        other_entity = self._agreement(company_id=self.other_company.id)
        self.assertNotEqual(first.bundle_key, other_entity.bundle_key)
        self.assertEqual(first.readiness, "ready")
        self.assertEqual(second.readiness, "ready")

    def test_email_mismatch(self):
        first = self._agreement()
        twin = self._instructor(name="Maija Mäkelä", email="maija.m@lapintesti.fi", phone="+358401234567")
        second = self._agreement(instructor_id=twin.id)
        # the first agreement is revalidated too: its bundle changed
        for agreement in first | second:
            self.assertIn("email_mismatch", self.codes(agreement))
            self.assertEqual(agreement.readiness, "blocked")
        issue = second.issue_ids.filtered(lambda i: i.rule_code == "email_mismatch")
        self.assertEqual(issue.severity, "blocking")
        self.assertEqual(issue.detail, "maija.m@lapintesti.fi, maija.makela@lapintesti.fi")
        # the phone channel still works: no no_valid_contact
        self.assertNotIn("no_valid_contact", self.codes(second))
        # same emails written differently are no mismatch
        twin.email = "Maija.Makela@LapinTesti.fi"
        self.assertNotIn("email_mismatch", self.codes(first))
        self.assertNotIn("email_mismatch", self.codes(second))

    def test_mismatch_cleared_when_a_mate_is_deleted(self):
        first = self._agreement()
        twin = self._instructor(name="Maija Mäkelä", email="maija.m@lapintesti.fi", phone="+358401234567")
        second = self._agreement(instructor_id=twin.id)
        self.assertEqual(first.readiness, "blocked")
        second.unlink()
        self.assertEqual(first.readiness, "ready")
        self.assertFalse(first.issue_ids)

    def test_phone_mismatch(self):
        first = self._agreement()
        twin = self._instructor(name="Maija Mäkelä", email="maija.makela@lapintesti.fi", phone="0509998877")
        second = self._agreement(instructor_id=twin.id)
        for agreement in first | second:
            self.assertIn("phone_mismatch", self.codes(agreement))
            self.assertEqual(agreement.readiness, "warning")
        self.assertEqual(second.issue_ids.severity, "warning")
        twin.phone = "040 123 4567"
        self.assertFalse(first.issue_ids)
        self.assertFalse(second.issue_ids)

    def test_both_mismatches_leave_no_channel(self):
        self._agreement()
        twin = self._instructor(name="Maija Mäkelä", email="maija.m@lapintesti.fi", phone="0509998877")
        second = self._agreement(instructor_id=twin.id)
        self.assertTrue({"email_mismatch", "phone_mismatch", "no_valid_contact"} <= self.codes(second))

    def test_no_bundle_across_employers_or_ended_agreements(self):
        self._agreement()
        namesake = self._instructor(name="Maija Mäkelä", employer=self.employer_b, email="maija@testihoiva.fi")
        elsewhere = self._agreement(employer_id=self.employer_b.id, instructor_id=namesake.id)
        self.assertNotIn("email_mismatch", self.codes(elsewhere))
        # an agreement ended long ago is not in the bundle any more
        old_twin = self._instructor(name="Pirjo Pitkä", email="pirjo.vanha@lapintesti.fi")
        self._agreement(instructor_id=old_twin.id, start_date=self.today - timedelta(days=400),
                        end_date=self.today - timedelta(days=200))
        new_twin = self._instructor(name="Pirjo Pitkä", email="pirjo.pitka@lapintesti.fi")
        current = self._agreement(instructor_id=new_twin.id)
        self.assertNotIn("email_mismatch", self.codes(current))

    def _unchecked(self, count, prefix):
        instructors = self.Partner.create([{
            "name": f"Ohjaaja {prefix} {chr(75 + i // 10)}{chr(97 + i % 10)}",
            "parent_id": self.employer.id, "type": "contact",
            "email": f"ohjaaja.{prefix}{i}@lapintesti.fi", "phone": f"04012345{i:02d}",
        } for i in range(count)])
        return self.Agreement.with_context(redu_skip_validation=True).create([
            self._agreement_vals(instructor_id=partner.id, part_time_percent=0 if i % 4 == 0 else 100)
            for i, partner in enumerate(instructors)
        ])

    def _queries(self, agreements):
        self.env.flush_all()
        before = self.env.cr.sql_log_count
        agreements.action_validate_contacts()
        self.env.flush_all()
        return self.env.cr.sql_log_count - before

    def test_batch_validation_is_set_based(self):
        small = self._unchecked(4, "s")
        large = self._unchecked(40, "l")
        self.assertEqual(set(large.mapped("readiness")), {"unchecked"})
        small_count = self._queries(small)
        large_count = self._queries(large)
        # a query per agreement would add dozens; only the number of distinct readiness values may add one
        self.assertLessEqual(large_count, small_count + 2, "the number of queries does not grow with the batch")
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
