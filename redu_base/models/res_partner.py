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

    # Core checks that no partner given a parent closes a cycle of parents with a recursive query over the chain of
    # each (_check_parent_id, _has_cycle). A partner on such a cycle is the parent of the one before it on the
    # cycle (itself, for its own parent): a partner without a child is on none. Only the partners with a child are
    # given to core's check, found with one query on the parent's index: an import's thousands of new contacts
    # have none. Their recursive query took 7 ms a batch of 500 contacts, and up to 0.4 s when PostgreSQL's
    # statistics were older than the table (many rows written or rolled back since its last ANALYZE): a nested
    # loop over every contact.
    @api.constrains("parent_id")
    def _check_parent_id(self):
        # sudo: a child the user may not read (archived, of another company) still closes a cycle
        groups = self.sudo().with_context(active_test=False)._read_group([("parent_id", "in", self.ids)], ["parent_id"])
        with_children = self.browse(parent.id for (parent,) in groups)
        return super(ResPartner, with_children)._check_parent_id() if with_children else None
