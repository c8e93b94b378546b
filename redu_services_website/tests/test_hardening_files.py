# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Issue #16: an out-of-range setting never overflows the inquiry form's rate limit."""

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestHardeningInquirySettings(TransactionCase):
    def test_huge_window_does_not_break_the_form(self):
        self.env["ir.config_parameter"].sudo().set_param("redu_services_website.inquiry_window_minutes", str(10**12))
        attempts = self.env["redu.service.web.inquiry.attempt"]
        self.assertTrue(attempts._redu_register_attempt("10.0.0.9"))
        attempts._gc_old_attempts()
        self.assertEqual(attempts._get_limits()[1], 1_000_000)
