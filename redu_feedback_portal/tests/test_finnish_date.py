# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import datetime

from freezegun import freeze_time

from .common import PortalCase


class TestFinnishDate(PortalCase):
    """The "already sent today" check counts the Finnish day, also for a user or a cron without a timezone."""

    def _skipped_at_six_utc(self, request_date):
        """Send again at 06:00 UTC on 10 March (08:00 in Helsinki), as a user without a timezone."""
        self.env.user.tz = False
        confirmation = self.confirmation.with_context(tz=False)
        confirmation.request_date = request_date
        with freeze_time("2031-03-10 06:00:00"):
            return confirmation in confirmation._send_requests()["skipped"]

    def test_request_sent_after_midnight_in_finland_is_sent_today(self):
        # 22:30 UTC on the 9th is 00:30 on the 10th in Helsinki: today in Finland
        self.assertTrue(self._skipped_at_six_utc(datetime.datetime(2031, 3, 9, 22, 30)))

    def test_request_sent_before_midnight_in_finland_was_yesterday(self):
        # 21:30 UTC on the 9th is 23:30 on the 9th in Helsinki: yesterday
        self.assertFalse(self._skipped_at_six_utc(datetime.datetime(2031, 3, 9, 21, 30)))
