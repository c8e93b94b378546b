# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import HttpCase, new_test_user, tagged

from .test_http import TrainingHttpData


@tagged("post_install", "-at_install")
class TestInstructorTrainingTour(TrainingHttpData, HttpCase):
    """The anonymous instructor on a phone-sized screen registers from the personal link."""

    browser_size = "390x844"
    touch_enabled = True

    def setUp(self):
        super().setUp()
        self._setup_data()

    def test_instructor_registers_on_a_phone(self):
        self.start_tour(self.url, "redu_instructor_training_instructor_tour")
        self.assertEqual(self.training_session.registration_ids.partner_id, self.instructor)


@tagged("post_install", "-at_install")
class TestOrganiserTour(TrainingHttpData, HttpCase):
    """The organiser marks the attendance: the instructor's record and the agreement follow."""

    def setUp(self):
        super().setUp()
        self._setup_data()
        self.organiser = new_test_user(
            self.env,
            login="training_organiser",
            name="Olli Järjestäjä",
            email="olli.jarjestaja@redu.example",
            groups="event.group_event_user,redu_feedback_prep.group_feedback_user",
        )
        self.training_session._redu_register(self.instructor)

    def test_organiser_marks_attendance(self):
        self.assertFalse(self.agreement.instructor_training_valid)
        self.start_tour(
            "/odoo/action-redu_instructor_training.event_event_action_instructor_training",
            "redu_instructor_training_organiser_tour",
            login=self.organiser.login,
        )
        self.assertEqual(self.training_session.registration_ids.state, "done")
        self.assertEqual(self.instructor.redu_training_event_id, self.training_session)
        self.assertTrue(self.agreement.instructor_training_valid)
        self.assertTrue(self.training_session.registration_ids.redu_certificate_sent)
