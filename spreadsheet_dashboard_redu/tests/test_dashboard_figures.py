# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The scorecards and charts of the dashboards (#23), and their sample versions.

What each figure counts is tested with its dashboard (test_dashboard_*.py); this checks what every figure
needs to be drawn: its data source exists and follows the dashboard's filters, its cells exist, and the
sample version is shown to a user who sees no record of the dashboard's main model.
"""

from odoo import Command
from odoo.tests import TransactionCase, new_test_user, tagged

from .common import DashboardDataMixin

DASHBOARDS = {
    "processes": "spreadsheet_dashboard_processes",
    "partners": "spreadsheet_dashboard_partners",
    "feedback": "spreadsheet_dashboard_feedback",
    "revenue": "spreadsheet_dashboard_revenue",
}


@tagged("post_install", "-at_install")
class TestDashboardFigures(DashboardDataMixin, TransactionCase):
    def test_every_dashboard_opens_with_scorecards_and_charts(self):
        for name in DASHBOARDS:
            self._check_figures(self._dashboard(name), name)

    def test_every_dashboard_has_a_sample_with_static_data(self):
        for name, xmlid in DASHBOARDS.items():
            dashboard = self.env.ref(f"spreadsheet_dashboard_redu.{xmlid}")
            self._check_sample(dashboard, self._dashboard(name), name)

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
