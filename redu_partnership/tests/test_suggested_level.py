# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import PartnershipCase


@tagged("post_install", "-at_install")
class TestSuggestedLevel(PartnershipCase):
    def test_suggestion_from_cooperation_type(self):
        expected = {
            self.form_strategic: self.level_a,
            self.form_developer: self.level_b,
            self.form_training: self.level_c,
            self.form_occasional: self.level_d,
        }
        for form, level in expected.items():
            with self.subTest(form=form.name):
                partner = self._company(cooperation_form_ids=[Command.set([form.id])])
                self.assertEqual(partner.suggested_partnership_level_id, level)

    def test_no_suggestion_without_forms(self):
        partner = self._company(partnership_level_id=self.level_b.id)
        self.assertFalse(partner.suggested_partnership_level_id)
        self.assertFalse(partner.suggested_level_differs)
        with self.assertRaises(ValidationError):
            partner.action_apply_suggested_level()
        self.assertEqual(partner.partnership_level_id, self.level_b)

    def test_apply_suggested_level(self):
        partner = self._company(
            partnership_level_id=self.level_d.id, cooperation_form_ids=[Command.set([self.form_strategic.id])]
        )
        self.assertTrue(partner.suggested_level_differs)
        partner.action_apply_suggested_level()
        self.assertEqual(partner.partnership_level_id, self.level_a)
        self.assertFalse(partner.suggested_level_differs)
        last = partner.partnership_level_history_ids.sorted("id")[-1]
        self.assertEqual((last.old_level_id, last.new_level_id), (self.level_d, self.level_a))
        self.assertEqual(last.note, "Suggested level applied")

    def test_apply_from_a_contact_changes_the_company(self):
        company = self._company(cooperation_form_ids=[Command.set([self.form_developer.id])])
        person = self.Partner.create({"name": "Person", "parent_id": company.id})
        person.action_apply_suggested_level()
        self.assertEqual(company.partnership_level_id, self.level_b)
        self.assertEqual(person.partnership_level_id, self.level_b)

    def test_search_suggested_level_differs(self):
        same = self._company(
            "Same",
            partnership_level_id=self.level_c.id,
            cooperation_form_ids=[Command.set([self.form_training.id])],
        )
        other = self._company(
            "Other",
            partnership_level_id=self.level_d.id,
            cooperation_form_ids=[Command.set([self.form_training.id])],
        )
        unset = self._company("Unset", cooperation_form_ids=[Command.set([self.form_developer.id])])
        no_forms = self._company("No forms", partnership_level_id=self.level_a.id)
        partners = same | other | unset | no_forms
        differs = self.Partner.search([("id", "in", partners.ids), ("suggested_level_differs", "=", True)])
        self.assertEqual(differs, other | unset)
        agrees = self.Partner.search([("id", "in", partners.ids), ("suggested_level_differs", "=", False)])
        self.assertEqual(agrees, same | no_forms)
        self.assertEqual(partners.filtered("suggested_level_differs"), other | unset)

    def test_suggested_level_rule_is_readable_by_other_modules(self):
        self.assertEqual(
            self.Partner._get_suggested_level_code_by_type(),
            {"strategic": "A", "developer": "B", "training": "C", "occasional": "D"},
        )
        # a caller changing the returned mapping does not change the rule
        self.Partner._get_suggested_level_code_by_type()["strategic"] = "D"
        self.assertEqual(self.Partner._get_suggested_level_code_by_type()["strategic"], "A")

    def test_archived_level_is_not_suggested(self):
        self.level_a.active = False
        partner = self._company(cooperation_form_ids=[Command.set([self.form_strategic.id])])
        self.assertFalse(partner.suggested_partnership_level_id)
