# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
from datetime import timedelta
from unittest.mock import patch

from odoo import fields
from odoo.tests import RecordCapturer

from ..wizards import redu_ytj_import_wizard as wizard_module
from .common import ACTIVE_ID, CEASED_ID, RENAMED_ID, YtjCase, fixture_response
from .test_ytj_import import generated_companies, zip_of


def _no_sleep(seconds):
    raise AssertionError("no sleep in a worker")


@patch("time.sleep", _no_sleep)
class TestYtjBackground(YtjCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Job = cls.env["redu.background.job"]
        cls.Partner.search([("company_registry", "in", [ACTIVE_ID, CEASED_ID, RENAMED_ID])]).company_registry = False

    def test_fetch_many_partners_in_the_background(self):
        self.patch_get()
        active = self._company("Lapin Rakennus", company_registry=ACTIVE_ID)
        renamed = self._company("Vanha Nimi Oy", company_registry=RENAMED_ID, city="Rovaniemi")
        partners = (active | renamed).with_user(self.sales)
        action = partners.action_ytj_fetch_many()
        job = self.Job.browse(action["res_id"])
        self.assertEqual((job.user_id, job.state, job.total), (self.sales, "queued", 2))
        self.assertFalse(active.ytj_fetch_date, "no request in the user's request")
        self.Job._cron_run_jobs()
        self.assertEqual((job.state, job.done, job.counts["fetched"]), ("done", 2, 2))
        self.assertTrue(active.ytj_fetch_date and renamed.ytj_fetch_date)
        self.assertEqual(renamed.name, "Vanha Nimi Oy", "nothing overwritten")
        self.assertIn(renamed.id, job.line_ids.mapped("res_id"), "the differences are listed for review")

    def test_weekly_refresh_is_a_long_task_queued_once(self):
        self.patch_get()
        self.Partner.search([("company_registry", "!=", False)]).write({"ytj_status": "ceased"})
        partner = self._company("Lapin Rakennus Oy", company_registry=ACTIVE_ID)
        self.Partner._cron_ytj_refresh()
        job = self.Job.search([("identity_key", "=", "redu_partnership_ytj.weekly_refresh")])
        self.assertEqual((job.state, job.total, job.counts["fetched"]), ("done", 1, 1))
        self.assertEqual((job.channel, job.company_id.id), ("long", False))
        self.assertTrue(partner.ytj_fetch_date)
        self.assertEqual(self.Job.with_user(self.manager).search([("id", "=", job.id)]), job, "managers see it")
        self.assertFalse(self.Job.with_user(self.sales).search([("id", "=", job.id)]), "sales staff do not")

    def test_a_429_at_the_first_request_rolls_back_and_waits_without_sleeping(self):
        self.patch_get(lambda *args, **kwargs: fixture_response("rate_limited.json"))
        partners = self._company("Lapin Rakennus", company_registry=ACTIVE_ID) | self._company(
            "Vanha Nimi Oy", company_registry=RENAMED_ID
        )
        action = partners.with_user(self.sales).action_ytj_fetch_many()
        job = self.Job.browse(action["res_id"])
        cron = self.env.ref("redu_background.ir_cron_run_background_jobs")
        before = fields.Datetime.now()
        with (
            patch("time.sleep", side_effect=AssertionError("no sleep in a worker")),
            RecordCapturer(self.env["ir.cron.trigger"].sudo(), [("cron_id", "=", cron.id)]) as triggers,
        ):
            self.Job._cron_run_jobs()
        self.assertEqual((job.state, job.done), ("running", 0))
        self.assertGreaterEqual(job.date_next_try, before + timedelta(seconds=59), "default wait")
        self.assertEqual(triggers.records.call_at, job.date_next_try)
        self.assertFalse(partners.filtered("ytj_fetch_date"))
        self.patch_get()
        job.date_next_try = before - timedelta(seconds=1)
        self.Job._cron_run_jobs()
        self.assertEqual((job.state, job.done), ("done", 2))
        self.assertTrue(all(partners.mapped("ytj_fetch_date")))

    def test_large_bulk_file_is_imported_in_the_background(self):
        companies = generated_companies(25)
        partners = self.Partner.create(
            [
                {"name": c["names"][0]["name"], "is_company": True, "company_registry": c["businessId"]["value"]}
                for c in companies[:3]
            ]
        )
        self.env["ir.config_parameter"].sudo().set_param("redu_background.threshold.ytj_import", "10")
        wizard = (
            self.env["redu.ytj.import.wizard"]
            .with_user(self.manager)
            .create({"file": base64.b64encode(zip_of(companies[:12], companies[12:])), "filename": "all.zip"})
        )
        action = wizard.action_import()
        job = self.Job.browse(action["res_id"])
        self.assertEqual((job.state, job.user_id, wizard.state), ("queued", self.manager, "draft"))
        self.assertEqual(job.channel, "long", "a register file does not hold the quick tasks")
        with patch.object(wizard_module, "COMPANIES_PER_CALL", 10), patch.object(wizard_module, "BATCH_SIZE", 4):
            # the cron's time is up after each call: the stream goes on where it stopped
            with patch.object(self.registry["redu.background.job"], "_commit_batch", return_value=0):
                self.Job._cron_run_jobs("long")
                self.assertEqual((job.state, job.done, job.total), ("running", 10, 0))
                wizard_module._STREAMS.clear()  # another worker: the file is reopened and 10 skipped
                self.Job._cron_run_jobs("long")
                self.Job._cron_run_jobs("long")
        self.assertEqual((job.state, job.done, job.total), ("done", 25, 25))
        self.assertEqual((job.counts["read"], job.counts["matched"]), (25, 3))
        self.assertTrue(all(partners.mapped("ytj_fetch_date")))

    def test_the_register_pace_waits_in_the_cron_not_in_the_worker(self):
        """Requests per minute: a batch makes at most that many requests, then the task waits for its
        turn (no sleep between the requests, which would hold the worker)."""
        self.patch_get()
        self.env["ir.config_parameter"].sudo().set_param("redu_partnership_ytj.requests_per_minute", "1")
        active = self._company("Lapin Rakennus", company_registry=ACTIVE_ID)
        renamed = self._company("Vanha Nimi Oy", company_registry=RENAMED_ID, city="Rovaniemi")
        action = (active | renamed).with_user(self.sales).action_ytj_fetch_many()
        job = self.Job.browse(action["res_id"])
        self.Job._cron_run_jobs()
        self.assertEqual((job.state, job.done), ("running", 1), "one request in this minute")
        self.assertGreater(job.date_next_try, fields.Datetime.now() + timedelta(seconds=50))
        self.Job._cron_run_jobs()
        self.assertEqual(job.done, 1, "the next batch waits for its minute")
        job.date_next_try = fields.Datetime.now() - timedelta(seconds=1)
        self.Job._cron_run_jobs()
        self.assertEqual((job.state, job.done), ("done", 2))
