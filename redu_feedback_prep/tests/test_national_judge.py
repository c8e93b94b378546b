# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The national judge is a pure function: plain data in, the verdict out, never an exception."""

import datetime

from odoo.tests import BaseCase, tagged

from ..tools import national_rules as national
from ..tools.national_judge import OUTCOME_KEYS, judge

D = datetime.date
TODAY = D(2031, 3, 1)


def row(agreement_id, **values):
    return {
        "company_id": 1,
        "student_ref": f"S{agreement_id}",
        "name": f"TA{agreement_id}",
        "bundle_key": "Maija Mäkelä/0112038-9/OID/351101",
        "bundling_date": D(2031, 5, 1),
        "instructor_id": 10,
        "employer_id": 20,
        **values,
    }


def period(**values):
    return national.Period(
        **{
            "start": D(2031, 1, 1),
            "end": D(2031, 4, 15),
            "instructor_name": "Maija Mäkelä",
            "instructor_email": "maija.makela@lapintesti.fi",
            "instructor_phone": "+358401234567",
            "workplace_name": "Lapin Testirakennus Oy",
            "business_id": "0112038-9",
            "part_time": 100,
            "provider_oid": "OID",
            "qualification_code": "351101",
            **values,
        }
    )


PARTNERS = {
    10: {"is_company": False, "commercial_partner_id": 20},
    20: {"is_company": True, "commercial_partner_id": 20},
}


@tagged("at_install", "-post_install")
class TestNationalJudge(BaseCase):
    def test_a_valid_period_is_ready(self):
        outcome, issues = judge({1: row(1)}, {1: period()}, PARTNERS, {1}, TODAY)
        self.assertEqual(outcome[1]["readiness"], "ready")
        self.assertEqual(set(outcome[1]), set(OUTCOME_KEYS))
        self.assertEqual(issues[1], [])

    def test_bad_data_is_a_blocking_rule_never_an_exception(self):
        # two study-right periods, one without a start: the rules cannot order them
        unreadable = period(study_right_periods=[(None, "lasna", None), (D(2030, 1, 1), "lasna", None)])
        rows = {1: row(1), 2: row(2, student_ref="S1"), 3: row(3, student_ref="S3")}
        periods = {1: unreadable, 2: period(), 3: period()}
        outcome, issues = judge(rows, periods, PARTNERS, {1, 2, 3}, TODAY)
        self.assertEqual(outcome[1]["readiness"], "blocked")
        self.assertEqual([code for code, _detail in issues[1]], ["data_unreadable"])
        self.assertIn("TypeError", issues[1][0][1])
        self.assertEqual(
            [code for code, _detail in issues[2]], ["hoks_rejected_by_other_period"], "the student's HOKS with it"
        )
        self.assertEqual(outcome[3]["readiness"], "ready", "the bundle mate is judged as usual")

    def test_a_verdict_that_cannot_be_made_blocks_that_agreement_only(self):
        # an instructor whose partner row is missing from the data passed in
        rows = {1: row(1, instructor_id=99), 2: row(2)}
        outcome, issues = judge(rows, {1: period(), 2: period()}, PARTNERS, {1, 2}, TODAY)
        self.assertEqual(outcome[1], {**dict.fromkeys(OUTCOME_KEYS, False), "readiness": "blocked"})
        self.assertEqual([code for code, _detail in issues[1]], ["data_unreadable"])
        self.assertEqual(outcome[2]["readiness"], "ready")

    def test_a_rejected_hoks_has_no_exclusion_reason(self):
        """eHOKS never stores a rejected HOKS, so its exclusion step is never reached."""
        rows = {1: row(1), 2: row(2, student_ref="S1")}
        periods = {1: period(part_time=None), 2: period(tuva_related=True)}
        outcome, issues = judge(rows, periods, PARTNERS, {1, 2}, TODAY)
        self.assertTrue(outcome[1]["national_hoks_rejected"])
        self.assertFalse(outcome[1]["national_excluded_reason"])
        self.assertEqual([code for code, _detail in issues[1]], ["part_time_missing"])
        self.assertTrue(outcome[2]["national_hoks_rejected"])
        self.assertFalse(outcome[2]["national_excluded_reason"], "TUVA, but rejected with the HOKS first")
        self.assertEqual([code for code, _detail in issues[2]], ["hoks_rejected_by_other_period"])
        self.assertEqual(outcome[2]["national_fix_deadline"], national.structural_deadline(D(2031, 4, 15)))
        # once the HOKS is accepted the exclusion is reached
        outcome, issues = judge({2: row(2)}, {2: period(tuva_related=True)}, PARTNERS, {2}, TODAY)
        self.assertEqual(outcome[2]["national_excluded_reason"], "tuva_related")
        self.assertIn(("excluded_tuva_related", None), issues[2])
