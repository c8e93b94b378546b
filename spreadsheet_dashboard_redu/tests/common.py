# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Read a dashboard's data sources as the spreadsheet does: the pivot's model, domain, row and column
groupings and measures, from the JSON file that the dashboard ships, with the global filters applied
(the period: this year by default, shifted by the pivot's offset; the group entities)."""

import datetime
import json

from odoo import fields
from odoo.fields import Domain
from odoo.tools import file_open


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
