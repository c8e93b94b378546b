# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Finnish users read the dashboards in Finnish: every text of the JSON files, the titles of the pivot
tables included, is a term that Odoo's export extracts and that fi.po translates."""

import json

from odoo.tests import TransactionCase, tagged

from .common import DashboardDataMixin

DASHBOARDS = ("processes", "partners", "feedback", "revenue")


@tagged("post_install", "-at_install")
class TestDashboardTranslation(DashboardDataMixin, TransactionCase):
    def test_every_text_and_pivot_title_is_extracted_and_translated_in_finnish(self):
        self._check_finnish("spreadsheet_dashboard_redu", DASHBOARDS)

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
