# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import datetime
import hashlib

from odoo import api, fields, models

# defaults of the settings (ir.config_parameter), see readme/CONFIGURE.md
DEFAULT_WINDOW_MINUTES = 10
DEFAULT_MAX_PER_TOKEN = 10
DEFAULT_MAX_PER_IP = 30
# attempts older than this are deleted by the daily cron
KEEP_HOURS = 24


class ReduPortalAttempt(models.Model):
    """One form post on the instructor's page, counted by the rate limit.

    The keys are hashes ("token:..." of the link, "ip:..." of the address): no token or address
    is stored in clear.
    """

    _name = "redu.portal.attempt"
    _description = "Instructor page form post (rate limit)"
    _log_access = True

    key = fields.Char(required=True, index=True, readonly=True)

    _key_create_date_idx = models.Index("(key, create_date)")

    @api.model
    def _key(self, kind, value):
        return f"{kind}:{hashlib.sha256(str(value).encode()).hexdigest()[:32]}"

    @api.model
    def _limits(self):
        params = self.env["ir.config_parameter"].sudo()

        def read(name, default):
            try:
                # at most a million (minutes: about two years): a huge setting would overflow the window
                return min(max(int(params.get_param(f"redu_feedback_portal.{name}", default)), 1), 1_000_000)
            except (TypeError, ValueError):
                return default

        return (
            read("rate_window_minutes", DEFAULT_WINDOW_MINUTES),
            read("rate_max_per_token", DEFAULT_MAX_PER_TOKEN),
            read("rate_max_per_ip", DEFAULT_MAX_PER_IP),
        )

    @api.model
    def _register_attempt(self, token_key, ip_key):
        """Count the posts of the window (one query); record this one unless over a limit.

        :return: True when the post may proceed, False when a limit is reached (nothing recorded)
        """
        window, max_token, max_ip = self._limits()
        since = fields.Datetime.now() - datetime.timedelta(minutes=window)
        counts = dict(
            self._read_group(
                [("key", "in", [token_key, ip_key]), ("create_date", ">=", since)],
                ["key"],
                ["__count"],
            )
        )
        if counts.get(token_key, 0) >= max_token or counts.get(ip_key, 0) >= max_ip:
            return False
        self.create([{"key": token_key}, {"key": ip_key}])
        return True

    @api.autovacuum
    def _gc_attempts(self):
        """Daily: drop the attempts that no window counts any more."""
        limit = fields.Datetime.now() - datetime.timedelta(hours=KEEP_HOURS)
        self.search([("create_date", "<", limit)]).unlink()
