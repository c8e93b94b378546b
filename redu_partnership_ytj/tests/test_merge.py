# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import datetime

from odoo.exceptions import AccessError

from .common import ACTIVE_ID, YtjCase


class TestMerge(YtjCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.level_a = ref("redu_partnership.partnership_level_a")
        cls.level_c = ref("redu_partnership.partnership_level_c")
        cls.form_apprenticeship = ref("redu_partnership.cooperation_form_apprenticeship")
        cls.form_recruitment = ref("redu_partnership.cooperation_form_recruitment_event")
        Company = cls.env["res.company"]
        cls.entity_1 = Company.create({"name": "Entity one (test)", "is_redu_group_entity": True})
        cls.entity_2 = Company.create({"name": "Entity two (test)", "is_redu_group_entity": True})
        cls.kept = cls._company(
            "Lapin Rakennus Oy",
            company_registry=ACTIVE_ID,
            city="Rovaniemi",
            partnership_level_id=cls.level_c.id,
            partnership_review_date=datetime.date(2031, 5, 1),
            cooperation_form_ids=[(6, 0, cls.form_recruitment.ids)],
            group_company_ids=[(6, 0, cls.entity_1.ids)],
        )
        cls.merged = cls._company(
            "LAPIN RAKENNUS OY",
            city="Rovaniemi",
            email="toimisto@lapinrakennus.fi",
            partnership_level_id=cls.level_a.id,
            partnership_review_date=datetime.date(2030, 2, 1),
            cooperation_form_ids=[(6, 0, (cls.form_apprenticeship | cls.form_recruitment).ids)],
            group_company_ids=[(6, 0, cls.entity_2.ids)],
        )
        cls.instructor = cls.Partner.create({"name": "Mikko Korhonen", "parent_id": cls.merged.id})

    def _merge(self, user):
        wizard = (
            self.env["base.partner.merge.automatic.wizard"]
            .with_user(user)
            .with_context(active_model="res.partner", active_ids=(self.kept | self.merged).ids)
            .create({"dst_partner_id": self.kept.id})
        )
        wizard.action_merge()

    def test_merge_keeps_the_higher_level_earlier_review_and_every_related_record(self):
        self.assertEqual(self.kept.cooperation_type, "occasional")
        merged_history = self.env["redu.partnership.level.history"].search([("partner_id", "=", self.merged.id)])
        self.assertTrue(merged_history)
        self._merge(self.manager)
        self.assertFalse(self.merged.exists())
        kept = self.kept
        self.assertEqual(kept.partnership_level_id, self.level_a, "the higher level wins")
        self.assertEqual(kept.partnership_review_date, datetime.date(2030, 2, 1), "the earlier review date wins")
        self.assertEqual(kept.cooperation_form_ids, self.form_apprenticeship | self.form_recruitment)
        self.assertEqual(kept.group_company_ids, self.entity_1 | self.entity_2, "the union of the group entities")
        self.assertEqual(kept.cooperation_type, "training", "recomputed from the united forms (was occasional)")
        self.assertEqual(self.instructor.parent_id, kept, "the instructors follow")
        self.assertEqual(self.instructor.group_company_ids, kept.group_company_ids, "the contacts get the union too")
        self.assertEqual(merged_history.partner_id, kept, "the level history follows")
        history = self.env["redu.partnership.level.history"].search([("partner_id", "=", kept.id)], limit=1)
        self.assertEqual((history.new_level_id, history.note), (self.level_a, "Merge of partners"))
        note = kept.message_ids.filtered(lambda m: "merged into this one" in str(m.body))
        self.assertIn("LAPIN RAKENNUS OY", str(note.body))
        self.assertIn("A", str(note.body))

    def test_merge_carries_the_system_s_fields_over(self):
        """The fields only the system writes (register data, level code) reach the kept partner,
        though Odoo's merge writes as the partnership manager, whom the write guard refuses them."""
        self.merged.write(
            {"ytj_status": "ceased", "ytj_name": "Lapin Rakennus Oy", "ytj_fetch_date": "2026-01-02 00:00:00"}
        )
        self.kept.write({"ytj_company_form": "Osakeyhtiö", "ytj_name": "Lapin Rakennus Oy (kept)"})
        self._merge(self.manager)
        kept = self.kept
        self.assertEqual(
            (kept.ytj_status, kept.ytj_company_form, kept.ytj_name, str(kept.ytj_fetch_date)),
            ("ceased", "Osakeyhtiö", "Lapin Rakennus Oy (kept)", "2026-01-02 00:00:00"),
            "the kept partner's value wins, the merged one's fills the gaps (as in Odoo's merge)",
        )
        self.assertEqual(kept.partnership_level_code, "A")
        note = kept.message_ids.filtered(lambda m: "merged into this one" in str(m.body))
        self.assertIn("level history lines", str(note.body), "counted by redu_partnership's hook")

    def test_fields_get_shows_every_field_whatever_the_context(self):
        """The merge needs no context key: the one that hid fields from ``fields_get`` does nothing."""
        fnames = ("name", "ytj_status", "ytj_name", "partnership_level_code")
        described = (
            self.Partner.with_user(self.manager)
            .with_context(redu_fields_get_skip=fnames)
            .fields_get(attributes=["type", "readonly"])
        )
        self.assertLessEqual(set(fnames), set(described))
        self.assertTrue(described["ytj_status"]["readonly"], "shown, and read-only for the user")

    def test_only_partnership_managers_merge(self):
        for user in (self.sales, new_contacts_user(self.env)):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self._merge(user)
        self.assertTrue(self.merged.exists())


def new_contacts_user(env):
    from odoo.tests import new_test_user

    return new_test_user(env, login="ytj_contacts", groups="base.group_user,base.group_partner_manager")
