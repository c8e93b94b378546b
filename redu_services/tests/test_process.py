# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from .common import ReduServicesCommon


@tagged("post_install", "-at_install")
class TestProcess(ReduServicesCommon):
    def test_name_from_sequence(self):
        first = self._create_process()
        second = self._create_process()
        self.assertTrue(first.name.startswith("SP/"))
        self.assertNotEqual(first.name, second.name)
        self.assertEqual(first.company_id, self.company_a, "the entity comes from the service")

    def test_checklist_copied_from_template(self):
        lines = self._create_process(service=self.service_paid).checklist_line_ids
        self.assertEqual(lines.mapped("name"), ["Map the needs", "Optional call", "Send the material"])
        self.assertEqual(lines.mapped("required"), [True, False, True])
        self.assertEqual(lines.mapped("stage_id"), self.stage_needs + self.stage_offer + self.stage_delivery)
        self.assertFalse(any(lines.mapped("done")))

    def test_checklist_copy_is_independent_of_the_template(self):
        lines = self._create_process(service=self.service_paid).checklist_line_ids
        self.template.line_ids[0].name = "Renamed in template"
        self.assertEqual(lines[0].name, "Map the needs")

    def test_service_without_template_gives_no_checklist(self):
        self.assertFalse(self._create_process().checklist_line_ids)

    def test_checklist_copied_when_service_chosen_later(self):
        process = self._create_process()
        process.service_id = self.service_paid
        self.assertEqual(len(process.checklist_line_ids), 3)

    def test_checklist_done_by_and_date(self):
        process = self._create_process(service=self.service_paid)
        line = process.checklist_line_ids[0]
        line.with_user(self.user_a).done = True
        self.assertEqual(line.done_by, self.user_a)
        self.assertTrue(line.done_date)
        line.done = False
        self.assertFalse(line.done_by)
        self.assertFalse(line.done_date)

    def test_form_onchange_company_from_service(self):
        form = Form(self.env["redu.service.process"])
        form.partner_id = self.organisation
        form.service_id = self.service_b
        self.assertEqual(form.company_id, self.company_b)
        process = form.save()
        self.assertEqual(process.stage_id, self.stage_inquiry)

    def test_leaving_the_inquiry_stamps_the_first_response(self):
        with freeze_time("2026-03-02 08:00:00"):
            process = self._create_process()
            self.assertFalse(process.date_first_response)
            self.assertEqual(process.response_hours, 0.0)
        with freeze_time("2026-03-02 13:30:00"):
            process.stage_id = self.stage_needs
        self.assertEqual(process.date_first_response, datetime(2026, 3, 2, 13, 30))
        self.assertAlmostEqual(process.response_hours, 5.5)

    def test_leaving_the_inquiry_again_keeps_the_first_response(self):
        with freeze_time("2026-03-02 13:30:00"):
            process = self._create_process()
            process.stage_id = self.stage_needs
            process.stage_id = self.stage_inquiry
        with freeze_time("2026-03-05 13:30:00"):
            process.stage_id = self.stage_needs
        self.assertEqual(process.date_first_response, datetime(2026, 3, 2, 13, 30))

    def test_first_response_given_with_the_move_is_kept(self):
        process = self._create_process(date_inquiry=datetime(2026, 3, 2, 8, 0))
        process.with_user(self.user_a).write(
            {"stage_id": self.stage_needs.id, "date_first_response": datetime(2026, 3, 2, 9, 0)}
        )
        self.assertEqual(process.date_first_response, datetime(2026, 3, 2, 9, 0))
        self.assertAlmostEqual(process.response_hours, 1.0)

    def test_process_recorded_past_the_inquiry_is_answered(self):
        with freeze_time("2026-03-02 13:30:00"):
            process = self._create_process(date_inquiry=datetime(2026, 3, 2, 8, 0), stage_id=self.stage_needs.id)
            self.assertEqual(process.date_first_response, datetime(2026, 3, 2, 13, 30))

    def test_first_response_recorded_by_hand_is_kept(self):
        process = self._create_process(date_inquiry=datetime.now() - timedelta(hours=2))
        process.date_first_response = process.date_inquiry + timedelta(hours=1)
        process.stage_id = self.stage_needs
        self.assertAlmostEqual(process.response_hours, 1.0)

    def test_quotation_from_process(self):
        process = self._create_process(service=self.service_paid)
        action = process.with_user(self.user_a).action_create_quotation()
        order = self.env["sale.order"].browse(action["res_id"])
        self.assertEqual(order.partner_id, self.organisation)
        self.assertEqual(order.service_process_id, process)
        self.assertEqual(order.company_id, self.company_a)
        self.assertEqual(order.order_line.product_id, self.product)
        self.assertEqual(process.sale_order_count, 1)

    def test_paid_service_needs_product(self):
        with self.assertRaisesRegex(ValidationError, "needs a product"):
            self.env["redu.service"].create(
                {
                    "name": "Paid without product",
                    "category_id": self.category.id,
                    "company_id": self.company_a.id,
                    "funding": "paid",
                }
            )

    def test_kanban_shows_every_stage(self):
        self._create_process()
        groups = (
            self.env["redu.service.process"]
            .with_context(read_group_expand=True)
            .formatted_read_group(
                [("partner_id", "=", self.organisation.id)], ["stage_id"], ["__count"], order="stage_id"
            )
        )
        stages = self.env["redu.service.stage"].search([])
        self.assertEqual(len(groups), len(stages))

    def test_copy_restarts(self):
        process = self._create_process(date_agreement=datetime.now().date())
        process.stage_id = self.stage_agreement
        copy = process.copy()
        self.assertNotEqual(copy.name, process.name)
        self.assertEqual(copy.stage_id, self.stage_inquiry)
        self.assertFalse(copy.date_agreement)
