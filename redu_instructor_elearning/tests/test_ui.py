# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import HttpCase, tagged

from .test_http import CourseHttpData


@tagged("post_install", "-at_install")
class TestInstructorCourseTour(CourseHttpData, HttpCase):
    """The anonymous instructor on a phone: registers for a session and reads the support course."""

    browser_size = "390x844"
    touch_enabled = True

    def setUp(self):
        super().setUp()
        self._setup_data()

    def test_instructor_registers_and_reads_the_course_on_a_phone(self):
        self.start_tour(self.url, "redu_instructor_elearning_instructor_tour")
        self.assertEqual(self.training_session.registration_ids.partner_id, self.instructor)
        self.assertEqual(self.instructor.redu_support_course_ids, self.course)
