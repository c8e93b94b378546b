# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The outcome fields of an agreement equal what the national system does with its data."""

from datetime import timedelta

from odoo.tests import tagged

from .common import FeedbackCase


@tagged("post_install", "-at_install")
class TestNationalOutcome(FeedbackCase):
    def outcome(self, agreement):
        return (
            agreement.national_hoks_rejected,
            agreement.national_excluded_reason,
            agreement.national_email_sent,
            agreement.national_sms_sent,
            agreement.national_survey_reaches,
        )

    def test_valid_agreement_reaches_by_both_channels(self):
        agreement = self._agreement()
        self.assertEqual(self.outcome(agreement), (False, False, True, True, True))
        self.assertEqual(agreement.readiness, "ready")
        self.assertFalse(agreement.national_fix_deadline)
        self.assertEqual(agreement.national_contact_deadline, agreement.end_date - timedelta(days=1))

    def test_phone_with_dots_rejects_the_students_whole_hoks(self):
        """ehoks hoks/schema.clj:192-196: one bad phone, no period of the student is saved."""
        dotted = self._instructor(phone="040.123.4567")
        bad = self._agreement(student_ref="S-100", instructor_id=dotted.id)
        other = self._agreement(student_ref="S-100")
        unrelated = self._agreement(student_ref="S-200")
        self.assertEqual(self.outcome(bad), (True, False, False, False, False))
        self.assertEqual(self.outcome(other), (True, False, False, False, False))
        self.assertEqual(self.codes(bad), {"phone_rejected_by_hoks"})
        self.assertEqual(self.codes(other), {"hoks_rejected_by_other_period"})
        self.assertEqual(other.issue_ids.detail, bad.name)
        self.assertIn("Phone refused by eHOKS: 040.123.4567", bad.national_rejection_detail)
        self.assertEqual((bad.readiness, other.readiness, unrelated.readiness), ("blocked", "blocked", "ready"))
        # the rejection deadline: the period can still be bundled
        self.assertEqual(other.national_fix_deadline, other.national_structural_deadline)
        # fixing the phone frees the other period too
        dotted.phone = "040 123 4567"
        self.assertEqual(self.outcome(other), (False, False, True, True, True))
        self.assertFalse(bad.national_hoks_rejected)

    def test_slash_and_letters_in_a_phone_also_reject_the_hoks(self):
        for phone in ("040/1234567", "040-ABC-1234", "+358 40 123 4567 (työ)"):
            agreement = self._agreement(instructor_id=self._instructor(phone=phone).id)
            self.assertTrue(agreement.national_hoks_rejected, phone)

    def test_foreign_mobile_gets_no_sms(self):
        """heratepalvelu common.clj:380: country code 358 only."""
        agreement = self._agreement(instructor_id=self._instructor(phone="+46 70 123 45 67").id)
        self.assertEqual(self.outcome(agreement), (False, False, True, False, True))
        self.assertIn("phone_not_finnish", self.codes(agreement))
        self.assertEqual(agreement.readiness, "warning")
        self.assertEqual(agreement.national_fix_deadline, agreement.national_contact_deadline)

    def test_email_with_a_space_is_not_sent_and_not_rewritten(self):
        instructor = self._instructor(email="matti meikalainen@lapintesti.fi")
        agreement = self._agreement(instructor_id=instructor.id)
        self.assertEqual(self.outcome(agreement), (False, False, False, True, True))
        self.assertIn("email_invalid", self.codes(agreement))
        self.assertEqual(instructor.email, "matti meikalainen@lapintesti.fi")
        self.assertEqual(agreement.readiness, "warning")

    def test_landline_and_no_email_block(self):
        agreement = self._agreement(instructor_id=self._instructor(email=False, phone="016 123 456").id)
        self.assertEqual(self.outcome(agreement), (False, False, False, False, False))
        self.assertEqual(agreement.readiness, "blocked")

    def test_invalid_business_id_rejects_the_hoks(self):
        broken = self.Partner.create({"name": "Rikki Oy", "is_company": True, "company_registry": "1234567-8"})
        agreement = self._agreement(employer_id=broken.id, instructor_id=self._instructor(employer=broken).id)
        self.assertTrue(agreement.national_hoks_rejected)
        self.assertIn("business_id_invalid", self.codes(agreement))

    def test_excluded_by_external_funding_needs_no_fix(self):
        agreement = self._agreement(
            study_right_period_ids=[
                (0, 0, {"start_date": self.today - timedelta(days=400), "state": "lasna", "funding_code": "14"}),
            ]
        )
        self.assertEqual(self.outcome(agreement), (False, "external_funding", False, False, False))
        self.assertEqual(agreement.readiness, "blocked")
        self.assertFalse(agreement.national_fix_deadline, "rightly outside the survey: nothing to fix")
        self.assertIn("excluded_external_funding", self.codes(agreement))

    def test_study_right_changes_revalidate(self):
        agreement = self._agreement()
        period = self.env["redu.study.right.period"].create(
            {
                "agreement_id": agreement.id,
                "start_date": self.today - timedelta(days=400),
                "state": "lasna",
            }
        )
        self.assertEqual(agreement.readiness, "ready")
        period.write({"start_date": agreement.end_date - timedelta(days=1), "state": "eronnut"})
        self.assertEqual(agreement.national_excluded_reason, "study_right_ended")
        period.unlink()
        self.assertEqual(agreement.readiness, "ready")
        interruption = self.env["redu.agreement.interruption"].create(
            {
                "agreement_id": agreement.id,
                "start_date": agreement.end_date - timedelta(days=5),
            }
        )
        self.assertEqual(agreement.national_excluded_reason, "interrupted")
        self.assertEqual(
            agreement.national_fix_deadline,
            agreement.national_structural_deadline,
            "a wrong interruption can be fixed while the period can still be bundled",
        )
        interruption.end_date = agreement.end_date - timedelta(days=1)
        self.assertFalse(agreement.national_excluded_reason)

    def test_a_rejected_hoks_shows_the_rejection_alone(self):
        """eHOKS never stores a rejected HOKS: its exclusion step (here: part-time missing, TUVA) is never reached."""
        bad = self._agreement(student_ref="S-300", part_time_percent=0)
        tuva = self._agreement(student_ref="S-300", tuva_related=True)
        self.assertEqual(self.outcome(bad), (True, False, False, False, False))
        self.assertEqual(self.codes(bad), {"part_time_missing"})
        self.assertEqual(self.outcome(tuva), (True, False, False, False, False))
        self.assertEqual(self.codes(tuva), {"hoks_rejected_by_other_period"})
        self.assertEqual(tuva.national_fix_deadline, tuva.national_structural_deadline)
        bad.part_time_percent = 100
        self.assertEqual(tuva.national_excluded_reason, "tuva_related", "the HOKS accepted, the exclusion reached")

    def test_exclusion_study_types(self):
        self.assertEqual(self._agreement(study_type="telma").national_excluded_reason, "not_vocational")
        self.assertEqual(self._agreement(study_type="muu").national_excluded_reason, "not_vocational")
        self.assertEqual(self._agreement(tuva_related=True).national_excluded_reason, "tuva_related")
        self.assertEqual(self._agreement(study_right_linked=True).national_excluded_reason, "linked_study_right")
        self.assertFalse(self._agreement(study_type="ammatillinentutkintoosittainen").national_excluded_reason)

    def test_period_outside_the_study_right(self):
        agreement = self._agreement(study_right_end=self.today)
        self.assertIn("period_outside_study_right", self.codes(agreement))
        self.assertTrue(agreement.national_hoks_rejected)
        agreement.study_right_period_ids = [(0, 0, {"start_date": self.today, "state": "katsotaaneronneeksi"})]
        self.assertFalse(agreement.national_hoks_rejected, "a resigned study right no longer binds the period")

    def test_deadline_passed_means_feedback_lost(self):
        agreement = self._agreement(
            start_date=self.today - timedelta(days=60),
            end_date=self.today - timedelta(days=2),
            instructor_id=self._instructor(email=False, phone=False).id,
        )
        self.assertIn("deadline_passed", self.codes(agreement))
        self.assertEqual(agreement.national_fix_deadline, self.today - timedelta(days=3))
        self.assertLess(agreement.days_to_deadline, 0)
