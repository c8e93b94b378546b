# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""redu_partnership x redu_services: invoiced revenue of a service process raises the
suggested partnership level, the account manager applies it, the history and the
revenue report show it."""

from odoo import fields
from odoo.tests import TransactionCase, tagged

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT


@tagged("post_install", "-at_install")
class TestPartnerRevenueLevel(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **DISABLED_MAIL_CONTEXT))
        cls.fi = cls.env.ref("base.fi")
        cls.company = cls.env["res.company"].create(
            {
                "name": "REDU Edu Oy (test)",
                "country_id": cls.fi.id,
                "currency_id": cls.env.ref("base.EUR").id,
                "is_redu_group_entity": True,
                "redu_funding_model": "paid",
            }
        )
        cls.env["account.chart.template"].try_loading("generic_coa", company=cls.company, install_demo=False)
        cls.env = cls.env(context=dict(cls.env.context, allowed_company_ids=[cls.company.id]))
        cls.business_id = "0112038-9"
        cls.org = cls.env["res.partner"].create(
            {
                "name": "Rovaniemen Rakennus Oy",
                "is_company": True,
                "country_id": cls.fi.id,
                "company_registry": "FI" + cls.business_id.replace("-", ""),
                "partner_org_type": "company",
                "group_company_ids": [(6, 0, [cls.company.id])],
            }
        )
        cls.instructor = cls.env["res.partner"].create(
            {
                "name": "Kaisa Keskitalo",
                "parent_id": cls.org.id,
                "type": "contact",
                "email": "Kaisa.Keskitalo@rovaniemenrakennus.fi",
                "phone": "040 123 4567",
            }
        )
        cls.product = cls.env["product.product"].create(
            {
                "name": "Henkilöstökoulutus, työturvallisuus",
                "type": "service",
                "list_price": 12000.0,
                "invoice_policy": "order",
                "company_id": cls.company.id,
            }
        )
        cls.service = cls.env["redu.service"].create(
            {
                "name": "Työturvallisuuskorttikoulutus",
                "company_id": cls.company.id,
                "funding": "paid",
                "category_id": cls.env.ref("redu_services.service_category_staff_training").id,
                "product_id": cls.product.id,
            }
        )

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
