# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from unittest.mock import patch

from odoo.exceptions import ValidationError
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestPartnerHierarchy(TransactionCase):
    """Core's refusal of a cycle of parents holds, its recursive query run only where a cycle can be: on the
    partners with a child."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.group = Partner.create({"name": "Konserni Oy", "is_company": True})
        cls.company = Partner.create({"name": "Tytäryhtiö Oy", "is_company": True, "parent_id": cls.group.id})
        cls.contact = Partner.create({"name": "Maija Mallikas", "parent_id": cls.company.id})

    def _cycle_checks(self):
        """A patch recording the partners whose chain of parents core walks (``_has_cycle``)."""
        Partner = type(self.env["res.partner"])
        return patch.object(Partner, "_has_cycle", autospec=True, side_effect=Partner._has_cycle)

    def test_a_cycle_of_parents_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "recursive"):
            self.group.parent_id = self.contact

    def test_a_partner_is_not_its_own_parent(self):
        with self.assertRaisesRegex(ValidationError, "recursive"):
            self.company.parent_id = self.company

    def test_an_archived_child_closes_a_cycle(self):
        # a child that the user would not see still closes the cycle
        self.contact.active = False
        with self.assertRaisesRegex(ValidationError, "recursive"):
            self.group.write({"parent_id": self.contact.id})

    def test_new_contacts_are_not_walked_for_a_cycle(self):
        with self._cycle_checks() as has_cycle:
            contacts = self.env["res.partner"].create(
                [{"name": f"Ohjaaja {number}", "parent_id": self.company.id} for number in range(5)]
            )
        self.assertEqual(contacts.parent_id, self.company)
        has_cycle.assert_not_called()
        # a partner with a child is walked when its parent changes, and only it
        with self._cycle_checks() as has_cycle:
            (self.company | contacts[0]).write({"parent_id": self.group.id})
        self.assertEqual([call.args[0] for call in has_cycle.call_args_list], [self.company])
