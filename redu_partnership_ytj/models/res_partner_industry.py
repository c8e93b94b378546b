# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class ResPartnerIndustry(models.Model):
    """Odoo's industries (the NACE sections it ships) refined by the classes of the Finnish
    standard industrial classification TOL 2008, as the business register gives them (code and
    text): the register's class of a partner is an industry with its code."""

    _inherit = "res.partner.industry"
    _rec_names_search = ["code", "name", "full_name"]

    code = fields.Char(index="btree_not_null", help="TOL 2008 code, e.g. 41200 (industries of the business register).")

    _code_unique = models.UniqueIndex("(code) WHERE code IS NOT NULL", "The code of an industry must be unique.")

    @api.depends("code", "name")
    def _compute_display_name(self):
        result = super()._compute_display_name()
        for industry in self.filtered("code"):
            industry.display_name = f"{industry.code} {industry.name or ''}".strip()
        return result

    @api.model
    def _redu_get_or_create(self, names_by_code):
        """{code: industry} for ``names_by_code`` ({TOL 2008 code: text}), creating the missing
        ones in one create; one search for all codes (archived industries included)."""
        if not names_by_code:
            return {}
        found = {
            industry.code: industry
            for industry in self.with_context(active_test=False).search([("code", "in", list(names_by_code))])
        }
        missing = [
            {"code": code, "name": name or code} for code, name in names_by_code.items() if code and code not in found
        ]
        if missing:
            # sudo: industries are reference data created from the register by whoever enriches a partner
            # (Odoo lets only administrators create them)
            found.update({industry.code: industry for industry in self.sudo().create(missing).sudo(False)})
        return found
