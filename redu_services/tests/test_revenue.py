# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import ast

from dateutil.relativedelta import relativedelta
from lxml import etree

from odoo import Command, fields
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import ReduServicesInvoicingCommon


@tagged("post_install", "-at_install")
class TestRevenue(ReduServicesInvoicingCommon):
    """The invoiced revenue of the processes and the revenue analysis."""

    invoicing_company_b = True

    def _report_rows(self, process):
        return self.env["redu.service.revenue.report"].search([("process_id", "=", process.id)])

    def _invoiced_sale_order(self, process, quantity=2.0):
        process.action_create_quotation()
        order = process.sale_order_ids
        order.order_line.write({"product_uom_qty": quantity, "tax_ids": [Command.clear()]})
        order.action_confirm()
        return order._create_invoices()

    def _filter_domain(self, name):
        """The domain of a filter of the revenue analysis' search view, as the web client sends it."""
        arch = self.env["redu.service.revenue.report"].get_views([(False, "search")])["views"]["search"]["arch"]
        (node,) = etree.fromstring(arch).xpath(f"//filter[@name='{name}']")
        return ast.literal_eval(node.get("domain"))

    def test_invoice_of_a_sale_order_counts_toward_its_process(self):
        process = self._create_process(service=self.service_paid)
        invoice = self._invoiced_sale_order(process)
        self.assertEqual(invoice.service_process_id, process, "the invoice inherits the process of the order")
        invoice.action_post()
        self.assertEqual(invoice.amount_untaxed, 2000.0)
        self.assertEqual(process.invoiced_revenue, 2000.0)
        self.assertEqual(process.invoice_count, 1)

    def test_draft_invoice_is_not_revenue(self):
        process = self._create_process()
        self._invoice(process, 750.0, post=False)
        self.assertEqual(process.invoiced_revenue, 0.0)
        self.assertFalse(self._report_rows(process))
        self.assertEqual(process.invoice_count, 1, "the invoice is counted on the process all the same")

    def test_credit_note_is_negative_revenue(self):
        process = self._create_process(service=self.service_paid)
        invoice = self._invoiced_sale_order(process)
        invoice.action_post()
        refund = self._reverse_invoice(invoice)
        self.assertEqual(refund.service_process_id, process, "the credit note keeps the process")
        refund.invoice_line_ids.write({"quantity": 1.0, "price_unit": 500.0})
        refund.action_post()
        self.assertEqual(process.invoiced_revenue, 1500.0)
        self.assertEqual(sorted(self._report_rows(process).mapped("amount")), [-500.0, 2000.0])

    def test_cancelled_credit_note_is_not_revenue(self):
        process = self._create_process()
        self._invoice(process, 2000.0)
        refund = self._invoice(process, 500.0, move_type="out_refund")
        self.assertEqual(process.invoiced_revenue, 1500.0)
        refund.button_draft()
        self.assertEqual(process.invoiced_revenue, 2000.0)
        refund.button_cancel()
        self.assertEqual(process.invoiced_revenue, 2000.0)
        self.assertEqual(self._report_rows(process).mapped("amount"), [2000.0])

    def test_vendor_bill_is_not_revenue(self):
        process = self._create_process()
        self._invoice(process, 400.0, move_type="in_invoice")
        self.assertEqual(process.invoiced_revenue, 0.0)
        self.assertFalse(self._report_rows(process))

    def test_report_row_carries_the_process_service_and_organisation(self):
        process = self._create_process(service=self.service_paid)
        invoice = self._invoice(process, 1200.0)
        row = self._report_rows(process)
        self.assertEqual(len(row), 1, "one row per revenue line of a posted invoice")
        self.assertRecordValues(
            row,
            [
                {
                    "amount": 1200.0,
                    "date": invoice.invoice_date,
                    "company_id": self.company_a.id,
                    "service_id": self.service_paid.id,
                    "category_id": self.category.id,
                    "funding": "paid",
                    "partner_id": self.organisation.id,
                    "user_id": self.user_a.id,
                    "move_id": invoice.id,
                    "move_type": "out_invoice",
                    "product_id": self.product.id,
                }
            ],
        )

    def test_invoice_moved_to_another_process_moves_its_revenue(self):
        process = self._create_process()
        other = self._create_process()
        invoice = self._invoice(process, 750.0)
        invoice.button_draft()
        invoice.service_process_id = other
        invoice.action_post()
        self.assertEqual(process.invoiced_revenue, 0.0)
        self.assertEqual(other.invoiced_revenue, 750.0)

    def test_amount_change_recomputes_the_revenue(self):
        process = self._create_process()
        invoice = self._invoice(process, 100.0, post=False)
        invoice.invoice_line_ids.price_unit = 300.0
        invoice.action_post()
        self.assertEqual(process.invoiced_revenue, 300.0)

    def test_invoiced_revenue_of_six_processes_costs_the_queries_of_one(self):
        processes = self.env["redu.service.process"]
        for amount in (100.0, 200.0, 300.0, 400.0, 500.0, 600.0):
            process = self._create_process()
            self._invoice(process, amount)
            processes |= process
        field = processes._fields["invoiced_revenue"]
        for records in (processes[0], processes):
            records.invalidate_recordset(["invoiced_revenue"])
            with self.assertQueryCount(2):  # one grouped read, one update
                self.env.add_to_compute(field, records)
                records.flush_recordset(["invoiced_revenue"])
        self.assertEqual(processes.mapped("invoiced_revenue"), [100.0, 200.0, 300.0, 400.0, 500.0, 600.0])

    def test_filter_this_year_and_previous_year(self):
        process = self._create_process()
        today = fields.Date.today()
        self._invoice(process, 1000.0, invoice_date=today)
        self._invoice(process, 400.0, invoice_date=today.replace(month=1, day=1) - relativedelta(years=1))
        self._invoice(process, 90.0, invoice_date=today.replace(month=1, day=1) - relativedelta(years=1, days=1))
        groups = self.env["redu.service.revenue.report"]._read_group(
            [("process_id", "=", process.id), *self._filter_domain("filter_year_comparison")],
            ["date:year"],
            ["amount:sum"],
        )
        self.assertEqual(
            [(start.year, amount) for start, amount in groups],
            [(today.year - 1, 400.0), (today.year, 1000.0)],
        )

    def test_filter_last_12_months(self):
        process = self._create_process()
        today = fields.Date.today()
        self._invoice(process, 800.0, invoice_date=today - relativedelta(months=12))
        self._invoice(process, 5000.0, invoice_date=today - relativedelta(months=12, days=1))
        rows = self.env["redu.service.revenue.report"].search(
            [("process_id", "=", process.id), *self._filter_domain("filter_last_12_months")]
        )
        self.assertEqual(rows.mapped("amount"), [800.0])

    # ------------------------------------------------------------------
    # who sees the revenue
    # ------------------------------------------------------------------
    def test_back_office_user_without_sales_rights_sees_the_invoiced_revenue(self):
        process = self._create_process(service=self.service_b, user_id=self.user_b.id)
        self._invoice(process, 200.0)
        process = process.with_user(self.user_b)
        self.assertEqual(process.invoice_count, 1)
        self.assertEqual(process.invoiced_revenue, 200.0)
        self.assertEqual(process.sale_order_count, 0)

    def test_finance_user_reads_the_revenue_of_their_entity_only(self):
        process_a = self._create_process()
        process_b = self._create_process(service=self.service_b)
        self._invoice(process_a, 100.0)
        self._invoice(process_b, 200.0)
        rows = (
            self.env["redu.service.revenue.report"]
            .with_user(self.finance_a)
            .search([("partner_id", "=", self.organisation.id)])
        )
        self.assertEqual(rows.process_id, process_a)
        self.assertEqual(rows.mapped("amount"), [100.0])

    def test_finance_user_reads_the_invoiced_revenue_of_their_entity_only(self):
        process_a = self._create_process()
        process_b = self._create_process(service=self.service_b)
        self._invoice(process_a, 100.0)
        self.assertEqual(process_a.with_user(self.finance_a).invoiced_revenue, 100.0)
        with self.assertRaises(AccessError):
            process_b.with_user(self.finance_a).read(["invoiced_revenue"])
