# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _tpk_fallback_recipients(self):
        """The contact person of the account manager's latest service process with the employer, in one
        query for any number of employers."""
        result = super()._tpk_fallback_recipients()
        rest = self.filtered(lambda e: e.id not in result and e.user_id)
        if not rest:
            return result
        # sudo: the recipient is chosen for whoever prepares the survey, also a user who cannot read the
        # service processes; only the process's contact person is read
        processes = (
            self.env["redu.service.process"]
            .sudo()
            .search_fetch(
                [("partner_id", "in", rest.ids), ("contact_id", "!=", False)],
                ["partner_id", "user_id", "contact_id"],
                order="create_date desc, id desc",
            )
        )
        user_by_employer = {employer.id: employer.user_id for employer in rest}
        for process in processes:
            employer_id = process.partner_id.id
            if (
                employer_id not in result
                and process.user_id == user_by_employer.get(employer_id)
                and process.contact_id.parent_id.id == employer_id
            ):
                result[employer_id] = process.contact_id.sudo(False)
        return result
