# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class BasePartnerMergeAutomaticWizard(models.TransientModel):
    _inherit = "base.partner.merge.automatic.wizard"

    def _redu_merge_followers(self):
        # the agreements follow a merged partner (moved by Odoo's merge, counted for its note)
        as_employer = self.env._("agreements as employer")
        as_instructor = self.env._("agreements as instructor")
        return [
            *super()._redu_merge_followers(),
            ("redu.workplace.agreement", "employer_id", as_employer),
            ("redu.workplace.agreement", "instructor_id", as_instructor),
        ]

    def _redu_after_merge(self, dst_partner):
        """The agreements of the kept partner are validated again: the employer's data (Y-tunnus,
        address) may have come with the merge."""
        result = super()._redu_after_merge(dst_partner)
        # sudo: the agreements of every group entity that name the kept partner; the merge is a
        # partnership manager's, and the validation writes only the system's outcome
        agreements = (
            self.env["redu.workplace.agreement"]
            .sudo()
            .search(["|", ("employer_id", "=", dst_partner.id), ("instructor_id", "=", dst_partner.id)])
        )
        agreements._validate_contacts()
        return result
