# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import PartnershipCase

PARTNERSHIP_FIELDS = [
    "partnership_level_id",
    "cooperation_form_ids",
    "cooperation_type",
    "partner_org_type",
    "group_company_ids",
    "partnership_review_date",
    "partnership_level_history_ids",
    "suggested_partnership_level_id",
]


@tagged("post_install", "-at_install")
class TestAccess(PartnershipCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.own_partner = cls._company("Own Oy", user_id=cls.partnership_user.id, partnership_level_id=cls.level_c.id)
        cls.foreign_partner = cls._company(
            "Foreign Oy", user_id=cls.partnership_user_2.id, partnership_level_id=cls.level_c.id
        )

    def test_groups_hierarchy(self):
        user_group = self.env.ref("redu_partnership.group_partnership_user")
        manager_group = self.env.ref("redu_partnership.group_partnership_manager")
        self.assertIn(user_group, manager_group.implied_ids)
        self.assertEqual(user_group.privilege_id, manager_group.privilege_id)
        self.assertTrue(self.partnership_manager.has_group("redu_partnership.group_partnership_user"))
        self.assertFalse(self.partnership_user.has_group("redu_partnership.group_partnership_manager"))

    # ------------------------------------------------------------------ internal user without the groups
    def test_internal_user_does_not_see_partnership_fields(self):
        Partner = self.Partner.with_user(self.internal_user)
        described = Partner.fields_get()
        for fname in PARTNERSHIP_FIELDS:
            self.assertNotIn(fname, described)
        self.assertIn("contact_role_ids", described)
        arch = Partner.get_views([(False, "form"), (False, "list"), (False, "search")])["views"]
        for view in arch.values():
            self.assertNotIn("partnership_level_id", view["arch"])
        self.assertNotIn("Working-life partnership", arch["form"]["arch"])
        partner = self.own_partner.with_user(self.internal_user)
        self.assertEqual(partner.name, "Own Oy")
        with self.assertRaises(AccessError):
            partner.read(["partnership_level_id"])
        with self.assertRaises(AccessError):
            Partner.search([("partnership_level_id", "=", self.level_c.id)])

    def test_internal_user_cannot_write_partnership_fields(self):
        partner = self.own_partner.with_user(self.internal_user)
        for vals in (
            {"partnership_level_id": self.level_a.id},
            {"cooperation_form_ids": [Command.set([self.form_strategic.id])]},
            {"partner_org_type": "public"},
            {"partnership_review_date": "2030-01-01"},
        ):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                partner.write(vals)
        with self.assertRaises(AccessError):
            self.Partner.with_user(self.internal_user).create(
                {"name": "New Oy", "is_company": True, "partnership_level_id": self.level_a.id}
            )
        self.assertEqual(self.own_partner.partnership_level_id, self.level_c)

    def test_internal_user_keeps_using_contacts(self):
        Partner = self.Partner.with_user(self.internal_user)
        partner = self.own_partner.with_user(self.internal_user)
        partner.write({"phone": "+358 40 765 4321"})
        person = Partner.create({"name": "New Contact", "parent_id": self.own_partner.id})
        # the contact inherits the company's level through the synchronisation, read as admin here
        self.assertEqual(person.sudo().partnership_level_id, self.level_c)
        person.write(
            {"contact_role_ids": [Command.set([self.env.ref("redu_partnership.contact_role_workplace_instructor").id])]}
        )
        self.assertEqual(person.contact_role_ids.code, "workplace_instructor")
        # configuration: levels and roles readable, nothing editable
        self.assertTrue(self.env["redu.partnership.level"].with_user(self.internal_user).search([]))
        with self.assertRaises(AccessError):
            self.env["redu.cooperation.form"].with_user(self.internal_user).search([])
        with self.assertRaises(AccessError):
            self.env["redu.partnership.level.history"].with_user(self.internal_user).search([])

    # ------------------------------------------------------------------ partnership user
    def test_user_edits_partnership_fields_of_own_partner(self):
        partner = self.own_partner.with_user(self.partnership_user)
        partner.write(
            {
                "partnership_level_id": self.level_b.id,
                "cooperation_form_ids": [Command.set([self.form_developer.id])],
                "partner_org_type": "company",
                "partnership_review_date": "2030-01-01",
            }
        )
        self.assertEqual(partner.partnership_level_id, self.level_b)
        self.assertEqual(partner.cooperation_type, "developer")
        history = partner.partnership_level_history_ids.sorted("id")[-1]
        self.assertEqual(history.user_id, self.partnership_user)
        self.assertEqual(history.new_level_id, self.level_b)
        # unassigned partners too
        new = self.Partner.with_user(self.partnership_user).create(
            {"name": "Unassigned Oy", "is_company": True, "partnership_level_id": self.level_d.id}
        )
        new.partnership_level_id = self.level_c
        self.assertEqual(new.partnership_level_id, self.level_c)

    def test_user_cannot_change_level_of_another_salespersons_partner(self):
        partner = self.foreign_partner.with_user(self.partnership_user)
        with self.assertRaises(AccessError):
            partner.write({"partnership_level_id": self.level_a.id})
        self.assertEqual(self.foreign_partner.partnership_level_id, self.level_c)
        # other partnership fields remain editable
        partner.write({"partner_org_type": "association"})
        self.assertEqual(partner.partner_org_type, "association")

    def test_user_reads_but_does_not_edit_configuration(self):
        Level = self.env["redu.partnership.level"].with_user(self.partnership_user)
        CoopForm = self.env["redu.cooperation.form"].with_user(self.partnership_user)
        Role = self.env["redu.contact.role"].with_user(self.partnership_user)
        self.assertTrue(Level.search([]))
        self.assertTrue(CoopForm.search([]))
        self.assertTrue(Role.search([]))
        with self.assertRaises(AccessError):
            Level.create({"name": "E", "code": "E"})
        with self.assertRaises(AccessError):
            self.level_a.with_user(self.partnership_user).review_interval_months = 3
        with self.assertRaises(AccessError):
            CoopForm.create({"name": "New form"})
        with self.assertRaises(AccessError):
            Role.create({"name": "New role", "code": "new"})

    def test_history_is_read_only(self):
        history = self.own_partner.partnership_level_history_ids
        self.assertTrue(history)
        for user in (self.partnership_user, self.partnership_manager):
            with self.subTest(user=user.login):
                as_user = history.with_user(user)
                self.assertEqual(as_user.new_level_id, self.level_c)
                with self.assertRaises(AccessError):
                    as_user.write({"note": "rewritten"})
                with self.assertRaises(AccessError):
                    as_user.unlink()
                with self.assertRaises(AccessError):
                    self.History.with_user(user).create(
                        {"partner_id": self.own_partner.id, "new_level_id": self.level_a.id}
                    )

    # ------------------------------------------------------------------ manager
    def test_manager_changes_any_level_and_configuration(self):
        partner = self.foreign_partner.with_user(self.partnership_manager)
        partner.write({"partnership_level_id": self.level_a.id})
        self.assertEqual(self.foreign_partner.partnership_level_id, self.level_a)
        level = (
            self.env["redu.partnership.level"]
            .with_user(self.partnership_manager)
            .create({"name": "Extra level", "code": "E", "sequence": 50, "review_interval_months": 36})
        )
        level.review_interval_months = 30
        coop_form = (
            self.env["redu.cooperation.form"]
            .with_user(self.partnership_manager)
            .create({"name": "Mentoring", "knowledge_sharing": 6, "knowledge_renewal": 6})
        )
        self.assertEqual(coop_form.cooperation_type, "strategic")
        role = (
            self.env["redu.contact.role"]
            .with_user(self.partnership_manager)
            .create({"name": "Mentor", "code": "mentor"})
        )
        role.unlink()
        self.assertFalse(role.exists())
