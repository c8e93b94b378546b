# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta

from odoo.tests import tagged

from odoo.addons.redu_base.tools.dates import redu_today

from .common import PartnershipCase


@tagged("post_install", "-at_install")
class TestReviewCron(PartnershipCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.review_type = cls.env.ref("redu_partnership.mail_activity_type_partnership_review")
        cls.today = redu_today(cls.Partner)

    def _reviews(self, partners):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "res.partner"),
                ("res_id", "in", partners.ids),
                ("activity_type_id", "=", self.review_type.id),
            ]
        )

    def _run_cron(self):
        self.Partner._cron_schedule_partnership_reviews()

    def test_cron_is_daily_and_runs_the_method(self):
        cron = self.env.ref("redu_partnership.ir_cron_partnership_review")
        self.assertEqual((cron.interval_number, cron.interval_type), (1, "days"))
        partner = self._company(
            user_id=self.partnership_user.id,
            partnership_level_id=self.level_b.id,
            partnership_review_date=self.today,
        )
        # the scheduled action runs the scheduling method
        cron.ir_actions_server_id.run()
        self.assertEqual(len(self._reviews(partner)), 1)

    def test_schedules_within_14_days_only(self):
        due = self._company(
            "Due",
            user_id=self.partnership_user.id,
            partnership_level_id=self.level_b.id,
            partnership_review_date=self.today + relativedelta(days=14),
        )
        overdue = self._company(
            "Overdue",
            user_id=self.partnership_user.id,
            partnership_level_id=self.level_b.id,
            partnership_review_date=self.today - relativedelta(days=30),
        )
        later = self._company(
            "Later",
            user_id=self.partnership_user.id,
            partnership_level_id=self.level_b.id,
            partnership_review_date=self.today + relativedelta(days=15),
        )
        self._run_cron()
        activity = self._reviews(due)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.partnership_user)
        self.assertEqual(activity.date_deadline, due.partnership_review_date)
        self.assertEqual(activity.activity_type_id.name, "Partnership review")
        self.assertEqual(len(self._reviews(overdue)), 1)
        self.assertFalse(self._reviews(later))

    def test_no_second_activity_when_one_is_open(self):
        partner = self._company(
            user_id=self.partnership_user.id,
            partnership_level_id=self.level_b.id,
            partnership_review_date=self.today + relativedelta(days=3),
        )
        self._run_cron()
        self._run_cron()
        self.assertEqual(len(self._reviews(partner)), 1)

    def test_rescheduling_follows_review_date_and_salesperson(self):
        partner = self._company(
            user_id=self.partnership_user.id,
            partnership_level_id=self.level_b.id,
            partnership_review_date=self.today + relativedelta(days=3),
        )
        self._run_cron()
        activity = self._reviews(partner)
        partner.write(
            {
                "partnership_review_date": self.today + relativedelta(days=9),
                "user_id": self.partnership_user_2.id,
            }
        )
        self._run_cron()
        self.assertEqual(self._reviews(partner), activity)
        self.assertEqual(activity.date_deadline, self.today + relativedelta(days=9))
        self.assertEqual(activity.user_id, self.partnership_user_2)

    def test_contacts_and_partners_without_salesperson_get_no_activity(self):
        company = self._company(
            partnership_level_id=self.level_b.id, partnership_review_date=self.today + relativedelta(days=1)
        )
        person = self.Partner.create({"name": "Person", "parent_id": company.id, "user_id": self.partnership_user.id})
        self.assertEqual(person.partnership_review_date, company.partnership_review_date)
        self._run_cron()
        self.assertFalse(self._reviews(company | person))
        # a default user on the activity type takes the partners without a salesperson
        self.review_type.default_user_id = self.partnership_manager
        self._run_cron()
        self.assertEqual(self._reviews(company).user_id, self.partnership_manager)
        self.assertFalse(self._reviews(person))

    def _batch(self, start, count):
        return self.Partner.create(
            [
                {
                    "name": f"Batch {i}",
                    "is_company": True,
                    "user_id": self.partnership_user.id,
                    "partnership_level_id": self.level_c.id,
                    "partnership_review_date": self.today + relativedelta(days=i % 10),
                }
                for i in range(start, start + count)
            ]
        )

    def test_cron_queries_do_not_grow_with_the_partners(self):
        """40 partners with an open review cost as many queries as 10: no query per partner."""
        first = self._batch(0, 10)
        self._run_cron()
        self.assertEqual(len(self._reviews(first)), 10)
        self.env.invalidate_all()
        with self.assertQueryCount(3):
            self._run_cron()
        second = self._batch(10, 30)
        self._run_cron()
        self.assertEqual(len(self._reviews(second)), 30)
        self.env.invalidate_all()
        with self.assertQueryCount(3):
            self._run_cron()

    def test_done_review_sets_next_date_from_level(self):
        partner = self._company(
            user_id=self.partnership_user.id,
            partnership_level_id=self.level_a.id,
            partnership_review_date=self.today + relativedelta(days=2),
        )
        self._run_cron()
        activity = self._reviews(partner)
        activity.with_user(self.partnership_user).action_feedback(feedback="Reviewed, level kept")
        self.assertFalse(self._reviews(partner))
        self.assertEqual(partner.partnership_review_date, self.today + relativedelta(months=6))
        # the next run does not schedule again: the review is months away
        self._run_cron()
        self.assertFalse(self._reviews(partner))

    def test_done_review_without_partnership_rights(self):
        """An assignee without the partnership groups may still mark the review done."""
        partner = self._company(
            user_id=self.internal_user.id,
            partnership_level_id=self.level_d.id,
            partnership_review_date=self.today,
        )
        self._run_cron()
        activity = self._reviews(partner)
        self.assertEqual(activity.user_id, self.internal_user)
        activity.with_user(self.internal_user).action_done()
        self.assertEqual(partner.partnership_review_date, self.today + relativedelta(months=24))

    def test_other_activities_done_do_not_move_the_review(self):
        partner = self._company(
            user_id=self.partnership_user.id,
            partnership_level_id=self.level_b.id,
            partnership_review_date=self.today + relativedelta(days=40),
        )
        todo = partner.activity_schedule("mail.mail_activity_data_todo", user_id=self.partnership_user.id)
        todo.action_done()
        self.assertEqual(partner.partnership_review_date, self.today + relativedelta(days=40))
