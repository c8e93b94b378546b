# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""An employer without a workplace survey contact: the survey goes to the contact person of the account
manager's latest service process with the employer."""

from odoo.tests import tagged

from odoo.addons.redu_feedback_tpk.tests.common import TpkCase

from ..hooks import post_init_hook


@tagged("post_install", "-at_install")
class TestRecipient(TpkCase):
    def test_recipient_falls_back_to_the_account_managers_contact(self):
        self.employer_b.user_id = self.manager
        service = self.env["redu.service"].create(
            {
                "name": "Työpaikkaohjaajakoulutus",
                "funding": "public",
                "category_id": self.env["redu.service.category"].search([], limit=1).id,
                "company_id": self.company.id,
            }
        )
        self.env["redu.service.process"].create(
            {
                "partner_id": self.employer_b.id,
                "contact_id": self.instructor_b.id,
                "service_id": service.id,
                "user_id": self.manager.id,
                "company_id": self.company.id,
            }
        )
        self.assertEqual(self.employer_b.tpk_recipient_id, self.instructor_b)
        self.assertEqual(self.employer.tpk_recipient_id, self.survey_contact)

    def test_installing_the_addon_completes_the_bundles_predicted_before(self):
        self.employer_b.user_id = self.manager
        self._agreement(employer_id=self.employer_b.id, instructor_id=self.instructor_b.id)
        bundle = self._predict()["bundles"]
        self.assertFalse(bundle.recipient_id)
        self.assertEqual(bundle.email_problem, "missing")
        service = self.env["redu.service"].create(
            {
                "name": "Työpaikkaohjaajakoulutus",
                "funding": "public",
                "category_id": self.env["redu.service.category"].search([], limit=1).id,
                "company_id": self.company.id,
            }
        )
        # a process of the account manager: nothing recomputes the bundle, as before the addon was installed
        self.env["redu.service.process"].create(
            {
                "partner_id": self.employer_b.id,
                "contact_id": self.instructor_b.id,
                "service_id": service.id,
                "user_id": self.manager.id,
                "company_id": self.company.id,
            }
        )
        self.assertFalse(bundle.recipient_id)
        post_init_hook(self.env)
        self.assertEqual(bundle.recipient_id, self.instructor_b)
        self.assertFalse(bundle.email_problem)
