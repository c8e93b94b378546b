# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import json

from odoo import models
from odoo.tools.translate import code_translations


class SpreadsheetDashboard(models.Model):
    _inherit = "spreadsheet.dashboard"

    def _get_serialized_readonly_dashboard(self):
        """The dashboards of the group *Working-life cooperation* with their pivot titles translated.

        A pivot table shows its name in its top left cell, and the spreadsheet does not translate it (it
        translates the ``_t`` formulas, the chart titles and the filter labels). The names are the
        ``_t`` terms of the dashboard's hidden sheet *Titles*, so that Odoo's export extracts them with
        the other terms of the JSON file: they are translated here with those terms, those of the
        dashboard's translation namespace (the module that ships it).
        """
        serialized = super()._get_serialized_readonly_dashboard()
        group = self.env.ref("spreadsheet_dashboard_redu.spreadsheet_dashboard_group_redu", raise_if_not_found=False)
        lang = self.env.lang
        if not lang or lang == "en_US" or not group or self.dashboard_group_id != group:
            return serialized
        data = json.loads(serialized)
        namespace = data.get("translation_namespace")
        if not namespace:
            return serialized
        messages = code_translations.get_web_translations(namespace, lang)["messages"]
        translations = {message["id"]: message["string"] for message in messages}
        for pivot in data["snapshot"].get("pivots", {}).values():
            pivot["name"] = translations.get(pivot["name"], pivot["name"])
        return json.dumps(data)
