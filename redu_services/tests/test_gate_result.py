# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import ReduServicesCommon


@tagged("post_install", "-at_install")
class TestGateResult(ReduServicesCommon):
    """The stage gates judge the process as a write leaves it, and what they judge of the
    checklist (which items are required, by which stage) is a services administrator's decision."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.gated = cls.env["redu.service.stage"].create(
            {
                "name": "Required checklist done",
                "sequence": 45,
                "gate_ids": [Command.set(cls.env.ref("redu_services.stage_gate_required_checklist").ids)],
            }
        )

    def _line(self, process, name):
        return process.checklist_line_ids.filtered(lambda line: line.name == name)

    def test_member_cannot_unrequire_an_item_in_the_move(self):
        process = self._create_process(service=self.service_paid)
        line = self._line(process, "Map the needs")
        self._line(process, "Send the material").done = True
        with self.assertRefused(AccessError, "Only an administrator of this application can change Required"):
            process.with_user(self.user_a).write(
                {"stage_id": self.gated.id, "checklist_line_ids": [Command.update(line.id, {"required": False})]}
            )
        self.assertEqual(process.stage_id, self.stage_inquiry)
        self.assertTrue(line.required)

    def test_member_cannot_delete_a_required_item_in_the_move_or_before(self):
        process = self._create_process(service=self.service_paid)
        line = self._line(process, "Map the needs")
        self._line(process, "Send the material").done = True
        with self.assertRaises(AccessError):
            process.with_user(self.user_a).write(
                {"stage_id": self.gated.id, "checklist_line_ids": [Command.delete(line.id)]}
            )
        with self.assertRaises(AccessError):
            line.with_user(self.user_a).unlink()
        with self.assertRaises(AccessError):
            process.with_user(self.user_a).write({"checklist_line_ids": [Command.clear()]})
        self.assertTrue(line.exists())
        with self.assertRefused(UserError, "Map the needs"):
            process.with_user(self.user_a).write({"stage_id": self.gated.id})
        self.assertEqual(process.stage_id, self.stage_inquiry)

    def test_member_cannot_move_an_item_to_a_later_stage_or_another_process(self):
        process = self._create_process(service=self.service_paid)
        other = self._create_process()
        line = self._line(process, "Map the needs")
        for vals in ({"stage_id": self.stage_done.id}, {"process_id": other.id}, {"required": False}):
            with self.assertRaises(AccessError):
                line.with_user(self.user_a).write(vals)
        self.assertEqual((line.stage_id, line.process_id, line.required), (self.stage_needs, process, True))

    def test_member_adds_ticks_and_deletes_optional_items(self):
        process = self._create_process(service=self.service_paid)
        Line = self.env["redu.service.process.checklist.line"].with_user(self.user_a)
        # the items of a team member are optional (only an administrator decides what is required)
        extra = Line.create({"process_id": process.id, "name": "Extra check"})
        self.assertFalse(extra.required)
        extra.done = True
        self.assertEqual(extra.done_by, self.user_a)
        extra.unlink()
        self.assertFalse(extra.exists())

    def test_unticking_in_the_move_is_judged_after_the_write(self):
        process = self._create_process(service=self.service_paid)
        lines = self._line(process, "Map the needs") | self._line(process, "Send the material")
        lines.done = True
        with self.assertRefused(UserError, "Map the needs"):
            process.with_user(self.user_a).write(
                {"stage_id": self.gated.id, "checklist_line_ids": [Command.update(lines[0].id, {"done": False})]}
            )
        self.assertEqual(process.stage_id, self.stage_inquiry)
        self.assertTrue(lines[0].done)

    def test_administrator_unrequires_in_the_move_and_the_result_passes(self):
        process = self._create_process(service=self.service_paid)
        line = self._line(process, "Map the needs")
        self._line(process, "Send the material").done = True
        process.with_user(self.manager).write(
            {"stage_id": self.gated.id, "checklist_line_ids": [Command.update(line.id, {"required": False})]}
        )
        self.assertEqual(process.stage_id, self.gated)

    def test_own_checklist_does_not_keep_the_template_out(self):
        process = (
            self.env["redu.service.process"]
            .with_user(self.user_a)
            .create(
                {
                    "partner_id": self.organisation.id,
                    "service_id": self.service_paid.id,
                    "checklist_line_ids": [Command.create({"name": "Own item", "done": True})],
                }
            )
        )
        self.assertEqual(
            set(process.checklist_line_ids.mapped("name")),
            {"Own item", "Map the needs", "Optional call", "Send the material"},
        )
        with self.assertRefused(UserError, "Map the needs, Send the material"):
            process.with_user(self.user_a).write({"stage_id": self.gated.id})

    # ------------------------------------------------------------------
    # moving across entities
    # ------------------------------------------------------------------
    def test_member_cannot_move_a_process_to_an_entity_they_are_not_working_in(self):
        # the administrator is in both entities, working in the first one only
        process = self._create_process(user_id=self.manager.id)
        in_a = process.with_user(self.manager).with_context(allowed_company_ids=self.company_a.ids)
        with self.assertRaises(AccessError):
            in_a.write({"service_id": self.service_b.id})
        with self.assertRefused(UserError, "company"):
            in_a.write({"company_id": self.company_b.id})
        self.assertEqual((process.company_id, process.service_id), (self.company_a, self.service_public))

    def test_system_code_moves_a_process_for_the_user(self):
        """The move is judged in the caller's environment: the system's own sudo() is not refused."""
        process = self._create_process(user_id=self.manager.id)
        in_a = process.with_user(self.manager).with_context(allowed_company_ids=self.company_a.ids)
        in_a.sudo().write({"service_id": self.service_b.id})
        self.assertEqual(process.company_id, self.company_b)

    def test_member_cannot_move_a_checklist_item_to_another_entity(self):
        process = self._create_process(service=self.service_paid)
        process_b = self._create_process(service=self.service_b, user_id=self.user_b.id)
        line = self.env["redu.service.process.checklist.line"].create(
            {"process_id": process.id, "name": "Optional", "required": False}
        )
        self.assertEqual(line.company_id, self.company_a)
        with self.assertRaises(AccessError):
            line.with_user(self.manager).with_context(allowed_company_ids=self.company_a.ids).write(
                {"process_id": process_b.id}
            )
        self.assertEqual(line.process_id, process)

    def test_moving_a_process_leaves_no_sale_order_in_the_old_entity(self):
        process = self._create_process(service=self.service_paid)
        process.action_create_quotation()
        self.assertEqual(process.sale_order_ids.company_id, self.company_a)
        # the administrator works in both entities (no entity switched off)
        with self.assertRefused(UserError, "company"):
            process.with_user(self.manager).write({"service_id": self.service_b.id})
        self.assertEqual(process.company_id, self.company_a)

    def test_the_form_shows_required_and_stage_of_items_read_only_to_members(self):
        process = self._create_process(service=self.service_paid)
        with Form(process.with_user(self.user_a)) as form, form.checklist_line_ids.edit(0) as line:
            line.done = True
            with self.assertRaises(AssertionError):
                line.required = False
            with self.assertRaises(AssertionError):
                line.stage_id = self.stage_done
        self.assertTrue(process.checklist_line_ids[0].done)
        self.assertTrue(process.checklist_line_ids[0].required)
        with Form(process.with_user(self.manager)) as form, form.checklist_line_ids.edit(0) as line:
            line.required = False
        self.assertFalse(process.checklist_line_ids[0].required)
