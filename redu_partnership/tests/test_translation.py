# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import PartnershipCase


@tagged("post_install", "-at_install")
class TestFinnishTranslation(PartnershipCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fi_FI")
        cls.env["ir.module.module"]._load_module_terms(["redu_partnership"], ["fi_FI"], overwrite=True)

    def test_field_label_in_finnish(self):
        fields_fi = self.Partner.with_context(lang="fi_FI").fields_get(["partnership_level_id", "cooperation_type"])
        self.assertEqual(fields_fi["partnership_level_id"]["string"], "Kumppanuustaso")
        self.assertEqual(dict(fields_fi["cooperation_type"]["selection"])["training"], "Koulutusyhteistyö")

    def test_level_and_role_names_in_finnish(self):
        self.assertEqual(self.level_a.with_context(lang="fi_FI").name, "Kumppaniasiakkaat")
        self.assertEqual(self.level_d.with_context(lang="fi_FI").name, "Asiakassuhde on olemassa")
        instructor = self.env.ref("redu_partnership.contact_role_workplace_instructor")
        self.assertEqual(instructor.with_context(lang="fi_FI").name, "Työpaikkaohjaaja")
        review = self.env.ref("redu_partnership.mail_activity_type_partnership_review")
        self.assertEqual(review.with_context(lang="fi_FI").name, "Kumppanuuden arviointi")

    def test_error_message_in_finnish(self):
        Form = self.Form.with_context(lang="fi_FI")
        with self.assertRaises(ValidationError) as caught:
            Form.create({"name": "Liian suuri", "knowledge_sharing": 11})
        self.assertIn("välillä 0 ja 10", str(caught.exception))
