# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
from datetime import date

from odoo.tests import TransactionCase, new_test_user

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT

BID_A = "0112038-9"
BID_B = "1572860-0"
OID_A = "1.2.246.562.10.11111111111"
OID_B = "1.2.246.562.10.22222222222"
AUTUMN_2026 = date(2026, 7, 1)
STUDENTS = ("Aino Opiskelija", "Eero Esimerkki", "Sanni Suomalainen", "Ville Väyrynen")


class TpkCase(TransactionCase):
    """Two entities (providers), employers with a survey contact, a teacher per entity, a training manager."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **DISABLED_MAIL_CONTEXT))
        cls.company = cls.env["res.company"].create({"name": "REDU TPK Entity", "redu_provider_oid": OID_A})
        cls.other_company = cls.env["res.company"].create({"name": "Santasport TPK Entity", "redu_provider_oid": OID_B})
        cls.env.user.company_ids |= cls.company | cls.other_company
        cls.env = cls.env(context=dict(cls.env.context, allowed_company_ids=[cls.company.id, cls.other_company.id]))
        cls.Bundle = cls.env["redu.tpk.bundle"]
        cls.Agreement = cls.env["redu.workplace.agreement"]
        Partner = cls.env["res.partner"]
        finland = cls.env.ref("base.fi")
        cls.survey_role = cls.env.ref("redu_feedback_tpk.contact_role_workplace_survey")
        cls.employer = Partner.create(
            {"name": "Lapin Testirakennus Oy", "is_company": True, "company_registry": BID_A, "country_id": finland.id}
        )
        cls.employer_b = Partner.create(
            {
                "name": "Napapiirin Testihoiva Oy",
                "is_company": True,
                "company_registry": BID_B,
                "country_id": finland.id,
            }
        )
        cls.instructor = Partner.create(
            {
                "name": "Maija Mäkelä",
                "parent_id": cls.employer.id,
                "email": "maija.makela@lapintesti.fi",
                "phone": "+358401234567",
            }
        )
        cls.instructor_b = Partner.create(
            {
                "name": "Pekka Niemi",
                "parent_id": cls.employer_b.id,
                "email": "pekka.niemi@napapiirintesti.fi",
                "phone": "+358401234568",
            }
        )
        cls.survey_contact = Partner.create(
            {
                "name": "Laura Virtanen",
                "parent_id": cls.employer.id,
                "email": "laura.virtanen@lapintesti.fi",
                "contact_role_ids": [(4, cls.survey_role.id)],
            }
        )
        cls.teacher = new_test_user(
            cls.env,
            login="tpk_teacher",
            name="Tiina Opettaja",
            groups="redu_feedback_prep.group_feedback_user",
            company_id=cls.company.id,
            company_ids=[cls.company.id],
        )
        cls.manager = new_test_user(
            cls.env,
            login="tpk_manager",
            name="Kalle Koulutuspäällikkö",
            groups="redu_feedback_prep.group_feedback_manager",
            company_id=cls.company.id,
            company_ids=[cls.company.id, cls.other_company.id],
        )

    @classmethod
    def _agreement(cls, **values):
        vals = {
            "agreement_type": "training_agreement",
            "student_name": STUDENTS[0],
            "employer_id": cls.employer.id,
            "instructor_id": cls.instructor.id,
            "start_date": date(2026, 8, 1),
            "end_date": date(2026, 10, 15),
            "part_time_percent": 100,
            "qualification": "Rakennusalan perustutkinto",
            "qualification_code": "351101",
            "teacher_id": cls.teacher.id,
            "company_id": cls.company.id,
        }
        vals.update(values)
        return cls.Agreement.create(vals)

    def _predict(self, companies=None):
        return self.Bundle._tpk_predict(AUTUMN_2026, companies or (self.company | self.other_company))

    @staticmethod
    def _csv(rows, bom=False, crlf=False):
        header = (
            "tunnus;url;voimassa_alkupvm;voimassa_loppupvm;vastausten_lkm;kohteiden_lkm;tyonantaja;tyopaikka;"
            "tutkinnot;tutkinnon_osat;tyopaikkajaksojen_lkm;tyopaikkajaksojen_kesto"
        )
        newline = "\r\n" if crlf else "\n"
        text = newline.join([header, *(";".join(row) for row in rows)]) + newline
        data = text.encode("utf-8")
        return base64.b64encode(b"\xef\xbb\xbf" + data if bom else data)

    @staticmethod
    def _row(code, business_id, workplace, answers="0", valid_from="2027-01-01", valid_to="2027-02-28"):
        return [code, f"https://arvovastaus.csc.fi/v/{code}", valid_from, valid_to, answers, "1", business_id,
                workplace, "351101", "", "1", "60"]  # fmt: skip

    def _import(self, data, user=None):
        wizard = self.env["redu.tpk.import.wizard"].with_user(user or self.manager).create({"file": data})
        wizard.action_import()
        return wizard
