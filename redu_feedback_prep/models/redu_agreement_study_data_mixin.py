# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

from .redu_workplace_agreement import check_dates_in_range, user_dates


class ReduAgreementStudyDataMixin(models.AbstractModel):
    """Study data kept under a workplace agreement: a change revalidates the agreement."""

    _name = "redu.agreement.study.data.mixin"
    _description = "Study data of a workplace agreement"
    _inherit = ["redu.company.check.mixin"]

    agreement_id = fields.Many2one("redu.workplace.agreement", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="agreement_id.company_id", store=True, index=True)

    @api.constrains(lambda self: user_dates(self))
    def _check_date_range(self):
        check_dates_in_range(self)

    @api.model
    def _redu_company_fields(self):
        # the entity is the agreement's
        return super()._redu_company_fields() | {"agreement_id"}

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records.agreement_id._revalidate()
        return records

    def write(self, vals):
        agreements = self.agreement_id
        result = super().write(vals)
        (agreements | self.agreement_id)._revalidate()
        return result

    def unlink(self):
        agreements = self.agreement_id
        result = super().unlink()
        agreements._revalidate()
        return result
