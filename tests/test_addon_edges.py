# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The edges between the addons (issue #20): no addon names a model of an addon it does not depend
on, and a teacher's addon brings no Sales or Invoicing.

The models each addon defines come from the registry (``ir.model``'s modules); the names an addon
uses are the quoted model names in its Python, XML and CSV files (tests included: a test of an addon
runs where only that addon and its dependencies are installed)."""

import re
from pathlib import Path

from odoo.modules.module import get_module_path

from .common import CrossAddonCase

MODEL_NAME = re.compile(r"""["'](redu\.[a-z_.]+)["']""")


class TestAddonEdges(CrossAddonCase):
    def _redu_modules(self):
        domain = ["|", ("name", "=like", "redu\\_%"), ("name", "=like", "spreadsheet_dashboard_redu%")]
        return self.env["ir.module.module"].search([("state", "=", "installed"), *domain])

    def test_no_addon_names_a_model_of_an_addon_it_does_not_depend_on(self):
        owner = {}
        for model in self.env["ir.model"].search([("model", "=like", "redu.%")]):
            # the module that creates the model: the first of its modules in dependency order
            modules = self.env["ir.module.module"].search([("name", "in", model.modules.split(", "))])
            first = min(modules, key=lambda module: len(module.upstream_dependencies(exclude_states=("",))))
            owner[model.model] = first.name
        self.assertIn("redu.service.process", owner)
        self.assertEqual(owner["redu.workplace.agreement"], "redu_feedback_prep")
        offences = []
        for module in self._redu_modules():
            known = {module.name, *module.upstream_dependencies(exclude_states=("",)).mapped("name")}
            root = Path(get_module_path(module.name))
            for path in root.rglob("*"):
                if path.suffix not in (".py", ".xml", ".csv") or "migrations" in path.parts:
                    continue
                for name in set(MODEL_NAME.findall(path.read_text(encoding="utf-8"))):
                    if name in owner and owner[name] not in known:
                        offences.append(f"{path.relative_to(root.parent)} names {name} of {owner[name]}")
        self.assertEqual(offences, [])

    def test_the_feedback_addon_brings_no_sales_or_invoicing(self):
        feedback = self.env["ir.module.module"].search([("name", "=", "redu_feedback_prep")])
        needed = feedback.upstream_dependencies(exclude_states=("",)).mapped("name")
        self.assertNotIn("sale", needed)
        self.assertNotIn("account", needed)
        self.assertNotIn("redu_services", needed)
