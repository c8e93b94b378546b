# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.tests import tagged

from .common import PartnershipCase


@tagged("post_install", "-at_install")
class TestPartnershipAnalysis(PartnershipCase):
    def test_partners_by_level_type_and_entity(self):
        entity_a = self.env["res.company"].create({"name": "Entity A", "is_redu_group_entity": True})
        entity_b = self.env["res.company"].create({"name": "Entity B", "is_redu_group_entity": True})
        partners = self.Partner.create(
            [
                {
                    "name": "P1",
                    "is_company": True,
                    "partnership_level_id": self.level_a.id,
                    "cooperation_form_ids": [Command.set(self.form_strategic.ids)],
                    "group_company_ids": [Command.set((entity_a | entity_b).ids)],
                },
                {
                    "name": "P2",
                    "is_company": True,
                    "partnership_level_id": self.level_a.id,
                    "cooperation_form_ids": [Command.set(self.form_strategic.ids)],
                    "group_company_ids": [Command.set(entity_a.ids)],
                },
                {
                    "name": "P3",
                    "is_company": True,
                    "partnership_level_id": self.level_c.id,
                    "cooperation_form_ids": [Command.set(self.form_training.ids)],
                    "group_company_ids": [Command.set(entity_b.ids)],
                },
            ]
        )
        groups = self.Partner._read_group(
            [("id", "in", partners.ids)],
            ["partnership_level_id", "cooperation_type", "group_company_ids"],
            ["__count"],
        )
        counts = {(level.code, ctype, entity.name): count for level, ctype, entity, count in groups}
        self.assertEqual(
            counts,
            {("A", "strategic", "Entity A"): 2, ("A", "strategic", "Entity B"): 1, ("C", "training", "Entity B"): 1},
        )

    def test_level_changes_per_year(self):
        partner = self._company(partnership_level_id=self.level_d.id)
        partner.partnership_level_id = self.level_c
        partner.partnership_level_id = self.level_d
        groups = self.History._read_group(
            [("partner_id", "=", partner.id)], ["date:year", "change_direction"], ["__count"]
        )
        counts = {direction: count for _year, direction, count in groups}
        self.assertEqual(counts, {"initial": 1, "up": 1, "down": 1})
        self.assertEqual(len({year for year, _direction, _count in groups}), 1)

    def test_analysis_views_load(self):
        for xmlid in (
            "redu_partnership.res_partner_action_partnership",
            "redu_partnership.res_partner_action_partnership_analysis",
            "redu_partnership.redu_partnership_level_history_action",
            "redu_partnership.redu_partnership_level_history_action_analysis",
        ):
            action = self.env.ref(xmlid)
            views = [(view.view_id.id, view.view_mode) for view in action.view_ids] or [
                (False, mode) for mode in action.view_mode.split(",")
            ]
            result = self.env[action.res_model].with_user(self.partnership_user).get_views(views)
            self.assertTrue(result["views"], xmlid)
