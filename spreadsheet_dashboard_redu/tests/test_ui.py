# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Headless Chromium: a manager opens the dashboards and sees a figure computed from the data; the finance
and the management user (as setup/demo_data.py makes them) open every dashboard they may see and see its
scorecards and charts drawn."""

from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged

# the dashboards that the data addons beside this one add to the group, when they are installed
SIBLING_DASHBOARDS = (
    "spreadsheet_dashboard_redu_portal.spreadsheet_dashboard_confirmations",
    "spreadsheet_dashboard_redu_tpk.spreadsheet_dashboard_survey",
    "spreadsheet_dashboard_redu_training.spreadsheet_dashboard_training",
    "spreadsheet_dashboard_redu_arvo.spreadsheet_dashboard_arvo",
    "spreadsheet_dashboard_redu_places.spreadsheet_dashboard_places",
)


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
    def test_manager_opens_the_dashboard_and_sees_a_figure(self):
        entity = self.env["res.company"].create({"name": "Tour Entity", "is_redu_group_entity": True})
        category = self.env["redu.service.category"].create({"name": "Tour category", "code": "tour_category"})
        services = self.env["redu.service"].create(
            [
                {
                    "name": f"Tour service {index}",
                    "category_id": category.id,
                    "company_id": entity.id,
                    "funding": "public",
                }
                for index in range(3)
            ]
        )
        # a process of the entity: the dashboard shows its data, not its sample
        partner = self.env["res.partner"].create({"name": "Tour Oy", "is_company": True})
        self.env["redu.service.process"].create({"partner_id": partner.id, "service_id": services[0].id})
        new_test_user(
            self.env,
            "redu_dash_tour_manager",
            groups="redu_services.group_service_manager",
            company_id=entity.id,
            company_ids=[Command.set(entity.ids)],
        )
        dashboard = self.env.ref("spreadsheet_dashboard_redu.spreadsheet_dashboard_processes")
        self.start_tour(
            f"/odoo/dashboards?dashboard_id={dashboard.id}",
            "spreadsheet_dashboard_redu_tour",
            login="redu_dash_tour_manager",
        )

    def _open_every_dashboard(self, login, groups):
        entities = self.env["res.company"].search([("is_redu_group_entity", "=", True)])
        # the active entity: the one of the demo service processes (the figures are those of the active one)
        active = self.env["redu.service.process"].search([], limit=1).company_id or entities[0]
        user = new_test_user(
            self.env,
            login,
            groups=groups,
            company_id=active.id,
            company_ids=[Command.set(entities.ids)],
        )
        group = self.env.ref("spreadsheet_dashboard_redu.spreadsheet_dashboard_group_redu")
        # every dashboard of the group: this addon's and those of the data addons beside it
        dashboards = group.published_dashboard_ids.filtered(lambda d: d.group_ids & user.all_group_ids)
        self.start_tour(
            f"/odoo/dashboards?dashboard_id={dashboards[0].id}",
            "spreadsheet_dashboard_redu_figures_tour",
            login=login,
            # every dashboard of the group (the other addons add theirs) is opened and drawn
            timeout=300,
        )
        return dashboards

    def test_finance_user_sees_the_figures_of_every_dashboard(self):
        dashboards = self._open_every_dashboard(
            "redu_dash_tour_finance", "redu_services.group_service_finance,account.group_account_readonly"
        )
        self.assertEqual(
            dashboards,
            self.env.ref("spreadsheet_dashboard_redu.spreadsheet_dashboard_processes")
            | self.env.ref("spreadsheet_dashboard_redu.spreadsheet_dashboard_revenue"),
        )

    def test_management_user_sees_the_figures_of_every_dashboard(self):
        dashboards = self._open_every_dashboard(
            "redu_dash_tour_management",
            "redu_partnership.group_partnership_manager,redu_services.group_service_manager,"
            "redu_feedback_prep.group_feedback_manager,sales_team.group_sale_manager,account.group_account_manager",
        )
        siblings = [self.env.ref(xmlid, raise_if_not_found=False) for xmlid in SIBLING_DASHBOARDS]
        self.assertLessEqual(self.env["spreadsheet.dashboard"].union(*filter(None, siblings)), dashboards)
        self.assertGreaterEqual(len(dashboards), 4)
