# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The figures of the dashboard "Customer management": binding goal 2."""

import datetime

from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.tests import TransactionCase, new_test_user, tagged

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT

from .common import DashboardDataMixin


@tagged("post_install", "-at_install")
class TestDashboardPartners(DashboardDataMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **DISABLED_MAIL_CONTEXT))
        cls.dashboard = cls._dashboard("partners")
        cls.entity_a, cls.entity_b = cls.env["res.company"].create(
            [
                {"name": "Dashboard Entity A", "is_redu_group_entity": True},
                {"name": "Dashboard Entity B", "is_redu_group_entity": True},
            ]
        )
        cls.entities = cls.entity_a + cls.entity_b
        cls.manager = new_test_user(
            cls.env,
            "redu_dash_partner_manager",
            groups="redu_partnership.group_partnership_manager",
            company_id=cls.entity_a.id,
            company_ids=[Command.set(cls.entities.ids)],
        )
        cls.salesperson = new_test_user(cls.env, "redu_dash_salesperson", groups="base.group_user")
        Level = cls.env["redu.partnership.level"]
        cls.level = {code: Level.search([("code", "=", code)]) for code in "ABCD"}
        forms = cls.env["redu.cooperation.form"].search([])
        cls.form_by_type = {}
        for form in forms:
            partner_type = cls.env["res.partner"].new({"cooperation_form_ids": [Command.set(form.ids)]})
            cls.form_by_type.setdefault(partner_type.cooperation_type, form)
        # today as the dashboard's domains read it ("today"): in the time zone of the user who reads
        today = fields.Date.context_today(cls.env(user=cls.manager)["res.users"])
        a, b = cls.entity_a.id, cls.entity_b.id
        Partner = cls.env["res.partner"]
        cls.partners = Partner.create(
            [
                {
                    "name": "Strategic Oy",
                    "is_company": True,
                    "group_company_ids": [Command.set([a, b])],
                    "partnership_level_id": cls.level["A"].id,
                    "user_id": cls.salesperson.id,
                    "cooperation_form_ids": [Command.set(cls.form_by_type["strategic"].ids)],
                },
                {
                    "name": "Training Oy",
                    "is_company": True,
                    "group_company_ids": [Command.set([a])],
                    "partnership_level_id": cls.level["C"].id,
                    "cooperation_form_ids": [Command.set(cls.form_by_type["training"].ids)],
                },
                {"name": "No Level Oy", "is_company": True, "group_company_ids": [Command.set([a])]},
                {
                    "name": "Maija Yrittäjä",
                    "partner_org_type": "individual",
                    "group_company_ids": [Command.set([b])],
                    "partnership_level_id": cls.level["D"].id,
                    "user_id": cls.salesperson.id,
                },
                # neither an organisation nor a person with an organisation type: not a partner
                {"name": "Private Person", "group_company_ids": [Command.set([b])]},
            ]
        )
        # the review of Training Oy is overdue, the others are ahead
        cls.partners[1].partnership_review_date = today - datetime.timedelta(days=1)
        cls.partners[0].partnership_review_date = today + relativedelta(months=3)
        # the contact of an organisation is not counted on its own
        Partner.create({"name": "Contact of Strategic", "parent_id": cls.partners[0].id})
        # a level change of last year
        cls.env["redu.partnership.level.history"].search([("partner_id", "in", cls.partners.ids)])[
            :1
        ].date = datetime.datetime(today.year - 1, 5, 5)

    def _read(self, name):
        return self._read_pivot(self.env(user=self.manager), self.dashboard, name, self.entities)

    def test_partners_and_share_with_a_level_per_entity(self):
        a, b = self.entity_a.id, self.entity_b.id
        # A: Strategic (A), Training (C), No Level: 2 of 3; B: Strategic (A), Maija (D): 2 of 2
        rows = self._read("Partners with a level")
        self.assertEqual(
            {key: [values[0], round(values[1], 2)] for key, values in rows.items()},
            {
                (a,): [3, 66.67],
                (b,): [2, 100.0],
            },
        )

    def test_level_distribution_per_entity(self):
        a, b = self.entity_a.id, self.entity_b.id
        self.assertEqual(
            self._read("Level distribution"),
            {
                (a, self.level["A"].id): [1],
                (a, self.level["C"].id): [1],
                (a, False): [1],
                (b, self.level["A"].id): [1],
                (b, self.level["D"].id): [1],
            },
        )

    def test_level_changes_of_the_period_and_the_previous_period(self):
        current = self._read("Level changes")
        previous = self._read("Level changes - previous")
        # three partners got their first level: one of the changes is dated last year
        self.assertEqual(sum(values[0] for values in current.values()), 2)
        self.assertEqual(sum(values[0] for values in previous.values()), 1)
        self.assertEqual({key[1] for key in current | previous}, {"initial"})

    def test_reviews_overdue_per_entity(self):
        self.assertEqual(self._read("Reviews overdue"), {(self.entity_a.id,): [1]})

    def test_partners_with_an_account_manager_per_entity(self):
        self.assertEqual(self._read("Account manager"), {(self.entity_a.id,): [1], (self.entity_b.id,): [2]})

    def test_cooperation_type_quadrant_per_entity(self):
        a, b = self.entity_a.id, self.entity_b.id
        self.assertEqual(
            self._read("Cooperation types"),
            {
                (a, "strategic"): [1],
                (a, "training"): [1],
                (a, False): [1],
                (b, "strategic"): [1],
                (b, False): [1],
            },
        )

    def test_charts_levels_cooperation_types_and_level_changes_per_year(self):
        env = self.env(user=self.manager)
        a, b = self.entity_a.id, self.entity_b.id
        self.assertEqual(
            self._read_chart(env, self.dashboard, "Partners per partnership level", self.entities),
            {(self.level["A"].id,): 1, (self.level["C"].id,): 1, (self.level["D"].id,): 1, (False,): 1},
        )
        types = self._read_chart(env, self.dashboard, "Cooperation types per group entity", self.entities)
        self.assertEqual(types[(a, "strategic")], 1)
        self.assertEqual(types[(a, "training")], 1)
        self.assertEqual(types[(b, "strategic")], 1)
        self.assertEqual(sum(types.values()), 5)  # Strategic Oy counted under both entities
        year = fields.Date.context_today(env["res.users"]).year
        per_year = self._read_chart(env, self.dashboard, "Level changes per year", self.entities)
        self.assertEqual(
            per_year, {(datetime.datetime(year - 1, 1, 1), "initial"): 1, (datetime.datetime(year, 1, 1), "initial"): 2}
        )
        per_month = self._read_chart(env, self.dashboard, "Level changes per month", self.entities)
        self.assertEqual(sum(per_month.values()), 2)  # the period only
