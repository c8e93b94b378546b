# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from unittest.mock import patch

from odoo.tests import tagged
from odoo.tools import SQL

from ..tools import national_rules
from .common import FeedbackCase


@tagged("post_install", "-at_install")
class TestPhoneVerdict(FeedbackCase):
    """The text message verdict a partner keeps with its phone: the validation parses no number (#22)."""

    def test_verdict_follows_the_phone(self):
        instructor = self._instructor(phone="+358401234567")
        self.assertEqual(instructor.redu_phone_verdict, "ok")
        for phone, verdict in (
            ("016 123 456", "not_mobile"),
            ("+46 70 123 45 67", "not_finnish"),
            ("040-ABC", "rejected_by_hoks"),
            ("  040 123 4567  ", "ok"),
            (False, False),
        ):
            instructor.phone = phone
            self.assertEqual(instructor.redu_phone_verdict, verdict, phone)
            self.assertEqual(
                instructor.redu_phone_verdict or False,
                phone and (national_rules.phone_problem(national_rules.java_trim(phone)) or "ok"),
            )

    def test_validation_uses_the_stored_verdict(self):
        landline = self._instructor(phone="016 123 456")
        mobile = self._instructor(phone="+358401112222")
        agreements = self._agreement(instructor_id=landline.id) | self._agreement(instructor_id=mobile.id)
        self.env.flush_all()
        with patch.object(national_rules, "phone_problem", wraps=national_rules.phone_problem) as parsed:
            agreements._validate_contacts()
        self.assertEqual(parsed.call_count, 0, "no number parsed: the partners keep their verdicts")
        self.assertIn("phone_not_mobile", self.codes(agreements[0]))
        self.assertTrue(agreements[1].national_sms_sent)
        # a verdict not stored (a partner written by SQL, before the module's upgrade): the number is parsed
        self.env.cr.execute(SQL("UPDATE res_partner SET redu_phone_verdict = NULL WHERE id = %s", landline.id))
        self.env.invalidate_all()
        with patch.object(national_rules, "phone_problem", wraps=national_rules.phone_problem) as parsed:
            self.assertVerdictFresh(agreements)
        self.assertEqual(parsed.call_count, 1)
        self.assertIn("phone_not_mobile", self.codes(agreements[0]))
