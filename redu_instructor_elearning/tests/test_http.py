# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import re

from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from odoo.addons.redu_instructor_training.tests.test_http import TrainingHttpData


class CourseHttpData(TrainingHttpData):
    """The personal link of the HTTP tests, a published support course of two contents and another course."""

    def _setup_data(self):
        result = super()._setup_data()
        Channel = self.env["slide.channel"]
        self.course = Channel.create(
            {"name": "Ohjaajan tuki (testi)", "is_published": True, "redu_instructor_support": True}
        )
        Slide = self.env["slide.slide"]
        self.slide_one, self.slide_two = Slide.create(
            [
                {
                    "name": "Ohjaajan tehtävät (testi)",
                    "channel_id": self.course.id,
                    "slide_category": "article",
                    "html_content": "<p>Perehdytä opiskelija työpaikkaan.</p>",
                    "is_published": True,
                    "sequence": 1,
                },
                {
                    "name": "Arviointi (testi)",
                    "channel_id": self.course.id,
                    "slide_category": "article",
                    "html_content": "<p>Arvioi näytössä.</p>",
                    "is_published": True,
                    "sequence": 2,
                },
            ]
        )
        self.draft_slide = Slide.create(
            {
                "name": "Luonnos (testi)",
                "channel_id": self.course.id,
                "slide_category": "article",
                "html_content": "<p>Ei julkaistu.</p>",
                "is_published": False,
                "sequence": 3,
            }
        )
        self.other_course = Channel.create({"name": "Muu kurssi (testi)", "is_published": True})
        self.other_slide = Slide.create(
            {
                "name": "Muu sisältö (testi)",
                "channel_id": self.other_course.id,
                "slide_category": "article",
                "html_content": "<p>Muu.</p>",
                "is_published": True,
            }
        )
        self.course_url = f"{self.url}/course/{self.course.id}"
        return result


@tagged("post_install", "-at_install")
class TestCoursePage(CourseHttpData, HttpCase):
    def setUp(self):
        super().setUp()
        self._setup_data()

    def done(self, slide, course=None):
        page = self.url_open(self.training_url)
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        url = f"{self.url}/course/{(course or self.course).id}/{slide.id}"
        return self.url_open(url, data={"csrf_token": token})

    def test_the_training_page_links_to_the_course(self):
        response = self.url_open(self.training_url)
        self.assertIn(self.course_url, response.text)
        self.assertNotIn(self.other_course.name, response.text)

    def test_the_instructor_reads_the_published_contents_without_an_account(self):
        response = self.url_open(self.course_url)
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.slide_one.name, response.text)
        self.assertNotIn(self.draft_slide.name, response.text)
        response = self.url_open(f"{self.course_url}/{self.slide_one.id}")
        self.assertIn("Perehdytä opiskelija työpaikkaan.", response.text)

    def test_completion_is_recorded_on_the_instructor(self):
        self.assertEqual(self.done(self.slide_one).status_code, 200)
        membership = self.env["slide.channel.partner"].search(
            [("channel_id", "=", self.course.id), ("partner_id", "=", self.instructor.id)]
        )
        self.assertEqual(membership.completion, 50)
        self.assertFalse(self.instructor.redu_support_course_ids)
        response = self.done(self.slide_two)
        self.assertIn("o_redu_course_done", response.text)
        self.assertEqual(membership.member_status, "completed")
        self.assertEqual(self.instructor.redu_support_course_ids, self.course)

    @mute_logger("odoo.http")
    def test_other_courses_and_contents_are_the_same_404(self):
        answers = [
            self.url_open(url)
            for url in (
                f"{self.url}/course/{self.other_course.id}",
                f"{self.url}/course/999999999",
                f"{self.course_url}/{self.draft_slide.id}",
                f"{self.course_url}/{self.other_slide.id}",
            )
        ]
        self.assertEqual({a.status_code for a in answers}, {404})
        self.assertEqual(len({a.text for a in answers}), 1)
        self.assertEqual(self.done(self.other_slide, course=self.other_course).status_code, 404)
        self.assertEqual(self.done(self.draft_slide).status_code, 404)
        self.assertFalse(
            self.env["slide.slide.partner"].search([("partner_id", "=", self.instructor.id)]),
        )

    @mute_logger("odoo.http")
    def test_a_wrong_token_is_a_404_and_a_post_needs_the_csrf_token(self):
        wrong = self.url_open(f"/feedback/instructor/{self.confirmation.id}/{'0' * 36}/course/{self.course.id}")
        self.assertEqual(wrong.status_code, 404)
        no_csrf = self.url_open(f"{self.course_url}/{self.slide_one.id}", data={"x": "1"})
        self.assertEqual(no_csrf.status_code, 400)
        self.assertFalse(self.env["slide.slide.partner"].search([("partner_id", "=", self.instructor.id)]))

    def test_posts_are_rate_limited(self):
        self.env["ir.config_parameter"].sudo().set_param("redu_feedback_portal.rate_max_per_token", 1)
        self.assertEqual(self.done(self.slide_one).status_code, 200)
        self.assertEqual(self.done(self.slide_two).status_code, 429)
