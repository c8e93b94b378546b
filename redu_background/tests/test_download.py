# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from unittest.mock import patch

from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from .test_background_job import _job_touch_partners


@tagged("post_install", "-at_install")
class TestDownload(HttpCase):
    """The file of a task is downloaded (/web/content) only by who may read the task."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        groups = "base.group_user,base.group_partner_manager"
        cls.starter = new_test_user(cls.env, login="bg_dl_starter", groups=groups)
        cls.stranger = new_test_user(cls.env, login="bg_dl_stranger", groups=groups)
        cls.startClassPatcher(
            patch.object(cls.registry["res.partner"], "_job_touch_partners", _job_touch_partners, create=True)
        )
        partner = cls.env["res.partner"].create({"name": "Download Partner"})
        cls.job = (
            cls.env["redu.background.job"]
            .with_user(cls.starter)
            ._enqueue(
                "Import",
                "res.partner",
                "_job_touch_partners",
                res_ids=partner.ids,
                file_content=b"student;id\nAino;S-123\n",
                file_name="students.csv",
            )
        )

    def _download(self, login):
        self.authenticate(login, login)
        return self.url_open(f"/web/content/{self.job.attachment_id.id}?download=true")

    def test_the_starter_downloads_the_file(self):
        response = self._download("bg_dl_starter")
        self.assertEqual(response.status_code, 200)
        self.assertIn(b"S-123", response.content)

    @mute_logger("odoo.http", "odoo.addons.base.models.ir_rule")
    def test_another_user_cannot_download_it(self):
        response = self._download("bg_dl_stranger")
        self.assertIn(response.status_code, (403, 404))
        self.assertNotIn(b"S-123", response.content)
