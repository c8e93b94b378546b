# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.tests import Form

from odoo.addons.redu_base.tools.dates import redu_today

from .common import BID_A, OID_A, STUDENTS, TpkCase


class TestPredict(TpkCase):
    def test_one_employer_written_two_ways_gets_two_links(self):
        self._agreement(workplace_name="Lapin Testirakennus Oy")
        self._agreement(workplace_name="Lapin Testirakennus, Kemin työmaa", student_name=STUDENTS[1])
        result = self._predict()
        bundles = result["bundles"]
        self.assertEqual(len(bundles), 2)
        self.assertEqual(
            set(bundles.mapped("name")),
            {
                f"lapin_testirakennus_oy/{BID_A}/{OID_A}/2026-07-01_2026-12-31",
                f"lapin_testirakennus_kemin_tyomaa/{BID_A}/{OID_A}/2026-07-01_2026-12-31",
            },
        )
        # the Y-tunnus under two spellings is flagged
        self.assertEqual(len(result["spellings"]), 1)
        business_id, _provider, names = result["spellings"][0]
        self.assertEqual(business_id, BID_A)
        self.assertEqual(set(names), {"Lapin Testirakennus Oy", "Lapin Testirakennus, Kemin työmaa"})

    def test_unify_the_name_merges_the_links(self):
        self._agreement(workplace_name="Lapin Testirakennus Oy")
        self._agreement(workplace_name="Lapin Testirakennus, Kemin työmaa", student_name=STUDENTS[1])
        wizard = self.env["redu.tpk.predict.wizard"].with_user(self.manager).create({"period": "2026-07-01"})
        wizard.action_predict()
        self.assertEqual(wizard.bundle_count, 2)
        line = wizard.spelling_line_ids
        self.assertEqual(len(line), 1)
        self.assertEqual(len(line.agreement_ids), 2)
        line.unified_name = "Lapin Testirakennus Oy"
        line.action_unify()
        self.assertEqual(wizard.bundle_count, 1)
        self.assertFalse(wizard.spelling_line_ids)
        bundle = wizard.bundle_ids
        self.assertEqual(bundle.period_count, 2)
        self.assertEqual(bundle.student_count, 2)
        # the predicted bundle of the old spelling is gone, not left behind
        self.assertEqual(
            self.Bundle.search_count([("period_start", "=", date(2026, 7, 1)), ("company_id", "=", self.company.id)]),
            1,
        )

    def test_two_sites_with_one_name_and_y_tunnus_share_one_link(self):
        site_2 = self.env["res.partner"].create({"name": "Lapin Testirakennus Oy", "parent_id": self.employer.id})
        self._agreement(instructor_id=self.instructor.id, start_date=date(2026, 6, 1), end_date=date(2026, 7, 1))
        self._agreement(
            instructor_id=self.survey_contact.id,
            workplace_name="LAPIN TESTIRAKENNUS OY",
            student_name=STUDENTS[1],
            end_date=date(2026, 12, 31),
        )
        self.assertTrue(site_2)
        bundles = self._predict()["bundles"]
        self.assertEqual(len(bundles), 1)
        self.assertEqual(bundles.period_count, 2)
        self.assertEqual(bundles.employer_id, self.employer)
        # the name as written: of equally common spellings, the employer's own
        self.assertEqual(bundles.workplace_name, "Lapin Testirakennus Oy")
        self.assertEqual((bundles.window_start, bundles.window_end), (date(2027, 1, 1), date(2027, 2, 28)))

    def test_periods_outside_the_collection_period_are_left_out(self):
        self._agreement(end_date=date(2026, 6, 30))
        self._agreement(end_date=date(2027, 1, 1))
        self.assertFalse(self._predict()["bundles"])

    def test_entrepreneur_apprenticeship_gets_no_link(self):
        agreement = self._agreement(agreement_type="apprenticeship", apprenticeship_basis="entrepreneur")
        result = self._predict()
        self.assertFalse(result["bundles"])
        self.assertEqual([(a, p) for a, p, _d in result["problems"]], [(agreement, "entrepreneur")])

    def test_periods_excluded_from_the_instructor_survey_get_no_link(self):
        tuva = self._agreement(tuva_related=True)
        self.assertEqual(tuva.national_excluded_reason, "tuva_related")
        telma = self._agreement(study_type="muu", student_name=STUDENTS[1])
        ok = self._agreement(student_name=STUDENTS[2])
        result = self._predict()
        problems = {agreement: (problem, detail) for agreement, problem, detail in result["problems"]}
        self.assertEqual(problems[tuva], ("excluded", "tuva_related"))
        self.assertEqual(problems[telma], ("excluded", "not_vocational"))
        self.assertEqual(result["bundles"].agreement_ids, ok)

    def test_missing_and_invalid_y_tunnus_get_no_link(self):
        no_id = self.env["res.partner"].create({"name": "Tunnukseton Oy", "is_company": True})
        # abroad the business ID is not normalised: a wrong check digit stays and eHOKS rejects it
        bad_id = self.env["res.partner"].create(
            {"name": "Väärä Tunnus Oy", "is_company": True, "company_registry": "1234567-8"}
        )
        missing = self._agreement(employer_id=no_id.id)
        invalid = self._agreement(employer_id=bad_id.id, student_name=STUDENTS[1])
        problems = {agreement: problem for agreement, problem, _d in self._predict()["problems"]}
        self.assertEqual(problems[missing], "business_id_missing")
        self.assertEqual(problems[invalid], "business_id_invalid")

    def test_predicting_again_updates_and_never_duplicates(self):
        self._agreement()
        first = self._predict()["bundles"]
        self._agreement(student_name=STUDENTS[1], qualification="Talonrakennuksen osaamisala")
        second = self._predict()["bundles"]
        self.assertEqual(first, second)
        self.assertEqual(second.period_count, 2)
        self.assertEqual(second.qualifications, "Rakennusalan perustutkinto, Talonrakennuksen osaamisala")

    def test_bundles_are_per_provider(self):
        self._agreement()
        self._agreement(company_id=self.other_company.id, student_name=STUDENTS[1])
        bundles = self._predict()["bundles"]
        self.assertEqual(len(bundles), 2)
        self.assertEqual(bundles.company_id, self.company | self.other_company)

    def test_recipient_is_the_survey_contact_and_a_missing_email_is_listed(self):
        self._agreement()
        self._agreement(employer_id=self.employer_b.id, instructor_id=self.instructor_b.id, student_name=STUDENTS[1])
        bundles = self._predict()["bundles"]
        bundle_a = bundles.filtered(lambda b: b.employer_id == self.employer)
        bundle_b = bundles - bundle_a
        self.assertEqual(bundle_a.recipient_id, self.survey_contact)
        self.assertFalse(bundle_a.email_problem)
        # no survey contact and no account manager: nobody, to be completed on the employer
        self.assertFalse(bundle_b.recipient_id)
        self.assertEqual(bundle_b.email_problem, "missing")
        # among the bundles of the test: the demo bundles' recipients depend on the addons installed
        self.assertEqual(self.Bundle.search([("email_problem", "!=", False), ("id", "in", bundles.ids)]), bundle_b)
        # choosing the contact on the employer completes the bundle
        with Form(self.employer_b) as form:
            form.tpk_contact_id = self.instructor_b
        self.assertEqual(bundle_b.recipient_id, self.instructor_b)
        self.assertFalse(bundle_b.email_problem)

    def test_the_wizard_lists_the_periods_without_a_link(self):
        self._agreement()
        entrepreneur = self._agreement(
            agreement_type="apprenticeship", apprenticeship_basis="entrepreneur", student_name=STUDENTS[1]
        )
        wizard = self.env["redu.tpk.predict.wizard"].with_user(self.manager).create({"period": "2026-07-01"})
        self.assertEqual((wizard.window_start, wizard.window_end), (date(2027, 1, 1), date(2027, 2, 28)))
        wizard.action_predict()
        self.assertEqual(wizard.bundle_count, 1)
        self.assertEqual(wizard.problem_line_ids.agreement_id, entrepreneur)
        self.assertEqual(wizard.problem_line_ids.problem, "entrepreneur")

    def test_default_period_is_the_one_whose_window_comes_next(self):
        wizard = self.env["redu.tpk.predict.wizard"].create({})
        today = redu_today(wizard)
        start = date(today.year, 1 if today.month <= 6 else 7, 1)
        if today.month in (1, 2):
            start = date(today.year - 1, 7, 1)
        elif today.month in (7, 8):
            start = date(today.year, 1, 1)
        self.assertEqual(wizard.period, start.isoformat())
