# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta

from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from odoo.addons.redu_base.tools.dates import redu_today

from .common import PartnershipCase


@tagged("post_install", "-at_install")
class TestLevelHistory(PartnershipCase):
    def _history(self, partner):
        return self.History.search([("partner_id", "=", partner.id)], order="id")

    def test_create_with_level_writes_history(self):
        partner = self._company(partnership_level_id=self.level_c.id)
        history = self._history(partner)
        self.assertEqual(len(history), 1)
        self.assertFalse(history.old_level_id)
        self.assertEqual(history.new_level_id, self.level_c)
        self.assertEqual(history.change_direction, "initial")
        self.assertEqual(history.user_id, self.env.user)
        self.assertEqual(partner.partnership_level_history_ids, history)

    def test_create_without_level_writes_no_history(self):
        partner = self._company()
        self.assertFalse(self._history(partner))

    def test_write_from_code_writes_history(self):
        partner = self._company(partnership_level_id=self.level_c.id)
        partner.write({"partnership_level_id": self.level_a.id})
        partner.write({"partnership_level_id": self.level_b.id})
        partner.write({"partnership_level_id": False})
        history = self._history(partner)
        self.assertEqual(
            [(h.old_level_id, h.new_level_id, h.change_direction) for h in history],
            [
                (self.env["redu.partnership.level"], self.level_c, "initial"),
                (self.level_c, self.level_a, "up"),
                (self.level_a, self.level_b, "down"),
                (self.level_b, self.env["redu.partnership.level"], "removed"),
            ],
        )

    def test_write_same_level_writes_no_history(self):
        partner = self._company(partnership_level_id=self.level_c.id)
        partner.write({"partnership_level_id": self.level_c.id, "comment": "unchanged level"})
        self.assertEqual(len(self._history(partner)), 1)

    def test_batch_write_writes_one_line_per_changed_partner(self):
        partners = (
            self._company("P1", partnership_level_id=self.level_d.id)
            | self._company("P2", partnership_level_id=self.level_c.id)
            | self._company("P3", partnership_level_id=self.level_b.id)
        )
        partners.write({"partnership_level_id": self.level_b.id})
        lines = self.History.search([("partner_id", "in", partners.ids), ("change_direction", "!=", "initial")])
        self.assertEqual(sorted(lines.mapped("partner_id.name")), ["P1", "P2"])

    def test_form_change_writes_history(self):
        partner = self._company(partnership_level_id=self.level_d.id)
        with Form(partner) as partner_form:
            partner_form.partnership_level_id = self.level_c
        history = self._history(partner)
        self.assertEqual(history[-1].old_level_id, self.level_d)
        self.assertEqual(history[-1].new_level_id, self.level_c)

    def test_import_writes_history(self):
        result = self.Partner.with_context(import_file=True).load(
            ["id", "name", "is_company", "partnership_level_id/id"],
            [
                [
                    "__import__.redu_imported_partner",
                    "Imported Oy",
                    "1",
                    "redu_partnership.partnership_level_b",
                ]
            ],
        )
        self.assertFalse(result["messages"], result["messages"])
        partner = self.env.ref("__import__.redu_imported_partner")
        history = self._history(partner)
        self.assertEqual(history.new_level_id, self.level_b)
        self.assertEqual(history.note, "Imported")
        # a second import updating the same partner
        self.Partner.with_context(import_file=True).load(
            ["id", "partnership_level_id/id"],
            [["__import__.redu_imported_partner", "redu_partnership.partnership_level_a"]],
        )
        history = self._history(partner)
        self.assertEqual(len(history), 2)
        self.assertEqual((history[1].old_level_id, history[1].new_level_id), (self.level_b, self.level_a))

    def test_contacts_of_a_company_get_no_history_of_their_own(self):
        company = self._company(partnership_level_id=self.level_c.id)
        person = self.Partner.create({"name": "Person", "parent_id": company.id})
        company.partnership_level_id = self.level_b
        self.assertEqual(person.partnership_level_id, self.level_b)
        self.assertFalse(self._history(person))
        self.assertEqual(len(self._history(company)), 2)

    def test_first_level_sets_the_review_date(self):
        today = redu_today(self.Partner)
        partner = self._company(partnership_level_id=self.level_a.id)
        self.assertEqual(partner.partnership_review_date, today + relativedelta(months=6))
        # an existing review date is kept on a level change
        partner.partnership_level_id = self.level_d
        self.assertEqual(partner.partnership_review_date, today + relativedelta(months=6))
        explicit = self._company(partnership_level_id=self.level_d.id, partnership_review_date=today)
        self.assertEqual(explicit.partnership_review_date, today)

    def test_first_level_of_a_company_sets_the_review_date_of_its_contacts(self):
        today = redu_today(self.Partner)
        company = self._company()
        person = self.Partner.create({"name": "Person", "parent_id": company.id})
        self.assertFalse(person.partnership_review_date)
        company.partnership_level_id = self.level_b
        self.assertEqual(company.partnership_review_date, today + relativedelta(months=12))
        self.assertEqual(person.partnership_review_date, company.partnership_review_date)

    def test_create_with_a_default_level_writes_history(self):
        partner = self.Partner.with_context(default_partnership_level_id=self.level_d.id).create(
            {"name": "Default Oy", "is_company": True}
        )
        self.assertEqual(partner.partnership_level_id, self.level_d)
        self.assertEqual(self._history(partner).new_level_id, self.level_d)

    def test_duplicate_level_code_refused(self):
        with self.assertRaises(ValidationError) as caught, mute_logger("odoo.sql_db"):
            self.env["redu.partnership.level"].create({"name": "Another A", "code": " a "})
        self.assertIn("A", str(caught.exception))
        self.assertFalse(self.env["redu.partnership.level"].search([("name", "=", "Another A")]))
        level = self.env["redu.partnership.level"].create({"name": "Extra", "code": "e"})
        self.assertEqual(level.code, "E")
        with self.assertRaises(ValidationError), mute_logger("odoo.sql_db"):
            level.write({"code": "B"})

    def test_level_order_and_display(self):
        levels = self.env["redu.partnership.level"].search([("code", "in", ["A", "B", "C", "D"])])
        self.assertEqual(levels.mapped("code"), ["A", "B", "C", "D"])
        self.assertEqual(self.level_a.sequence, 10)
        self.assertEqual(self.level_d.sequence, 40)
        self.assertIn("A", self.level_a.display_name)
        self.assertIn(self.level_a.name, self.level_a.display_name)
        # the code is searchable as well as the name
        found = [level_id for level_id, _name in self.env["redu.partnership.level"].name_search("D")]
        self.assertIn(self.level_d.id, found)
        self.assertNotIn(self.level_a.id, found)

    def test_level_display_name_follows_a_change_of_code_or_name(self):
        self.assertEqual(self.level_a.display_name, f"A – {self.level_a.name}")
        self.level_a.name = "Key partners"
        self.assertEqual(self.level_a.display_name, "A – Key partners")
        self.level_a.code = "a+"
        self.assertEqual(self.level_a.display_name, "A+ – Key partners")
        partner = self._company(partnership_level_id=self.level_a.id)
        self.assertEqual(partner.partnership_level_id.display_name, "A+ – Key partners")

    def test_kanban_shows_every_level(self):
        self._company(partnership_level_id=self.level_b.id)
        # the kanban view asks for the empty columns with the read_group_expand context key
        groups = self.Partner.with_context(read_group_expand=True).web_read_group(
            [("id", "=", -1)], ["partnership_level_id"], ["__count"]
        )["groups"]
        shown = {group["partnership_level_id"][0] for group in groups if group["partnership_level_id"]}
        self.assertLessEqual({self.level_a.id, self.level_b.id, self.level_c.id, self.level_d.id}, shown)

    def test_group_entities_of_a_partner(self):
        entity = self.env["res.company"].create(
            {"name": "REDU Test Entity", "is_redu_group_entity": True, "redu_funding_model": "paid"}
        )
        partner = self._company(group_company_ids=[(6, 0, entity.ids)])
        self.assertEqual(partner.group_company_ids, entity)
        found = self.Partner.search([("group_company_ids.redu_funding_model", "=", "paid"), ("id", "=", partner.id)])
        self.assertEqual(found, partner)


@tagged("post_install", "-at_install")
class TestLevelHistoryIsTheOneRecord(PartnershipCase):
    def test_level_change_is_recorded_once(self):
        """The level history replaces the chatter's tracking of the level: one record of a change."""
        partner = self._company(partnership_level_id=self.level_c.id).with_context(
            tracking_disable=False, mail_notrack=False
        )
        partner.write({"partnership_level_id": self.level_a.id})
        self.env.flush_all()
        history = self.History.search([("partner_id", "=", partner.id)])
        self.assertEqual(history.mapped("new_level_id"), self.level_c | self.level_a)
        tracked = self.env["mail.tracking.value"].search(
            [("mail_message_id", "in", partner.message_ids.ids), ("field_id.name", "=", "partnership_level_id")]
        )
        self.assertFalse(tracked, "the chatter does not repeat the level history")
