# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The company check of many agreements at once (redu.company.check.mixin): set-based, with Odoo's
refusals and messages."""

from unittest.mock import patch

from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.redu_base.models.redu_company_check_mixin import ReduCompanyCheckMixin

from .common import BID_C, FeedbackCase


def every_record_suspect(records, fnames=None):
    """Odoo's own check on every record (what the mixin's batched check must equal)."""
    return records


@tagged("post_install", "-at_install")
class TestCompanyCheck(FeedbackCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.own_employer = cls.Partner.create(
            {"name": "Tunturin Testi Oy", "is_company": True, "company_registry": BID_C, "company_id": cls.company.id}
        )
        cls.foreign_employer = cls.Partner.create(
            {"name": "Santasportin Testi Oy", "is_company": True, "company_id": cls.other_company.id}
        )

    def _vals_list(self, count, **values):
        """``count`` agreements, alternately of the two entities, with their own partners or shared ones."""
        vals_list = []
        for index in range(count):
            own = index % 2 == 0
            vals = {
                "name": f"CC-{index:02d}",
                "source_ref": f"CC-{index:02d}",
                "company_id": (self.company if own else self.other_company).id,
                "employer_id": (self.own_employer if own else self.foreign_employer).id,
            }
            vals_list.append(self._agreement_vals(**dict(vals, **values)))
        return vals_list

    def test_many_agreements_of_consistent_partners_are_checked_by_company(self):
        agreements = self.Agreement.create(self._vals_list(20))
        self.assertEqual(len(agreements), 20)
        Partner = type(self.Partner)
        with patch.object(
            Partner, "_check_company_domain", autospec=True, side_effect=Partner._check_company_domain
        ) as domain:
            agreements._check_company(["employer_id", "instructor_id"])
        self.assertEqual(domain.call_count, 4, "one domain per entity and field, not one per agreement (40)")

    def test_many_agreements_with_a_partner_of_another_entity_are_refused_as_odoo_does(self):
        vals_list = self._vals_list(20)
        vals_list[7]["employer_id"] = self.own_employer.id  # of the first entity, in the other one
        vals_list[12]["employer_id"] = self.foreign_employer.id  # of the other entity, in the first one
        with self.assertRaises(UserError) as batched:
            self.Agreement.create(vals_list)
        with (
            patch.object(ReduCompanyCheckMixin, "_redu_company_check_suspects", every_record_suspect),
            self.assertRaises(UserError) as core,
        ):
            self.Agreement.create(vals_list)
        self.assertEqual(str(batched.exception), str(core.exception))
        self.assertRegex(str(batched.exception), r"(?s)company inconsistencies.*“CC-07”.*“CC-12”.*no company crossover")
        self.assertFalse(self.Agreement.search([("source_ref", "=like", "CC-%")]), "nothing created")

        # a move of many agreements: the one whose employer is of the other entity is refused
        agreements = self.Agreement.create(self._vals_list(6, employer_id=self.employer.id))
        agreements[2].employer_id = self.own_employer  # of its entity, the first one
        with self.assertRaises(UserError) as batched:
            agreements.write({"company_id": self.other_company.id})
        with (
            patch.object(ReduCompanyCheckMixin, "_redu_company_check_suspects", every_record_suspect),
            self.assertRaises(UserError) as core,
        ):
            agreements.write({"company_id": self.other_company.id})
        self.assertEqual(str(batched.exception), str(core.exception))
        self.assertRegex(str(batched.exception), "“CC-02”")
        self.assertEqual(agreements[0].company_id, self.company, "rolled back")
