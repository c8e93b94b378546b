# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import api, fields, models

DEFAULT_MAX_ATTEMPTS = 5
DEFAULT_WINDOW_MINUTES = 60


class ReduServiceWebInquiryAttempt(models.Model):
    _name = "redu.service.web.inquiry.attempt"
    _description = "Web inquiry attempt (rate limit)"
    _order = "id desc"

    ip = fields.Char(string="IP address", required=True, index=True)

    @api.model
    def _get_limits(self):
        """(maximum attempts, window in minutes) from the system parameters, with their defaults."""
        # sudo: read by the public inquiry form
        params = self.env["ir.config_parameter"].sudo()

        def _int(key, default):
            try:
                # at most a million (minutes: about two years): a huge setting would overflow the window
                return min(max(int(params.get_param(key, default)), 1), 1_000_000)
            except ValueError:
                return default

        return (
            _int("redu_services_website.inquiry_max_attempts", DEFAULT_MAX_ATTEMPTS),
            _int("redu_services_website.inquiry_window_minutes", DEFAULT_WINDOW_MINUTES),
        )

    @api.model
    def _redu_register_attempt(self, ip):
        """Count an attempt from ``ip``; False when the address is over its limit (the attempt is
        then not counted)."""
        max_attempts, minutes = self._get_limits()
        since = fields.Datetime.now() - timedelta(minutes=minutes)
        if self.search_count([("ip", "=", ip), ("create_date", ">=", since)]) >= max_attempts:
            return False
        self.create({"ip": ip})
        return True

    @api.autovacuum
    def _gc_old_attempts(self):
        _max_attempts, minutes = self._get_limits()
        self.search([("create_date", "<", fields.Datetime.now() - timedelta(minutes=minutes))]).unlink()
