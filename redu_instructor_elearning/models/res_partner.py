# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    redu_channel_partner_ids = fields.One2many(
        "slide.channel.partner", "partner_id", string="Course attendances", groups="base.group_user"
    )
    redu_support_course_ids = fields.Many2many(
        "slide.channel",
        "redu_partner_support_course_rel",
        "partner_id",
        "channel_id",
        string="Support courses completed",
        compute="_compute_redu_support_course_ids",
        store=True,
        redu_system=True,
    )

    @api.depends(
        "redu_channel_partner_ids.member_status",
        "redu_channel_partner_ids.active",
        "redu_channel_partner_ids.channel_id.redu_instructor_support",
    )
    def _compute_redu_support_course_ids(self):
        for partner in self:
            # sudo: the attendances are readable by the eLearning officers only; the record is the system's
            done = partner.sudo().redu_channel_partner_ids.filtered(
                lambda m: m.member_status == "completed" and m.active and m.channel_id.redu_instructor_support
            )
            partner.redu_support_course_ids = done.channel_id
