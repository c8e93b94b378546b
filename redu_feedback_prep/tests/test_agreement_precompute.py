# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date, timedelta
from unittest.mock import patch

from odoo.models import BaseModel

from ..models.redu_workplace_agreement import PLAIN_PRECOMPUTED
from ..tools.national_judge import DATE_MAX
from .common import FeedbackCase


class TestAgreementPrecompute(FeedbackCase):
    """The agreement's precomputed fields, computed from the creation's values (``_add_precomputed_values``),
    are the values core computes on a new record of the agreement."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.oid_company = cls.env["res.company"].create(
            {"name": "Provider Test Entity", "redu_provider_oid": "1.2.246.562.10.2013110715495487451932"}
        )
        cls.archived_instructor = cls.Partner.create(
            {"name": "Arkistoitu Ohjaaja", "parent_id": cls.employer_b.id, "active": False}
        )
        cls.other_company_instructor = cls.Partner.create(
            {"name": "Toisen Yhtiön Ohjaaja", "parent_id": cls.employer_b.id, "company_id": cls.other_company.id}
        )

    def _precomputed(self, model, vals):
        """(ours, core's): the values completed by the model's ``_add_precomputed_values`` and by core's."""
        ours = model._add_missing_default_values(dict(vals))
        # core pops the read-only precomputed fields from the values before it precomputes (_prepare_create_values)
        for name in PLAIN_PRECOMPUTED:
            if model._fields[name].readonly:
                ours.pop(name, None)
        core = dict(ours)
        model._add_precomputed_values([ours])
        BaseModel._add_precomputed_values(model, [core])
        return ours, core

    def assertAsCore(self, vals, model=None):
        ours, core = self._precomputed(model or self.Agreement, vals)
        self.assertEqual(ours, core)
        self.assertTrue(PLAIN_PRECOMPUTED.issubset(ours))
        return ours

    def test_values_as_core(self):
        cases = {
            "employer and instructor": {},
            "entity with a provider OID": {"company_id": self.oid_company.id},
            "provider OID given": {"provider_oid": "1.2.246.562.10.99999999999"},
            "no instructor": {"instructor_id": False},
            "no employer, workplace named": {"employer_id": False, "workplace_name": "Kioski"},
            "no employer, no workplace": {"employer_id": False},
            "workplace named beside the employer": {"workplace_name": "Rovaniemen toimipiste"},
            "no end date": {"end_date": False},
            "the last date": {"end_date": DATE_MAX},
            "end date as text": {"end_date": "2026-05-31"},
            "no qualification code": {"qualification_code": False},
            "archived instructor": {"instructor_id": self.archived_instructor.id},
            "instructor of another entity": {"instructor_id": self.other_company_instructor.id},
            "employer as a record": {"employer_id": self.employer_b},
            "ready and reached": {"readiness": "ready", "national_survey_reaches": True},
        }
        for label, values in cases.items():
            with self.subTest(label):
                self.assertAsCore(self._agreement_vals(**values))

    def test_values_as_core_for_a_user(self):
        # a teacher who cannot read the partners of another entity: both read them as superuser (compute_sudo)
        model = self.Agreement.with_user(self.teacher).with_company(self.company)
        vals = self._agreement_vals(instructor_id=self.other_company_instructor.id)
        ours = self.assertAsCore(vals, model)
        self.assertTrue(ours["bundle_key"].startswith("Toisen Yhtiön Ohjaaja/"))

    def test_creation_stores_the_computed_values(self):
        end = date(2026, 3, 15)
        plain = self._agreement_vals(end_date=end, company_id=self.oid_company.id, employer_id=self.employer_b.id)
        plain.pop("teacher_id")
        without_instructor = dict(plain, instructor_id=False, end_date=False)
        agreements = self.Agreement.create([plain, without_instructor])
        self.env.flush_all()
        stored = agreements.read(sorted(PLAIN_PRECOMPUTED))
        # recomputed by the fields' own computes, on the stored records
        fields = [self.Agreement._fields[name] for name in PLAIN_PRECOMPUTED]
        self.env.invalidate_all()
        for field in fields:
            self.env.add_to_compute(field, agreements)
        agreements._recompute_recordset(list(PLAIN_PRECOMPUTED))
        self.assertEqual(stored, agreements.read(sorted(PLAIN_PRECOMPUTED)))
        first = stored[0]
        self.assertEqual(first["workplace_name"], "Napapiirin Testihoiva Oy")
        self.assertEqual(first["provider_oid"], "1.2.246.562.10.2013110715495487451932")
        self.assertEqual(first["bundling_date"], date(2026, 4, 1))
        self.assertEqual(
            first["bundle_key"],
            self.Agreement._national_bundle_key(
                "Maija Mäkelä", self.employer_b.company_registry, first["provider_oid"], "351101", self.oid_company.id
            ),
        )

    def test_no_new_record_for_plain_values(self):
        # the values given as ids: no record built per agreement before the insert
        vals_list = [self._agreement_vals(end_date=self.today + timedelta(days=day)) for day in range(5)]
        with patch.object(BaseModel, "new", side_effect=AssertionError("a new record was built")):
            self.Agreement._add_precomputed_values([self.Agreement._add_missing_default_values(v) for v in vals_list])
