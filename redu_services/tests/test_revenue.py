# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.tests import tagged

from .common import ReduServicesCommon


@tagged("post_install", "-at_install")
class TestRevenue(ReduServicesCommon):
    def _report_rows(self, process):
        return self.env["redu.service.revenue.report"].search([("process_id", "=", process.id)])

    def test_revenue_end_to_end(self):
        process = self._create_process(service=self.service_paid)
        process.action_create_quotation()
        order = process.sale_order_ids
        order.order_line.write({"product_uom_qty": 2.0, "tax_ids": [Command.clear()]})
        order.action_confirm()
        self.assertEqual(order.state, "sale")

        invoice = order._create_invoices()
        self.assertEqual(invoice.service_process_id, process, "the invoice inherits the process of the order")
        self.assertEqual(process.invoiced_revenue, 0.0, "a draft invoice is not revenue")
        invoice.action_post()
        self.assertEqual(invoice.amount_untaxed, 2000.0)
        self.assertEqual(process.invoiced_revenue, 2000.0)

        # credit note through the reversal wizard, then reduced to 500
        wizard = (
            self.env["account.move.reversal"]
            .with_context(active_model="account.move", active_ids=invoice.ids)
            .create({"journal_id": invoice.journal_id.id, "date": fields.Date.today()})
        )
        refund = self.env["account.move"].browse(wizard.refund_moves()["res_id"])
        self.assertEqual(refund.move_type, "out_refund")
        self.assertEqual(refund.service_process_id, process, "the credit note keeps the process")
        refund.invoice_line_ids.write({"quantity": 1.0, "price_unit": 500.0})
        refund.action_post()
        self.assertEqual(process.invoiced_revenue, 1500.0)

        rows = self._report_rows(process)
        self.assertEqual(len(rows), 2, "one row per posted invoice line")
        self.assertEqual(sorted(rows.mapped("amount")), [-500.0, 2000.0])
        row = rows.filtered(lambda r: r.amount > 0)
        self.assertEqual(row.company_id, self.company_a)
        self.assertEqual(row.service_id, self.service_paid)
        self.assertEqual(row.category_id, self.category)
        self.assertEqual(row.funding, "paid")
        self.assertEqual(row.partner_id, self.organisation)
        self.assertEqual(row.user_id, self.user_a)
        self.assertEqual(row.date, invoice.invoice_date)
        groups = self.env["redu.service.revenue.report"]._read_group(
            [("process_id", "=", process.id)], ["category_id", "date:month"], ["amount:sum"]
        )
        self.assertEqual(len(groups), 1)
        self.assertEqual(groups[0][2], 1500.0)

        # cancelling the credit note brings the revenue back
        refund.button_draft()
        self.assertEqual(process.invoiced_revenue, 2000.0)
        refund.button_cancel()
        self.assertEqual(process.invoiced_revenue, 2000.0)
        self.assertEqual(len(self._report_rows(process)), 1)

    def test_manual_invoice_linked_directly(self):
        process = self._create_process()
        invoice = self._invoice(process, 750.0, post=False)
        self.assertEqual(process.invoiced_revenue, 0.0)
        invoice.action_post()
        self.assertEqual(process.invoiced_revenue, 750.0)
        self.assertEqual(self._report_rows(process).amount, 750.0)
        self.assertEqual(process.invoice_count, 1)
        # unlinking the invoice from the process moves the revenue
        other = self._create_process()
        invoice.button_draft()
        invoice.service_process_id = other
        invoice.action_post()
        self.assertEqual(process.invoiced_revenue, 0.0)
        self.assertEqual(other.invoiced_revenue, 750.0)

    def test_amount_change_recomputes(self):
        process = self._create_process()
        invoice = self._invoice(process, 100.0, post=False)
        invoice.invoice_line_ids.price_unit = 300.0
        invoice.action_post()
        self.assertEqual(process.invoiced_revenue, 300.0)

    def test_vendor_bill_is_not_revenue(self):
        process = self._create_process()
        bill = self.env["account.move"].create(
            {
                "move_type": "in_invoice",
                "partner_id": self.organisation.id,
                "invoice_date": fields.Date.today(),
                "service_process_id": process.id,
                "invoice_line_ids": [
                    Command.create({"name": "Rent", "quantity": 1, "price_unit": 400.0, "tax_ids": [Command.clear()]})
                ],
            }
        )
        bill.action_post()
        self.assertEqual(process.invoiced_revenue, 0.0)
        self.assertFalse(self._report_rows(process))

    def test_invoiced_revenue_batch_query_count(self):
        """Recomputing invoiced_revenue costs the same queries for 1 or 6 processes."""
        processes = self.env["redu.service.process"]
        for amount in (100.0, 200.0, 300.0, 400.0, 500.0, 600.0):
            process = self._create_process()
            self._invoice(process, amount)
            processes |= process
        self.assertEqual(processes.mapped("invoiced_revenue"), [100.0, 200.0, 300.0, 400.0, 500.0, 600.0])
        field = processes._fields["invoiced_revenue"]

        def recompute(records):
            records.invalidate_recordset(["invoiced_revenue"])
            self.env.add_to_compute(field, records)
            count = self.env.cr.sql_log_count
            records.flush_recordset(["invoiced_revenue"])
            return self.env.cr.sql_log_count - count

        single = recompute(processes[0])
        batch = recompute(processes)
        self.assertEqual(batch, single)
        self.assertEqual(processes.mapped("invoiced_revenue"), [100.0, 200.0, 300.0, 400.0, 500.0, 600.0])

    def test_report_previous_year_comparison(self):
        process = self._create_process()
        today = fields.Date.today()
        self._invoice(process, 1000.0, invoice_date=today)
        self._invoice(process, 400.0, invoice_date=today - relativedelta(years=1))
        groups = self.env["redu.service.revenue.report"]._read_group(
            [("process_id", "=", process.id)], ["date:year"], ["amount:sum"]
        )
        self.assertEqual(
            [(start.year, amount) for start, amount in groups],
            [(today.year - 1, 400.0), (today.year, 1000.0)],
        )
