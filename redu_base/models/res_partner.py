# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

IMAGE_SIZES = ("image_1024", "image_512", "image_256", "image_128")


class ResPartner(models.Model):
    _inherit = "res.partner"

    # Core's smaller image sizes follow image_1920 (image.mixin, related fields). Here they are computed
    # in a batch and precomputed: set in the creation itself, not written again one size at a time after
    # the insert, and the partners without an image (an import's thousands of contacts) get their empty
    # sizes with one assignment per size, where the related field assigns each record in turn. The values
    # are the same: each size is image_1920 resized by the field's own maximum (Image.write).
    image_1024 = fields.Image(related=None, compute="_compute_image_sizes", store=True, precompute=True)
    image_512 = fields.Image(related=None, compute="_compute_image_sizes", store=True, precompute=True)
    image_256 = fields.Image(related=None, compute="_compute_image_sizes", store=True, precompute=True)
    image_128 = fields.Image(related=None, compute="_compute_image_sizes", store=True, precompute=True)

    @api.depends("image_1920")
    def _compute_image_sizes(self):
        with_image = self.filtered("image_1920")
        without_image = self - with_image
        for name in IMAGE_SIZES:
            without_image[name] = False
            for partner in with_image:
                partner[name] = partner.image_1920
