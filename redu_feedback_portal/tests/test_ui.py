# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import HttpCase, tagged

from .test_http import PortalHttpData


@tagged("post_install", "-at_install")
class TestInstructorTour(PortalHttpData, HttpCase):
    """The anonymous instructor on a phone-sized screen."""

    browser_size = "390x844"
    touch_enabled = True

    def setUp(self):
        super().setUp()
        self._setup_data()

    def test_instructor_corrects_and_confirms_on_a_phone(self):
        self.start_tour(self.url, "redu_feedback_portal_instructor_tour")
        self.instructor.invalidate_recordset()
        self.agreement.invalidate_recordset()
        self.assertEqual(self.instructor.phone, "+358407654321")
        self.assertEqual(self.agreement.readiness, "ready")
        self.assertEqual(self.confirmation.state, "corrected")
        self.assertTrue(self.instructor.contact_confirmed_date)


@tagged("post_install", "-at_install")
class TestTeacherTour(PortalHttpData, HttpCase):
    """The teacher sends the requests from the agreement list."""

    def setUp(self):
        super().setUp()
        self._setup_data()
        # the instructor has not been asked yet
        self.confirmation.write({"state": "new", "request_date": False})

    def test_teacher_sends_requests_from_the_agreement_list(self):
        self.start_tour("/odoo", "redu_feedback_portal_send_tour", login=self.teacher.login)
        self.assertEqual(self.confirmation.state, "requested")
        self.assertTrue(self.confirmation.request_date)
