# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from markupsafe import Markup

from odoo import models
from odoo.exceptions import AccessError

PARTNERSHIP_MANAGER = "redu_partnership.group_partnership_manager"


class BasePartnerMergeAutomaticWizard(models.TransientModel):
    _inherit = "base.partner.merge.automatic.wizard"

    def _merge(self, partner_ids, dst_partner=None, extra_checks=True):
        """Odoo's merge, for partnership managers only, with the partnership data of REDU: the
        higher level and the earlier review date win, cooperation forms and group entities are
        united (also on the contacts), and a chatter note on the kept partner says what came from
        where. Every record pointing at a merged partner (level history, contacts and the records of
        the other addons) is moved by Odoo's generic foreign-key update; the addons that own them
        count them for the note (``_redu_merge_followers``) and bring them up to date afterwards
        (``_redu_after_merge``)."""
        if not (self.env.su or self.env.user.has_group(PARTNERSHIP_MANAGER)):
            raise AccessError(self.env._("Only a partnership manager can merge partners."))
        partners = self.env["res.partner"].browse(partner_ids).exists()
        if len(partners) < 2 or len(partners) > 3:
            return super()._merge(partner_ids, dst_partner=dst_partner, extra_checks=extra_checks)
        if not (dst_partner and dst_partner in partners):
            dst_partner = self._get_ordered_partner(partners.ids)[-1]
        src_partners = partners - dst_partner
        snapshot = self._redu_merge_snapshot(partners)
        # Duplicate companies rarely share one email: the manager's judgement replaces Odoo's check
        # that only an administrator may merge contacts with different emails.
        super()._merge(partners.ids, dst_partner=dst_partner, extra_checks=False)
        if dst_partner.exists():
            self._redu_merge_partnership(dst_partner, src_partners, snapshot)
        return None

    def _redu_merge_snapshot(self, partners):
        """What each partner brings, read before Odoo moves the records: {partner id: {...}}."""
        # sudo: the counts and the partnership fields of every partner, whatever the company of
        # the records; the caller is a partnership manager (checked in _merge).
        partners = partners.sudo()
        counts = {partner.id: [] for partner in partners}
        for model, fname, label in self._redu_merge_followers():
            groups = (
                self.env[model]
                .sudo()
                .with_context(active_test=False)
                ._read_group([(fname, "in", partners.ids)], [fname], ["__count"])
            )
            for partner, count in groups:
                counts[partner.id].append((count, label))
        return {
            partner.id: {
                "name": partner.display_name,
                "level": partner.partnership_level_id,
                "review_date": partner.partnership_review_date,
                "forms": partner.cooperation_form_ids,
                "entities": partner.group_company_ids,
                "counts": counts[partner.id],
            }
            for partner in partners
        }

    def _redu_merge_partnership(self, dst_partner, src_partners, snapshot):
        entries = list(snapshot.values())
        levels = [entry["level"] for entry in entries if entry["level"]]
        best_level = min(levels, key=lambda level: (level.sequence, level.id)) if levels else False
        dates = [entry["review_date"] for entry in entries if entry["review_date"]]
        forms = self.env["redu.cooperation.form"].union(*(entry["forms"] for entry in entries))
        entities = self.env["res.company"].union(*(entry["entities"] for entry in entries))
        values = {
            # the SQL update of Odoo's merge bypasses the ORM: written again so that the cooperation
            # type is recomputed and the contacts get the commercial fields
            "cooperation_form_ids": [(6, 0, forms.ids)],
            "group_company_ids": [(6, 0, entities.ids)],
        }
        dst = dst_partner.sudo()  # sudo: the merge was checked for a partnership manager above
        if best_level and dst.partnership_level_id != best_level:
            values["partnership_level_id"] = best_level.id
        if dates:
            values["partnership_review_date"] = min(dates)
        dst.with_context(partnership_level_change_note=self.env._("Merge of partners")).write(values)
        # the contacts moved by the SQL update get the kept partner's commercial fields
        dst._commercial_sync_to_descendants()
        self._redu_after_merge(dst_partner)
        dst_partner.message_post(body=self._redu_merge_note(dst_partner, src_partners, snapshot, best_level))

    def _redu_merge_note(self, dst_partner, src_partners, snapshot, best_level):
        lines = []
        for src in src_partners:
            entry = snapshot[src.id]
            parts = [f"{count} {label}" for count, label in entry["counts"]]
            if entry["level"]:
                parts.append(self.env._("level %(level)s", level=entry["level"].display_name))
            if entry["review_date"]:
                parts.append(self.env._("review date %(date)s", date=entry["review_date"]))
            if entry["forms"]:
                parts.append(self.env._("cooperation forms: %(forms)s", forms=", ".join(entry["forms"].mapped("name"))))
            if entry["entities"]:
                parts.append(
                    self.env._("group entities: %(entities)s", entities=", ".join(entry["entities"].mapped("name")))
                )
            lines.append(
                Markup("<li>%s</li>")
                % self.env._(
                    "From %(partner)s (id %(id)s): %(what)s",
                    partner=entry["name"],
                    id=src.id,
                    what=", ".join(parts) or self.env._("no partnership data"),
                )
            )
        kept = snapshot[dst_partner.id]
        summary = self.env._(
            "Partners merged into this one. Kept: level %(level)s, review date %(date)s.",
            level=best_level.display_name if best_level else "-",
            date=dst_partner.sudo().partnership_review_date or "-",
        )
        if kept["level"] and best_level and kept["level"] != best_level:
            summary += " " + self.env._("The higher level came from a merged partner.")
        return Markup("<p>%s</p><ul>%s</ul>") % (summary, Markup().join(lines))
