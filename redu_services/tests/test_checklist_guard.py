# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""What the gates judge of the checklist items is guarded by the field attribute of redu_base,
the done stamp is a stored compute, and items move between processes only by an administrator."""

from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import Form, tagged

from .common import ReduServicesCommon


@tagged("post_install", "-at_install")
class TestChecklistGuard(ReduServicesCommon):
    def _line(self, process, name):
        return process.checklist_line_ids.filtered(lambda line: line.name == name)

    def test_member_creates_a_process_with_the_items_of_the_template(self):
        process = (
            self.env["redu.service.process"]
            .with_user(self.user_a)
            .create({"partner_id": self.organisation.id, "service_id": self.service_paid.id})
        )
        line = self._line(process, "Map the needs")
        self.assertEqual((line.required, line.stage_id), (True, self.stage_needs))
        self.assertEqual(line.template_line_id, self.template.line_ids[0])
        self.assertFalse(self._line(process, "Optional call").required)

    def test_member_saves_the_form_without_changing_the_fields_of_an_administrator(self):
        process = self._create_process(service=self.service_paid)
        with Form(process.with_user(self.user_a)) as form:
            form.title = "Kevään koulutus"
            with form.checklist_line_ids.edit(0) as line:
                line.done = True
        self.assertEqual(process.title, "Kevään koulutus")
        self.assertTrue(process.checklist_line_ids[0].done)
        self.assertTrue(process.checklist_line_ids[0].required)

    def test_member_adds_an_optional_item_in_the_form(self):
        process = self._create_process(service=self.service_paid)
        with Form(process.with_user(self.user_a)) as form, form.checklist_line_ids.new() as line:
            line.name = "Call the instructor"
        added = self._line(process, "Call the instructor")
        self.assertEqual((added.required, added.stage_id), (False, self.stage_needs.browse()))

    def test_member_rpc_write_of_the_same_value_is_refused(self):
        """The guard is the field's: a team member's write of the field is refused, also of the
        value it has (the web client sends only the changed fields)."""
        line = self._line(self._create_process(service=self.service_paid), "Map the needs")
        with self.assertRaisesRegex(AccessError, "Only an administrator of this application can change Required"):
            line.with_user(self.user_a).write({"required": True})

    def test_member_cannot_create_an_item_posing_as_the_template_s(self):
        """An item of a member with the template line of a required item, but not required, would
        keep the template's required item out of the process when its service is chosen."""
        process = self._create_process()
        Line = self.env["redu.service.process.checklist.line"].with_user(self.user_a)
        for vals in (
            {"template_line_id": self.template.line_ids[0].id},
            {"required": True},
            {"stage_id": self.stage_needs.id},
        ):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                Line.create(dict(vals, process_id=process.id, name="Map the needs"))
        process.with_user(self.user_a).service_id = self.service_paid
        self.assertTrue(self._line(process, "Map the needs").required)

    def test_administrator_sets_the_fields_of_an_item(self):
        process = self._create_process(service=self.service_paid)
        Line = self.env["redu.service.process.checklist.line"].with_user(self.manager)
        line = Line.create({"process_id": process.id, "name": "Safety briefing", "stage_id": self.stage_offer.id})
        self.assertTrue(line.required, "an administrator's items are required unless told otherwise")
        line.write({"required": False, "stage_id": self.stage_delivery.id})
        self.assertEqual((line.required, line.stage_id), (False, self.stage_delivery))

    def test_only_an_administrator_moves_an_item_to_another_process(self):
        process, other = self._create_process(service=self.service_paid), self._create_process()
        line = self._line(process, "Map the needs")
        with self.assertRaisesRegex(AccessError, "Map the needs"):
            line.with_user(self.user_a).write({"process_id": other.id})
        line.with_user(self.user_a).write({"process_id": process.id, "done": True})
        self.assertTrue(line.done, "a write of the item's own process is no move")
        line.with_user(self.manager).write({"process_id": other.id})
        self.assertEqual(line.process_id, other)

    def test_member_duplicates_a_process_with_its_checklist(self):
        process = self._create_process(service=self.service_paid)
        self._line(process, "Map the needs").write({"required": False, "done": True})
        self.env["redu.service.process.checklist.line"].create(
            {"process_id": process.id, "name": "Own item", "stage_id": self.stage_offer.id}
        )
        copy = process.with_user(self.user_a).copy()
        self.assertEqual(
            sorted((line.name, line.required, line.stage_id.id, line.done) for line in copy.checklist_line_ids),
            sorted((line.name, line.required, line.stage_id.id, False) for line in process.checklist_line_ids),
        )
        self.assertEqual(copy.checklist_line_ids.template_line_id, process.checklist_line_ids.template_line_id)

    def test_done_stamp_is_the_user_who_ticked_and_when(self):
        line = self._line(self._create_process(service=self.service_paid), "Map the needs")
        with freeze_time("2026-03-02 09:15:00"):
            line.with_user(self.user_a).write({"done": True})
            self.assertEqual((line.done_by, line.done_date), (self.user_a, datetime(2026, 3, 2, 9, 15)))
        with freeze_time("2026-03-03 10:00:00"):
            line.with_user(self.manager).write({"done": True, "name": "Map the needs (2 days)"})
        self.assertEqual(
            (line.done_by, line.done_date), (self.user_a, datetime(2026, 3, 2, 9, 15)), "ticked again: kept"
        )
        line.with_user(self.manager).write({"done": False})
        self.assertFalse(line.done_by or line.done_date)
        for vals in ({"done_by": self.manager.id}, {"done_date": "2026-03-01 08:00:00"}):
            with self.subTest(vals=vals), self.assertRaisesRegex(AccessError, "set by the system"):
                line.with_user(self.manager).write(vals)
