# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class BasePartnerMergeAutomaticWizard(models.TransientModel):
    _inherit = "base.partner.merge.automatic.wizard"

    def _redu_merge_followers(self):
        # the service processes follow a merged partner (moved by Odoo's merge, counted for its note)
        return [
            *super()._redu_merge_followers(),
            ("redu.service.process", "partner_id", self.env._("service processes")),
        ]
