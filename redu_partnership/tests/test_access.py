# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Access rights: one test per access pair (group x model) and per rule of the addon."""

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

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
    "suggested_level_differs",
]


@tagged("post_install", "-at_install")
class TestGroups(PartnershipCase):
    def test_manager_group_implies_user_group(self):
        self.assertTrue(self.partnership_manager.has_group("redu_partnership.group_partnership_user"))
        self.assertFalse(self.partnership_user.has_group("redu_partnership.group_partnership_manager"))

    def test_user_group_implies_editing_contacts(self):
        user = new_test_user(self.env, login="redu_only_partnership", groups="redu_partnership.group_partnership_user")
        self.assertTrue(user.has_group("base.group_user"))
        self.assertTrue(user.has_group("base.group_partner_manager"))


@tagged("post_install", "-at_install")
class TestAccessRights(PartnershipCase):
    """ir.model.access: who reads and who changes the configuration and the history."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.partner = cls._company("History Oy", partnership_level_id=cls.level_c.id)
        cls.history = cls.partner.partnership_level_history_ids
        cls.role = cls.env.ref("redu_partnership.contact_role_workplace_instructor")

    def _assert_read_only(self, record, user, write_vals, create_vals):
        as_user = record.with_user(user)
        self.assertTrue(as_user.read(list(write_vals)))
        with self.assertRaises(AccessError):
            as_user.write(write_vals)
        with self.assertRaises(AccessError):
            as_user.create(create_vals)
        with self.assertRaises(AccessError):
            as_user.unlink()

    def _assert_full_access(self, model, user, create_vals, write_vals):
        record = self.env[model].with_user(user).create(create_vals)
        record.write(write_vals)
        self.assertRecordValues(record, [write_vals])
        record.unlink()
        self.assertFalse(record.exists())

    # partnership levels
    def test_internal_user_reads_levels_but_cannot_change_them(self):
        self._assert_read_only(
            self.level_a, self.internal_user, {"review_interval_months": 3}, {"name": "E", "code": "E"}
        )

    def test_manager_creates_writes_and_deletes_levels(self):
        self._assert_full_access(
            "redu.partnership.level", self.partnership_manager, {"name": "Extra", "code": "E"}, {"sequence": 50}
        )

    # cooperation forms
    def test_internal_user_cannot_read_cooperation_forms(self):
        with self.assertRaises(AccessError):
            self.env["redu.cooperation.form"].with_user(self.internal_user).search([])

    def test_partnership_user_reads_cooperation_forms_but_cannot_change_them(self):
        self._assert_read_only(
            self.form_training, self.partnership_user, {"knowledge_sharing": 1}, {"name": "New form"}
        )

    def test_manager_creates_writes_and_deletes_cooperation_forms(self):
        self._assert_full_access(
            "redu.cooperation.form", self.partnership_manager, {"name": "Mentoring"}, {"knowledge_sharing": 6}
        )

    # contact roles
    def test_internal_user_reads_contact_roles_but_cannot_change_them(self):
        self._assert_read_only(self.role, self.internal_user, {"sequence": 1}, {"name": "Mentor", "code": "mentor"})

    def test_manager_creates_writes_and_deletes_contact_roles(self):
        self._assert_full_access(
            "redu.contact.role", self.partnership_manager, {"name": "Mentor", "code": "mentor"}, {"sequence": 99}
        )

    # level history
    def test_internal_user_cannot_read_level_history(self):
        with self.assertRaises(AccessError):
            self.History.with_user(self.internal_user).search([])

    def test_partnership_user_reads_level_history_but_cannot_change_it(self):
        self._assert_read_only(
            self.history,
            self.partnership_user,
            {"note": "rewritten"},
            {"partner_id": self.partner.id, "new_level_id": self.level_a.id},
        )

    def test_manager_reads_level_history_but_cannot_change_it(self):
        self._assert_read_only(
            self.history,
            self.partnership_manager,
            {"note": "rewritten"},
            {"partner_id": self.partner.id, "new_level_id": self.level_a.id},
        )


@tagged("post_install", "-at_install")
class TestPartnershipFieldsRule(PartnershipCase):
    """The partnership fields of a partner exist only for the partnership users; Contacts keeps
    working for everyone else."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.partner = cls._company("Own Oy", user_id=cls.partnership_user.id, partnership_level_id=cls.level_c.id)

    def test_internal_user_is_not_told_of_the_partnership_fields(self):
        described = self.Partner.with_user(self.internal_user).fields_get()
        for fname in PARTNERSHIP_FIELDS:
            self.assertNotIn(fname, described)
        self.assertIn("contact_role_ids", described)

    def test_internal_user_views_show_no_partnership_field(self):
        views = self.Partner.with_user(self.internal_user).get_views(
            [(False, "form"), (False, "list"), (False, "kanban"), (False, "search")]
        )["views"]
        for view_type, view in views.items():
            with self.subTest(view_type=view_type):
                for fname in PARTNERSHIP_FIELDS:
                    self.assertNotIn(f'name="{fname}"', view["arch"])
        self.assertNotIn('name="redu_partnership"', views["form"]["arch"])

    def test_partnership_user_views_show_the_partnership_fields(self):
        form = self.Partner.with_user(self.partnership_user).get_views([(False, "form")])["views"]["form"]["arch"]
        for fname in ("partnership_level_id", "cooperation_form_ids", "group_company_ids", "cooperation_type"):
            self.assertIn(f'name="{fname}"', form)

    def test_internal_user_cannot_read_partnership_fields(self):
        partner = self.partner.with_user(self.internal_user)
        self.assertEqual(partner.read(["name"])[0]["name"], "Own Oy")
        with self.assertRaises(AccessError):
            partner.read(["partnership_level_id"])

    def test_internal_user_cannot_search_on_partnership_fields(self):
        with self.assertRaises(AccessError):
            self.Partner.with_user(self.internal_user).search([("partnership_level_id", "=", self.level_c.id)])

    def test_internal_user_cannot_write_partnership_fields(self):
        partner = self.partner.with_user(self.internal_user)
        for vals in (
            {"partnership_level_id": self.level_a.id},
            {"cooperation_form_ids": [Command.set([self.form_strategic.id])]},
            {"partner_org_type": "public"},
            {"partnership_review_date": "2030-01-01"},
        ):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                partner.write(vals)
        self.assertEqual(self.partner.partnership_level_id, self.level_c)

    def test_internal_user_cannot_create_a_partner_with_a_level(self):
        with self.assertRaises(AccessError):
            self.Partner.with_user(self.internal_user).create(
                {"name": "New Oy", "is_company": True, "partnership_level_id": self.level_a.id}
            )

    def test_internal_user_edits_contacts_of_a_partner(self):
        self.partner.with_user(self.internal_user).write({"phone": "+358 40 765 4321"})
        self.assertEqual(self.partner.phone, "+358 40 765 4321")
        person = self.Partner.with_user(self.internal_user).create(
            {"name": "New Contact", "parent_id": self.partner.id}
        )
        # the contact gets the company's level through the synchronisation (read as admin here)
        self.assertEqual(person.sudo().partnership_level_id, self.level_c)

    def test_internal_user_sets_contact_roles(self):
        person = self.Partner.create({"name": "Person", "parent_id": self.partner.id})
        instructor = self.env.ref("redu_partnership.contact_role_workplace_instructor")
        person.with_user(self.internal_user).write({"contact_role_ids": [Command.set(instructor.ids)]})
        self.assertEqual(person.contact_role_ids, instructor)


@tagged("post_install", "-at_install")
class TestLevelChangeRule(PartnershipCase):
    """A partnership user changes the level of their own partners and of partners without a
    salesperson; a manager changes the level of any partner."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.own_partner = cls._company("Own Oy", user_id=cls.partnership_user.id, partnership_level_id=cls.level_c.id)
        cls.foreign_partner = cls._company(
            "Foreign Oy", user_id=cls.partnership_user_2.id, partnership_level_id=cls.level_c.id
        )
        cls.unassigned_partner = cls._company("Unassigned Oy", partnership_level_id=cls.level_d.id)

    def test_user_changes_the_level_of_own_partner(self):
        self.own_partner.with_user(self.partnership_user).write({"partnership_level_id": self.level_b.id})
        self.assertEqual(self.own_partner.partnership_level_id, self.level_b)
        last = self.own_partner.partnership_level_history_ids.sorted("id")[-1]
        self.assertEqual((last.new_level_id, last.user_id), (self.level_b, self.partnership_user))

    def test_user_changes_the_level_of_unassigned_partner(self):
        self.unassigned_partner.with_user(self.partnership_user).write({"partnership_level_id": self.level_c.id})
        self.assertEqual(self.unassigned_partner.partnership_level_id, self.level_c)

    def test_user_creates_a_partner_with_a_level(self):
        partner = self.Partner.with_user(self.partnership_user).create(
            {"name": "New Oy", "is_company": True, "partnership_level_id": self.level_d.id}
        )
        self.assertEqual(partner.partnership_level_id, self.level_d)

    def test_user_cannot_change_the_level_of_another_salespersons_partner(self):
        with self.assertRaises(AccessError):
            self.foreign_partner.with_user(self.partnership_user).write({"partnership_level_id": self.level_a.id})
        self.assertEqual(self.foreign_partner.partnership_level_id, self.level_c)

    def test_user_cannot_take_over_another_salespersons_partner(self):
        """Becoming the salesperson first was a way around the level rule."""
        for user_id in (self.partnership_user.id, False):
            with self.assertRaises(AccessError):
                self.foreign_partner.with_user(self.partnership_user).write({"user_id": user_id})
        self.assertEqual(self.foreign_partner.user_id, self.partnership_user_2)
        with self.assertRaises(AccessError):
            self.foreign_partner.with_user(self.partnership_user).write({"partnership_level_id": self.level_a.id})
        self.assertEqual(self.foreign_partner.partnership_level_id, self.level_c)

    def test_salesperson_changes_that_stay_allowed(self):
        # a user hands over their own partner and takes an unassigned one; a manager reassigns any
        self.own_partner.with_user(self.partnership_user).write({"user_id": self.partnership_user_2.id})
        self.unassigned_partner.with_user(self.partnership_user).write({"user_id": self.partnership_user.id})
        self.foreign_partner.with_user(self.partnership_manager).write({"user_id": self.partnership_user.id})
        self.assertEqual(
            (self.own_partner | self.unassigned_partner | self.foreign_partner).mapped("user_id"),
            self.partnership_user_2 | self.partnership_user,
        )
        self.assertEqual(self.foreign_partner.user_id, self.partnership_user)

    def test_user_edits_other_partnership_fields_of_another_salespersons_partner(self):
        self.foreign_partner.with_user(self.partnership_user).write(
            {
                "partner_org_type": "association",
                "cooperation_form_ids": [Command.set([self.form_developer.id])],
                "partnership_review_date": "2030-01-01",
            }
        )
        self.assertEqual(self.foreign_partner.partner_org_type, "association")
        self.assertEqual(self.foreign_partner.cooperation_type, "developer")

    def test_manager_changes_the_level_of_any_partner(self):
        self.foreign_partner.with_user(self.partnership_manager).write({"partnership_level_id": self.level_a.id})
        self.assertEqual(self.foreign_partner.partnership_level_id, self.level_a)
