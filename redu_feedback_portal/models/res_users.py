# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    redu_feedback_digest_date = fields.Date(
        string="Last feedback digest",
        readonly=True,
        copy=False,
        help="When the weekly digest of blocked and warned agreements was last sent to this teacher.",
    )
