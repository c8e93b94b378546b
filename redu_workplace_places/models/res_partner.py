# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

from odoo.addons.redu_partnership.models.redu_cooperation_form import cooperation_type_from_axes


class ResPartner(models.Model):
    _inherit = "res.partner"

    redu_place_ids = fields.One2many("redu.workplace.place", "employer_id", string="Places offered")

    @api.depends("redu_place_ids.state")
    def _compute_cooperation_type(self):
        """An employer that offers places for workplace learning is in training cooperation at least:
        the form "Workplace learning" counts with its own forms, without being entered by hand."""
        super()._compute_cooperation_type()
        form = self.env.ref("redu_partnership.cooperation_form_workplace_learning", raise_if_not_found=False)
        if not form:
            return
        form = form.sudo()  # sudo: the axes of a form, read for the stored compute whoever triggers it
        for partner in self:
            # sudo: the places of every entity count (the compute is stored once for all users)
            if not partner.sudo().redu_place_ids.filtered(lambda place: place.state == "offered"):
                continue
            forms = partner.sudo().cooperation_form_ids | form
            partner.cooperation_type = cooperation_type_from_axes(
                max(forms.mapped("knowledge_sharing")), max(forms.mapped("knowledge_renewal"))
            )
