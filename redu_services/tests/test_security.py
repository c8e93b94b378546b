# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Access rights, one group and one operation per test (the revenue ones are in test_revenue)."""

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import ReduServicesCommon


@tagged("post_install", "-at_install")
class TestSecurity(ReduServicesCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.process_a = cls._create_process()
        cls.process_b = cls._create_process(service=cls.service_b, user_id=cls.user_b.id)
        cls.employee = new_test_user(cls.env, "redu_srv_plain", groups="base.group_user")

    # ------------------------------------------------------------------
    # group entities
    # ------------------------------------------------------------------
    def test_user_finds_the_processes_of_their_entity_only(self):
        Process = self.env["redu.service.process"]
        self.assertEqual(
            Process.with_user(self.user_a).search([("partner_id", "=", self.organisation.id)]), self.process_a
        )
        self.assertEqual(
            Process.with_user(self.user_b).search([("partner_id", "=", self.organisation.id)]), self.process_b
        )

    def test_user_cannot_read_a_process_of_another_entity(self):
        with self.assertRaises(AccessError):
            self.process_b.with_user(self.user_a).read(["name"])

    def test_user_cannot_write_a_process_of_another_entity(self):
        with self.assertRaises(AccessError):
            self.process_a.with_user(self.user_b).write({"title": "not mine"})

    def test_checklist_of_a_process_follows_its_entity(self):
        process = self._create_process(service=self.service_paid)
        Line = self.env["redu.service.process.checklist.line"]
        self.assertFalse(Line.with_user(self.user_b).search([("process_id", "=", process.id)]))
        self.assertEqual(len(Line.with_user(self.user_a).search([("process_id", "=", process.id)])), 3)

    def test_catalogue_shows_the_services_of_the_entity_only(self):
        Service = self.env["redu.service"]
        self.assertIn(self.service_paid, Service.with_user(self.user_a).search([]))
        self.assertNotIn(self.service_b, Service.with_user(self.user_a).search([]))
        self.assertIn(self.service_b, Service.with_user(self.user_b).search([]))
        self.assertNotIn(self.service_paid, Service.with_user(self.user_b).search([]))

    def test_partners_are_shared_by_every_entity(self):
        self.assertEqual(self.organisation.with_user(self.user_b).name, "Lapin Testi Oy")
        self.assertEqual(self.organisation.with_user(self.user_a).name, "Lapin Testi Oy")

    def test_manager_sees_the_processes_of_every_allowed_entity(self):
        Process = (
            self.env["redu.service.process"]
            .with_user(self.manager)
            .with_context(allowed_company_ids=(self.company_a + self.company_b).ids)
        )
        self.assertEqual(Process.search([("partner_id", "=", self.organisation.id)]), self.process_a + self.process_b)

    # ------------------------------------------------------------------
    # back office (service user)
    # ------------------------------------------------------------------
    def test_service_user_creates_and_edits_processes(self):
        process = (
            self.env["redu.service.process"]
            .with_user(self.user_a)
            .create({"partner_id": self.organisation.id, "service_id": self.service_public.id})
        )
        process.title = "Edited by the back office"
        process.checklist_line_ids.create({"process_id": process.id, "name": "Extra item"})
        self.assertEqual(process.title, "Edited by the back office")
        self.assertEqual(process.checklist_line_ids.name, "Extra item")

    def test_service_user_moves_a_process_without_sales_rights(self):
        process = self.process_b.with_user(self.user_b)
        process.write({"date_agreement": "2026-01-15", "stage_id": self.stage_agreement.id})
        self.assertEqual(process.stage_id, self.stage_agreement)

    def test_service_user_cannot_delete_a_process(self):
        with self.assertRaises(AccessError):
            self.process_a.with_user(self.user_a).unlink()

    def test_service_user_reads_but_cannot_edit_the_catalogue(self):
        self.assertEqual(self.service_paid.with_user(self.user_a).name, "Customer service training")
        with self.assertRaises(AccessError):
            self.service_paid.with_user(self.user_a).write({"name": "Renamed"})

    def test_service_user_cannot_edit_the_stages(self):
        with self.assertRaises(AccessError):
            self.stage_offer.with_user(self.user_a).write({"name": "Renamed"})

    def test_service_user_cannot_edit_the_stage_gates(self):
        gate = self.env.ref("redu_services.stage_gate_feedback_score")
        self.assertEqual(gate.with_user(self.user_a).name, "Feedback score")
        with self.assertRaises(AccessError):
            gate.with_user(self.user_a).write({"name": "Renamed"})

    def test_service_user_cannot_edit_the_checklist_templates(self):
        with self.assertRaises(AccessError):
            self.template.with_user(self.user_a).write({"name": "Renamed"})

    def test_service_user_has_no_revenue_analysis(self):
        with self.assertRaises(AccessError):
            self.env["redu.service.revenue.report"].with_user(self.user_a).search([])

    # ------------------------------------------------------------------
    # administrator (manager)
    # ------------------------------------------------------------------
    def test_manager_creates_services(self):
        service = (
            self.env["redu.service"]
            .with_user(self.manager)
            .create(
                {
                    "name": "New service",
                    "category_id": self.category.id,
                    "company_id": self.company_b.id,
                    "funding": "project",
                }
            )
        )
        self.assertEqual(service.company_id, self.company_b)

    def test_manager_edits_the_stages(self):
        self.stage_offer.with_user(self.manager).write({"fold": True})
        self.assertTrue(self.stage_offer.fold)

    def test_manager_edits_the_checklist_templates(self):
        self.template.with_user(self.manager).line_ids[0].write({"required": False})
        self.assertFalse(self.template.line_ids[0].required)

    def test_manager_creates_service_categories(self):
        category = (
            self.env["redu.service.category"]
            .with_user(self.manager)
            .create({"name": "New category", "code": "new_test_category"})
        )
        self.assertTrue(category.exists())

    def test_manager_cannot_edit_the_stage_gates(self):
        with self.assertRaises(AccessError):
            self.env.ref("redu_services.stage_gate_feedback_score").with_user(self.manager).write({"code": "other"})

    def test_manager_deletes_a_process(self):
        self.process_a.with_user(self.manager).unlink()
        self.assertFalse(self.process_a.exists())

    # ------------------------------------------------------------------
    # finance
    # ------------------------------------------------------------------
    def test_finance_user_cannot_write_a_process(self):
        with self.assertRaises(AccessError):
            self.process_a.with_user(self.finance_a).write({"title": "finance edit"})

    def test_finance_user_cannot_create_a_process(self):
        with self.assertRaises(AccessError):
            self.env["redu.service.process"].with_user(self.finance_a).create(
                {"partner_id": self.organisation.id, "service_id": self.service_public.id}
            )

    def test_finance_user_cannot_edit_the_catalogue(self):
        with self.assertRaises(AccessError):
            self.service_paid.with_user(self.finance_a).write({"name": "finance edit"})

    # ------------------------------------------------------------------
    # employee without a group of the app
    # ------------------------------------------------------------------
    def test_employee_without_group_has_no_processes(self):
        with self.assertRaises(AccessError):
            self.env["redu.service.process"].with_user(self.employee).search([])

    def test_employee_without_group_has_no_revenue_analysis(self):
        with self.assertRaises(AccessError):
            self.env["redu.service.revenue.report"].with_user(self.employee).search([])
