# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    # Core's smaller image sizes follow image_1920 (image.mixin). Precomputed, they are set in the creation
    # itself: the partners created in a batch (an import's thousands of contacts, usually without an
    # image) are not each written again, one size at a time, after their insert. The values are the same.
    image_1024 = fields.Image(related="image_1920", store=True, precompute=True)
    image_512 = fields.Image(related="image_1920", store=True, precompute=True)
    image_256 = fields.Image(related="image_1920", store=True, precompute=True)
    image_128 = fields.Image(related="image_1920", store=True, precompute=True)
