# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    contact_confirmed_date = fields.Datetime(
        string="Contact confirmed on",
        readonly=True,
        copy=False,
        help="When the workplace instructor last confirmed or corrected their contact details via their personal link.",
        redu_system=True,
    )
    redu_confirmation_ids = fields.One2many(
        "redu.instructor.confirmation",
        "partner_id",
        string="Contact confirmations",
    )
