# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

from ..tools import ytj_client

CLASSIFICATIONS = [
    (ytj_client.CLASSIFICATION_TOL2008, "TOL 2008"),
    (ytj_client.CLASSIFICATION_TOL2025, "TOL 2025"),
]


class ResPartnerIndustry(models.Model):
    """Odoo's industries (the NACE sections it ships) refined by the classes of the Finnish
    standard industrial classification, as the business register gives them: a code with its
    classification (the register's ``typeCodeSet``: TOIMI3 = TOL 2008, TOIMI4 = TOL 2025) and its text.
    The register's class of a partner is an industry with its classification and code; the same code
    of the two classifications is two industries."""

    _inherit = "res.partner.industry"
    _rec_names_search = ["code", "name", "full_name"]

    classification = fields.Selection(
        CLASSIFICATIONS,
        index="btree_not_null",
        help="The standard industrial classification of the code (the business register's TOIMI3 is "
        "TOL 2008, TOIMI4 TOL 2025).",
    )
    code = fields.Char(
        index="btree_not_null",
        help="Code of the standard industrial classification, e.g. 41200 (industries of the business register).",
    )

    _code_unique = models.UniqueIndex(
        "(COALESCE(classification, ''), code) WHERE code IS NOT NULL",
        "The code of an industry must be unique within its classification.",
    )

    @api.depends("code", "name", "classification")
    def _compute_display_name(self):
        result = super()._compute_display_name()
        labels = dict(self._fields["classification"]._description_selection(self.env))
        for industry in self.filtered("code"):
            name = f"{industry.code} {industry.name or ''}".strip()
            version = labels.get(industry.classification)
            industry.display_name = f"{name} ({version})" if version else name
        return result

    @api.model
    def _redu_get_or_create(self, names_by_key):
        """{(classification, code): industry} for ``names_by_key`` ({(classification, code): text}),
        creating the missing ones in one create; one search for all codes (archived industries
        included)."""
        names_by_key = {key: name for key, name in (names_by_key or {}).items() if key[0] and key[1]}
        if not names_by_key:
            return {}
        found = {
            (industry.classification, industry.code): industry
            for industry in self.with_context(active_test=False).search(
                [
                    ("code", "in", list({code for _classification, code in names_by_key})),
                    ("classification", "in", list({classification for classification, _code in names_by_key})),
                ]
            )
        }
        missing = [
            {"classification": classification, "code": code, "name": name or code}
            for (classification, code), name in names_by_key.items()
            if (classification, code) not in found
        ]
        if missing:
            # sudo: industries are reference data created from the register by whoever enriches a partner
            # (Odoo lets only administrators create them)
            found.update(
                {
                    (industry.classification, industry.code): industry
                    for industry in self.sudo().create(missing).sudo(False)
                }
            )
        return found
