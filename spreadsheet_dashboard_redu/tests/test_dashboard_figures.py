# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The scorecards and charts of the dashboards (#23), and their sample versions.

What each figure counts is tested with its dashboard (test_dashboard_*.py); this checks what every figure
needs to be drawn: its data source exists and follows the dashboard's filters, its cells exist, and the
sample version is shown to a user who sees no record of the dashboard's main model.
"""

import json
import re

from odoo import Command
from odoo.tests import TransactionCase, new_test_user, tagged
from odoo.tools import file_open

from .common import DashboardDataMixin

DASHBOARDS = {
    "processes": "spreadsheet_dashboard_processes",
    "partners": "spreadsheet_dashboard_partners",
    "feedback": "spreadsheet_dashboard_feedback",
    "revenue": "spreadsheet_dashboard_revenue",
}
PIVOT_VALUE = re.compile(r"PIVOT\.VALUE\((\d+),\"([^\"]+)\"")


def _cells(sheet, rng):
    """The cells of a range "Data!B3:B9" of ``sheet``."""
    start, end = rng.split("!")[1].split(":")
    column = start[0]
    return [sheet["cells"].get(f"{column}{row}") for row in range(int(start[1:]), int(end[1:]) + 1)]


@tagged("post_install", "-at_install")
class TestDashboardFigures(DashboardDataMixin, TransactionCase):
    def _check_figures(self, dashboard, name):
        figures = dashboard["sheets"][0]["figures"]
        (data,) = [sheet for sheet in dashboard["sheets"] if sheet["name"] == "Data"]
        self.assertFalse(data["isVisible"], f"{name}: the sheet of the figures' cells is hidden")
        scorecards = [figure["data"] for figure in figures if figure["data"]["type"] == "scorecard"]
        charts = [figure["data"] for figure in figures if figure["data"]["type"] != "scorecard"]
        self.assertGreaterEqual(len(scorecards), 3, name)
        self.assertGreaterEqual(len(charts), 3, name)
        for scorecard in scorecards:
            for ref in filter(None, (scorecard["keyValue"], scorecard.get("baseline"))):
                formula = data["cells"][ref.split("!")[1]]
                self.assertTrue(formula.startswith("="), f"{name}: {ref}")
                for pivot_id, measure in PIVOT_VALUE.findall(formula):
                    pivot = dashboard["pivots"][pivot_id]
                    self.assertIn(measure, [m["id"] for m in pivot["measures"]], f"{name}: {formula}")
        filter_ids = {flt["id"] for flt in dashboard["globalFilters"]}
        for chart in charts:
            title = chart["title"]["text"]
            if chart["type"].startswith("odoo_"):
                meta = chart["metaData"]
                self.assertEqual(meta["groupBy"], chart["searchParams"]["groupBy"], title)
                # the entity filter applies to every chart, the period to those that are not "per year"
                self.assertLessEqual(set(chart["fieldMatching"]), filter_ids, title)
                self.assertIn(self._filter_id(dashboard, "relation"), chart["fieldMatching"], title)
                # the model reads it: its groupbys, its measure and the filters' field chains exist
                entities = self.env["res.company"].search([], limit=1)
                self.assertIsInstance(self._read_chart(self.env, dashboard, title, entities), dict)
            else:
                for dataset in chart["dataSets"]:
                    cells = _cells(data, dataset["dataRange"])
                    self.assertTrue(all(cells[1:]), f"{name}: {title}: a value of {dataset['dataRange']} is empty")

    def test_every_dashboard_opens_with_scorecards_and_charts(self):
        for name in DASHBOARDS:
            self._check_figures(self._dashboard(name), name)

    def test_every_dashboard_has_a_sample_with_static_data(self):
        for name, xmlid in DASHBOARDS.items():
            dashboard = self.env.ref(f"spreadsheet_dashboard_redu.{xmlid}")
            self.assertEqual(
                dashboard.sample_dashboard_file_path,
                f"spreadsheet_dashboard_redu/data/files/{name}_sample_dashboard.json",
            )
            self.assertTrue(dashboard.main_data_model_ids)
            with file_open(dashboard.sample_dashboard_file_path) as handle:
                sample = json.load(handle)
            self.assertEqual(sample["pivots"], {}, f"{name}: the sample reads no data")
            self.assertEqual(sample.get("lists"), {}, name)
            live_titles = [figure["data"]["title"]["text"] for figure in self._dashboard(name)["sheets"][0]["figures"]]
            sample_figures = sample["sheets"][0]["figures"]
            self.assertEqual([figure["data"]["title"]["text"] for figure in sample_figures], live_titles, name)
            (data,) = [sheet for sheet in sample["sheets"] if sheet["name"] == "Data"]
            for figure in sample_figures:
                chart = figure["data"]
                self.assertFalse(chart["type"].startswith("odoo_"), f"{name}: a sample chart reads no model")
                if chart["type"] == "scorecard":
                    value = data["cells"][chart["keyValue"].split("!")[1]]
                    self.assertTrue(float(value), f"{name}: {chart['title']['text']}")
                else:
                    for dataset in chart["dataSets"]:
                        values = _cells(data, dataset["dataRange"])[1:]
                        self.assertTrue(all(float(value) for value in values), f"{name}: {chart['title']['text']}")

    def test_the_sample_is_shown_to_a_user_who_sees_no_data(self):
        entity = self.env["res.company"].create({"name": "Empty Entity", "is_redu_group_entity": True})
        user = new_test_user(
            self.env,
            "redu_dash_empty_manager",
            groups="redu_services.group_service_manager,redu_partnership.group_partnership_manager,"
            "redu_feedback_prep.group_feedback_user",
            company_id=entity.id,
            company_ids=[Command.set(entity.ids)],
        )
        processes = self.env.ref("spreadsheet_dashboard_redu.spreadsheet_dashboard_processes")
        env = self.env(user=user, context={"allowed_company_ids": entity.ids})
        self.assertTrue(processes.with_env(env)._dashboard_is_empty())
        category = self.env["redu.service.category"].create({"name": "Empty", "code": "empty_dash"})
        service = self.env["redu.service"].create(
            {"name": "Empty", "category_id": category.id, "company_id": entity.id, "funding": "public"}
        )
        partner = self.env["res.partner"].create({"name": "Empty Oy", "is_company": True})
        self.env["redu.service.process"].create({"partner_id": partner.id, "service_id": service.id})
        self.assertFalse(processes.with_env(env)._dashboard_is_empty())
