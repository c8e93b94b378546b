# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
import itertools
from contextlib import contextmanager
from datetime import timedelta
from unittest.mock import patch

from odoo.tests import TransactionCase, new_test_user
from odoo.tools import SQL

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT
from odoo.addons.redu_base.tools.dates import redu_today

from ..wizards import redu_agreement_import_wizard as import_module

BID_A = "0112038-9"
BID_B = "1572860-0"
BID_C = "0201256-6"
# the import template's columns, without the optional study-right ones
HEADER = (
    "source_ref;agreement_type;student_name;student_ref;employer_name;employer_business_id;workplace_name;"
    "instructor_name;instructor_email;instructor_phone;start_date;end_date;part_time_percent;"
    "apprenticeship_basis;qualification;qualification_unit;teacher_login"
)


@contextmanager
def counting_file_reads():
    """The names of the files the agreement import reads (and parses) within the block, as a list."""
    reads = []
    original = import_module.ReduAgreementImportWizard._read_file

    def read_file(wizard):
        reads.append(wizard.file_name)
        return original(wizard)

    with patch.object(import_module.ReduAgreementImportWizard, "_read_file", read_file):
        yield reads


class FeedbackCase(TransactionCase):
    """Data shared by the tests: one entity, employers, instructors and a valid agreement template."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **DISABLED_MAIL_CONTEXT))
        cls.Agreement = cls.env["redu.workplace.agreement"]
        cls.Partner = cls.env["res.partner"]
        cls.today = redu_today(cls.Agreement)
        cls.company = cls.env["res.company"].create({"name": "REDU Test Entity"})
        cls.other_company = cls.env["res.company"].create({"name": "Santasport Test Entity"})
        cls.env.user.company_ids |= cls.company | cls.other_company
        cls.env = cls.env(context=dict(cls.env.context, allowed_company_ids=[cls.company.id, cls.other_company.id]))
        cls.Agreement = cls.env["redu.workplace.agreement"]
        cls.Partner = cls.env["res.partner"]
        finland = cls.env.ref("base.fi")
        cls.employer = cls.Partner.create(
            {
                "name": "Lapin Testirakennus Oy",
                "is_company": True,
                "company_registry": BID_A,
                "country_id": finland.id,
            }
        )
        cls.employer_b = cls.Partner.create(
            {
                "name": "Napapiirin Testihoiva Oy",
                "is_company": True,
                "company_registry": BID_B,
                "country_id": finland.id,
            }
        )
        cls.instructor = cls.Partner.create(
            {
                "name": "Maija Mäkelä",
                "parent_id": cls.employer.id,
                "type": "contact",
                "email": "maija.makela@lapintesti.fi",
                "phone": "+358401234567",
            }
        )
        cls.teacher = new_test_user(
            cls.env,
            login="fb_teacher",
            name="Tiina Opettaja",
            groups="redu_feedback_prep.group_feedback_user",
            company_id=cls.company.id,
            company_ids=[cls.company.id],
        )
        cls.manager = new_test_user(
            cls.env,
            login="fb_manager",
            name="Kalle Koulutuspäällikkö",
            groups="redu_feedback_prep.group_feedback_manager",
            company_id=cls.company.id,
            company_ids=[cls.company.id, cls.other_company.id],
        )

    def _queue_import(self, rows, file_name="big.csv"):
        """The manager's import of a CSV file of ``rows`` (lines after the template's header), queued as a
        background task (the threshold lowered to 3 rows): the task."""
        self.env["ir.config_parameter"].sudo().set_param("redu_background.threshold.import", "3")
        content = "\n".join([HEADER, *rows])
        wizard = (
            self.env["redu.agreement.import.wizard"]
            .with_user(self.manager)
            .with_context(allowed_company_ids=[self.company.id])
            .create({"file_data": base64.b64encode(content.encode()), "file_name": file_name})
        )
        return self.env["redu.background.job"].browse(wizard.action_import()["res_id"])

    @classmethod
    def _agreement_vals(cls, **values):
        vals = {
            "agreement_type": "training_agreement",
            "student_name": "Aino Opiskelija",
            "employer_id": cls.employer.id,
            "instructor_id": cls.instructor.id,
            "start_date": cls.today - timedelta(days=60),
            "end_date": cls.today + timedelta(days=30),
            "part_time_percent": 100,
            "qualification_code": "351101",
            "teacher_id": cls.teacher.id,
            "company_id": cls.company.id,
        }
        vals.update(values)
        return vals

    @classmethod
    def _agreement(cls, **values):
        return cls.Agreement.create(cls._agreement_vals(**values))

    @classmethod
    def _unvalidated(cls, vals_list):
        """Agreements stored but never validated, as an upgrade or a database restore leaves them."""
        agreements = cls.Agreement.create(vals_list)
        cls.env.flush_all()
        ids = tuple(agreements.ids)
        cls.env.cr.execute(SQL("DELETE FROM redu_contact_issue WHERE agreement_id IN %s", ids))
        cls.env.cr.execute(
            SQL(
                "UPDATE redu_workplace_agreement SET readiness = 'unchecked', national_hoks_rejected = NULL,"
                " national_excluded_reason = NULL, national_email_sent = NULL, national_sms_sent = NULL,"
                " national_survey_reaches = NULL, national_fix_deadline = NULL, last_validated = NULL"
                " WHERE id IN %s",
                ids,
            )
        )
        cls.env.invalidate_all()
        return agreements

    def outcome_and_issues(self, agreements):
        """What the validation stored on the agreements: their verdict fields and their issues."""
        agreements.invalidate_recordset()
        return {
            agreement.id: (
                agreement.readiness,
                agreement.national_hoks_rejected,
                agreement.national_excluded_reason,
                agreement.national_email_sent,
                agreement.national_sms_sent,
                agreement.national_survey_reaches,
                agreement.national_fix_deadline,
                sorted((issue.rule_code, issue.detail or "") for issue in agreement.issue_ids),
            )
            for agreement in agreements
        }

    def assertVerdictFresh(self, agreements, msg=None):
        """The stored verdict of ``agreements`` equals a fresh validation of them."""
        stored = self.outcome_and_issues(agreements)
        agreements._validate_contacts()
        self.assertEqual(stored, self.outcome_and_issues(agreements), msg)

    _names = itertools.cycle(
        [
            f"{first} {last}"
            for last in (
                "Niemi",
                "Korhonen",
                "Virtanen",
                "Laine",
                "Heikkinen",
                "Koskinen",
                "Järvinen",
                "Lehtonen",
                "Salminen",
                "Hämäläinen",
            )
            for first in (
                "Pekka",
                "Liisa",
                "Juha",
                "Sari",
                "Mikko",
                "Anne",
                "Jari",
                "Tuula",
                "Timo",
                "Minna",
                "Kari",
                "Päivi",
                "Jukka",
                "Riitta",
                "Antti",
            )
        ]
    )

    @classmethod
    def _instructor(cls, name=None, employer=None, **values):
        """A new instructor with a name of its own (same names would share a bundle)."""
        return cls.Partner.create(
            {
                "name": name or next(cls._names),
                "parent_id": (employer or cls.employer).id,
                "type": "contact",
                "email": values.pop("email", "pekka.niemi@lapintesti.fi"),
                "phone": values.pop("phone", "+358501112233"),
                **values,
            }
        )

    def codes(self, agreement):
        return set(agreement.issue_ids.mapped("rule_code"))
