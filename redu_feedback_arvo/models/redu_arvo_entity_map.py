# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ReduArvoEntityMap(models.Model):
    """Which group entity an institution or office OID of Arvo's data belongs to."""

    _name = "redu.arvo.entity.map"
    _description = "Arvo OID of a group entity"
    _order = "company_id, oid"
    _rec_name = "oid"

    oid = fields.Char(
        string="OID",
        required=True,
        index=True,
        help="The OID of an institution (oppilaitos_oid) or an office (toimipiste_oid) in the national "
        "registers, e.g. 1.2.246.562.10.12345678901.",
    )
    kind = fields.Selection(
        [("institution", "Institution"), ("office", "Office")], required=True, default="institution"
    )
    company_id = fields.Many2one("res.company", string="Group entity", required=True, index=True)

    _oid_uniq = models.Constraint("UNIQUE(oid)", "An OID belongs to one group entity.")

    @api.constrains("oid")
    def _check_oid(self):
        for mapping in self:
            parts = (mapping.oid or "").split(".")
            if len(mapping.oid) > 100 or len(parts) < 4 or not all(part.isdigit() for part in parts):
                raise ValidationError(
                    self.env._(
                        "%s is not an OID: digits separated by dots, e.g. 1.2.246.562.10.12345678901.", mapping.oid
                    )
                )
