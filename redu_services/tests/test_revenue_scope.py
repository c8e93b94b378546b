# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""An empty service revenue analysis says how many of the finance user's group entities are active in the
company switcher, and how to include the others: the revenue may be in those."""

from odoo import Command
from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestRevenueScope(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.entity_a, cls.entity_b, cls.entity_c = cls.env["res.company"].create(
            [
                {"name": "Revenue Entity A", "is_redu_group_entity": True},
                {"name": "Revenue Entity B", "is_redu_group_entity": True},
                {"name": "Revenue Entity C", "is_redu_group_entity": True},
            ]
        )
        cls.outside = cls.env["res.company"].create({"name": "Not a group entity"})
        cls.finance = new_test_user(
            cls.env,
            "redu_revenue_scope_finance",
            groups="redu_services.group_service_finance",
            company_id=cls.entity_a.id,
            company_ids=[Command.set((cls.entity_a + cls.entity_b + cls.entity_c + cls.outside).ids)],
        )

    def _env(self, companies):
        return self.env(user=self.finance, context={"allowed_company_ids": companies.ids})

    def test_empty_revenue_analysis_explains_the_missing_entities(self):
        action = self.env.ref("redu_services.redu_service_revenue_report_action")
        # sudo: as /web/action/load reads the action (all its fields: the help needs res_model), for the
        # uid and the active companies of the user
        partial = action.with_env(self._env(self.entity_a)).sudo().read(["res_model", "help"])[0]["help"]
        self.assertIn("1 of the 3 group entities you may see are included", partial)
        self.assertIn("No invoiced revenue yet", partial, "the help of the action stays below the notice")
        # the company that is not a group entity does not count
        everything = self._env(self.entity_a + self.entity_b + self.entity_c)
        complete = action.with_env(everything).sudo().read(["res_model", "help"])[0]["help"]
        self.assertNotIn("group entities you may see", complete)
        self.assertIn("No invoiced revenue yet", complete)
