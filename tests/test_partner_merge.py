# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""redu_partnership_ytj's merge of duplicate partners on top of redu_services and
redu_feedback_prep: the service processes, the agreements (as employer and through the
instructor) follow the kept partner, and the agreements are validated again."""

from datetime import timedelta

from odoo import fields

from .common import CrossAddonCase


class TestPartnerMerge(CrossAddonCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        today = fields.Date.today()
        cls.duplicate = cls.env["res.partner"].create(
            {
                "name": "ROVANIEMEN RAKENNUS",
                "is_company": True,
                "country_id": cls.fi.id,
                "city": "Rovaniemi",
                "partnership_level_id": cls.env.ref("redu_partnership.partnership_level_a").id,
                "group_company_ids": [(6, 0, [cls.other_company.id])],
            }
        )
        cls.duplicate_instructor = cls.env["res.partner"].create(
            {
                "name": "Pekka Pohjola",
                "parent_id": cls.duplicate.id,
                "email": "pekka.pohjola@rovaniemenrakennus.fi",
                "phone": "040 765 4321",
            }
        )
        cls.process = cls.env["redu.service.process"].create(
            {"partner_id": cls.duplicate.id, "contact_id": cls.duplicate_instructor.id, "service_id": cls.service.id}
        )
        cls.agreement = cls.env["redu.workplace.agreement"].create(
            {
                "agreement_type": "training_agreement",
                "source_ref": "KOSKI-MERGE-1",
                "student_name": "Eetu Esimerkki",
                "employer_id": cls.duplicate.id,
                "instructor_id": cls.duplicate_instructor.id,
                "start_date": today - timedelta(days=30),
                "end_date": today + timedelta(days=60),
                "part_time_percent": 100,
                "teacher_id": cls.teacher.id,
                "company_id": cls.company.id,
                "service_process_id": cls.process.id,
            }
        )

    def test_merge_moves_processes_agreements_and_instructors_and_revalidates(self):
        # the duplicate has no Y-tunnus: the national rules block the agreement
        self.assertIn("business_id_missing", self.agreement.issue_ids.mapped("rule_code"))
        wizard = (
            self.env["base.partner.merge.automatic.wizard"]
            .with_context(active_model="res.partner", active_ids=(self.org | self.duplicate).ids)
            .create({"dst_partner_id": self.org.id})
        )
        wizard.action_merge()
        self.assertFalse(self.duplicate.exists())
        self.assertEqual(self.process.partner_id, self.org)
        self.assertEqual(self.agreement.employer_id, self.org)
        self.assertEqual(self.duplicate_instructor.parent_id, self.org)
        self.assertEqual(self.agreement.instructor_id, self.duplicate_instructor)
        # validated again: the kept partner's Y-tunnus is the employer's now
        self.assertNotIn("business_id_missing", self.agreement.issue_ids.mapped("rule_code"))
        self.assertEqual(self.org.partnership_level_id.code, "A", "the higher level wins")
        self.assertEqual(self.org.group_company_ids, self.company | self.other_company)
        note = self.org.message_ids.filtered(lambda m: "merged into this one" in str(m.body))
        self.assertIn("1 service processes", str(note.body))
        self.assertIn("1 agreements as employer", str(note.body))
