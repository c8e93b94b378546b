# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import datetime
from datetime import timedelta

from dateutil.relativedelta import relativedelta
from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import FeedbackCase


@tagged("post_install", "-at_install")
class TestRules(FeedbackCase):
    """Each rule code: one case that triggers it, one that does not."""

    def test_valid_agreement_is_ready(self):
        agreement = self._agreement()
        self.assertFalse(agreement.issue_ids)
        self.assertEqual(agreement.readiness, "ready")
        self.assertTrue(agreement.last_validated)

    def assertRule(self, rule_code, bad, good, severity):
        self.assertIn(rule_code, self.codes(bad), f"{rule_code} should be reported")
        self.assertNotIn(rule_code, self.codes(good), f"{rule_code} should not be reported")
        issue = bad.issue_ids.filtered(lambda i: i.rule_code == rule_code)
        self.assertEqual(issue.severity, severity)
        self.assertTrue(issue.message and issue.fix_hint)
        expected = "blocked" if "blocking" in bad.issue_ids.mapped("severity") else "warning"
        self.assertEqual(bad.readiness, expected)

    def test_instructor_missing(self):
        self.assertRule("instructor_missing", self._agreement(instructor_id=False), self._agreement(), "blocking")

    def test_instructor_name_missing(self):
        nameless = self.Partner.create(
            {
                "name": False,
                "type": "other",
                "parent_id": self.employer.id,
                "email": "x.y@lapintesti.fi",
            }
        )
        self.assertRule(
            "instructor_name_missing",
            self._agreement(instructor_id=nameless.id),
            self._agreement(),
            "blocking",
        )

    def test_instructor_name_not_person(self):
        for name in ("Lapin Testirakennus Oy", "Henkilöstöhallinto", "toimisto@lapintesti.fi", "Myynti tiimi"):
            partner = self._instructor(name=name, email="a.b@lapintesti.fi")
            agreement = self._agreement(instructor_id=partner.id)
            self.assertIn("instructor_name_not_person", self.codes(agreement), name)
            self.assertEqual(agreement.readiness, "warning", name)
        company_instructor = self.Partner.create({"name": "Matti Virtanen", "is_company": True})
        self.assertIn("instructor_name_not_person", self.codes(self._agreement(instructor_id=company_instructor.id)))
        self.assertRule(
            "instructor_name_not_person",
            self._agreement(instructor_id=self._instructor(name="Ab Testi Oy").id),
            self._agreement(instructor_id=self._instructor(name="Anna-Liisa Östman").id),
            "warning",
        )

    def test_workplace_name_missing(self):
        bad = self._agreement(employer_id=False, workplace_name=False)
        self.assertRule("workplace_name_missing", bad, self._agreement(), "blocking")

    def test_workplace_name_defaults_to_employer(self):
        agreement = self._agreement()
        self.assertEqual(agreement.workplace_name, "Lapin Testirakennus Oy")
        agreement.employer_id = self.employer_b
        self.assertEqual(agreement.workplace_name, "Napapiirin Testihoiva Oy")
        own = self._agreement(workplace_name="Rovaniemen työmaa")
        self.assertEqual(own.workplace_name, "Rovaniemen työmaa")

    def test_business_id_missing(self):
        no_id = self.Partner.create({"name": "Tunnukseton Oy", "is_company": True})
        instructor = self._instructor(employer=no_id)
        self.assertRule(
            "business_id_missing",
            self._agreement(employer_id=no_id.id, instructor_id=instructor.id),
            self._agreement(),
            "blocking",
        )
        self.assertIn("business_id_missing", self.codes(self._agreement(employer_id=False, workplace_name="X")))

    def test_business_id_invalid(self):
        # no country: redu_partnership only refuses invalid IDs of Finnish partners
        broken = self.Partner.create({"name": "Rikkinäinen Oy", "is_company": True, "company_registry": "1234567-8"})
        instructor = self._instructor(employer=broken)
        bad = self._agreement(employer_id=broken.id, instructor_id=instructor.id)
        self.assertRule("business_id_invalid", bad, self._agreement(), "blocking")
        self.assertEqual(bad.issue_ids.filtered(lambda i: i.rule_code == "business_id_invalid").detail, "1234567-8")

    def test_email_missing(self):
        self.assertRule(
            "email_missing",
            self._agreement(instructor_id=self._instructor(email=False).id),
            self._agreement(),
            "warning",
        )

    def test_email_invalid(self):
        for value in ("pekka.niemi@", "pekka niemi", "pekka@lapintesti", "a@lapintesti.fi, b@lapintesti.fi"):
            agreement = self._agreement(instructor_id=self._instructor(email=value).id)
            self.assertIn("email_invalid", self.codes(agreement), value)
        self.assertRule(
            "email_invalid",
            self._agreement(instructor_id=self._instructor(email="pekka@@x.fi").id),
            self._agreement(instructor_id=self._instructor(email="Pekka.Niemi@Lapintesti.FI").id),
            "warning",
        )

    def test_email_generic(self):
        for value in (
            "info@lapintesti.fi",
            "toimisto@lapintesti.fi",
            "asiakaspalvelu@lapintesti.fi",
            "noreply@lapintesti.fi",
        ):
            agreement = self._agreement(instructor_id=self._instructor(email=value).id)
            self.assertIn("email_generic", self.codes(agreement), value)
        self.assertRule(
            "email_generic",
            self._agreement(instructor_id=self._instructor(email="info@lapintesti.fi").id),
            self._agreement(instructor_id=self._instructor(email="informaatikko.ina@lapintesti.fi").id),
            "warning",
        )

    def test_phone_missing(self):
        self.assertRule(
            "phone_missing",
            self._agreement(instructor_id=self._instructor(phone=False).id),
            self._agreement(),
            "warning",
        )

    def test_phone_invalid(self):
        for value in ("12", "+358 40", "00000"):
            agreement = self._agreement(instructor_id=self._instructor(phone=value).id)
            self.assertIn("phone_invalid", self.codes(agreement), value)
        self.assertRule(
            "phone_invalid",
            self._agreement(instructor_id=self._instructor(phone="040 12").id),
            self._agreement(instructor_id=self._instructor(phone="040 123 4567").id),
            "warning",
        )

    def test_phone_not_mobile(self):
        landline = self._agreement(instructor_id=self._instructor(phone="016 123 456").id)
        self.assertRule("phone_not_mobile", landline, self._agreement(), "warning")
        self.assertEqual(landline.issue_ids.detail, "016 123 456", "the value as written")

    def test_no_valid_contact(self):
        nothing = self._instructor(email=False, phone="016 123 456")
        bad = self._agreement(instructor_id=nothing.id)
        self.assertRule("no_valid_contact", bad, self._agreement(), "blocking")
        self.assertEqual(self.codes(bad), {"email_missing", "phone_not_mobile", "no_valid_contact"})
        # one valid channel is enough
        email_only = self._agreement(instructor_id=self._instructor(phone=False).id)
        self.assertNotIn("no_valid_contact", self.codes(email_only))
        sms_only = self._agreement(instructor_id=self._instructor(email="info@", phone="0451234567").id)
        self.assertNotIn("no_valid_contact", self.codes(sms_only))
        self.assertEqual(sms_only.readiness, "warning")

    def test_instructor_not_at_employer(self):
        elsewhere = self._instructor(employer=self.employer_b)
        bad = self._agreement(instructor_id=elsewhere.id)
        self.assertRule("instructor_not_at_employer", bad, self._agreement(), "warning")
        loose = self.Partner.create({"name": "Irma Irrallinen", "email": "irma@lapintesti.fi", "phone": "0401112222"})
        self.assertIn("instructor_not_at_employer", self.codes(self._agreement(instructor_id=loose.id)))

    def test_dates_invalid(self):
        end_before_start = self._agreement(start_date=self.today, end_date=self.today - timedelta(days=1))
        self.assertRule("dates_invalid", end_before_start, self._agreement(), "blocking")
        self.assertEqual(self.codes(self._agreement(start_date=False)), {"start_date_missing"})
        same_day = self._agreement(start_date=self.today + timedelta(days=5), end_date=self.today + timedelta(days=5))
        self.assertNotIn("dates_invalid", self.codes(same_day))

    def test_dates_five_year_boundary(self):
        start = self.today - timedelta(days=100)
        exactly_five = self._agreement(start_date=start, end_date=start + relativedelta(years=5))
        self.assertNotIn("period_too_long", self.codes(exactly_five))
        one_day_more = self._agreement(start_date=start, end_date=start + relativedelta(years=5, days=1))
        self.assertIn("period_too_long", self.codes(one_day_more))
        self.assertTrue(one_day_more.national_hoks_rejected)

    def test_end_date_missing(self):
        bad = self._agreement(end_date=False)
        self.assertRule("end_date_missing", bad, self._agreement(), "blocking")
        self.assertNotIn("dates_invalid", self.codes(bad))

    @freeze_time("2023-06-01")
    def test_part_time_boundary(self):
        start = datetime.date(2023, 1, 2)
        on_boundary = self._agreement(start_date=start, end_date=datetime.date(2023, 6, 30), part_time_percent=0)
        self.assertNotIn("part_time_missing", self.codes(on_boundary))
        after = self._agreement(start_date=start, end_date=datetime.date(2023, 7, 1), part_time_percent=0)
        self.assertIn("part_time_missing", self.codes(after))
        self.assertEqual(after.issue_ids.filtered(lambda i: i.rule_code == "part_time_missing").severity, "blocking")
        filled = self._agreement(start_date=start, end_date=datetime.date(2023, 7, 1), part_time_percent=1)
        self.assertNotIn("part_time_missing", self.codes(filled))

    def test_part_time_missing(self):
        self.assertRule("part_time_missing", self._agreement(part_time_percent=0), self._agreement(), "blocking")

    def test_apprenticeship_basis_missing(self):
        bad = self._agreement(agreement_type="apprenticeship")
        good = self._agreement(agreement_type="apprenticeship", apprenticeship_basis="entrepreneur")
        self.assertRule("apprenticeship_basis_missing", bad, good, "blocking")
        self.assertNotIn("apprenticeship_basis_missing", self.codes(self._agreement()))

    def test_deadline_passed_boundary(self):
        start = self.today - timedelta(days=100)
        unreachable = self._instructor(email=False, phone="016 123 456")
        # ends today: the contact deadline (yesterday) is over
        ends_today = self._agreement(start_date=start, end_date=self.today, instructor_id=unreachable.id)
        self.assertIn("deadline_passed", self.codes(ends_today))
        self.assertEqual(ends_today.issue_ids.filtered(lambda i: i.rule_code == "deadline_passed").severity, "warning")
        self.assertEqual(ends_today.days_to_deadline, -1)
        # ends tomorrow: today is the deadline day, still in time
        ends_tomorrow = self._agreement(
            start_date=start, end_date=self.today + timedelta(days=1), instructor_id=unreachable.id
        )
        self.assertNotIn("deadline_passed", self.codes(ends_tomorrow))
        self.assertEqual(ends_tomorrow.days_to_deadline, 0)
        self.assertEqual(set(ends_tomorrow.issue_ids.mapped("urgency")), {"week"})
        # ended, but nothing blocking: the feedback goes out
        ended_ok = self._agreement(start_date=start, end_date=self.today - timedelta(days=3))
        self.assertNotIn("deadline_passed", self.codes(ended_ok))
        self.assertEqual(ended_ok.readiness, "ready")

    def test_readiness_levels(self):
        self.assertEqual(self._agreement().readiness, "ready")
        warning = self._agreement(instructor_id=self._instructor(phone=False).id)
        self.assertEqual(warning.readiness, "warning")
        blocked = self._agreement(instructor_id=self._instructor(phone=False).id, part_time_percent=0)
        self.assertEqual(blocked.readiness, "blocked")
        unchecked = self._unvalidated([self._agreement_vals()])
        self.assertEqual(unchecked.readiness, "unchecked")
        unchecked.action_validate_contacts()
        self.assertEqual(unchecked.readiness, "ready")

    def test_issue_fields_and_days_to_deadline(self):
        agreement = self._agreement(instructor_id=self.instructor.id, end_date=self.today + timedelta(days=11))
        self.instructor.phone = False
        issue = agreement.issue_ids
        self.assertEqual(issue.rule_code, "phone_missing")
        self.assertEqual(issue.deadline, self.today + timedelta(days=10), "the day before the end date")
        self.assertEqual(issue.teacher_id, self.teacher)
        self.assertEqual(issue.company_id, self.company)
        self.assertEqual(issue.instructor_id, self.instructor)
        self.assertEqual(issue.days_to_deadline, 10)
        self.assertEqual(issue.urgency, "two_weeks")

    def test_revalidation_on_agreement_write(self):
        agreement = self._agreement(part_time_percent=0)
        old_issue = agreement.issue_ids
        self.assertEqual(agreement.readiness, "blocked")
        agreement.part_time_percent = 50
        self.assertEqual(agreement.readiness, "ready")
        self.assertFalse(old_issue.exists(), "the old issue rows are replaced")
        agreement.agreement_type = "apprenticeship"
        self.assertEqual(self.codes(agreement), {"apprenticeship_basis_missing"})

    def test_revalidation_keeps_unchanged_issue_rows(self):
        agreement = self._agreement(part_time_percent=0)
        issue = agreement.issue_ids
        agreement.action_validate_contacts()
        self.assertEqual(agreement.issue_ids, issue)


@tagged("post_install", "-at_install")
class TestAgreementForm(FeedbackCase):
    def test_form_defaults_and_sequence(self):
        form = Form(self.Agreement.with_user(self.teacher).with_context(allowed_company_ids=[self.company.id]))
        form.employer_id = self.employer
        self.assertEqual(form.workplace_name, "Lapin Testirakennus Oy")
        self.assertEqual(form.employer_business_id, "0112038-9")
        form.instructor_id = self.instructor
        self.assertEqual(form.instructor_email, "maija.makela@lapintesti.fi")
        form.start_date = self.today
        form.end_date = self.today + timedelta(days=40)
        form.part_time_percent = 100
        form.qualification_code = "351101"
        agreement = form.save()
        self.assertTrue(agreement.name.startswith("TPS/"))
        self.assertEqual(agreement.teacher_id, self.teacher)
        self.assertEqual(agreement.company_id, self.company)
        self.assertEqual(agreement.readiness, "ready")
        self.assertEqual(agreement.days_to_deadline, 39)

    def test_source_ref_unique_per_entity(self):
        self._agreement(source_ref="SR-UNIQUE")
        self._agreement(source_ref="SR-UNIQUE", company_id=self.other_company.id)
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self._agreement(source_ref="SR-UNIQUE")

    def test_part_time_range(self):
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self._agreement(part_time_percent=120)
