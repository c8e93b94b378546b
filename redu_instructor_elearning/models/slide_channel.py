# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class SlideChannel(models.Model):
    _inherit = "slide.channel"

    redu_instructor_support = fields.Boolean(
        string="Workplace instructors' support course",
        index=True,
        help="Workplace instructors open this course from their personal link, without an account; its published "
        "contents are shown to them and their completion is recorded on the instructor.",
    )

    @api.model
    def _redu_support_courses(self):
        """The published support courses, read by the instructor's page (public user)."""
        # sudo: the personal link is the authorisation; only published courses and contents are shown
        return self.sudo().search([("redu_instructor_support", "=", True), ("is_published", "=", True)])

    def _redu_contents(self):
        """The published contents of the course, in the course's order (sections left out)."""
        self.ensure_one()
        return self.slide_ids.filtered(lambda s: s.is_published and not s.is_category and s.active)

    def _redu_mark_completed(self, partner, slides):
        """Record the instructor's completion of contents of this course (the instructor has no user).

        The instructor becomes an attendee of the course; Odoo's own completion (``slide.channel.partner``)
        follows from the ``slide.slide.partner`` rows, as when a user marks a content done.
        """
        self.ensure_one()
        # sudo: the personal link is the authorisation; the slides are this course's published contents
        channel = self.sudo()
        slides = slides.sudo() & channel._redu_contents()
        channel._action_add_members(partner)
        SlidePartner = self.env["slide.slide.partner"].sudo()
        existing = SlidePartner.search([("slide_id", "in", slides.ids), ("partner_id", "=", partner.id)])
        existing.filtered(lambda s: not s.completed).write({"completed": True})
        SlidePartner.create(
            [
                {"slide_id": slide.id, "channel_id": channel.id, "partner_id": partner.id, "completed": True}
                for slide in slides - existing.slide_id
            ]
        )
