# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    service_process_id = fields.Many2one(
        "redu.service.process",
        string="Service process",
        index="btree_not_null",
        copy=False,
        check_company=True,
        help="Invoices of this order count toward the revenue of the service process.",
    )

    def _prepare_invoice(self):
        invoice_vals = super()._prepare_invoice()
        if self.service_process_id:
            invoice_vals["service_process_id"] = self.service_process_id.id
        return invoice_vals

    def _get_invoice_grouping_keys(self):
        # Orders of different service processes never share one invoice, so that each invoice
        # counts toward exactly one process.
        return super()._get_invoice_grouping_keys() + ["service_process_id"]
