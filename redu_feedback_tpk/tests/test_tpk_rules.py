# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.tests import BaseCase

from ..tools import tpk_rules

OPH_KJ = "1.2.246.562.10.346830761110"


class TestTpkRules(BaseCase):
    """The national TPK rules, on OPH's own test cases (heratepalvelu test/...) and at every boundary."""

    def test_collection_period_oph_cases(self):
        # heratepalvelu test/oph/heratepalvelu/tpk/tpkCommon_test.clj:6-13
        self.assertEqual(tpk_rules.collection_period(date(2021, 11, 20)), (date(2021, 7, 1), date(2021, 12, 31)))
        self.assertEqual(tpk_rules.collection_period(date(2022, 3, 9)), (date(2022, 1, 1), date(2022, 6, 30)))

    def test_collection_period_boundaries(self):
        spring_2026 = (date(2026, 1, 1), date(2026, 6, 30))
        autumn_2026 = (date(2026, 7, 1), date(2026, 12, 31))
        self.assertEqual(tpk_rules.collection_period(date(2026, 1, 1)), spring_2026)
        self.assertEqual(tpk_rules.collection_period(date(2026, 6, 30)), spring_2026)
        self.assertEqual(tpk_rules.collection_period(date(2026, 7, 1)), autumn_2026)
        self.assertEqual(tpk_rules.collection_period(date(2026, 12, 31)), autumn_2026)
        self.assertEqual(tpk_rules.collection_period(date(2027, 1, 1)), (date(2027, 1, 1), date(2027, 6, 30)))

    def test_current_collection_period_is_the_one_whose_window_comes_next(self):
        # heratepalvelu test/oph/heratepalvelu/tpk/tpkCommon_test.clj:15-24
        autumn_2021 = (date(2021, 7, 1), date(2021, 12, 31))
        self.assertEqual(tpk_rules.current_collection_period(date(2021, 9, 9)), autumn_2021)
        self.assertEqual(tpk_rules.current_collection_period(date(2022, 2, 2)), autumn_2021)
        # the autumn period stays current until its window ends (also on 29 February)
        self.assertEqual(tpk_rules.current_collection_period(date(2024, 2, 29)), (date(2023, 7, 1), date(2023, 12, 31)))
        self.assertEqual(tpk_rules.current_collection_period(date(2027, 2, 28)), (date(2026, 7, 1), date(2026, 12, 31)))
        self.assertEqual(tpk_rules.current_collection_period(date(2027, 3, 1)), (date(2027, 1, 1), date(2027, 6, 30)))
        self.assertEqual(tpk_rules.current_collection_period(date(2026, 8, 31)), (date(2026, 1, 1), date(2026, 6, 30)))
        self.assertEqual(tpk_rules.current_collection_period(date(2026, 9, 1)), (date(2026, 7, 1), date(2026, 12, 31)))

    def test_answer_window_oph_cases(self):
        # heratepalvelu test/oph/heratepalvelu/tpk/tpkNiputusHandler_test.clj:89-125
        self.assertEqual(tpk_rules.answer_window(date(2021, 11, 20)), (date(2022, 1, 1), date(2022, 2, 28)))
        self.assertEqual(tpk_rules.answer_window(date(2022, 2, 2))[0], date(2022, 7, 1))

    def test_answer_window_boundaries_and_leap_year(self):
        self.assertEqual(tpk_rules.answer_window(date(2026, 6, 30)), (date(2026, 7, 1), date(2026, 8, 31)))
        self.assertEqual(tpk_rules.answer_window(date(2026, 7, 1)), (date(2027, 1, 1), date(2027, 2, 28)))
        self.assertEqual(tpk_rules.answer_window(date(2026, 12, 31)), (date(2027, 1, 1), date(2027, 2, 28)))
        self.assertEqual(tpk_rules.answer_window(date(2027, 1, 1)), (date(2027, 7, 1), date(2027, 8, 31)))
        # leap year: the autumn 2023 window ends on 29 February 2024
        self.assertEqual(tpk_rules.answer_window(date(2023, 12, 31)), (date(2024, 1, 1), date(2024, 2, 29)))
        self.assertEqual(tpk_rules.answer_window(date(2024, 12, 31)), (date(2025, 1, 1), date(2025, 2, 28)))

    def test_period_of_window_day(self):
        autumn_2026 = (date(2026, 7, 1), date(2026, 12, 31))
        self.assertEqual(tpk_rules.period_of_window_day(date(2027, 1, 1)), autumn_2026)
        self.assertEqual(tpk_rules.period_of_window_day(date(2027, 2, 28)), autumn_2026)
        self.assertIsNone(tpk_rules.period_of_window_day(date(2027, 3, 1)))
        self.assertEqual(tpk_rules.period_of_window_day(date(2024, 2, 29)), (date(2023, 7, 1), date(2023, 12, 31)))
        self.assertEqual(tpk_rules.period_of_window_day(date(2026, 7, 1)), (date(2026, 1, 1), date(2026, 6, 30)))
        self.assertEqual(tpk_rules.period_of_window_day(date(2026, 8, 31)), (date(2026, 1, 1), date(2026, 6, 30)))
        self.assertIsNone(tpk_rules.period_of_window_day(date(2026, 9, 1)))
        self.assertIsNone(tpk_rules.period_of_window_day(date(2026, 6, 30)))

    def test_normalize_oph_strings(self):
        # heratepalvelu test/oph/heratepalvelu/util/string_test.clj:5-22
        cases = {
            "äåéëúíóöáïñ": "aaeeuiooain",
            "a b": "a_b",
            "a\nb": "a_b",
            "a\tb": "a_b",
            "a\r\nb": "a_b",
            "ABCDEF": "abcdef",
            "a!#$b": "a_b",
            "!#$ab^&*": "ab",
            "a!b@c#d$e%f^g&h*i(j)k_l+m-n=o\"p'q]r[s{t}u\\v|w/x.y,z": (
                "a_b_c_d_e_f_g_h_i_j_k_l_m_n_o_p_q_r_s_t_u_v_w_x_y_z"
            ),
            "Severi (testaaja)": "severi_testaaja",
            "#testi": "testi",
            # heratepalvelu test/oph/heratepalvelu/common_test.clj:194-199
            "árvíztűrő tükörfúrógép": "arvizturo_tukorfurogep",
            "Ääkköspaikka, Crème brûlée": "aakkospaikka_creme_brulee",
            "Ääkköset Által": "aakkoset_altal",
        }
        for value, expected in cases.items():
            with self.subTest(value=value):
                self.assertEqual(tpk_rules.normalize(value), expected)

    def test_normalize_java_quirks(self):
        # only one underscore stripped at each end; letters without a decomposition become "_"
        self.assertEqual(tpk_rules.normalize("__a__"), "_a_")
        self.assertEqual(tpk_rules.normalize("Søren"), "s_ren")
        self.assertEqual(tpk_rules.normalize("Straße"), "stra_e")

    def test_bundle_key_oph_cases(self):
        # heratepalvelu test/oph/heratepalvelu/tpk/tpkNiputusHandler_test.clj:78-87
        self.assertEqual(
            tpk_rules.bundle_key("Testi työpaikka", "1234567-8", OPH_KJ, date(2021, 11, 20)),
            f"testi_tyopaikka/1234567-8/{OPH_KJ}/2021-07-01_2021-12-31",
        )
        # heratepalvelu test/oph/heratepalvelu/tpk/tpkNiputusHandler_test.clj:127-141
        self.assertEqual(
            tpk_rules.bundle_key("Ääkköset Által", "123456-7", "test-kt-id", date(2021, 10, 10)),
            "aakkoset_altal/123456-7/test-kt-id/2021-07-01_2021-12-31",
        )

    def test_period_problem_oph_cases(self):
        # heratepalvelu test/oph/heratepalvelu/tpk/tpkNiputusHandler_test.clj:10-76
        ok = {
            "provider": OPH_KJ,
            "workplace_name": "Työpaikka",
            "business_id": "1234567-8",
            "end_day": date(2021, 11, 20),
        }
        self.assertIsNone(tpk_rules.period_problem(**ok))
        self.assertIsNone(
            tpk_rules.period_problem(**ok, agreement_type="apprenticeship", apprenticeship_basis="employment")
        )
        self.assertIsNone(tpk_rules.period_problem(**ok, agreement_type="apprenticeship", apprenticeship_basis=None))
        self.assertEqual(
            tpk_rules.period_problem(**ok, agreement_type="apprenticeship", apprenticeship_basis="entrepreneur"),
            "entrepreneur",
        )
        # an entrepreneur basis on a training agreement does not count (tpkNiputusHandler.clj:29-30)
        self.assertIsNone(tpk_rules.period_problem(**ok, apprenticeship_basis="entrepreneur"))
        for missing, problem in (
            ("provider", "provider_missing"),
            ("workplace_name", "workplace_name_missing"),
            ("business_id", "business_id_missing"),
            ("end_day", "end_date_missing"),
        ):
            with self.subTest(missing=missing):
                self.assertEqual(tpk_rules.period_problem(**dict(ok, **{missing: None})), problem)

    def test_period_problem_excluded_from_instructor_survey(self):
        ok = {
            "provider": OPH_KJ,
            "workplace_name": "Työpaikka",
            "business_id": "1234567-8",
            "end_day": date(2026, 9, 1),
        }
        self.assertEqual(tpk_rules.period_problem(**ok, hoks_rejected=True), "hoks_rejected")
        self.assertEqual(tpk_rules.period_problem(**ok, exclusion="tuva_related"), "excluded")
        self.assertEqual(tpk_rules.period_problem(**ok, business_id_valid=False), "business_id_invalid")
