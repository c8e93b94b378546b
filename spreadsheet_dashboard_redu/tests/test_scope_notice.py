# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Finance sees the group: a notice says how many group entities the figures of the dashboards include and
how to include the others."""

from odoo import Command
from odoo.tests import TransactionCase, new_test_user, tagged

from .common import DashboardDataMixin


@tagged("post_install", "-at_install")
class TestScopeNotice(DashboardDataMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.entity_a, cls.entity_b, cls.entity_c = cls.env["res.company"].create(
            [
                {"name": "Dashboard Entity A", "is_redu_group_entity": True},
                {"name": "Dashboard Entity B", "is_redu_group_entity": True},
                {"name": "Dashboard Entity C", "is_redu_group_entity": True},
            ]
        )
        cls.outside = cls.env["res.company"].create({"name": "Not a group entity"})
        cls.finance = new_test_user(
            cls.env,
            "redu_dash_scope_finance",
            groups="redu_services.group_service_finance",
            company_id=cls.entity_a.id,
            company_ids=[Command.set((cls.entity_a + cls.entity_b + cls.entity_c + cls.outside).ids)],
        )

    def _env(self, companies):
        return self.env(user=self.finance, context={"allowed_company_ids": companies.ids})

    def _notice_rows(self, env, dashboard_name):
        """What the dashboard's notice cell shows: the first row of its list data source."""
        (data_source,) = self._dashboard(dashboard_name)["lists"].values()
        rows = env[data_source["model"]].search_read(data_source["domain"], data_source["columns"])
        return [row["redu_scope_notice"] for row in rows]

    def test_notice_counts_the_active_group_entities_of_the_user(self):
        env = self._env(self.entity_a)
        expected = (
            "1 of the 3 group entities you may see are included. To include the others, tick them in the "
            "company switcher at the top right."
        )
        for dashboard_name in ("processes", "partners", "feedback", "revenue"):
            self.assertEqual(self._notice_rows(env, dashboard_name), [expected])

    def test_notice_says_all_when_every_group_entity_is_active(self):
        # the company that is not a group entity does not count
        env = self._env(self.entity_a + self.entity_b + self.entity_c)
        self.assertEqual(self._notice_rows(env, "revenue"), ["All 3 group entities are included."] * 3)

    def test_dashboards_are_shown_to_the_groups_that_read_their_data(self):
        dashboards = (
            self.env["spreadsheet.dashboard"]
            .with_user(self.finance)
            .search(
                [
                    (
                        "dashboard_group_id",
                        "=",
                        self.env.ref("spreadsheet_dashboard_redu.spreadsheet_dashboard_group_redu").id,
                    )
                ]
            )
        )
        visible = dashboards.filtered(lambda d: d.group_ids & self.finance.all_group_ids)
        self.assertEqual(
            visible,
            self.env.ref("spreadsheet_dashboard_redu.spreadsheet_dashboard_processes")
            | self.env.ref("spreadsheet_dashboard_redu.spreadsheet_dashboard_revenue"),
        )
