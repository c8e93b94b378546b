# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The figures of the dashboard "Income financing": the invoiced revenue."""

import datetime

from odoo import Command, fields
from odoo.tests import new_test_user, tagged

from odoo.addons.redu_services.tests.common import ReduServicesInvoicingCommon

from .common import DashboardDataMixin


@tagged("post_install", "-at_install")
class TestDashboardRevenue(DashboardDataMixin, ReduServicesInvoicingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dashboard = cls._dashboard("revenue")
        cls.finance = new_test_user(
            cls.env,
            "redu_dash_finance",
            groups="redu_services.group_service_finance",
            company_id=cls.company_a.id,
            company_ids=[Command.set((cls.company_a + cls.company_b).ids)],
        )
        cls.level_a = cls.env["redu.partnership.level"].search([("code", "=", "A")])
        cls.organisation.partnership_level_id = cls.level_a
        year = fields.Date.context_today(cls.env["res.users"]).year
        cls.this_year = datetime.date(year, 2, 1)
        cls.last_year = datetime.date(year - 1, 2, 1)

    def _read(self, name):
        return self._read_pivot(self.env(user=self.finance), self.dashboard, name, self.company_a + self.company_b)

    def test_revenue_per_category_and_entity_year_over_year(self):
        training = self._create_process(service=self.service_paid)  # staff training
        instructor = self._create_process(service=self.service_public)  # workplace instructor training
        self._invoice(training, 1000.0, invoice_date=self.this_year)
        self._invoice(training, 250.0, invoice_date=self.this_year)
        self._invoice(training, 100.0, move_type="out_refund", invoice_date=self.this_year)
        self._invoice(instructor, 400.0, invoice_date=self.this_year)
        self._invoice(instructor, 999.0, invoice_date=self.this_year, post=False)  # draft: no revenue
        self._invoice(training, 700.0, invoice_date=self.last_year)
        a = self.company_a.id
        instructor_category = self.service_public.category_id.id
        self.assertEqual(
            self._read("Revenue per category"),
            {(self.category.id, a): [1150.0], (instructor_category, a): [400.0]},
        )
        self.assertEqual(self._read("Revenue per category - previous"), {(self.category.id, a): [700.0]})

    def test_revenue_per_partnership_level_and_entity_year_over_year(self):
        process = self._create_process(service=self.service_paid)
        self._invoice(process, 1200.0, invoice_date=self.this_year)
        self._invoice(process, 300.0, invoice_date=self.last_year)
        a = self.company_a.id
        self.assertEqual(self._read("Revenue per partner level"), {(self.level_a.id, a): [1200.0]})
        self.assertEqual(self._read("Revenue per partner level - previous"), {(self.level_a.id, a): [300.0]})

    def test_scorecards_and_revenue_per_month_of_the_period_and_the_previous_one(self):
        training = self._create_process(service=self.service_paid)
        instructor = self._create_process(service=self.service_public)
        self._invoice(training, 1000.0, invoice_date=self.this_year)
        self._invoice(training, 500.0, invoice_date=self.this_year.replace(month=4))
        self._invoice(instructor, 400.0, invoice_date=self.this_year.replace(month=4))
        self._invoice(training, 100.0, move_type="out_refund", invoice_date=self.this_year.replace(month=4))
        self._invoice(training, 700.0, invoice_date=self.last_year)
        self.assertEqual(self._read("Revenue total"), {(): [1800.0, 4, 2]})
        self.assertEqual(self._read("Revenue total - previous"), {(): [700.0, 1, 1]})
        self.assertEqual(self._read("Revenue per month"), {(2,): [1000.0], (4,): [800.0]})
        self.assertEqual(self._read("Revenue per month - previous"), {(2,): [700.0]})
        cells = self._scorecard_cells(self.dashboard)
        self.assertEqual(
            cells["Invoiced revenue"], ('=PIVOT.VALUE(5,"amount:sum")+0', '=PIVOT.VALUE(6,"amount:sum")+0')
        )
        self.assertEqual(cells["Revenue per invoiced process"], ("=IFERROR(B2/B4,0)", "=IFERROR(C2/C4,0)"))
        a = self.company_a.id
        self.assertEqual(
            self._read_chart(
                self.env(user=self.finance),
                self.dashboard,
                "Invoiced revenue per category and group entity",
                self.company_a + self.company_b,
            ),
            {(self.category.id, a): 1400.0, (self.service_public.category_id.id, a): 400.0},
        )
        self.assertEqual(
            self._read_chart(
                self.env(user=self.finance), self.dashboard, "Invoiced revenue per partnership level", self.company_a
            ),
            {(self.level_a.id,): 1800.0},
        )
