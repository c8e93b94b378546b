# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The instructor offers a place from the personal link: the token, CSRF, the rate limit, the offer."""

import re
from datetime import timedelta

from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from odoo.addons.redu_base.tools.dates import redu_today
from odoo.addons.redu_feedback_portal.tests.test_http import PortalHttpData


@tagged("post_install", "-at_install")
class TestInstructorOffersAPlace(PortalHttpData, HttpCase):
    def setUp(self):
        super().setUp()
        self._setup_data()
        self.place_url = f"{self.url}/place"
        self.qualification = self.env["redu.qualification"].create(
            {"name": "Kone- ja tuotantotekniikan perustutkinto (linkki)", "code": "399995"}
        )
        self.kemi = self.env.ref("redu_workplace_places.municipality_kemi")
        start = redu_today(self.env["redu.workplace.place"]) + timedelta(days=40)
        self.offer = {
            "municipality_id": str(self.kemi.id),
            "qualification_id": str(self.qualification.id),
            "date_start": start.isoformat(),
            "date_end": (start + timedelta(days=50)).isoformat(),
            "capacity": "2",
            "accepts_training_agreement": "1",
            "languages": "suomi",
            "message": "Koneistus ja kunnossapito.",
        }

    def csrf_token(self, url=None):
        response = self.url_open(url or self.place_url)
        self.assertEqual(response.status_code, 200)
        return re.search(r'name="csrf_token" value="([^"]+)"', response.text).group(1)

    def post_offer(self, url=None, **data):
        return self.url_open(url or self.place_url, data={"csrf_token": self.csrf_token(), **self.offer, **data})

    def _places(self):
        return self.env["redu.workplace.place"].search([("qualification_id", "=", self.qualification.id)])

    def test_the_personal_page_links_to_the_form_of_the_employer(self):
        page = self.url_open(self.url)
        # the website prefixes the links with the language (/en/...)
        self.assertRegex(page.text, rf'href="[^"]*{re.escape(self.place_url)}"')
        response = self.url_open(self.place_url)
        self.assertEqual(response.status_code, 200)
        self.assertIn("Kemin Linkkikone Oy", response.text)
        self.assertIn("o_redu_place_form", response.text)
        self.assertNotIn("Salainen-Opiskelija", response.text)

    def test_an_offer_becomes_a_proposed_place_of_the_employer_acknowledged_once(self):
        response = self.post_offer()
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_redu_place_thanks", response.text)
        self.assertIn("Kone- ja tuotantotekniikan perustutkinto (linkki)", response.text)
        place = self._places()
        self.assertEqual(len(place), 1)
        self.assertEqual(
            (place.state, place.source, place.employer_id.name, place.instructor_ids),
            ("proposed", "personal_link", "Kemin Linkkikone Oy", self.instructor),
        )
        self.assertEqual(
            (place.municipality_id, place.capacity, place.note), (self.kemi, 2, "Koneistus ja kunnossapito.")
        )
        self.assertEqual(place.company_id, self.confirmation.company_id)
        self.assertIn("Pertti Puutteellinen", place.message_ids[:1].body)
        # a second tap on the button: acknowledged, kept once
        response = self.post_offer()
        self.assertIn("o_redu_place_thanks", response.text)
        self.assertEqual(len(self._places()), 1)

    def test_bad_values_are_refused_with_the_typed_values_kept(self):
        response = self.post_offer(municipality_id="999999", capacity="50", date_start="2001-01-01", message="")
        self.assertEqual(response.status_code, 400)
        for css in ("o_redu_place_errors", "o_redu_place_error_message"):
            self.assertIn(css, response.text)
        self.assertIn('value="suomi"', response.text)
        self.assertFalse(self._places())

    def test_wrong_token_and_other_id_are_plain_404(self):
        other = self.env["redu.instructor.confirmation"].create({"partner_id": self.teacher.partner_id.id})
        other._portal_ensure_token()
        token = self.csrf_token()
        for url in (
            f"/feedback/instructor/{self.confirmation.id}/wrong-token/place",
            f"/feedback/instructor/{other.id}/{self.confirmation.access_token}/place",
        ):
            self.assertEqual(self.url_open(url).status_code, 404, url)
            response = self.url_open(url, data={"csrf_token": token, **self.offer})
            self.assertEqual(response.status_code, 404, url)
            self.assertNotIn("Kemin Linkkikone", response.text)
        self.assertFalse(self._places())

    @mute_logger("odoo.http")
    def test_post_without_csrf_token_is_refused(self):
        response = self.url_open(self.place_url, data=self.offer)
        self.assertEqual(response.status_code, 400)
        self.assertFalse(self._places())

    def test_rate_limit_of_the_personal_link(self):
        self.env["ir.config_parameter"].set_param("redu_feedback_portal.rate_max_per_token", "2")
        for _attempt in range(2):
            self.assertEqual(self.post_offer(capacity="0").status_code, 400)
        response = self.post_offer()
        self.assertEqual(response.status_code, 429)
        self.assertFalse(self._places())

    def test_a_revoked_link_offers_nothing(self):
        token = self.csrf_token()
        self.confirmation.action_revoke()
        self.assertEqual(self.url_open(self.place_url).status_code, 403)
        response = self.url_open(self.place_url, data={"csrf_token": token, **self.offer})
        self.assertEqual(response.status_code, 403)
        self.assertFalse(self._places())

    def test_the_form_in_finnish(self):
        self.env["res.lang"]._activate_lang("fi_FI")
        self.env["ir.module.module"]._load_module_terms(
            ["redu_workplace_places", "redu_workplace_places_portal"], ["fi_FI"]
        )
        self.instructor.lang = "fi_FI"
        response = self.post_offer(capacity="0")
        self.assertIn("Tarjoa työpaikalla oppimisen paikkaa", response.text)
        self.assertIn("1–20 opiskelijaa.", response.text)
