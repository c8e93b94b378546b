# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import datetime

from freezegun import freeze_time

from .common import PortalCase


class TestFinnishDate(PortalCase):
    """The "already sent today" check counts the Finnish day, also for a user or a cron without a timezone."""

    @freeze_time("2031-03-10 06:00:00")
    def test_request_sent_after_midnight_in_finland_is_sent_today(self):
        self.env.user.tz = False
        confirmation = self.confirmation.with_context(tz=False)
        # 22:30 UTC on the 9th is 00:30 on the 10th in Helsinki: today in Finland
        confirmation.request_date = datetime.datetime(2031, 3, 9, 22, 30)
        self.assertIn(confirmation, confirmation._send_requests()["skipped"])

    @freeze_time("2031-03-10 06:00:00")
    def test_request_sent_before_midnight_in_finland_was_yesterday(self):
        self.env.user.tz = False
        confirmation = self.confirmation.with_context(tz=False)
        # 21:30 UTC on the 9th is 23:30 on the 9th in Helsinki: yesterday
        confirmation.request_date = datetime.datetime(2031, 3, 9, 21, 30)
        self.assertNotIn(confirmation, confirmation._send_requests()["skipped"])
