# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import ReduServicesCommon


@tagged("post_install", "-at_install")
class TestFinnish(ReduServicesCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fi_FI")
        cls.env["ir.module.module"]._load_module_terms(["redu_services"], ["fi_FI"], overwrite=True)

    def test_records_and_labels_in_finnish(self):
        fi = self.env(context=dict(self.env.context, lang="fi_FI"))
        self.assertEqual(fi.ref("redu_services.stage_inquiry").name, "Yhteydenotto")
        self.assertEqual(fi.ref("redu_services.stage_needs_assessment").name, "Tarvekartoitus")
        self.assertEqual(
            fi.ref("redu_services.service_category_workplace_instructor_training").name,
            "Työpaikkaohjaajakoulutukset",
        )
        self.assertEqual(fi.ref("redu_services.service_role_cq_expert").name, "CQ-asiantuntija")
        field = fi["ir.model.fields"]._get("redu.service.process", "invoiced_revenue")
        self.assertEqual(field.field_description, "Laskutettu liikevaihto")
        funding = dict(fi["redu.service"]._fields["funding"]._description_selection(fi))
        self.assertEqual(funding["paid"], "Maksullinen palvelu")
        self.assertEqual(fi.ref("redu_services.stage_gate_feedback_score").name, "Palautteen arvosana")

    def test_gate_error_in_finnish(self):
        process = self._create_process().with_context(lang="fi_FI")
        with self.assertRaisesRegex(UserError, "ei voi siirtyä vaiheeseen Sopimus. Puuttuu: sopimuspäivä"):
            process.write({"stage_id": self.stage_agreement.id})
