# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Issue #16: out-of-range settings never overflow the portal's date arithmetic."""

from odoo.tests import tagged

from .common import PortalCase


@tagged("post_install", "-at_install")
class TestHardeningPortalSettings(PortalCase):
    def test_huge_settings_do_not_stop_the_cron_or_the_portal(self):
        params = self.env["ir.config_parameter"].sudo()
        params.set_param("redu_feedback_portal.reminder_days", str(10**12))
        params.set_param("redu_feedback_portal.rate_window_minutes", str(10**12))
        self.env["redu.instructor.confirmation"]._cron_send_reminders()
        limiter = self.env["redu.rate.limit"]
        window = limiter._redu_int_param("redu_feedback_portal.rate_window_minutes", 10)
        self.assertEqual(window, 1_000_000)
        self.assertTrue(limiter._redu_hit([("portal_token", "a", 10), ("portal_ip", "b", 30)], window))
