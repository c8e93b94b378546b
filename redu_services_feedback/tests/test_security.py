# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The service users read the workplace agreements of their entity, without the student names."""

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from odoo.addons.redu_feedback_prep.tests.common import FeedbackCase


@tagged("post_install", "-at_install")
class TestSecurity(FeedbackCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.own = cls._agreement(student_name="Aino Opiskelija")

    def _as(self, user):
        Agreement = self.env["redu.workplace.agreement"]
        return Agreement.with_user(user).with_context(allowed_company_ids=user.company_ids.ids)

    def test_student_name_restricted_to_feedback_groups(self):
        service_user = new_test_user(
            self.env,
            login="fb_service",
            groups="redu_services.group_service_user",
            company_id=self.company.id,
            company_ids=[self.company.id],
        )
        agreement = self._as(service_user).browse(self.own.id)
        self.assertEqual(agreement.read(["workplace_name"])[0]["workplace_name"], "Lapin Testirakennus Oy")
        with self.assertRaises(AccessError):
            agreement.read(["student_name"])
        self.assertNotIn("student_name", self._as(service_user).fields_get())
        self.assertIn("student_name", self._as(self.teacher).fields_get())
