# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

IMAGE_SIZES = ("image_1024", "image_512", "image_256", "image_128")


class ResPartner(models.Model):
    _inherit = "res.partner"

    # Core's smaller image sizes follow image_1920 (image.mixin, related fields), assigned record by record: after
    # the insert of a batch of new partners, each size of each partner searched its attachment in a query of its
    # own. Computed here for the batch: the partners without an image (an import's thousands of contacts) get
    # their empty sizes with one assignment, and one query, per size. The values are the same: each size is
    # image_1920 resized by the field's own maximum (Image.write). Not precomputed: a precomputed size would be
    # computed in an environment where the image given to the creation is not seen when the creation's context
    # asks for binary sizes (bin_size), and stay empty.
    image_1024 = fields.Image(related=None, compute="_compute_image_sizes", store=True)
    image_512 = fields.Image(related=None, compute="_compute_image_sizes", store=True)
    image_256 = fields.Image(related=None, compute="_compute_image_sizes", store=True)
    image_128 = fields.Image(related=None, compute="_compute_image_sizes", store=True)

    @api.depends("image_1920")
    def _compute_image_sizes(self):
        with_image = self.filtered("image_1920")
        without_image = self - with_image
        for name in IMAGE_SIZES:
            without_image[name] = False
            for partner in with_image:
                partner[name] = partner.image_1920
