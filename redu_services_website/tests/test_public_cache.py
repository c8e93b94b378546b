# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Issue #28: the public pages are rendered once for every anonymous visitor, the layout
included; a change shows at once, each visitor keeps CSRF tokens of their own, and nothing is
shared between languages, websites, queries or with a logged-in user."""

import re
from unittest.mock import patch

from odoo import sql_db
from odoo.http import root
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.base.models.ir_qweb import IrQweb

from .common import WebInquiryCommon

CSRF_RE = re.compile(r'name="csrf_token" value="([^"]+)"')
SESSION_CSRF_RE = re.compile(r'csrf_token: "([^"]+)"')


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

    def _renders(self, url):
        """The page at ``url`` and the number of templates rendered to answer it."""
        with patch.object(IrQweb, "_render", autospec=True, side_effect=IrQweb._render) as render:
            page = self.url_open(url).text
        return page, render.call_count

    def test_an_anonymous_page_is_rendered_once(self):
        urls = [
            "/palvelut",
            f"/palvelut?entity={self.entity_b.id}",
            self.service_a.website_url,
            "/palvelut/yhteydenotto",
        ]
        for url in urls:
            self.opener.cookies.clear()
            first, rendered = self._renders(url)
            self.assertGreater(rendered, 0, url)
            self.opener.cookies.clear()
            again, rendered = self._renders(url)
            self.assertEqual(rendered, 0, f"{url}: the second visitor's page comes from the cache")
            self.assertEqual(
                CSRF_RE.sub("", SESSION_CSRF_RE.sub("", again)), CSRF_RE.sub("", SESSION_CSRF_RE.sub("", first))
            )
        # a search, or a query the layout's links would repeat, is rendered for the visitor alone
        for url in ["/palvelut?search=coaching", "/palvelut?utm_source=kampanja_x1", "/palvelut?entity=99999999"]:
            self._renders(url)
            self.assertGreater(self._renders(url)[1], 0, url)
        self.assertNotIn("kampanja_x1", self.url_open("/palvelut").text, "no visitor's query in the shared page")

    def test_a_layout_change_shows_at_once(self):
        self.url_open("/palvelut")
        self.env["website.menu"].create(
            {"name": "Kampanjasivu", "url": "/kampanja", "parent_id": self.env.ref("website.main_menu").id}
        )
        self.assertIn("Kampanjasivu", self.url_open("/palvelut").text)

    def test_each_visitor_has_session_tokens_of_their_own(self):
        tokens = set()
        for _visitor in range(2):
            self.opener.cookies.clear()
            page = self.url_open("/palvelut").text
            self.assertNotIn("__redu_", page)
            tokens.add(SESSION_CSRF_RE.search(page).group(1))
        self.assertEqual(len(tokens), 2)

    def test_no_session_is_written_for_a_visitor(self):
        store = type(root.session_store)
        with patch.object(store, "save", autospec=True, side_effect=store.save) as save:
            for url in ["/palvelut", self.service_a.website_url, "/palvelut/yhteydenotto"]:
                self.opener.cookies.clear()
                self.assertEqual(self.url_open(url).status_code, 200)
                self.assertEqual(self.url_open(url).status_code, 200, "with the cookie of the first page")
        self.assertEqual(save.call_count, 0)

    def test_languages_are_not_mixed(self):
        self.env["res.lang"]._activate_lang("fi_FI")
        self.env["ir.module.module"]._load_module_terms(["redu_services_website"], ["fi_FI"], overwrite=True)
        website = self.env["website"].get_current_website()
        website.language_ids |= self.env.ref("base.lang_fi") | self.env.ref("base.lang_en")

        def page(browser_lang):
            # a new visitor whose browser asks for the language: the website redirects to its address
            self.opener.cookies.clear()
            return self.url_open("/palvelut", headers={"Accept-Language": browser_lang}).text

        for _visit in range(2):
            finnish, english = page("fi-FI"), page("en-US")
            self.assertIn("Palvelut työelämälle", finnish)
            self.assertNotIn("Services to working life", finnish)
            self.assertIn("Services to working life", english)
            self.assertNotIn("Palvelut työelämälle", english)

    def test_websites_are_not_mixed(self):
        self.url_open("/palvelut")
        self.env["website"].create({"name": "Toinen Verkkosivusto", "domain": "localhost"})
        other = self.url_open(f"http://localhost:{self.http_port()}/palvelut").text
        self.assertIn("Toinen Verkkosivusto", other)
        self.assertIn("Web staff training", other)
        self.assertNotIn("Toinen Verkkosivusto", self.url_open("/palvelut").text)

    def test_a_logged_in_user_never_gets_the_anonymous_page(self):
        user = new_test_user(self.env, "redu_web_reader", name="Kaisa Kirjautunut", groups="base.group_user")
        for url in ["/palvelut", self.service_a.website_url, "/palvelut/yhteydenotto"]:
            self.opener.cookies.clear()
            self.url_open(url)
            self.url_open(url)
            self.authenticate(user.login, user.login)
            page, rendered = self._renders(url)
            self.assertGreater(rendered, 0, url)
            self.assertIn("Kaisa Kirjautunut", page, url)
        self.logout()
        self.assertNotIn("Kaisa Kirjautunut", self.url_open("/palvelut").text, "nor an anonymous visitor the user's")

    def test_a_cached_page_costs_a_few_queries(self):
        """The page of an anonymous visitor whatever their browser's language: no read of the
        public user's record when that language is not installed (redu_services_website's ir.http)."""
        counts = {}
        for url in ["/palvelut", self.service_a.website_url, "/palvelut/yhteydenotto"]:
            for browser_lang in ("", "de-DE,de;q=0.9"):
                headers = {"Accept-Language": browser_lang} if browser_lang else {}
                self.opener.cookies.clear()
                self.url_open(url, headers=headers)
                self.opener.cookies.clear()
                before = sql_db.sql_counter
                self.assertEqual(self.url_open(url, headers=headers).status_code, 200)
                counts[url, browser_lang] = sql_db.sql_counter - before
        # 2 to 4 measured: the catalogue's version, the registry's signaling, the service's slug
        self.assertLessEqual(max(counts.values()), 5, counts)
        for url in ["/palvelut", self.service_a.website_url, "/palvelut/yhteydenotto"]:
            self.assertEqual(counts[url, ""], counts[url, "de-DE,de;q=0.9"], counts)
