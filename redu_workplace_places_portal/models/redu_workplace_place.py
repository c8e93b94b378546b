# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ReduWorkplacePlace(models.Model):
    _inherit = "redu.workplace.place"

    source = fields.Selection(
        selection_add=[("personal_link", "Instructor's personal link")],
        ondelete={"personal_link": "set default"},
    )
