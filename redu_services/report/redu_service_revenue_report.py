# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.tools import SQL

from ..models.redu_service import FUNDING_SELECTION


class ReduServiceRevenueReport(models.Model):
    """One row per posted customer invoice (or credit note) line attributable to a service process."""

    _name = "redu.service.revenue.report"
    _description = "Service revenue analysis"
    _auto = False
    _rec_name = "date"
    _order = "date desc, id desc"

    # the columns the view reads: flushed before every query on the report
    _depends = {
        "account.move": ["invoice_date", "company_id", "state", "move_type", "service_process_id"],
        "account.move.line": [
            "move_id",
            "balance",
            "display_type",
            "tax_repartition_line_id",
            "product_id",
            "company_currency_id",
        ],
        "redu.service.process": ["service_id", "category_id", "funding", "partner_id", "user_id"],
        "res.partner": ["commercial_partner_id", "partnership_level_id"],
    }

    date = fields.Date(string="Invoice date", readonly=True)
    company_id = fields.Many2one("res.company", string="Group entity", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    process_id = fields.Many2one("redu.service.process", string="Service process", readonly=True)
    service_id = fields.Many2one("redu.service", readonly=True)
    category_id = fields.Many2one("redu.service.category", readonly=True)
    funding = fields.Selection(FUNDING_SELECTION, readonly=True)
    partner_id = fields.Many2one("res.partner", string="Organisation", readonly=True)
    partnership_level_id = fields.Many2one(
        "redu.partnership.level",
        readonly=True,
        help="The current partnership level of the organisation.",
    )
    user_id = fields.Many2one("res.users", string="Responsible", readonly=True)
    move_id = fields.Many2one("account.move", string="Invoice", readonly=True)
    move_type = fields.Selection(
        [("out_invoice", "Customer invoice"), ("out_refund", "Customer credit note")],
        string="Type",
        readonly=True,
    )
    product_id = fields.Many2one("product.product", readonly=True)
    amount = fields.Monetary(
        string="Untaxed revenue",
        currency_field="currency_id",
        readonly=True,
        help="Untaxed amount in the currency of the group entity; negative for credit notes.",
    )

    # No index of the report's own on account_move / account_move_line: with 1,000,000 invoice lines
    # (setup/bench/bench_services.py) the pivot month x category takes 1.06 s (median; 1.76 s on a
    # loaded machine), under its 2 s limit; covering partial indexes made it 0.74 s (1.24 s) but
    # would weigh on every journal item written.
    # the query in parts, as sale.report builds its own, so that an addon can extend each of them
    def _select(self):
        return SQL(
            """
            aml.id AS id,
            account_move.invoice_date AS date,
            account_move.company_id AS company_id,
            aml.company_currency_id AS currency_id,
            proc.id AS process_id,
            proc.service_id AS service_id,
            proc.category_id AS category_id,
            proc.funding AS funding,
            org.commercial_partner_id AS partner_id,
            com.partnership_level_id AS partnership_level_id,
            proc.user_id AS user_id,
            account_move.id AS move_id,
            account_move.move_type AS move_type,
            aml.product_id AS product_id,
            -aml.balance AS amount
            """
        )

    def _from(self):
        return SQL(
            """
            account_move_line aml
            JOIN account_move ON account_move.id = aml.move_id
            JOIN redu_service_process proc ON proc.id = account_move.service_process_id
            -- LEFT JOINs on primary keys: PostgreSQL drops them when a query does not use them
            LEFT JOIN res_partner org ON org.id = proc.partner_id
            LEFT JOIN res_partner com ON com.id = org.commercial_partner_id
            """
        )

    def _where(self):
        return SQL(
            """
            %(revenue_moves)s
            AND aml.display_type IN ('product', 'rounding')
            AND aml.tax_repartition_line_id IS NULL
            """,
            revenue_moves=self.env["account.move"]._redu_service_revenue_sql(),
        )

    def _query(self):
        return SQL(
            "SELECT %(select)s FROM %(from)s WHERE %(where)s",
            select=self._select(),
            where=self._where(),
            **{"from": self._from()},
        )

    @property
    def _table_query(self):
        return self._query()

    @api.model
    def get_empty_list_help(self, help_message):
        """An empty analysis says when the active companies leave group entities out: the revenue may be there."""
        help_message = super().get_empty_list_help(help_message)
        Company = self.env["res.company"]
        allowed, active = Company._redu_scope_entities()
        if active == allowed:
            return help_message
        notice = Markup('<p class="alert alert-warning" role="alert">%s</p>') % Company._redu_scope_notice()
        return notice + Markup(help_message or "")
