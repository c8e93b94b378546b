# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import PartnershipCase


@tagged("post_install", "-at_install")
class TestCooperationType(PartnershipCase):
    def _form(self, sharing, renewal):
        return self.Form.create(
            {"name": f"{sharing}/{renewal}", "knowledge_sharing": sharing, "knowledge_renewal": renewal}
        )

    def test_quadrant_at_the_boundaries(self):
        cases = {
            (4, 4): "occasional",
            (5, 4): "training",
            (4, 5): "developer",
            (5, 5): "strategic",
            (0, 0): "occasional",
            (10, 0): "training",
            (0, 10): "developer",
            (10, 10): "strategic",
        }
        for (sharing, renewal), expected in cases.items():
            with self.subTest(sharing=sharing, renewal=renewal):
                self.assertEqual(self._form(sharing, renewal).cooperation_type, expected)

    def test_quadrant_follows_a_change_of_the_axes(self):
        form = self._form(5, 4)
        self.assertEqual(form.cooperation_type, "training")
        form.knowledge_renewal = 5
        self.assertEqual(form.cooperation_type, "strategic")
        form.knowledge_sharing = 4
        self.assertEqual(form.cooperation_type, "developer")

    def test_out_of_range_axis_refused(self):
        for sharing, renewal in ((-1, 0), (11, 0), (0, -1), (0, 11)):
            with self.subTest(sharing=sharing, renewal=renewal), self.assertRaises(ValidationError) as caught:
                with mute_logger("odoo.sql_db"):
                    self._form(sharing, renewal)
            self.assertIn("between 0 and 10", str(caught.exception))
        self.assertFalse(self.Form.search([("name", "in", ["-1/0", "11/0", "0/-1", "0/11"])]))

    def test_out_of_range_write_refused_nothing_written(self):
        form = self._form(3, 3)
        with self.assertRaises(ValidationError):
            form.write({"knowledge_sharing": 12})
        form.invalidate_recordset()
        self.assertEqual(form.knowledge_sharing, 3)

    def test_partner_without_forms_has_no_type(self):
        partner = self._company()
        self.assertFalse(partner.cooperation_type)

    def test_partner_takes_the_maximum_of_each_axis(self):
        # training (8, 2) + developer (2, 8): max sharing 8 and max renewal 8 -> strategic
        partner = self._company(cooperation_form_ids=[Command.set([self.form_training.id, self.form_developer.id])])
        self.assertEqual(partner.cooperation_type, "strategic")
        partner.cooperation_form_ids = [Command.set([self.form_training.id, self.form_occasional.id])]
        self.assertEqual(partner.cooperation_type, "training")
        partner.cooperation_form_ids = [Command.set([self.form_occasional.id, self.form_developer.id])]
        self.assertEqual(partner.cooperation_type, "developer")
        partner.cooperation_form_ids = [Command.set([self.form_occasional.id])]
        self.assertEqual(partner.cooperation_type, "occasional")
        partner.cooperation_form_ids = [Command.clear()]
        self.assertFalse(partner.cooperation_type)

    def test_partner_type_follows_a_change_of_a_form(self):
        form = self._form(6, 1)
        partner = self._company(cooperation_form_ids=[Command.set([form.id, self.form_occasional.id])])
        self.assertEqual(partner.cooperation_type, "training")
        form.knowledge_renewal = 7
        self.assertEqual(partner.cooperation_type, "strategic")
        self.assertEqual(
            self.Partner.search_count([("id", "=", partner.id), ("cooperation_type", "=", "strategic")]), 1
        )

    def test_partner_form_shows_type_and_suggestion_while_editing(self):
        with Form(self.Partner.with_context(default_is_company=True)) as partner_form:
            partner_form.name = "Form Oy"
            partner_form.cooperation_form_ids.add(self.form_developer)
            self.assertEqual(partner_form.cooperation_type, "developer")
            self.assertEqual(partner_form.suggested_partnership_level_id, self.level_b)
            partner_form.cooperation_form_ids.add(self.form_training)
            self.assertEqual(partner_form.cooperation_type, "strategic")
            self.assertEqual(partner_form.suggested_partnership_level_id, self.level_a)
        self.assertEqual(partner_form.record.cooperation_type, "strategic")

    def test_working_life_partners_open_in_the_contacts_form(self):
        action = self.env["ir.actions.actions"]._for_xml_id("redu_partnership.res_partner_action_partnership")
        self.assertIn((False, "form"), [tuple(view) for view in action["views"]])
        Partner = self.Partner.with_user(self.partnership_user)
        form = Partner.get_views([(False, "form")])["views"]["form"]
        contacts_action = self.env["ir.actions.actions"]._for_xml_id("contacts.action_contacts")
        contacts_form_id = {mode: view_id for view_id, mode in contacts_action["views"]}.get("form")
        self.assertEqual(form["id"], Partner.get_views([(contacts_form_id, "form")])["views"]["form"]["id"])
        for fname in ("partnership_level_id", "cooperation_form_ids", "group_company_ids"):
            self.assertIn(f'name="{fname}"', form["arch"])

    def test_contacts_show_the_company_values(self):
        company = self._company(
            partnership_level_id=self.level_b.id,
            cooperation_form_ids=[Command.set([self.form_training.id])],
            partner_org_type="public",
        )
        person = self.Partner.create({"name": "Person", "parent_id": company.id})
        self.assertEqual(person.partnership_level_id, self.level_b)
        self.assertEqual(person.cooperation_type, "training")
        self.assertEqual(person.partner_org_type, "public")
        company.write(
            {
                "partnership_level_id": self.level_a.id,
                "cooperation_form_ids": [Command.link(self.form_developer.id)],
            }
        )
        self.assertEqual(person.partnership_level_id, self.level_a)
        self.assertEqual(person.cooperation_type, "strategic")
