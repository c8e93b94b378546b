# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Browser tours (headless Chromium): an anonymous visitor on the public pages, then the
responsible user in the back office (in Finnish)."""

from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import WebInquiryCommon


@tagged("post_install", "-at_install")
class TestUi(WebInquiryCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_web_inquiry()
        cls.env["res.lang"]._activate_lang("fi_FI")
        cls.env["ir.module.module"]._load_module_terms(
            ["redu_services", "redu_services_website"], ["fi_FI"], overwrite=True
        )
        cls.responsible.lang = "fi_FI"
        cls.env["redu.service"].create(
            {
                "name": "Hidden service",
                "category_id": cls.service_a.category_id.id,
                "company_id": cls.entity_a.id,
                "funding": "public",
                "is_published": False,
            }
        )

    def test_visitor_then_responsible_tours(self):
        """The visitor's inquiry opens a process routed to the responsible, who finds and answers it."""
        self.start_tour("/palvelut", "redu_services_website_visitor_tour")
        process = self.env["redu.service.process"].search([("partner_id.name", "=", "Revontulen Rakennus Oy")])
        self.assertEqual(len(process), 1, "one process; the refused post created nothing")
        self.assertEqual(process.partner_id.company_registry, "1234567-1")
        self.assertEqual(process.user_id, self.responsible)
        self.assertEqual(process.channel, "web")
        self.assertEqual(self.env["res.partner"].search_count([("name", "=", "Revontulen Rakennus Oy")]), 1)

        self.start_tour(
            "/odoo/action-redu_services.redu_service_process_action",
            "redu_services_website_responsible_tour",
            login=self.responsible.login,
        )
        self.assertEqual(process.stage_id, self.env.ref("redu_services.stage_inquiry"))
        self.assertTrue(process.date_first_response, "the user's message is the first response")

    @mute_logger("odoo.http")
    def test_post_without_csrf_token_is_refused(self):
        response = self.url_open(
            "/palvelut/yhteydenotto", data=self._post(service_ids=str(self.service_a.id)), allow_redirects=False
        )
        self.assertEqual(response.status_code, 400)
        self.assertFalse(self.env["res.partner"].search_count([("name", "=", "Tunturin Testi Oy")]))

    def test_unpublished_service_page_is_not_found_for_visitors(self):
        hidden = self.env["redu.service"].search([("name", "=", "Hidden service")])
        self.assertEqual(self.url_open(hidden.website_url).status_code, 404)
        self.assertEqual(self.url_open(self.service_a.website_url).status_code, 200)
        self.assertEqual(self.url_open("/tietosuoja").status_code, 200, "the privacy notice page")
