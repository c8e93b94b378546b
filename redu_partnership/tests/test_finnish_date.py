# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import datetime

from freezegun import freeze_time

from odoo.tests import tagged

from .common import PartnershipCase

# 23:00 UTC is 01:00 the next day in Helsinki: the UTC date is yesterday in Finland
LATE_EVENING_UTC = "2026-12-06 23:00:00"
FINNISH_TODAY = datetime.date(2026, 12, 7)


@tagged("post_install", "-at_install")
class TestFinnishDate(PartnershipCase):
    """The review dates are Finnish calendar dates, whoever (or whichever timezone) runs the rule."""

    def _reviews(self, partner):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "res.partner"),
                ("res_id", "=", partner.id),
                ("activity_type_id", "=", self.ref("redu_partnership.mail_activity_type_partnership_review")),
            ]
        )

    @freeze_time(LATE_EVENING_UTC)
    def test_review_done_after_midnight_in_finland_counts_from_the_finnish_date(self):
        self.assertFalse(self.partnership_user.tz, "a user without a timezone: UTC for context_today")
        partner = self._company(
            user_id=self.partnership_user.id,
            partnership_level_id=self.level_a.id,
            partnership_review_date=FINNISH_TODAY,
        )
        self.Partner._cron_schedule_partnership_reviews()
        self._reviews(partner).with_user(self.partnership_user).action_feedback(feedback="Reviewed")
        self.assertEqual(partner.partnership_review_date, datetime.date(2027, 6, 7), "Finnish today + 6 months")

    @freeze_time(LATE_EVENING_UTC)
    def test_first_level_sets_the_review_date_from_the_finnish_date(self):
        partner = self._company(name="Uusi Oy").with_user(self.partnership_manager)
        partner.partnership_level_id = self.level_a
        self.assertEqual(partner.partnership_review_date, datetime.date(2027, 6, 7))

    @freeze_time(LATE_EVENING_UTC)
    def test_scheduled_run_in_utc_takes_the_finnish_horizon(self):
        """The scheduled action's user has no timezone: the 14-day horizon still starts in Finland."""
        self.env.user.tz = False
        partner = self._company(
            user_id=self.partnership_user.id,
            partnership_level_id=self.level_b.id,
            partnership_review_date=FINNISH_TODAY + datetime.timedelta(days=14),
        )
        self.Partner.with_context(tz=False)._cron_schedule_partnership_reviews()
        self.assertEqual(self._reviews(partner).date_deadline, datetime.date(2026, 12, 21))
