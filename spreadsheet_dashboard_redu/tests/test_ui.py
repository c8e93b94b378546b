# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Headless Chromium: a manager opens the dashboards and sees a figure computed from the data."""

from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
    def test_manager_opens_the_dashboard_and_sees_a_figure(self):
        entity = self.env["res.company"].create({"name": "Tour Entity", "is_redu_group_entity": True})
        category = self.env["redu.service.category"].create({"name": "Tour category", "code": "tour_category"})
        self.env["redu.service"].create(
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
