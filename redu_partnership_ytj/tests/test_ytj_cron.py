# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import datetime
from unittest.mock import patch

from odoo import fields

from .common import ACTIVE_ID, CEASED_ID, RENAMED_ID, YtjCase, fixture_response, register_answer


def _no_sleep(seconds):
    raise AssertionError("no sleep in a worker")


@patch("time.sleep", _no_sleep)
class TestYtjCron(YtjCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # only the partners of the test are refreshed
        cls.Partner.search([("company_registry", "!=", False)]).write({"ytj_status": "ceased"})
        cls.ceased = cls._company("Napapiirin Kuljetus Oy", company_registry=CEASED_ID, user_id=cls.sales.id)
        cls.renamed = cls._company(
            "Rovaniemen Matkailupalvelut Oy",
            company_registry=RENAMED_ID,
            user_id=cls.sales.id,
            ytj_name="Rovaniemen Matkailupalvelut Oy",
            ytj_status="active",
            ytj_fetch_date=datetime.datetime(2025, 1, 1),
        )
        cls.active = cls._company("Lapin Rakennus Oy", company_registry=ACTIVE_ID)

    def _activities(self, partner, xmlid):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "res.partner"),
                ("res_id", "=", partner.id),
                ("activity_type_id", "=", self.env.ref(xmlid).id),
            ]
        )

    def test_ceased_company_and_name_change_become_activities_for_the_account_manager(self):
        self.patch_get()
        self.Partner._cron_ytj_refresh()
        ceased = self._activities(self.ceased, "redu_partnership_ytj.mail_activity_type_ytj_ceased")
        self.assertEqual(ceased.user_id, self.sales)
        self.assertIn("2024-06-28", str(ceased.note))
        self.assertEqual(self.ceased.ytj_status, "ceased")
        renamed = self._activities(self.renamed, "redu_partnership_ytj.mail_activity_type_ytj_name_change")
        self.assertEqual(renamed.user_id, self.sales)
        self.assertIn("Arktinen Matkailu Oy", str(renamed.note))
        self.assertEqual(self.renamed.name, "Rovaniemen Matkailupalvelut Oy", "the partner's own name is kept")
        self.assertFalse(self._activities(self.active, "redu_partnership_ytj.mail_activity_type_ytj_ceased"))

    def test_429_makes_the_task_wait_and_it_resumes(self):
        calls = []

        def first_then_busy(url, params=None, **kwargs):
            calls.append(params["businessId"])
            if len(calls) == 1:
                return register_answer(url, params=params)
            return fixture_response("rate_limited.json")

        self.patch_get(first_then_busy)
        before = fields.Datetime.now()
        self.Partner._cron_ytj_refresh()
        self.assertEqual(len(calls), 2, "the batch stops at the first 429")
        fetched = (self.ceased | self.active).filtered("ytj_fetch_date")
        self.assertEqual(len(fetched), 1, "never-fetched partners come first; one got through and is kept")
        waiting = (self.ceased | self.active) - fetched
        job = self.env["redu.background.job"].search([("identity_key", "=", "redu_partnership_ytj.weekly_refresh")])
        self.assertEqual(job.state, "running", "the task waits, it is not ended")
        self.assertGreaterEqual(job.date_next_try, before + datetime.timedelta(seconds=59), "default wait")
        self.patch_get()
        self.Partner._cron_ytj_refresh(batch_size=1)
        self.assertEqual(len(calls), 2, "no request before the time")
        job.date_next_try = before - datetime.timedelta(seconds=1)
        self.Partner._cron_ytj_refresh(batch_size=1)
        self.assertTrue(waiting.ytj_fetch_date, "the same task goes on with the partner the 429 left")
        self.assertEqual(job.state, "done")

    def test_refresh_is_off_with_the_lookup_off(self):
        get = self.patch_get()
        self.env["ir.config_parameter"].set_param("redu_partnership_ytj.network_enabled", False)
        self.Partner._cron_ytj_refresh()
        get.assert_not_called()
