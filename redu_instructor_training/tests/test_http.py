# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import re
from datetime import datetime, time, timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from odoo.addons.redu_feedback_portal.tests.test_http import PortalHttpData


class TrainingHttpData(PortalHttpData):
    """The personal link of redu_feedback_portal's HTTP tests, and two coming instructor training sessions."""

    def _setup_data(self):
        result = super()._setup_data()
        category = self.env.ref("redu_services.service_category_workplace_instructor_training")
        service = self.env["redu.service"].create(
            {"name": "Työpaikkaohjaajakoulutus (testi)", "category_id": category.id, "funding": "public"}
        )
        day = fields.Date.context_today(self.env["event.event"]) + timedelta(days=12)
        self.training_session = self.env["event.event"].create(
            {
                "name": "Työpaikkaohjaajakoulutus Kemi (testi)",
                "redu_service_id": service.id,
                "date_tz": "Europe/Helsinki",
                "date_begin": datetime.combine(day, time(7, 0)),
                "date_end": datetime.combine(day, time(13, 0)),
                "seats_limited": True,
                "seats_max": 12,
            }
        )
        self.ordinary_event = self.env["event.event"].create(
            {
                "name": "Avoimet ovet (testi)",
                "date_tz": "Europe/Helsinki",
                "date_begin": datetime.combine(day, time(7, 0)),
                "date_end": datetime.combine(day, time(13, 0)),
            }
        )
        self.training_url = f"{self.url}/training"
        return result


@tagged("post_install", "-at_install")
class TestTrainingPage(TrainingHttpData, HttpCase):
    def setUp(self):
        super().setUp()
        self._setup_data()

    def csrf_token(self):
        response = self.url_open(self.training_url)
        self.assertEqual(response.status_code, 200)
        return re.search(r'name="csrf_token" value="([^"]+)"', response.text).group(1)

    def register(self, event_id, url=None):
        return self.url_open(url or self.training_url, data={"csrf_token": self.csrf_token(), "event_id": event_id})

    def test_the_page_lists_the_sessions_and_the_personal_page_links_to_it(self):
        response = self.url_open(self.training_url)
        self.assertIn(self.training_session.name, response.text)
        self.assertNotIn(self.ordinary_event.name, response.text)
        self.assertIn("o_redu_training_missing", response.text)
        page = self.url_open(self.url)
        self.assertIn(f"{self.url}/training", page.text)

    def test_the_instructor_registers_without_an_account(self):
        response = self.register(self.training_session.id)
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_redu_training_saved", response.text)
        registration = self.training_session.registration_ids
        self.assertEqual(registration.partner_id, self.instructor)
        self.assertEqual(registration.state, "open")
        # again: still one registration, shown as registered
        response = self.register(self.training_session.id)
        self.assertEqual(len(self.training_session.registration_ids), 1)
        self.assertIn("o_redu_registered", response.text)

    def test_another_event_or_an_unknown_id_gets_the_same_answer(self):
        answers = []
        for event_id in (self.ordinary_event.id, 999999999, "x"):
            response = self.register(event_id)
            self.assertEqual(response.status_code, 200)
            answers.append(re.search(r'o_redu_training_error"[^>]*>([^<]*)<', response.text).group(1))
        self.assertEqual(len(set(answers)), 1)
        self.assertFalse(self.ordinary_event.registration_ids)

    @mute_logger("odoo.http")
    def test_a_wrong_token_and_a_wrong_id_are_the_same_404(self):
        wrong_token = self.url_open(f"/feedback/instructor/{self.confirmation.id}/{'0' * 36}/training")
        wrong_id = self.url_open(f"/feedback/instructor/999999999/{self.confirmation.access_token}/training")
        self.assertEqual((wrong_token.status_code, wrong_id.status_code), (404, 404))
        self.assertEqual(wrong_token.text, wrong_id.text)

    @mute_logger("odoo.http")
    def test_a_post_without_the_csrf_token_registers_nothing(self):
        response = self.url_open(self.training_url, data={"event_id": self.training_session.id})
        self.assertEqual(response.status_code, 400)
        self.assertFalse(self.training_session.registration_ids)

    def test_posts_are_rate_limited(self):
        self.env["ir.config_parameter"].sudo().set_param("redu_feedback_portal.rate_max_per_token", 2)
        token = self.csrf_token()
        statuses = [
            self.url_open(self.training_url, data={"csrf_token": token, "event_id": 999999999}).status_code
            for _attempt in range(3)
        ]
        self.assertEqual(statuses, [200, 200, 429])

    def test_a_revoked_link_shows_only_whom_to_contact(self):
        self.confirmation.action_revoke()
        response = self.url_open(self.training_url)
        self.assertEqual(response.status_code, 403)
        self.assertNotIn(self.training_session.name, response.text)
