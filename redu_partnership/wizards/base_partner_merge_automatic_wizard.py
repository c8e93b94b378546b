# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class BasePartnerMergeAutomaticWizard(models.TransientModel):
    _inherit = "base.partner.merge.automatic.wizard"

    # ------------------------------------------------------------------
    # Hooks of the merge: each addon that owns records linked to partners extends them
    # ------------------------------------------------------------------
    def _redu_merge_followers(self):
        """The records of this project that follow a merged partner: a list of
        ``(model, partner field, label)``, the label being the plural shown after a count in the
        chatter note of the merge ("3 level history lines").

        Odoo's merge moves every many2one and many2many to res.partner in SQL
        (``_update_foreign_keys``): the list only counts them for the note. The addon that owns a
        model adds it here with ``super()``."""
        return [("redu.partnership.level.history", "partner_id", self.env._("level history lines"))]

    def _redu_after_merge(self, dst_partner):
        """Called on the kept partner once the partners are merged and the partnership data is
        united: the addon that owns records linked to partners brings them up to date here (with
        ``super()``). ``dst_partner`` is in the environment of the merge (a partnership manager)."""
        return None

    # ------------------------------------------------------------------
    # The fields only the system writes
    # ------------------------------------------------------------------
    def _redu_merge_system_fields(self, dst_partner):
        """The fields of the partner that only the system writes (``redu_system=True``) and that
        Odoo's merge would copy (stored, not computed, not x2many)."""
        return [
            fname
            for fname in dst_partner._redu_system_field_names()
            if (field := dst_partner._fields[fname]).store
            and not field.compute
            and field.type not in ("one2many", "many2many")
        ]

    def _update_values(self, src_partners, dst_partner):
        """Odoo's merge copies every stored field the user can read to the kept partner, in one
        write as the user, which the write guard of ``redu_base`` refuses for the fields that only
        the system writes (``redu_system=True``). Odoo copies a field only when a partner has a
        value: the system's values are read first (the last one set winning, as in Odoo's merge),
        emptied on the partners, so that Odoo's write as the user leaves them out, and written on
        the kept partner by the system."""
        system_fields = self._redu_merge_system_fields(dst_partner)
        stamps = {}
        if system_fields:
            # sudo: the system's own values, read and written by the system: the user was allowed to
            # merge these partners (Odoo's merge checks it) and no value comes from the user; the
            # merged partners are deleted right after the merge
            partners = (src_partners | dst_partner).sudo()
            for partner in (*src_partners.sudo(), dst_partner.sudo()):
                for fname in system_fields:
                    if partner[fname]:
                        stamps[fname] = partner._fields[fname].convert_to_write(partner[fname], partner)
            if stamps:
                partners.write(dict.fromkeys(stamps, False))
        result = super()._update_values(src_partners, dst_partner)
        if stamps:
            dst_partner.sudo().write(stamps)  # sudo: see above, the system's values only
        return result
