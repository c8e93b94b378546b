# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.tests import tagged

from .common import ReduServicesCommon


@tagged("post_install", "-at_install")
class TestPartnerRevenue(ReduServicesCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_levels_and_forms()
        cls.process = cls._create_process()

    def _suggested(self, partner):
        partner.invalidate_recordset()
        return partner.suggested_partnership_level_id

    def test_revenue_last_12_months(self):
        today = fields.Date.today()
        self._invoice(self.process, 800.0, invoice_date=today - relativedelta(months=2))
        self._invoice(self.process, 5000.0, invoice_date=today - relativedelta(months=13))
        self._invoice(self.process, 300.0, move_type="out_refund", invoice_date=today)
        self._invoice(self.process, 999.0, post=False)
        self.organisation.invalidate_recordset()
        self.assertEqual(self.organisation.revenue_last_12_months, 500.0)
        self.assertEqual(self.contact.revenue_last_12_months, 500.0, "a contact shows its company's revenue")
        self.assertEqual(self.organisation.service_process_count, 1)
        action = self.organisation.action_view_service_processes()
        self.assertEqual(self.env["redu.service.process"].search(action["domain"]), self.process)

    def test_suggested_level_from_revenue(self):
        self.assertFalse(self._suggested(self.organisation))
        self._invoice(self.process, 1200.0)
        self.assertEqual(self._suggested(self.organisation), self.level_c)
        self._invoice(self.process, 10000.0)
        self.assertEqual(self._suggested(self.organisation), self.level_b)
        self._invoice(self.process, 40000.0)
        self.assertEqual(self._suggested(self.organisation), self.level_a)

    def test_suggested_level_higher_of_revenue_and_cooperation_type(self):
        # occasional cooperation suggests D, revenue 12,000 suggests B: B wins
        self.organisation.cooperation_form_ids = [Command.set(self.form_occasional.ids)]
        self.assertEqual(self._suggested(self.organisation), self.level_d)
        self._invoice(self.process, 12000.0)
        self.assertEqual(self._suggested(self.organisation), self.level_b)
        # strategic cooperation suggests A: the cooperation type wins over revenue B
        self.organisation.cooperation_form_ids = [Command.set(self.form_strategic.ids)]
        self.assertEqual(self._suggested(self.organisation), self.level_a)

    def test_thresholds_from_settings(self):
        settings = self.env["res.config.settings"].create({})
        self.assertEqual(settings.redu_revenue_threshold_a, 50000.0)
        self.assertEqual(settings.redu_revenue_threshold_b, 10000.0)
        self.assertEqual(settings.redu_revenue_threshold_c, 1000.0)
        settings.redu_revenue_threshold_a = 2000.0
        settings.execute()
        self.assertEqual(
            self.env["ir.config_parameter"].sudo().get_param("redu_services.revenue_threshold_a"), "2000.0"
        )
        self._invoice(self.process, 2500.0)
        self.assertEqual(self._suggested(self.organisation), self.level_a)
