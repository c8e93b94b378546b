# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class BasePartnerMergeAutomaticWizard(models.TransientModel):
    _inherit = "base.partner.merge.automatic.wizard"

    def _update_values(self, src_partners, dst_partner):
        """Odoo's merge copies every stored field the user can read to the kept partner, as the
        user: the fields that only the system writes (``redu_system=True``) are left out of
        that write and carried over here, the last value set winning as in Odoo's merge."""
        system_fields = [
            fname
            for fname in dst_partner._redu_system_field_names()
            if (field := dst_partner._fields[fname]).store
            and not field.compute
            and field.type not in ("one2many", "many2many")
        ]
        result = super()._update_values(
            src_partners, dst_partner.with_context(redu_fields_get_skip=tuple(system_fields))
        )
        stamps = {}
        # sudo: the stamps of the merged partners go to the partner kept, which the user was allowed
        # to merge; only the values the system wrote on the merged partners are carried over
        for partner in (*src_partners.sudo(), dst_partner.sudo()):
            for fname in system_fields:
                if partner[fname]:
                    stamps[fname] = partner._fields[fname].convert_to_write(partner[fname], partner)
        if stamps:
            dst_partner.sudo().write(stamps)
        return result
