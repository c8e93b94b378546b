# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Date
from odoo.tests import tagged

from .common import ReduServicesCommon


@tagged("post_install", "-at_install")
class TestStageGates(ReduServicesCommon):
    """Each gate alone on a stage of its own, then the gates of the stages of the data."""

    def _stage_with_gate(self, gate_xmlid, sequence=45):
        """A stage whose only gate is ``gate_xmlid`` (between Agreement and Delivery by default)."""
        return self.env["redu.service.stage"].create(
            {
                "name": "Gate under test",
                "sequence": sequence,
                "gate_ids": [Command.set(self.env.ref(f"redu_services.{gate_xmlid}").ids)],
            }
        )

    def _line(self, process, name):
        return process.checklist_line_ids.filtered(lambda line: line.name == name)

    # ------------------------------------------------------------------
    # one gate at a time
    # ------------------------------------------------------------------
    def test_gate_agreement_date_needs_the_agreement_date(self):
        stage = self._stage_with_gate("stage_gate_agreement_date")
        process = self._create_process()
        with self.assertRefused(UserError, "Missing: the agreement date."):
            process.stage_id = stage
        self.assertEqual(process.stage_id, self.stage_inquiry)
        process.write({"stage_id": stage.id, "date_agreement": Date.today()})
        self.assertEqual(process.stage_id, stage)

    def test_gate_confirmed_sale_order_needs_a_confirmed_order_for_a_paid_service(self):
        stage = self._stage_with_gate("stage_gate_confirmed_sale_order")
        process = self._create_process(service=self.service_paid)
        with self.assertRefused(UserError, r"Missing: a confirmed sale order \(the service is paid\)."):
            process.stage_id = stage
        process.action_create_quotation()
        with self.assertRefused(UserError, "a confirmed sale order", msg="a quotation is not enough"):
            process.stage_id = stage
        process.sale_order_ids.action_confirm()
        process.stage_id = stage
        self.assertEqual(process.stage_id, stage)

    def test_gate_confirmed_sale_order_lets_a_service_that_is_not_paid_pass(self):
        stage = self._stage_with_gate("stage_gate_confirmed_sale_order")
        process = self._create_process(service=self.service_public)
        process.stage_id = stage
        self.assertEqual(process.stage_id, stage)

    def test_gate_required_checklist_needs_every_required_item_done(self):
        stage = self._stage_with_gate("stage_gate_required_checklist")
        process = self._create_process(service=self.service_paid)
        with self.assertRaises(UserError) as error:
            process.stage_id = stage
        self.assertIn("Missing: the required checklist items: Map the needs, Send the material.", str(error.exception))
        self.assertNotIn("Optional call", str(error.exception), "an optional item never blocks")
        (self._line(process, "Map the needs") | self._line(process, "Send the material")).done = True
        process.stage_id = stage
        self.assertEqual(process.stage_id, stage)

    def test_gate_feedback_score_needs_a_score(self):
        stage = self._stage_with_gate("stage_gate_feedback_score")
        process = self._create_process()
        with self.assertRefused(UserError, "Missing: a feedback score."):
            process.stage_id = stage
        process.write({"stage_id": stage.id, "feedback_score": "3"})
        self.assertEqual(process.stage_id, stage)

    def test_gate_cancel_reason_needs_a_reason_that_is_not_blank(self):
        stage = self._stage_with_gate("stage_gate_cancel_reason")
        process = self._create_process()
        with self.assertRefused(UserError, "Missing: a cancellation reason."):
            process.stage_id = stage
        with self.assertRefused(UserError, "a cancellation reason"):
            process.write({"stage_id": stage.id, "cancel_reason": "   "})
        process.write({"stage_id": stage.id, "cancel_reason": "The company postponed the training."})
        self.assertEqual(process.stage_id, stage)

    def test_gate_checklist_passed_stages_needs_the_required_items_of_earlier_stages(self):
        stage = self._stage_with_gate("stage_gate_checklist_passed_stages")  # after Needs assessment
        process = self._create_process(service=self.service_paid)
        with self.assertRefused(
            UserError, "Missing: the required checklist items of the stages already passed: Map the needs."
        ):
            process.stage_id = stage
        # the items of this stage and of later stages do not block
        self._line(process, "Map the needs").done = True
        process.stage_id = stage
        self.assertEqual(process.stage_id, stage)

    def test_gate_checklist_passed_stages_is_not_checked_moving_back(self):
        stage = self._stage_with_gate("stage_gate_checklist_passed_stages")
        process = self._create_process(service=self.service_paid)
        self._line(process, "Map the needs").done = True
        process.stage_id = self.stage_delivery
        self._line(process, "Map the needs").done = False
        process.stage_id = stage
        self.assertEqual(process.stage_id, stage)

    def test_gate_without_a_rule_is_refused(self):
        with self.assertRefused(ValidationError, "no method _gate_no_such_rule"):
            self.env["redu.service.stage.gate"].create({"name": "No rule", "code": "no_such_rule"})

    # ------------------------------------------------------------------
    # the stages of the data and the judgement of a save
    # ------------------------------------------------------------------
    def test_stages_of_the_data_have_the_gates_of_their_step(self):
        def codes(stage):
            return set(stage.gate_ids.mapped("code"))

        self.assertEqual(
            codes(self.stage_agreement), {"agreement_date", "confirmed_sale_order", "checklist_passed_stages"}
        )
        self.assertEqual(codes(self.stage_done), {"required_checklist", "feedback_score"})
        self.assertEqual(codes(self.stage_cancelled), {"cancel_reason"})
        for stage in (
            self.stage_inquiry | self.stage_needs | self.stage_offer | self.stage_delivery | self.stage_feedback
        ):
            self.assertEqual(codes(stage), {"checklist_passed_stages"})

    def test_new_stage_has_the_gate_of_the_checklist_of_stages_passed(self):
        stage = self.env["redu.service.stage"].create({"name": "New stage", "sequence": 55})
        self.assertEqual(stage.gate_ids, self.env.ref("redu_services.stage_gate_checklist_passed_stages"))

    def test_refusal_names_every_missing_item_in_the_order_of_the_gates(self):
        process = self._create_process(service=self.service_paid)
        with self.assertRaises(UserError) as error:
            process.stage_id = self.stage_done
        self.assertEqual(
            str(error.exception),
            f"The service process {process.name} cannot enter the stage Done. Missing: the required checklist "
            "items: Map the needs, Send the material; a feedback score.",
        )

    def test_values_of_the_same_save_count(self):
        process = self._create_process(service=self.service_paid, stage_id=self.stage_needs.id)
        line = self._line(process, "Map the needs")
        process.write(
            {"stage_id": self.stage_offer.id, "checklist_line_ids": [Command.update(line.id, {"done": True})]}
        )
        self.assertEqual(process.stage_id, self.stage_offer)
        self.assertTrue(line.done)

    def test_refused_save_writes_nothing(self):
        process = self._create_process(service=self.service_paid, stage_id=self.stage_needs.id, title="Original")
        line = self._line(process, "Map the needs")
        # ticking the item of needs assessment is not enough to jump to done
        with self.assertRefused(UserError, "Send the material"):
            process.write(
                {
                    "stage_id": self.stage_done.id,
                    "title": "Changed",
                    "feedback_score": "4",
                    "checklist_line_ids": [Command.update(line.id, {"done": True})],
                }
            )
        self.assertEqual(process.stage_id, self.stage_needs)
        self.assertEqual(process.title, "Original")
        self.assertFalse(process.feedback_score)
        self.assertFalse(line.done)

    def test_write_on_many_processes_refused_as_a_whole(self):
        ok = self._create_process(date_agreement=Date.today())
        missing = self._create_process()
        processes = ok + missing
        with self.assertRefused(UserError, missing.name):
            processes.write({"stage_id": self.stage_agreement.id})
        self.assertEqual(processes.mapped("stage_id"), self.stage_inquiry)

    def test_create_in_a_gated_stage_refused(self):
        with self.assertRefused(UserError, "cancellation reason"):
            self._create_process(stage_id=self.stage_cancelled.id)

    def test_cancelling_ignores_the_checklist(self):
        process = self._create_process(service=self.service_paid)
        process.write({"stage_id": self.stage_cancelled.id, "cancel_reason": "No budget"})
        self.assertEqual(process.stage_id, self.stage_cancelled)
