# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""OPH's own test cases, ported: inputs and expected results of the national rules.

Cited as ``repo path:line`` at ehoks 2a04d34f and heratepalvelu ec371e2a.
"""

import datetime

from odoo.tests import TransactionCase, tagged

from ..models.redu_workplace_agreement import EXCLUSION_REASONS
from ..tools import national_rules as national
from ..tools.rule_catalogue import RULE_BY_CODE

D = datetime.date


def period(**values):
    base = {
        "agreement_type": "apprenticeship",
        "start": D(2023, 9, 9),
        "end": D(2023, 12, 15),
        "instructor_name": "Esi Merkki",
        "workplace_name": "Kohtuu mesta Oy",
        "business_id": "1234567-1",
        "part_time": 100,
        "apprenticeship_basis": "01",
        "interruptions": [(D(2023, 9, 28), D(2023, 9, 29))],
        "provider_oid": "1.2.246.562.10.346830761110",
        "qualification_code": "12345",
        "instructor_email": "esi.merkki@esimerkki.fi",
        "instructor_phone": "0401234567",
    }
    base.update(values)
    return national.Period(**base)


@tagged("at_install", "-post_install")
class TestSmsRules(TransactionCase):
    def test_valid_finnish_number_oph_cases(self):
        # heratepalvelu test/oph/heratepalvelu/common_test.clj:281-291
        cases = {
            "040 654 3210": True,
            "+35840 654 3210": True,
            "+35845 333 377": True,
            "040": False,
            "+4144 123 4567": False,
            "+1 517 987 5432": False,
            "laksj fdaiu fd098098asdf": False,
            "+358 40 987 6543à": False,
        }
        for number, expected in cases.items():
            self.assertEqual(national.valid_finnish_number(number), expected, number)

    def test_valid_finnish_number_handler_cases(self):
        # heratepalvelu tep/tepSmsHandler_test.clj:84-87, integration_tests/tep/tepSmsHandler_i_test.clj:22-32
        self.assertTrue(national.valid_finnish_number("+358401234567"))
        self.assertTrue(national.valid_finnish_number("0401234567"))
        self.assertFalse(national.valid_finnish_number("1234"))
        self.assertFalse(national.valid_finnish_number("00000"))

    def test_landlines_service_and_foreign_numbers_get_no_sms(self):
        self.assertEqual(national.phone_problem("09 123 4567"), "not_mobile")
        self.assertEqual(national.phone_problem("016 123 456"), "not_mobile")
        self.assertEqual(national.phone_problem("0800 123 456"), "not_mobile")
        self.assertEqual(national.phone_problem("+46 70 123 45 67"), "not_finnish")
        self.assertEqual(national.phone_problem("+4144 123 4567"), "not_finnish")
        self.assertEqual(national.phone_problem("12"), "invalid")
        self.assertEqual(national.phone_problem(None), "missing")
        self.assertIsNone(national.phone_problem("(040) 123-4567"))
        self.assertIsNone(national.phone_problem("00358401234567"))

    def test_phone_characters_refused_by_ehoks(self):
        # ehoks src/oph/ehoks/hoks/schema.clj:192-196: [-+0-9() ]* and at most 256 characters
        for number in ("040.123.4567", "040/1234567", "040-ABC-1234", "+358 40 987 6543à", "040\t1234567"):
            self.assertFalse(national.phone_accepted_by_hoks(number), number)
            self.assertEqual(national.phone_problem(number), "rejected_by_hoks", number)
        for number in ("", "(040) 123-4567", "+358 40 123 4567", " 0401234567 ", "1" * 256):
            self.assertTrue(national.phone_accepted_by_hoks(number), number)
        self.assertFalse(national.phone_accepted_by_hoks("1" * 257))

    def test_bundle_value_is_the_single_distinct_string(self):
        # heratepalvelu test/oph/heratepalvelu/tep/tepCommon_test.clj:48-61
        self.assertEqual(national.bundle_values(["a@b.com", "a@b.com"]), {"a@b.com"})
        self.assertEqual(national.bundle_values(["asdf", None, "asdf"]), {"asdf"})
        self.assertEqual(national.bundle_values(["asdf"]), {"asdf"})
        self.assertEqual(national.bundle_values([]), set())
        self.assertEqual(len(national.bundle_values(["a@b.com", "x@y.com"])), 2)
        # an empty string is a value (tepCommon.clj:38-43 keeps everything but nil)
        self.assertEqual(len(national.bundle_values(["", "x@y.com"])), 2)
        # eHOKS trims its input (common/schema.clj:70-85): surrounding spaces make no second value
        self.assertEqual(national.bundle_values(["a@b.com ", "a@b.com"]), {"a@b.com"})

    def test_every_exclusion_reason_has_its_rule(self):
        for key, _label in EXCLUSION_REASONS:
            self.assertIn(f"excluded_{key}", RULE_BY_CODE, key)


@tagged("at_install", "-post_install")
class TestEmailRules(TransactionCase):
    def test_deliverable_international_addresses(self):
        for address in (
            "maija.makela@lapintesti.fi",
            "o'brien@firma.fi",
            "pää.käyttäjä@yritys.fi",
            "matti@äänekoski-yhtiö.fi",
            "Matti.Meikalainen@Firma.FI",
            "a+tag@firma.co.uk",
            "info@xn--nekoski-5wa.fi",
        ):
            self.assertTrue(national.email_deliverable(address), address)

    def test_not_deliverable_and_never_read_as_another_address(self):
        for address in (
            "matti meikalainen@firma.fi",
            "Matti <matti@firma.fi>",
            "matti@firma",
            "matti@@firma.fi",
            "a@firma.fi, b@firma.fi",
            "matti.@firma.fi",
            ".matti@firma.fi",
            "matti..m@firma.fi",
            "matti@-firma.fi",
            "pekka.niemi@",
            "",
            None,
        ):
            self.assertFalse(national.email_deliverable(address), address)


@tagged("at_install", "-post_install")
class TestHoksSchemaRules(TransactionCase):
    def codes(self, **values):
        return {code for code, _detail in national.hoks_errors(period(**values))}

    def test_business_id_exactly_as_written(self):
        # ehoks test/oph/ehoks/hoks/invalid_hoks_handler_test.clj:441-457
        self.assertIn("business_id_invalid", self.codes(business_id="Ei y-tunnusta"))
        self.assertIn("business_id_invalid", self.codes(business_id="1234567-1 "))
        self.assertIn("business_id_invalid", self.codes(business_id="1234567-2"))
        self.assertIn("business_id_invalid", self.codes(business_id="7654321-8"))
        for valid in ("1234567-1", "5523718-7", "1234565-5", "1234562-0", "1289211-4", "0112038-9"):
            self.assertTrue(national.business_id_accepted(valid), valid)
        # remainder 1 is never valid, whatever the check digit (ehoks schema.clj:74-86)
        for digit in range(10):
            self.assertFalse(national.business_id_accepted(f"1000008-{digit}"))

    def test_business_id_required_after_25_august_2021_with_a_workplace(self):
        # ehoks osaamisen_hankkimistapa.clj:47-58; invalid_hoks_handler_test.clj:427-440
        self.assertIn("business_id_missing", self.codes(business_id=None, start=D(2022, 1, 12), end=D(2022, 2, 11)))
        self.assertNotIn("business_id_missing", self.codes(business_id=None, start=D(2021, 6, 1), end=D(2021, 8, 25)))
        self.assertIn("business_id_missing", self.codes(business_id=None, start=D(2021, 6, 1), end=D(2021, 8, 26)))
        # no workplace block at all: accepted (and excluded, see TestExclusions)
        no_block = {
            "business_id": None,
            "workplace_name": None,
            "instructor_present": False,
            "instructor_name": None,
            "instructor_email": None,
            "instructor_phone": None,
        }
        self.assertEqual(self.codes(start=D(2022, 12, 12), end=D(2022, 12, 20), **no_block), set())

    def test_workplace_block_needs_instructor_and_names(self):
        self.assertIn("instructor_missing", self.codes(instructor_present=False, instructor_name=None))
        self.assertIn("instructor_name_missing", self.codes(instructor_name=None))
        self.assertIn("workplace_name_missing", self.codes(workplace_name=None))

    def test_part_time_from_1_july_2023_except_telma(self):
        # ehoks test/oph/ehoks/hoks/hoks_handler_test.clj:159-186
        july = {"start": D(2023, 7, 1), "end": D(2023, 8, 1)}
        self.assertNotIn("part_time_missing", self.codes(part_time=50, **july))
        self.assertIn("part_time_missing", self.codes(part_time=None, **july))
        self.assertNotIn("part_time_missing", self.codes(part_time=None, study_type="telma", **july))
        self.assertNotIn("part_time_missing", self.codes(part_time=None, start=D(2023, 1, 2), end=D(2023, 6, 30)))
        self.assertIn("part_time_missing", self.codes(part_time=101, **july))
        self.assertIn("part_time_missing", self.codes(part_time=0, **july))
        self.assertNotIn("part_time_missing", self.codes(part_time=1, **july))

    def test_apprenticeship_basis_from_1_july_2021(self):
        # ehoks schema.clj:290-297
        self.assertNotIn(
            "apprenticeship_basis_missing",
            self.codes(apprenticeship_basis=None, start=D(2021, 1, 4), end=D(2021, 6, 30)),
        )
        self.assertIn(
            "apprenticeship_basis_missing",
            self.codes(apprenticeship_basis=None, start=D(2021, 1, 4), end=D(2021, 7, 1)),
        )
        self.assertNotIn(
            "apprenticeship_basis_missing", self.codes(agreement_type="training_agreement", apprenticeship_basis=None)
        )

    def test_dates(self):
        # ehoks invalid_hoks_handler_test.clj:279-292 (S1, S2)
        self.assertIn("dates_invalid", self.codes(start=D(2020, 10, 2), end=D(2018, 12, 23)))
        self.assertNotIn("dates_invalid", self.codes(start=D(2023, 12, 15), end=D(2023, 12, 15)))
        self.assertIn("period_too_long", self.codes(start=D(2022, 12, 12), end=D(2030, 12, 8)))
        self.assertNotIn("period_too_long", self.codes(start=D(2022, 12, 12), end=D(2027, 12, 12)))
        self.assertIn("period_too_long", self.codes(start=D(2022, 12, 12), end=D(2027, 12, 13)))
        # Feb 29 + 5 years = Feb 28 (Java plusYears)
        self.assertNotIn("period_too_long", self.codes(start=D(2024, 2, 29), end=D(2029, 2, 28)))
        self.assertIn("period_too_long", self.codes(start=D(2024, 2, 29), end=D(2029, 3, 1)))
        self.assertIn("start_date_missing", self.codes(start=None))
        self.assertIn("end_date_missing", self.codes(end=None))

    def test_period_within_the_study_right_unless_it_ended(self):
        # ehoks invalid_hoks_handler_test.clj:293-304 (S3, S4), hoks_handler_test.clj:1113-1122 (S5)
        lasna = [(D(2010, 10, 1), "lasna", "1")]
        self.assertIn(
            "period_outside_study_right", self.codes(study_right_start=D(2023, 10, 1), study_right_periods=lasna)
        )
        self.assertIn(
            "period_outside_study_right",
            self.codes(study_right_start=D(2010, 10, 1), study_right_end=D(2010, 12, 1), study_right_periods=lasna),
        )
        eronnut = [*lasna, (D(2010, 12, 1), "eronnut", "1")]
        self.assertNotIn(
            "period_outside_study_right",
            self.codes(study_right_start=D(2010, 10, 1), study_right_end=D(2010, 12, 1), study_right_periods=eronnut),
        )
        # same day on both ends is inside
        self.assertNotIn(
            "period_outside_study_right", self.codes(study_right_start=D(2023, 9, 9), study_right_end=D(2023, 12, 15))
        )

    def test_interruptions_may_not_overlap(self):
        # ehoks schema.clj:270-278
        self.assertIn(
            "interruptions_overlap",
            self.codes(interruptions=[(D(2023, 10, 1), None), (D(2023, 11, 1), D(2023, 11, 2))]),
        )
        self.assertIn(
            "interruptions_overlap",
            self.codes(interruptions=[(D(2023, 10, 1), D(2023, 11, 1)), (D(2023, 11, 1), D(2023, 11, 2))]),
        )
        self.assertNotIn(
            "interruptions_overlap",
            self.codes(interruptions=[(D(2023, 10, 1), D(2023, 10, 31)), (D(2023, 11, 1), None)]),
        )

    def test_valid_period_is_accepted(self):
        self.assertEqual(self.codes(), set())


@tagged("at_install", "-post_install")
class TestExclusions(TransactionCase):
    """ehoks test/oph/ehoks/palaute/tyoelama_test.clj:272-398 (E4-E14) on the same base period."""

    def test_oph_exclusion_cases(self):
        self.assertIsNone(national.exclusion_reason(period()))  # E14
        cases = [
            # E4: valiaikaisestikeskeytynyt from 2023-01-01, in force on 12-15 and 12-14
            (
                {
                    "study_right_periods": [
                        (D(2022, 8, 10), "lasna", "1"),
                        (D(2023, 1, 1), "valiaikaisestikeskeytynyt", "1"),
                    ]
                },
                "study_right_ended",
            ),
            ({"part_time": None}, "part_time_missing"),  # E5
            ({"business_id": None}, "workplace_data_missing"),  # E6
            (
                {"interruptions": [(D(2023, 9, 28), D(2023, 9, 29)), (D(2023, 12, 1), D(2023, 12, 15))]},
                "interrupted",
            ),  # E7
            ({"study_type": "muu"}, "not_vocational"),  # E8
            (
                {"study_right_periods": [(D(2023, 8, 10), "lasna", "14"), (D(2024, 1, 1), "lasna", "1")]},
                "external_funding",
            ),  # E9
            ({"tuva_related": True}, "tuva_related"),  # E10
            ({"study_type": "tuva"}, "not_vocational"),  # E11: no vocational suoritus comes first in our model
            ({"study_right_linked": True}, "linked_study_right"),  # E12
            ({"study_type": "telma"}, "not_vocational"),  # palaute.clj:216-217
        ]
        for values, expected in cases:
            self.assertEqual(national.exclusion_reason(period(**values)), expected, values)
        # E13: partial qualifications are in scope
        for study_type in ("ammatillinentutkintoosittainen", "ammatillinentutkintoosittainenuseastatutkinnosta"):
            self.assertIsNone(national.exclusion_reason(period(study_type=study_type)))

    def test_order_is_oph_order(self):
        everything = period(business_id=None, part_time=None, tuva_related=True, study_right_linked=True)
        self.assertEqual(national.exclusion_reason(everything), "workplace_data_missing")
        self.assertEqual(national.exclusion_reason(period(part_time=None, tuva_related=True)), "part_time_missing")

    def test_interruption_covering_the_end(self):
        # ehoks tyoelama_test.clj:241-261
        both = [(D(2021, 8, 8), D(2021, 8, 10)), (D(2021, 8, 1), D(2021, 8, 4))]
        self.assertTrue(national.interrupted_on_end(period(end=D(2021, 8, 9), interruptions=both)))
        self.assertFalse(national.interrupted_on_end(period(end=D(2021, 8, 11), interruptions=both)))
        self.assertFalse(national.interrupted_on_end(period(end=D(2021, 8, 11), interruptions=[])))
        self.assertTrue(national.interrupted_on_end(period(end=D(2021, 8, 11), interruptions=[(D(2021, 8, 8), None)])))
        self.assertFalse(national.interrupted_on_end(period(end=None, interruptions=[(D(2021, 8, 8), None)])))

    def test_terminal_state_on_the_end_and_the_day_before(self):
        # ehoks test/oph/ehoks/opiskeluoikeus_test.clj:99-144, end 2021-09-07, unsorted on purpose
        base = [(D(2021, 6, 20), "loma", "1"), (D(2021, 5, 1), "lasna", "1"), (D(2021, 6, 25), "lasna", "1")]
        end = D(2021, 9, 7)
        self.assertFalse(national.terminal_on(period(study_right_periods=base), end))
        for resigned, expected in ((D(2021, 9, 7), False), (D(2021, 9, 8), False), (D(2021, 9, 6), True)):
            rows = [*base, (resigned, "eronnut", "1")]
            self.assertEqual(national.terminal_on(period(study_right_periods=rows), end), expected, resigned)
        # valmistunut is not terminal here
        graduated = [*base, (D(2021, 9, 1), "valmistunut", "1")]
        self.assertFalse(national.terminal_on(period(study_right_periods=graduated), end))

    def test_funding_code_in_force_on_the_end_date(self):
        # ehoks test/oph/ehoks/palaute_test.clj:92-124 (date 2021-07-15)
        day = D(2021, 7, 15)
        cases = [
            ([(D(2021, 7, 30), "lasna", "3")], False),
            ([(D(2018, 6, 20), "valmistunut", "1")], False),
            ([(D(2020, 6, 20), "lasna", "14")], True),
            ([(D(2019, 1, 3), "lasna", "1"), (D(2022, 9, 1), "lasna", "1")], False),
            ([(D(2019, 1, 3), "lasna", "6"), (D(2019, 9, 1), "valmistunut", "6")], True),
            ([(D(2020, 3, 15), "lasna", "3"), (D(2019, 9, 1), "lasna", "6")], False),
            (
                [(D(2021, 3, 15), "valmistunut", "2"), (D(2020, 3, 15), "lasna", "14"), (D(2019, 9, 1), "lasna", "14")],
                False,
            ),
            ([(D(2019, 1, 3), "lasna", "5"), (D(2019, 9, 1), "lasna", "15")], True),
        ]
        for rows, expected in cases:
            funding = national.state_on(period(study_right_periods=rows), day)[1]
            self.assertEqual(funding in national.EXTERNAL_FUNDING_CODES, expected, rows)
        three = [(D(2021, 3, 15), "valmistunut", "2"), (D(2020, 3, 15), "lasna", "14"), (D(2019, 9, 1), "lasna", "14")]
        for day, expected in ((D(2020, 7, 1), True), (D(2019, 12, 1), True), (D(2021, 7, 1), False)):
            funding = national.state_on(period(study_right_periods=three), day)[1]
            self.assertEqual(funding in national.EXTERNAL_FUNDING_CODES, expected, day)


@tagged("at_install", "-post_install")
class TestBundleAndDates(TransactionCase):
    def test_bundle_key(self):
        # ehoks test/oph/ehoks/palaute/tyoelama/nippu_test.clj:7-33
        self.assertEqual(
            national.bundle_key("Matti Meikäläinen", "1234567-1", "1.2.246.562.10.346830761110", "12345"),
            "Matti Meikäläinen/1234567-1/1.2.246.562.10.346830761110/12345",
        )
        # ehoks tyoelama_test.clj:78-79
        self.assertEqual(
            national.bundle_key("Olli Ohjaaja", "5523718-7", "1.2.246.562.10.346830761110", "123456"),
            "Olli Ohjaaja/5523718-7/1.2.246.562.10.346830761110/123456",
        )
        # trimmed at input (ehoks common/schema.clj:70-85), case and inner spaces kept
        self.assertEqual(national.bundle_key(" Olli Ohjaaja\t", "5523718-7", "kj", "1"), "Olli Ohjaaja/5523718-7/kj/1")
        self.assertNotEqual(
            national.bundle_key("olli ohjaaja", "5523718-7", "kj", "1"),
            national.bundle_key("Olli Ohjaaja", "5523718-7", "kj", "1"),
        )
        self.assertNotEqual(
            national.bundle_key("Olli  Ohjaaja", "5523718-7", "kj", "1"),
            national.bundle_key("Olli Ohjaaja", "5523718-7", "kj", "1"),
        )
        # a no-break space is not Java whitespace: it stays
        self.assertEqual(national.java_trim("\u00a0Olli "), "\u00a0Olli")

    def test_bundling_date(self):
        # heratepalvelu common_test.clj:238-243, ehoks tyoelama_test.clj:232-239
        cases = {
            D(2021, 12, 3): D(2022, 1, 1),
            D(2021, 12, 27): D(2022, 1, 1),
            D(2021, 4, 25): D(2021, 5, 1),
            D(2022, 6, 24): D(2022, 7, 1),
            D(2024, 3, 1): D(2024, 4, 1),
        }
        for day, expected in cases.items():
            self.assertEqual(national.bundling_date(day), expected, day)

    def test_answer_period_end(self):
        # ehoks test/oph/ehoks/palaute_test.clj:40-47
        self.assertEqual(national.answer_period_end(D(2024, 4, 26), D(2024, 3, 28)), D(2024, 4, 26))
        self.assertEqual(national.answer_period_end(D(2024, 2, 24), D(2024, 3, 28)), D(2024, 4, 23))

    def test_last_answer_day(self):
        # ehoks test/oph/ehoks/palaute/tyoelama_test.clj:61-208 (jakso_loppupvm -> alkupvm, viimeinen_vastauspvm)
        cases = {
            D(2023, 12, 5): (D(2024, 1, 1), D(2024, 1, 30)),
            D(2024, 1, 6): (D(2024, 2, 1), D(2024, 3, 1)),
            D(2023, 11, 25): (D(2023, 12, 1), D(2023, 12, 30)),
            D(2024, 1, 25): (D(2024, 2, 1), D(2024, 3, 1)),
            D(2024, 4, 5): (D(2024, 5, 1), D(2024, 5, 30)),
        }
        for end, (start, last) in cases.items():
            self.assertEqual(national.bundling_date(end), start, end)
            self.assertEqual(national.last_answer_day(end), last, end)
        # hoks_save_test.clj:571-589: end 2019-03-14 -> 2019-04-01 .. 2019-04-30
        self.assertEqual(national.last_answer_day(D(2019, 3, 14)), D(2019, 4, 30))
        self.assertEqual(national.last_answer_day(D(2019, 2, 15)), D(2019, 3, 30))
        # the first of a month before a 31-day month: end + 59 is earlier
        self.assertEqual(national.last_answer_day(D(2025, 7, 1)), D(2025, 8, 29))

    def test_contact_deadline_is_the_day_before_the_end(self):
        self.assertEqual(national.contact_deadline(D(2026, 1, 1)), D(2025, 12, 31))
        self.assertEqual(national.contact_deadline(D(2024, 3, 1)), D(2024, 2, 29))
        self.assertIsNone(national.contact_deadline(None))

    def test_structural_deadline_at_month_and_year_ends(self):
        cases = {
            D(2025, 3, 15): D(2025, 3, 31),
            D(2025, 7, 1): D(2025, 7, 31),
            # January: the last answer day falls on 2 March, so February still bundles
            D(2025, 1, 15): D(2025, 2, 28),
            D(2024, 1, 15): D(2024, 2, 29),
            D(2025, 12, 20): D(2025, 12, 31),
            D(2025, 12, 31): D(2025, 12, 31),
            # June: never after the funding period's 30 June
            D(2025, 6, 30): D(2025, 6, 30),
        }
        for end, expected in cases.items():
            self.assertEqual(national.structural_deadline(end), expected, end)

    def test_extreme_dates_do_not_crash(self):
        self.assertIsNone(national.last_answer_day(D(9999, 12, 31)))
        self.assertIsNone(national.structural_deadline(D(9999, 12, 31)))
        self.assertEqual(national.contact_deadline(D(1, 1, 2)), D(1, 1, 1))
        self.assertEqual(national.hoks_errors(period(start=D(9999, 1, 1), end=D(9999, 12, 31))), [])
