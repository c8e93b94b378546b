# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from odoo.addons.redu_base.tests.common import RefusalAssertions

from .common import TrainingCase


@tagged("post_install", "-at_install")
class TestCompetence(TrainingCase, RefusalAssertions):
    def test_attendance_makes_the_training_valid_and_updates_the_agreements(self):
        partner = self.landline_instructor
        self.assertFalse(self.agreement.instructor_training_valid)
        untrained = self.Agreement.search([("id", "=", self.agreement.id), ("instructor_training_valid", "=", False)])
        self.assertEqual(untrained, self.agreement)
        registration = self._attend(self.past_session, partner)
        self.assertEqual(partner.redu_training_event_id, self.past_session)
        self.assertEqual(partner.redu_training_date, self.today - timedelta(days=100))
        self.assertEqual(partner.redu_training_valid_until, self.today - timedelta(days=100) + relativedelta(years=3))
        self.assertTrue(self.agreement.instructor_training_valid)
        self.assertFalse(
            self.Agreement.search([("id", "=", self.agreement.id), ("instructor_training_valid", "=", False)])
        )
        # the certificate, once
        self.assertTrue(registration.redu_certificate_sent)
        mails = self.env["mail.mail"].search([("subject", "=", f"Certificate: {self.past_session.name}")])
        self.assertEqual(len(mails), 1)
        self.assertIn(partner, mails.recipient_ids)
        registration.write({"state": "done"})
        self.assertEqual(self.env["mail.mail"].search_count([("subject", "=", mails.subject)]), 1)

    def test_a_cancelled_registration_or_an_ordinary_event_gives_no_training(self):
        partner = self.landline_instructor
        registration = self._attend(self.past_session, partner)
        registration.action_cancel()
        self.assertFalse(partner.redu_training_date)
        self.assertFalse(self.agreement.instructor_training_valid)
        ordinary = self._session("Muu tapahtuma", days=-5)
        ordinary.redu_service_id = False
        self._attend(ordinary, partner)
        self.assertFalse(partner.redu_training_date)

    def test_validity_follows_the_setting(self):
        partner = self.landline_instructor
        self._attend(self.past_session, partner)
        settings = Form(self.env["res.config.settings"])
        settings.redu_training_validity_years = 1
        settings.save().execute()
        self.assertEqual(partner.redu_training_valid_until, self.today - timedelta(days=100) + relativedelta(years=1))
        self.assertTrue(self.agreement.instructor_training_valid)
        # a period ending after the validity: not covered
        late = self._agreement(
            instructor_id=partner.id, start_date=self.today, end_date=self.today + timedelta(days=300)
        )
        self.assertFalse(late.instructor_training_valid)
        settings = Form(self.env["res.config.settings"])
        settings.redu_training_validity_years = 3
        settings.save().execute()
        self.assertTrue(late.instructor_training_valid)

    def test_the_last_session_attended_counts(self):
        partner = self.landline_instructor
        older = self._session("Koulutus (vanha)", days=-2000)
        self._attend(self.past_session, partner)
        self._attend(older, partner)
        self.assertEqual(partner.redu_training_event_id, self.past_session)

    def test_the_teacher_gets_an_activity_for_a_new_agreement_with_an_untrained_instructor(self):
        activity_type = self.env.ref("redu_instructor_training.mail_activity_type_training_needed")
        untrained = self._instructor(name="Outi Kouluttamaton")
        trained = self._instructor(name="Kaisa Koulutettu")
        self._attend(self.past_session, trained)
        self.as_teacher(self.Agreement).create(
            [self._agreement_vals(instructor_id=untrained.id), self._agreement_vals(instructor_id=untrained.id)]
        )
        self._agreement(instructor_id=trained.id)
        # a period already over does not need it
        ended = self._instructor(name="Eero Päättynyt")
        self._agreement(
            instructor_id=ended.id, start_date=self.today - timedelta(days=90), end_date=self.today - timedelta(days=1)
        )
        activities = self.env["mail.activity"].search(
            [
                ("activity_type_id", "=", activity_type.id),
                ("res_model", "=", "res.partner"),
                ("res_id", "in", (untrained | trained | ended).ids),
            ]
        )
        self.assertEqual(activities.mapped("res_id"), [untrained.id])
        self.assertEqual(activities.user_id, self.teacher)

    def test_the_competence_record_is_the_systems(self):
        with self.assertRaises(AccessError):
            self.as_teacher(self.landline_instructor).write({"redu_training_date": self.today})
        self.assertFalse(self.landline_instructor.redu_training_date)


@tagged("post_install", "-at_install")
class TestInvitation(TrainingCase):
    def _wizard(self, agreements, **values):
        action = self.as_teacher(agreements).action_redu_training_invite()
        return self.as_teacher(self.env[action["res_model"]]).with_context(**action["context"]).create(values)

    def test_the_teacher_invites_the_untrained_instructors_in_one_action(self):
        trained = self._instructor(name="Kaisa Koulutettu", email="kaisa.koulutettu@lapintesti.fi")
        self._attend(self.past_session, trained)
        no_email = self._instructor(name="Ville Sähkötön", email=False)
        agreements = (
            self.agreement | self._agreement(instructor_id=trained.id) | self._agreement(instructor_id=no_email.id)
        )
        wizard = self._wizard(agreements)
        self.assertEqual(wizard.partner_ids, self.landline_instructor | no_email)
        self.assertEqual(wizard.without_email_count, 1)
        wizard.action_apply()
        mails = self.env["mail.mail"].search([("subject", "=", "Invitation to the workplace instructor training")])
        self.assertEqual(mails.recipient_ids, self.landline_instructor)
        self.assertIn(f"{self.confirmation.confirmation_url}/training", mails.body_html)

    def test_the_teacher_registers_the_instructor_from_the_agreement(self):
        wizard = self._wizard(self.agreement, mode="register", event_id=self.session_lapland.id)
        wizard.action_apply()
        registration = self.session_lapland.registration_ids
        self.assertEqual(registration.partner_id, self.landline_instructor)
        self.assertEqual(registration.state, "open")
        # twice: still one registration
        self._wizard(self.agreement, mode="register", event_id=self.session_lapland.id).action_apply()
        self.assertEqual(len(self.session_lapland.registration_ids), 1)

    def test_a_full_or_past_session_refuses_the_registration(self):
        full = self._session("Täysi koulutus", days=5, seats=1)
        self._attend(full, self._instructor(name="Ensimmäinen"))
        with self.assertRaises(UserError):
            self._wizard(self.agreement, mode="register", event_id=full.id).action_apply()
        with self.assertRaises(UserError):
            self._wizard(self.agreement, mode="register", event_id=self.past_session.id).action_apply()
        self.assertFalse(self.landline_instructor.redu_training_registration_ids)

    def test_the_confirmation_request_invites_to_the_next_session_of_the_region(self):
        self.landline_instructor.state_id = self.lapland
        self.confirmation._send_requests()
        mail = self.env["mail.mail"].search(
            [("model", "=", self.confirmation._name), ("res_id", "=", self.confirmation.id)]
        )
        self.assertIn(self.session_lapland.name, mail.body_html)
        self.assertNotIn(self.session_uusimaa.name, mail.body_html)
        self.assertIn(f"{self.confirmation.confirmation_url}/training", mail.body_html)

    def test_a_trained_instructor_gets_no_invitation_in_the_request(self):
        self._attend(self.past_session, self.landline_instructor)
        self.confirmation._send_requests()
        mail = self.env["mail.mail"].search(
            [("model", "=", self.confirmation._name), ("res_id", "=", self.confirmation.id)]
        )
        self.assertTrue(mail)
        self.assertNotIn("/training", mail.body_html)


@tagged("post_install", "-at_install")
class TestWebsiteRegistration(TrainingCase):
    def test_a_website_registration_is_linked_to_the_instructor_of_its_email(self):
        registration = (
            self.Registration.with_user(self.env.ref("base.public_user"))
            .sudo()
            .create(
                {
                    "event_id": self.session_lapland.id,
                    "name": "Pertti P.",
                    "email": self.landline_instructor.email.upper(),
                }
            )
        )
        self.assertEqual(registration.partner_id, self.landline_instructor)
        registration.action_set_done()
        self.assertTrue(self.agreement.instructor_training_valid)

    def test_an_email_of_two_instructors_or_of_nobody_links_nothing(self):
        namesake = self._instructor(name="Toinen Samamaili", email=self.landline_instructor.email)
        self._agreement(instructor_id=namesake.id)
        shared = self.Registration.create(
            {"event_id": self.session_lapland.id, "name": "X", "email": self.landline_instructor.email}
        )
        unknown = self.Registration.create(
            {"event_id": self.session_lapland.id, "name": "Y", "email": "ei.ohjaaja@example.com"}
        )
        self.assertFalse(shared.partner_id)
        self.assertFalse(unknown.partner_id)
