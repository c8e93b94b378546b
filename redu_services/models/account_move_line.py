# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    # Covering partial index for the service revenue report (redu.service.revenue.report): the
    # invoice lines of the report are read by an index-only scan instead of the whole table.
    _redu_service_revenue_idx = models.Index(
        "(move_id) INCLUDE (balance, product_id, company_currency_id) "
        "WHERE display_type IN ('product', 'rounding') AND tax_repartition_line_id IS NULL"
    )
