# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
from unittest.mock import patch

from ..wizards import redu_ytj_import_wizard as wizard_module
from .common import ACTIVE_ID, CEASED_ID, RENAMED_ID, YtjCase
from .test_ytj_import import generated_companies, zip_of


@patch("time.sleep", lambda seconds: None)
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

    def test_weekly_refresh_is_a_task_of_its_cron(self):
        self.patch_get()
        self.Partner.search([("company_registry", "!=", False)]).write({"ytj_status": "ceased"})
        partner = self._company("Lapin Rakennus Oy", company_registry=ACTIVE_ID)
        self.Partner._cron_ytj_refresh()
        job = self.Job.search([("cron_id", "=", self.ref("redu_partnership_ytj.ir_cron_ytj_refresh"))])
        self.assertEqual((job.state, job.total, job.counts["fetched"]), ("done", 1, 1))
        self.assertTrue(partner.ytj_fetch_date)

    def test_large_bulk_file_is_imported_in_the_background(self):
        companies = generated_companies(25)
        partners = self.Partner.create(
            [
                {"name": c["names"][0]["name"], "is_company": True, "company_registry": c["businessId"]["value"]}
                for c in companies[:3]
            ]
        )
        wizard = (
            self.env["redu.ytj.import.wizard"]
            .with_user(self.manager)
            .with_context(redu_background_threshold=10)
            .create({"file": base64.b64encode(zip_of(companies[:12], companies[12:])), "filename": "all.zip"})
        )
        action = wizard.action_import()
        job = self.Job.browse(action["res_id"])
        self.assertEqual((job.state, job.user_id, wizard.state), ("queued", self.manager, "draft"))
        with patch.object(wizard_module, "COMPANIES_PER_CALL", 10), patch.object(wizard_module, "BATCH_SIZE", 4):
            # the cron's time is up after each call: the stream goes on where it stopped
            with patch.object(self.registry["redu.background.job"], "_commit_batch", return_value=0):
                self.Job._cron_run_jobs()
                self.assertEqual((job.state, job.done, job.total), ("running", 10, 0))
                wizard_module._STREAMS.clear()  # another worker: the file is reopened and 10 skipped
                self.Job._cron_run_jobs()
                self.Job._cron_run_jobs()
        self.assertEqual((job.state, job.done, job.total), ("done", 25, 25))
        self.assertEqual((job.counts["read"], job.counts["matched"]), (25, 3))
        self.assertTrue(all(partners.mapped("ytj_fetch_date")))
