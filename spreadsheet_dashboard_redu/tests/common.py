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

    def _read_pivot(self, env, dashboard, name, entities=None):
        """{(row values..., column values...): [measure values...]} of the pivot ``name``.

        Many2one values are given as ids, the others as the ORM returns them.
        """
        pivot = self._pivot(dashboard, name)
        matching = pivot["fieldMatching"]
        domain = Domain(pivot["domain"])
        date_match = matching.get(self._filter_id(dashboard, "date"))
        if date_match:
            # the default period of the dashboards is this year
            year = fields.Date.context_today(env["res.users"]).year + date_match.get("offset", 0)
            domain &= Domain(date_match["chain"], ">=", datetime.date(year, 1, 1))
            domain &= Domain(date_match["chain"], "<", datetime.date(year + 1, 1, 1))
        if entities is not None:
            entity_match = matching[self._filter_id(dashboard, "relation")]
            domain &= Domain(entity_match["chain"], "in", entities.ids)
        groupby = [group["fieldName"] for group in pivot["rows"] + pivot["columns"]]
        aggregates = [measure["id"] for measure in pivot["measures"]]
        result = {}
        for row in env[pivot["model"]]._read_group(domain, groupby, aggregates):
            key = tuple(value.id if hasattr(value, "_name") else value for value in row[: len(groupby)])
            result[key] = list(row[len(groupby) :])
        return result
