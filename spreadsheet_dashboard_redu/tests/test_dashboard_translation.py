# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Finnish users read the dashboards in Finnish: every text of the JSON files, the titles of the pivot
tables included, is a term that Odoo's export extracts and that fi.po translates."""

import json

from odoo.tests import TransactionCase, tagged
from odoo.tools import file_open
from odoo.tools.translate import code_translations, extract_spreadsheet_terms

from .common import DashboardDataMixin

DASHBOARDS = ("processes", "partners", "feedback", "revenue")


@tagged("post_install", "-at_install")
class TestDashboardTranslation(DashboardDataMixin, TransactionCase):
    def test_every_text_and_pivot_title_is_extracted_and_translated_in_finnish(self):
        messages = code_translations.get_web_translations("spreadsheet_dashboard_redu", "fi_FI")["messages"]
        finnish = {message["id"]: message["string"] for message in messages}
        for name in DASHBOARDS:
            with file_open(f"spreadsheet_dashboard_redu/data/files/{name}_dashboard.json", "rb") as handle:
                terms = {term for _line, _func, term, _comments in extract_spreadsheet_terms(handle, [], [], {})}
            pivot_names = {pivot["name"] for pivot in self._dashboard(name)["pivots"].values()}
            self.assertLessEqual(pivot_names, terms, f"{name}: a pivot title is not extracted")
            # the scorecards' and charts' titles are terms too
            self.assertIn("since the previous period", terms)
            self.assertEqual({term for term in terms if not finnish.get(term)}, set(), f"{name}: untranslated")
            with file_open(f"spreadsheet_dashboard_redu/data/files/{name}_sample_dashboard.json", "rb") as handle:
                sample = {term for _line, _func, term, _comments in extract_spreadsheet_terms(handle, [], [], {})}
            self.assertEqual({term for term in sample if not finnish.get(term)}, set(), f"{name}: sample untranslated")

    def test_finnish_user_gets_the_pivot_titles_in_finnish(self):
        self.env["res.lang"]._activate_lang("fi_FI")
        dashboard = self.env.ref("spreadsheet_dashboard_redu.spreadsheet_dashboard_feedback")
        data = json.loads(dashboard.with_context(lang="fi_FI")._get_serialized_readonly_dashboard())
        names = {pivot["id"]: pivot["name"] for pivot in data["snapshot"]["pivots"].values()}
        self.assertEqual(names["1"], "Sopimukset")
        self.assertEqual(names["3"], "Estetyt, päättyvät 14 päivän sisällä")
        english = json.loads(dashboard.with_context(lang="en_US")._get_serialized_readonly_dashboard())
        self.assertEqual(english["snapshot"]["pivots"]["1"]["name"], "Agreements")

    def test_other_dashboards_keep_their_pivot_titles(self):
        self.env["res.lang"]._activate_lang("fi_FI")
        other = self.env["spreadsheet.dashboard"].create(
            {
                "name": "Other",
                "dashboard_group_id": self.env["spreadsheet.dashboard.group"].create({"name": "Other"}).id,
                "spreadsheet_data": json.dumps(self._dashboard("feedback")),
            }
        )
        data = json.loads(other.with_context(lang="fi_FI")._get_serialized_readonly_dashboard())
        self.assertEqual(data["snapshot"]["pivots"]["1"]["name"], "Agreements")
