# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""redu_partnership x redu_services: invoiced revenue of a service process raises the
suggested partnership level, the account manager applies it, the history and the
revenue report show it."""

from odoo import fields

from .common import CrossAddonCase


class TestPartnerRevenueLevel(CrossAddonCase):
    def _invoiced_process(self):
        process = self.env["redu.service.process"].create(
            {
                "partner_id": self.org.id,
                "contact_id": self.instructor.id,
                "service_id": self.service.id,
            }
        )
        process.action_create_quotation()
        order = process.sale_order_ids
        self.assertEqual(len(order), 1, "the quotation is linked to the process")
        self.assertEqual(order.partner_id, self.org)
        self.assertEqual(order.order_line.product_id, self.product)
        order.action_confirm()
        invoice = order._create_invoices()
        invoice.invoice_date = fields.Date.today()
        invoice.action_post()
        return process, invoice

    def test_business_id_normalised_on_the_partner(self):
        self.assertEqual(self.org.company_registry, self.business_id)

    def test_revenue_raises_suggested_level_and_history_records_it(self):
        occasional = self.env["redu.cooperation.form"].create(
            {
                "name": "Vierailuluento",
                "knowledge_sharing": 2,
                "knowledge_renewal": 1,
            }
        )
        self.org.cooperation_form_ids = [(6, 0, occasional.ids)]
        level_b = self.env.ref("redu_partnership.partnership_level_b")
        level_d = self.env.ref("redu_partnership.partnership_level_d")
        self.org.partnership_level_id = level_d
        self.assertEqual(self.org.cooperation_type, "occasional")
        self.assertEqual(self.org.suggested_partnership_level_id, level_d)

        process, invoice = self._invoiced_process()
        self.assertEqual(invoice.service_process_id, process, "the invoice inherits the process of its order")
        self.assertAlmostEqual(process.invoiced_revenue, 12000.0)
        self.org.invalidate_recordset(["revenue_last_12_months", "suggested_partnership_level_id"])
        self.assertAlmostEqual(self.org.revenue_last_12_months, 12000.0)
        # 12,000 EUR in 12 months (B >= 10,000) beats the occasional cooperation (D)
        self.assertEqual(self.org.suggested_partnership_level_id, level_b)

        self.org.action_apply_suggested_level()
        self.assertEqual(self.org.partnership_level_id, level_b)
        self.assertEqual(self.instructor.partnership_level_id, level_b, "contacts show their company's level")
        last = self.org.partnership_level_history_ids.sorted("id")[-1]
        self.assertEqual((last.old_level_id, last.new_level_id), (level_d, level_b))

        rows = self.env["redu.service.revenue.report"].search([("partner_id", "=", self.org.id)])
        self.assertAlmostEqual(sum(rows.mapped("amount")), 12000.0)
        self.assertEqual(rows.service_id, self.service)
        self.assertEqual(rows.company_id, self.company)

    def test_credit_note_lowers_revenue_and_suggestion(self):
        level_c = self.env.ref("redu_partnership.partnership_level_c")
        process, invoice = self._invoiced_process()
        reversal = invoice._reverse_moves(default_values_list=[{"invoice_date": fields.Date.today()}])
        reversal.line_ids.filtered(lambda line: line.display_type == "product").price_unit = 9000.0
        reversal.action_post()
        self.assertAlmostEqual(process.invoiced_revenue, 3000.0)
        self.org.invalidate_recordset(["revenue_last_12_months", "suggested_partnership_level_id"])
        self.assertAlmostEqual(self.org.revenue_last_12_months, 3000.0)
        self.assertEqual(self.org.suggested_partnership_level_id, level_c, "C from 1,000 EUR up")
