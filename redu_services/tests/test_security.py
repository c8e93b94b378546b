# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import ReduServicesCommon


@tagged("post_install", "-at_install")
class TestSecurity(ReduServicesCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.process_a = cls._create_process()
        cls.process_b = cls._create_process(service=cls.service_b, user_id=cls.user_b.id)
        cls._invoice(cls.process_a, 100.0)
        cls._invoice(cls.process_b, 200.0)

    def test_multi_company_isolation_processes(self):
        Process = self.env["redu.service.process"]
        seen_a = Process.with_user(self.user_a).search([("partner_id", "=", self.organisation.id)])
        seen_b = Process.with_user(self.user_b).search([("partner_id", "=", self.organisation.id)])
        self.assertEqual(seen_a, self.process_a)
        self.assertEqual(seen_b, self.process_b)
        with self.assertRaises(AccessError):
            self.process_b.with_user(self.user_a).read(["name"])
        with self.assertRaises(AccessError):
            self.process_a.with_user(self.user_b).write({"title": "not mine"})
        # the checklist and team follow the process
        process = self._create_process(service=self.service_paid)
        self.assertFalse(
            self.env["redu.service.process.checklist.line"]
            .with_user(self.user_b)
            .search([("process_id", "=", process.id)])
        )

    def test_back_office_without_sales_rights(self):
        process = self.process_b.with_user(self.user_b)
        self.assertEqual(process.sale_order_count, 0)
        self.assertEqual(process.invoice_count, 1)
        self.assertEqual(process.invoiced_revenue, 200.0)
        process.write({"date_agreement": "2026-01-15", "stage_id": self.stage_agreement.id})
        self.assertEqual(process.stage_id, self.stage_agreement)

    def test_multi_company_isolation_catalogue(self):
        Service = self.env["redu.service"]
        self.assertIn(self.service_paid, Service.with_user(self.user_a).search([]))
        self.assertNotIn(self.service_b, Service.with_user(self.user_a).search([]))
        self.assertIn(self.service_b, Service.with_user(self.user_b).search([]))
        self.assertNotIn(self.service_paid, Service.with_user(self.user_b).search([]))

    def test_partners_stay_shared(self):
        self.assertEqual(self.organisation.with_user(self.user_b).read(["name"])[0]["name"], "Lapin Testi Oy")
        self.assertEqual(self.organisation.with_user(self.user_a).name, "Lapin Testi Oy")

    def test_service_user_access(self):
        Process = self.env["redu.service.process"].with_user(self.user_a)
        process = Process.create({"partner_id": self.organisation.id, "service_id": self.service_public.id})
        process.title = "Edited by the back office"
        process.checklist_line_ids.create({"process_id": process.id, "name": "Extra item"})
        self.assertEqual(process.title, "Edited by the back office")
        # catalogue and configuration are read-only
        self.assertTrue(self.service_paid.with_user(self.user_a).name)
        with self.assertRaises(AccessError):
            self.service_paid.with_user(self.user_a).write({"name": "Renamed"})
        with self.assertRaises(AccessError):
            self.stage_offer.with_user(self.user_a).write({"name": "Renamed"})
        with self.assertRaises(AccessError):
            self.template.with_user(self.user_a).write({"name": "Renamed"})
        # processes are cancelled, not deleted
        with self.assertRaises(AccessError):
            process.unlink()
        # no revenue analysis for the back office
        with self.assertRaises(AccessError):
            self.env["redu.service.revenue.report"].with_user(self.user_a).search([])

    def test_manager_access(self):
        Service = self.env["redu.service"].with_user(self.manager)
        service = Service.create(
            {
                "name": "New service",
                "category_id": self.category.id,
                "company_id": self.company_b.id,
                "funding": "project",
            }
        )
        self.assertEqual(service.company_id, self.company_b)
        self.stage_offer.with_user(self.manager).write({"fold": True})
        self.assertTrue(self.stage_offer.fold)
        self.template.with_user(self.manager).line_ids[0].write({"required": False})
        self.assertFalse(self.template.line_ids[0].required)
        category = (
            self.env["redu.service.category"]
            .with_user(self.manager)
            .create({"name": "New category", "code": "new_test_category"})
        )
        self.assertTrue(category.exists())
        # the manager sees the processes of both entities and the revenue
        Process = (
            self.env["redu.service.process"]
            .with_user(self.manager)
            .with_context(allowed_company_ids=(self.company_a + self.company_b).ids)
        )
        self.assertEqual(Process.search([("partner_id", "=", self.organisation.id)]), self.process_a + self.process_b)
        self.process_a.with_user(self.manager).unlink()
        self.assertFalse(self.process_a.exists())

    def test_finance_access(self):
        report = self.env["redu.service.revenue.report"].with_user(self.finance_a)
        rows = report.search([("partner_id", "=", self.organisation.id)])
        self.assertEqual(rows.process_id, self.process_a, "finance of entity A sees only A's revenue")
        self.assertEqual(sum(rows.mapped("amount")), 100.0)
        # read-only on processes and catalogue
        self.assertEqual(self.process_a.with_user(self.finance_a).invoiced_revenue, 100.0)
        with self.assertRaises(AccessError):
            self.process_a.with_user(self.finance_a).write({"title": "finance edit"})
        with self.assertRaises(AccessError):
            self.env["redu.service.process"].with_user(self.finance_a).create(
                {"partner_id": self.organisation.id, "service_id": self.service_public.id}
            )
        with self.assertRaises(AccessError):
            self.service_paid.with_user(self.finance_a).write({"name": "finance edit"})
        with self.assertRaises(AccessError):
            self.process_b.with_user(self.finance_a).read(["invoiced_revenue"])

    def test_employee_without_group_refused(self):
        employee = self.env["res.users"].create(
            {
                "name": "Plain employee",
                "login": "redu_srv_plain",
                "group_ids": [(6, 0, [self.env.ref("base.group_user").id])],
            }
        )
        with self.assertRaises(AccessError):
            self.env["redu.service.process"].with_user(employee).search([])
        with self.assertRaises(AccessError):
            self.env["redu.service.revenue.report"].with_user(employee).search([])
