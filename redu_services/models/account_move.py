# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.fields import Domain


class AccountMove(models.Model):
    _inherit = "account.move"

    service_process_id = fields.Many2one(
        "redu.service.process",
        string="Service process",
        index="btree_not_null",
        copy=True,
        check_company=True,
        help="The service process this customer invoice or credit note counts toward. Set from the sale "
        "order on invoicing, or chosen directly on a manual invoice.",
    )

    @api.model
    def _redu_revenue_domain(self):
        """The moves that are revenue: posted customer invoices and credit notes.

        The one definition of that rule, used by the invoiced revenue of the service processes,
        the revenue of the partners and (through :meth:`_redu_service_revenue_sql`) the revenue
        analysis. Amounts of credit notes are negative in the signed and balance columns.
        """
        return Domain("state", "=", "posted") & Domain("move_type", "in", self.get_sale_types())

    @api.model
    def _redu_service_revenue_sql(self):
        """:meth:`_redu_revenue_domain` of the moves linked to a service process, as an SQL
        condition on the table ``account_move`` (for the SQL view of the revenue analysis)."""
        domain = self._redu_revenue_domain() & Domain("service_process_id", "!=", False)
        # bypass_access: only the SQL condition is built here; the report applies its own rules
        return self._search(domain, bypass_access=True).where_clause
