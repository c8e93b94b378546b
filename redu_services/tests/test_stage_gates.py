# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.exceptions import UserError
from odoo.fields import Date
from odoo.tests import tagged

from .common import ReduServicesCommon


@tagged("post_install", "-at_install")
class TestStageGates(ReduServicesCommon):
    def _done_checklist(self, process):
        process.checklist_line_ids.filtered("required").write({"done": True})

    def test_agreement_needs_agreement_date(self):
        process = self._create_process(title="Original")
        with self.assertRaisesRegex(UserError, "agreement date"):
            process.write({"stage_id": self.stage_agreement.id, "title": "Changed"})
        # nothing written
        self.assertEqual(process.stage_id, self.stage_inquiry)
        self.assertEqual(process.title, "Original")
        process.write({"stage_id": self.stage_agreement.id, "date_agreement": Date.today()})
        self.assertEqual(process.stage_id, self.stage_agreement)

    def test_agreement_paid_service_needs_confirmed_sale_order(self):
        process = self._create_process(service=self.service_paid, date_agreement=Date.today())
        process.checklist_line_ids.filtered(lambda line: line.stage_id == self.stage_needs).done = True
        with self.assertRaisesRegex(UserError, "confirmed sale order"):
            process.stage_id = self.stage_agreement
        self.assertEqual(process.stage_id, self.stage_inquiry)
        # a quotation is not enough
        process.action_create_quotation()
        order = process.sale_order_ids
        self.assertEqual(order.state, "draft")
        with self.assertRaisesRegex(UserError, "confirmed sale order"):
            process.stage_id = self.stage_agreement
        order.action_confirm()
        process.stage_id = self.stage_agreement
        self.assertEqual(process.stage_id, self.stage_agreement)

    def test_done_needs_checklist_and_feedback(self):
        process = self._create_process(service=self.service_paid)
        process.checklist_line_ids.filtered(lambda line: line.stage_id == self.stage_needs).done = True
        process.stage_id = self.stage_needs
        with self.assertRaises(UserError) as error:
            process.stage_id = self.stage_done
        message = str(error.exception)
        self.assertIn("Send the material", message)
        self.assertIn("feedback score", message)
        self.assertNotIn("Optional call", message, "an optional item never blocks")
        self.assertEqual(process.stage_id, self.stage_needs)

        self._done_checklist(process)
        with self.assertRaisesRegex(UserError, "feedback score"):
            process.stage_id = self.stage_done
        process.write({"stage_id": self.stage_done.id, "feedback_score": "5"})
        self.assertEqual(process.stage_id, self.stage_done)
        self.assertTrue(process.is_closed)

    def test_cancel_needs_reason(self):
        process = self._create_process()
        with self.assertRaisesRegex(UserError, "cancellation reason"):
            process.stage_id = self.stage_cancelled
        with self.assertRaisesRegex(UserError, "cancellation reason"):
            process.write({"stage_id": self.stage_cancelled.id, "cancel_reason": "   "})
        self.assertEqual(process.stage_id, self.stage_inquiry)
        process.write({"stage_id": self.stage_cancelled.id, "cancel_reason": "The company postponed the training."})
        self.assertEqual(process.stage_id, self.stage_cancelled)

    def test_cancel_ignores_checklist(self):
        process = self._create_process(service=self.service_paid)
        process.write({"stage_id": self.stage_cancelled.id, "cancel_reason": "No budget"})
        self.assertEqual(process.stage_id, self.stage_cancelled)

    def test_required_item_of_passed_stage_blocks(self):
        process = self._create_process(service=self.service_paid)
        # the needs assessment item must be done before moving past needs assessment
        process.stage_id = self.stage_needs
        with self.assertRaisesRegex(UserError, "Map the needs"):
            process.stage_id = self.stage_offer
        self.assertEqual(process.stage_id, self.stage_needs)
        # jumping further is refused too
        with self.assertRaisesRegex(UserError, "Map the needs"):
            process.stage_id = self.stage_feedback
        process.checklist_line_ids.filtered(lambda line: line.name == "Map the needs").done = True
        process.stage_id = self.stage_offer
        self.assertEqual(process.stage_id, self.stage_offer)

    def test_items_ticked_in_the_same_save_count(self):
        process = self._create_process(service=self.service_paid, stage_id=self.stage_needs.id)
        line = process.checklist_line_ids.filtered(lambda line: line.name == "Map the needs")
        process.write(
            {"stage_id": self.stage_offer.id, "checklist_line_ids": [Command.update(line.id, {"done": True})]}
        )
        self.assertEqual(process.stage_id, self.stage_offer)
        self.assertTrue(line.done)

    def test_refused_save_writes_nothing(self):
        process = self._create_process(service=self.service_paid, stage_id=self.stage_needs.id)
        line = process.checklist_line_ids.filtered(lambda line: line.name == "Map the needs")
        # ticking the item of needs assessment is not enough to jump to done
        with self.assertRaisesRegex(UserError, "Send the material"):
            process.write(
                {
                    "stage_id": self.stage_done.id,
                    "feedback_score": "4",
                    "checklist_line_ids": [Command.update(line.id, {"done": True})],
                }
            )
        self.assertEqual(process.stage_id, self.stage_needs)
        self.assertFalse(process.feedback_score)
        self.assertFalse(line.done)

    def test_backward_move_allowed_and_logged(self):
        process = self._create_process(date_agreement=Date.today())
        process.stage_id = self.stage_agreement
        process.stage_id = self.stage_delivery
        # an item unticked later does not block going back
        process.stage_id = self.stage_offer
        self.assertEqual(process.stage_id, self.stage_offer)
        bodies = process.message_ids.mapped("body")
        self.assertTrue(
            any("Moved back" in body and "Delivery" in body and "Offer" in body for body in bodies),
            "the backward move is logged in the chatter",
        )

    def test_multi_record_write_refused_as_a_whole(self):
        ok = self._create_process(date_agreement=Date.today())
        missing = self._create_process()
        processes = ok + missing
        with self.assertRaisesRegex(UserError, missing.name):
            processes.write({"stage_id": self.stage_agreement.id})
        self.assertEqual(processes.mapped("stage_id"), self.stage_inquiry)

    def test_create_in_gated_stage_refused(self):
        with self.assertRaisesRegex(UserError, "cancellation reason"):
            self._create_process(stage_id=self.stage_cancelled.id)
