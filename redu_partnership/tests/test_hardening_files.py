# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Issue #16: the spreadsheet helpers shared by every addon that writes or reads a CSV/XLSX file."""

import secrets
import string

from psycopg2.errors import CheckViolation

from odoo.exceptions import ValidationError
from odoo.tests import BaseCase, tagged
from odoo.tools import mute_logger

from odoo.addons.redu_base.tools.spreadsheet import PHONE_RE, FormulaCell, formula_text, neutralise, neutralise_row

from .common import PartnershipCase


@tagged("post_install", "-at_install")
class TestSpreadsheetTools(BaseCase):
    def test_neutralise(self):
        for value in ("=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tx", "\rx", '=HYPERLINK("x")'):
            self.assertEqual(neutralise(value), "'" + value, value)
        for value in ("Lapin Oy", "", None, 5, -5, "-5", "+3.5", "2025-08-31", "a=b", "maija@x.fi"):
            self.assertEqual(neutralise(value), value, value)
        self.assertEqual(neutralise("+358 40 123 4567", PHONE_RE), "+358 40 123 4567", "a phone is data")
        self.assertEqual(neutralise("+358 40 123 4567"), "'+358 40 123 4567", "not in a phone column")
        self.assertEqual(neutralise("+358=1", PHONE_RE), "'+358=1", "not of the phone charset")
        self.assertEqual(neutralise_row(["=a", "+358 40", "x"], {1: PHONE_RE}), ["'=a", "+358 40", "x"])

    def test_formula_text(self):
        self.assertEqual(formula_text(FormulaCell("=TODAY()")), "=TODAY()")
        self.assertEqual(formula_text(" =A1 "), "=A1")
        for value in ("+358401234567", "-5", "=", "x=1", None, 5):
            self.assertIsNone(formula_text(value), value)


@tagged("post_install", "-at_install")
class TestHardeningPartnerValues(PartnershipCase):
    def test_review_interval_has_a_maximum(self):
        with self.assertRaisesRegex(ValidationError, "at most 120 months"):
            self.level_a.review_interval_months = 10**8

    def test_company_id_has_a_maximum_length(self):
        hostile = "".join(secrets.choice(string.ascii_letters) for _ in range(50_000))  # does not compress
        with (
            self.assertRaisesRegex(CheckViolation, "company_registry_length"),
            mute_logger("odoo.sql_db"),
            self.env.cr.savepoint(),
        ):
            self.env["res.partner"].create({"name": "Hostile Ltd", "is_company": True, "company_registry": hostile})
