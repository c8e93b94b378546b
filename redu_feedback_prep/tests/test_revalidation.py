# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Every write path of a validated field leaves the stored verdict equal to a fresh validation, and
no context key an RPC client can send changes what is stored."""

import base64
from datetime import timedelta
from unittest.mock import patch

from odoo.tests import Form, tagged

from ..models.redu_workplace_agreement import ReduWorkplaceAgreement
from .common import BID_C, FeedbackCase
from .test_import import HEADER

# what an RPC client could put in the context to steer the validation (the old switches)
HOSTILE_CONTEXT = {"redu_skip_validation": True, "redu_validation_alone": True, "redu_validation_batch": True}


@tagged("post_install", "-at_install")
class TestRevalidation(FeedbackCase):
    def _as_teacher(self, records):
        return records.with_user(self.teacher).with_context(allowed_company_ids=[self.company.id])

    def _count_runs(self):
        """Count the validation runs (calls of the set-based engine) of a block."""
        return patch.object(
            ReduWorkplaceAgreement,
            "_validate_contacts",
            autospec=True,
            side_effect=ReduWorkplaceAgreement._validate_contacts,
        )

    # ------------------------------------------------ contacts edited on the agreement
    def test_contacts_edited_on_the_agreement_form_revalidate(self):
        agreement = self._agreement()
        mate = self._agreement(student_ref="S-MATE")  # the same instructor: one survey bundle
        self.assertEqual(agreement.readiness, "ready")
        with Form(self._as_teacher(agreement)) as form:
            form.instructor_phone = "016 123 456"
            form.instructor_email = "maija.makela@lapintesti"
        self.assertEqual(self.instructor.phone, "016 123 456")
        self.assertEqual(self.codes(agreement), {"phone_not_mobile", "email_invalid", "no_valid_contact"})
        self.assertEqual(agreement.readiness, "blocked")
        self.assertEqual(mate.readiness, "blocked", "the bundle mate with the same instructor too")
        self.assertVerdictFresh(agreement | mate)

    def test_contacts_written_by_rpc_revalidate(self):
        agreement = self._agreement()
        self._as_teacher(agreement).write({"instructor_phone": "016 123 456"})
        self.assertEqual(self.codes(agreement), {"phone_not_mobile"})
        self.assertEqual(agreement.readiness, "warning")
        self._as_teacher(agreement).write({"instructor_email": "maija.makela@lapintesti"})
        self.assertEqual(self.codes(agreement), {"phone_not_mobile", "email_invalid", "no_valid_contact"})
        self.assertEqual(agreement.readiness, "blocked")
        self._as_teacher(agreement).write({"employer_business_id": BID_C})
        self.assertIn(BID_C, agreement.bundle_key)
        self.assertVerdictFresh(agreement)

    def test_contact_edit_on_an_ended_agreement_revalidates_it(self):
        ended = self._agreement(start_date=self.today - timedelta(days=300), end_date=self.today - timedelta(days=100))
        self.assertEqual(ended.readiness, "ready")
        self._as_teacher(ended).write({"instructor_email": False, "instructor_phone": False})
        self.assertEqual(ended.readiness, "blocked", "the agreement edited is revalidated, open or not")
        self.assertVerdictFresh(ended)

    # ------------------------------------------------ no context key decides
    def test_context_keys_do_not_skip_the_validation(self):
        agreement = self._agreement()
        hostile = self._as_teacher(agreement).with_context(**HOSTILE_CONTEXT)
        hostile.write({"part_time_percent": 0})
        self.assertEqual(agreement.readiness, "blocked")
        hostile.write({"part_time_percent": 100})
        self.assertEqual(agreement.readiness, "ready")
        self._as_teacher(self.instructor).with_context(**HOSTILE_CONTEXT).write({"phone": "016 123 456"})
        self.assertEqual(agreement.readiness, "warning")
        created = self._as_teacher(self.Agreement).with_context(**HOSTILE_CONTEXT).create(self._agreement_vals())
        self.assertEqual(created.readiness, "warning")
        self.assertVerdictFresh(agreement | created)

    def test_context_keys_do_not_change_the_verdict_of_a_validation(self):
        # a namesake instructor with another email in the same bundle: both periods see the mismatch
        namesake = self._instructor(name=self.instructor.name, email="maija.m@lapintesti.fi")
        first = self._agreement()
        second = self._agreement(instructor_id=namesake.id, student_ref="S-2")
        expected = self.outcome_and_issues(first | second)
        self.assertIn("email_mismatch", self.codes(first))
        for key, value in (("redu_validation_exclude_ids", [second.id]), ("redu_validation_alone", True)):
            with self.subTest(key):
                self._as_teacher(first).with_context(**{key: value}).action_validate_contacts()
                self.assertEqual(self.outcome_and_issues(first | second), expected)

    # ------------------------------------------------ partner edits
    def test_partner_edits_revalidate_once_and_only_what_they_touch(self):
        agreement = self._agreement()
        other_instructor = self._instructor(employer=self.employer_b)
        other = self._agreement(instructor_id=other_instructor.id, employer_id=self.employer_b.id)
        with self._count_runs() as runs:
            self.instructor.write({"email": self.instructor.email, "comment": "Prefers email"})
        self.assertEqual(runs.call_count, 0, "no validated field changed")
        with self._count_runs() as runs:
            (self.instructor | self.employer).write({"phone": "016 123 456"})
        self.assertEqual(runs.call_count, 1, "one run for the partners")
        self.assertEqual(set(runs.call_args.args[0].ids), {agreement.id})
        self.assertEqual(self.codes(agreement), {"phone_not_mobile"})
        self.assertEqual(other.readiness, "ready")
        with self._count_runs() as runs:
            self._as_teacher(agreement).write({"part_time_percent": 50, "instructor_phone": "+358401234567"})
        self.assertEqual(runs.call_count, 1, "the agreement and its instructor: one run")
        self.assertEqual(agreement.readiness, "ready")
        self.assertVerdictFresh(agreement | other)

    def test_employer_moved_under_another_company_revalidates_its_contacts_agreements(self):
        agreement = self._agreement()
        contact = self._instructor(employer=self.employer_b)
        elsewhere = self._agreement(employer_id=self.employer.id, instructor_id=contact.id)
        self.assertIn("instructor_not_at_employer", self.codes(elsewhere))
        # the contact's company becomes a unit of the employer: the contact now works for the employer
        self.employer_b.write({"is_company": False, "parent_id": self.employer.id})
        self.assertNotIn("instructor_not_at_employer", self.codes(elsewhere), "the contact's company moved")
        self.assertVerdictFresh(agreement | elsewhere)

    # ------------------------------------------------ every write path
    def test_every_write_path_leaves_a_fresh_verdict(self):
        agreement = self._agreement(student_ref="S-1")
        namesake = self._instructor(
            name=self.instructor.name, email="maija.makela@lapintesti.fi", phone=self.instructor.phone
        )
        mate = self._agreement(instructor_id=namesake.id, student_ref="S-3")
        same_student = self._agreement(student_ref="S-1", instructor_id=self._instructor().id)
        everything = agreement | mate | same_student
        # the agreement form
        with Form(self._as_teacher(agreement)) as form:
            form.part_time_percent = 0
        self.assertTrue(agreement.national_hoks_rejected)
        self.assertVerdictFresh(everything, "form")
        # an RPC write
        self._as_teacher(agreement).write({"part_time_percent": 80, "instructor_email": "maija@lapintesti.fi"})
        self.assertIn("email_mismatch", self.codes(mate))
        self.assertVerdictFresh(everything, "RPC write")
        # the partner
        self._as_teacher(namesake).write({"email": "maija@lapintesti.fi"})
        self.assertEqual(mate.readiness, "ready")
        self.assertVerdictFresh(everything, "partner write")
        # the contact-fix wizard
        wizard_form = Form(
            self._as_teacher(self.env["redu.contact.fix.wizard"]).with_context(
                active_model="redu.workplace.agreement", active_ids=agreement.ids
            )
        )
        for index in range(len(wizard_form.line_ids)):
            with wizard_form.line_ids.edit(index) as line:
                if line.line_type == "instructor":
                    line.phone = "016 123 456"
        with self._count_runs() as runs:
            wizard_form.save().action_save()
        self.assertEqual(runs.call_count, 1, "the wizard validates once")
        self.assertIn("phone_mismatch", self.codes(agreement), "the namesake in the bundle keeps the mobile")
        self.assertVerdictFresh(everything, "fix wizard")
        # the study data under the agreement
        self._as_teacher(agreement).write(
            {"interruption_ids": [(0, 0, {"start_date": agreement.end_date - timedelta(days=2)})]}
        )
        self.assertEqual(agreement.national_excluded_reason, "interrupted")
        self.assertVerdictFresh(everything, "study data")

    def test_import_validates_once_and_leaves_a_fresh_verdict(self):
        start, end = self.today - timedelta(days=30), self.today + timedelta(days=60)
        lines = [
            f"IM-{n};training_agreement;Aino A;S-IM{n};Lapin Testirakennus Oy;0112038-9;;{name};"
            f"{email};{phone};{start};{end};100;;;;"
            for n, name, email, phone in (
                (1, "Ville Vallila", "ville@lapintesti.fi", "0401112222"),
                (2, "Vilja Vallila", "vilja@lapintesti.fi", "016 123 456"),
            )
        ]
        data = base64.b64encode("\n".join([HEADER, *lines]).encode())
        wizard = (
            self.env["redu.agreement.import.wizard"]
            .with_user(self.manager)
            .with_context(allowed_company_ids=[self.company.id])
            .create({"file_data": data, "file_name": "agreements.csv"})
        )
        with self._count_runs() as runs:
            wizard.action_import()
        self.assertEqual(runs.call_count, 1)
        agreements = self.Agreement.search([("source_ref", "like", "IM-")], order="source_ref")
        self.assertEqual(len(agreements), 2)
        self.assertEqual(agreements.mapped("readiness"), ["ready", "warning"])
        self.assertIn("phone_not_mobile", self.codes(agreements[1]))
        self.assertVerdictFresh(agreements)
