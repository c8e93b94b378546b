# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    service_process_id = fields.Many2one(
        "redu.service.process",
        index="btree_not_null",
        copy=True,
        check_company=True,
        help="The service process this customer invoice or credit note counts toward. Set from the sale "
        "order on invoicing, or chosen directly on a manual invoice.",
    )

    # Covering partial index for the service revenue report (redu.service.revenue.report): the
    # report's scan of the posted customer invoices of service processes becomes an index-only
    # scan, merge-joined with the invoice lines' index below.
    _redu_service_revenue_idx = models.Index(
        "(id) INCLUDE (service_process_id, invoice_date, company_id, move_type) "
        "WHERE state = 'posted' AND move_type IN ('out_invoice', 'out_refund') "
        "AND service_process_id IS NOT NULL"
    )
