# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Read a dashboard's data sources as the spreadsheet does: the pivot's model, domain, row and column
groupings and measures, from the JSON file that the dashboard ships, with the global filters applied
(the period: this year by default, shifted by the pivot's offset; the group entities)."""

import datetime
import json
import re

from odoo import fields
from odoo.fields import Domain
from odoo.tools import file_open
from odoo.tools.translate import code_translations, extract_spreadsheet_terms

PIVOT_VALUE = re.compile(r"PIVOT\.VALUE\((\d+),\"([^\"]+)\"")


def _cells(sheet, rng):
    """The cells of a range "Data!B3:B9" of ``sheet``."""
    start, end = rng.split("!")[1].split(":")
    column = start[0]
    return [sheet["cells"].get(f"{column}{row}") for row in range(int(start[1:]), int(end[1:]) + 1)]


class DashboardDataMixin:
    @classmethod
    def _dashboard(cls, name):
        with file_open(f"spreadsheet_dashboard_redu/data/files/{name}_dashboard.json") as handle:
            return json.load(handle)

    @classmethod
    def _pivot(cls, dashboard, name):
        (pivot,) = [pivot for pivot in dashboard["pivots"].values() if pivot["name"] == name]
        return pivot

    @staticmethod
    def _filter_id(dashboard, filter_type):
        (filter_id,) = [flt["id"] for flt in dashboard["globalFilters"] if flt["type"] == filter_type]
        return filter_id

    def _filtered(self, env, dashboard, domain, matching, entities):
        """``domain`` with the global filters applied as the spreadsheet applies them through the data
        source's ``fieldMatching``: the period (this year, shifted by the offset), the group entities."""
        domain = Domain(domain)
        date_match = matching.get(self._filter_id(dashboard, "date"))
        if date_match:
            # the default period of the dashboards is this year
            year = fields.Date.context_today(env["res.users"]).year + date_match.get("offset", 0)
            domain &= Domain(date_match["chain"], ">=", datetime.date(year, 1, 1))
            domain &= Domain(date_match["chain"], "<", datetime.date(year + 1, 1, 1))
        if entities is not None:
            entity_match = matching[self._filter_id(dashboard, "relation")]
            domain &= Domain(entity_match["chain"], "in", entities.ids)
        return domain

    @staticmethod
    def _key(values):
        return tuple(value.id if hasattr(value, "_name") else value for value in values)

    def _read_pivot(self, env, dashboard, name, entities=None):
        """{(row values..., column values...): [measure values...]} of the pivot ``name``.

        Many2one values are given as ids, the others as the ORM returns them.
        """
        pivot = self._pivot(dashboard, name)
        domain = self._filtered(env, dashboard, pivot["domain"], pivot["fieldMatching"], entities)
        groupby = [
            f"{group['fieldName']}:{group['granularity']}" if group.get("granularity") else group["fieldName"]
            for group in pivot["rows"] + pivot["columns"]
        ]
        aggregates = [measure["id"] for measure in pivot["measures"]]
        result = {}
        for row in env[pivot["model"]]._read_group(domain, groupby, aggregates):
            result[self._key(row[: len(groupby)])] = list(row[len(groupby) :])
        return result

    @classmethod
    def _chart(cls, dashboard, title):
        """The definition of the chart (or scorecard) titled ``title`` on the dashboard's first sheet."""
        (chart,) = [
            figure["data"]
            for figure in dashboard["sheets"][0]["figures"]
            if figure["tag"] == "chart" and figure["data"]["title"].get("text") == title
        ]
        return chart

    def _read_chart(self, env, dashboard, title, entities=None):
        """{(group values...): value} of an Odoo chart (odoo_bar, odoo_line, odoo_pie) as its graph reads
        it: its model grouped by its groupbys, its measure with the field's own aggregator."""
        chart = self._chart(dashboard, title)
        meta = chart["metaData"]
        Model = env[meta["resModel"]]
        domain = self._filtered(env, dashboard, chart["searchParams"]["domain"], chart["fieldMatching"], entities)
        measure = meta["measure"]
        aggregate = measure if measure == "__count" else f"{measure}:{Model._fields[measure].aggregator}"
        groupby = meta["groupBy"]
        return {
            self._key(row[: len(groupby)]): row[len(groupby)] for row in Model._read_group(domain, groupby, [aggregate])
        }

    @staticmethod
    def _scorecard_cells(dashboard):
        """{scorecard title: (formula of its key value, formula of its baseline or None)}."""
        (data,) = [sheet for sheet in dashboard["sheets"] if sheet["name"] == "Data"]
        cells = {}
        for figure in dashboard["sheets"][0]["figures"]:
            chart = figure["data"]
            if chart["type"] != "scorecard":
                continue
            key = data["cells"][chart["keyValue"].split("!")[1]]
            baseline = chart.get("baseline") and data["cells"][chart["baseline"].split("!")[1]]
            cells[chart["title"]["text"]] = (key, baseline)
        return cells

    def _check_figures(self, dashboard, name):
        """What every figure of ``dashboard`` needs to be drawn: its data source exists and follows the
        dashboard's filters, its cells exist (the sheet *Data* of the scorecards' and charts' cells)."""
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
                # a chart drawn from cells: every cell of its ranges has a value or a formula (those
                # computed from a pivot spilled on the sheet are empty where the pivot has no row)
                for dataset in chart["dataSets"]:
                    cells = _cells(data, dataset["dataRange"])
                    self.assertTrue(all(cells[1:]), f"{name}: {title}: a value of {dataset['dataRange']} is empty")

    def _check_sample(self, dashboard, live, name):
        """The sample version of the ``dashboard`` record: the figures of the ``live`` JSON on static data,
        shown (as core's samples) while the user sees no record of the dashboard's main model."""
        self.assertTrue(dashboard.sample_dashboard_file_path.endswith(f"/data/files/{name}_sample_dashboard.json"))
        self.assertTrue(dashboard.main_data_model_ids, name)
        with file_open(dashboard.sample_dashboard_file_path) as handle:
            sample = json.load(handle)
        self.assertEqual(sample["pivots"], {}, f"{name}: the sample reads no data")
        self.assertEqual(sample.get("lists"), {}, name)
        live_titles = [figure["data"]["title"]["text"] for figure in live["sheets"][0]["figures"]]
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

    def _check_finnish(self, module, names):
        """Every text of the dashboards ``names`` of ``module`` (``data/files/<name>_dashboard.json``) and
        of their samples, pivot titles included, is a term that Odoo's export extracts and fi.po translates."""
        messages = code_translations.get_web_translations(module, "fi_FI")["messages"]
        finnish = {message["id"]: message["string"] for message in messages}
        for name in names:
            for path in (
                f"{module}/data/files/{name}_dashboard.json",
                f"{module}/data/files/{name}_sample_dashboard.json",
            ):
                with file_open(path, "rb") as handle:
                    terms = {term for _line, _func, term, _comments in extract_spreadsheet_terms(handle, [], [], {})}
                with file_open(path) as handle:
                    pivot_names = {pivot["name"] for pivot in json.load(handle)["pivots"].values()}
                self.assertLessEqual(pivot_names, terms, f"{path}: a pivot title is not extracted")
                self.assertIn("since the previous period", terms, path)
                self.assertEqual({term for term in terms if not finnish.get(term)}, set(), f"{path}: untranslated")
