# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Issue #28: the public pages' content is rendered once for every anonymous visitor; a change
shows at once, and each visitor keeps a CSRF token of their own."""

import re
from unittest.mock import patch

from odoo.tests import HttpCase, tagged

from .common import WebInquiryCommon

CSRF_RE = re.compile(r'name="csrf_token" value="([^"]+)"')


@tagged("post_install", "-at_install")
class TestPublicPagesCache(WebInquiryCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_web_inquiry()

    def test_a_change_shows_at_once(self):
        self.assertIn("Web staff training", self.url_open("/palvelut").text)
        self.assertIn("Web staff training", self.url_open("/palvelut").text, "from the cache")
        self.service_a.name = "Web leadership training"
        self.service_b.category_id.name = "Renamed category"
        self.entity_b.name = "Web Entity Renamed"
        page = self.url_open("/palvelut").text
        self.assertIn("Web leadership training", page)
        self.assertNotIn("Web staff training", page)
        self.assertIn("Renamed category", page)
        self.assertIn("Web Entity Renamed", page)
        self.service_b.is_published = False
        self.assertNotIn("Web coaching", self.url_open("/palvelut").text)
        self.assertIn("Web leadership training", self.url_open(self.service_a.website_url).text)

    def test_a_change_clears_no_cache(self):
        """A new version of the pages' content, not a cleared registry cache (which every worker
        would have to rebuild for everything)."""
        self.url_open("/palvelut")
        with patch.object(type(self.env.registry), "clear_cache", side_effect=AssertionError("a cache cleared")):
            self.service_a.name = "Web leadership training"
            self.service_b.category_id.name = "Renamed category"
            page = self.url_open("/palvelut").text
        self.assertIn("Web leadership training", page)
        self.assertIn("Renamed category", page)

    def test_filters_of_the_cached_catalogue(self):
        page = self.url_open(f"/palvelut?entity={self.entity_b.id}").text
        self.assertIn("Web coaching", page)
        self.assertNotIn("Web staff training", page)
        page = self.url_open("/palvelut?entity=99999999&funding=nonsense").text
        self.assertIn("Web coaching", page, "an unknown filter shows the whole catalogue")
        self.assertIn("Web staff training", page)
        page = self.url_open("/palvelut?search=coaching").text
        self.assertIn("Web coaching", page)
        self.assertNotIn("Web staff training", page)

    def test_each_visitor_has_a_csrf_token_of_their_own_that_works(self):
        tokens = []
        for url in (self.service_a.website_url, "/palvelut/yhteydenotto"):
            for _visitor in range(2):
                self.opener.cookies.clear()
                page = self.url_open(url).text
                self.assertNotIn("__redu_csrf_token__", page)
                tokens.append(CSRF_RE.search(page).group(1))
        self.assertEqual(len(set(tokens[:2])), 2, "two visitors, two tokens")
        self.assertEqual(len(set(tokens[2:])), 2)
        # the last visitor's token is valid: the inquiry is saved
        response = self.url_open(
            "/palvelut/yhteydenotto",
            data={**self._post(), "service_ids": str(self.service_a.id), "csrf_token": tokens[-1]},
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_redu_inquiry_thanks", response.text)
        self.assertEqual(self.env["redu.service.process"].search_count([("service_id", "=", self.service_a.id)]), 1)
