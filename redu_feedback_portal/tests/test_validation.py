# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.addons.redu_feedback_prep.tools.rule_catalogue import RULE_BY_CODE

from .common import PortalCase

VALID = {"name": "Pertti Puutteellinen", "email": "pertti@lapintesti.fi", "phone": "040 765 4321"}


class TestValidation(PortalCase):
    def validate(self, **values):
        return self.Confirmation._validate_form({**VALID, **values})

    def test_landline_refused_with_the_catalogue_hint(self):
        _clean, errors = self.validate(phone="016 123 456")
        self.assertEqual(set(errors), {"phone"})
        self.assertIn(str(RULE_BY_CODE["phone_not_mobile"].hint), errors["phone"])

    def test_landline_refused_in_finnish(self):
        self.env["res.lang"]._activate_lang("fi_FI")
        self.env["ir.module.module"]._load_module_terms(["redu_feedback_prep"], ["fi_FI"])
        _clean, errors = self.Confirmation.with_context(lang="fi_FI")._validate_form({**VALID, "phone": "016 123 456"})
        self.assertIn("Kirjaa lankapuhelinnumeron sijaan työpaikkaohjaajan matkapuhelinnumero.", errors["phone"])

    def test_foreign_number_refused(self):
        _clean, errors = self.validate(phone="+46 70 123 45 67")
        self.assertIn(str(RULE_BY_CODE["phone_not_finnish"].hint), errors["phone"])

    def test_email_with_a_space_refused(self):
        _clean, errors = self.validate(email="pertti puutteellinen@lapintesti.fi")
        self.assertEqual(set(errors), {"email"})
        self.assertIn(str(RULE_BY_CODE["email_invalid"].hint), errors["email"])

    def test_missing_email_and_phone_refused(self):
        _clean, errors = self.validate(email="  ", phone="")
        self.assertEqual(set(errors), {"email", "phone"})

    def test_one_channel_may_be_left_empty(self):
        clean, errors = self.validate(phone="")
        self.assertFalse(errors)
        self.assertFalse(clean["phone"])
        clean, errors = self.validate(email="")
        self.assertFalse(errors)
        self.assertFalse(clean["email"])
        # but what is given must reach the instructor
        _clean, errors = self.validate(email="", phone="016 123 456")
        self.assertEqual(set(errors), {"email", "phone"})

    def test_company_name_refused_as_a_person(self):
        _clean, errors = self.validate(name="Lapin Testirakennus Oy")
        self.assertEqual(set(errors), {"name"})

    def test_valid_mobile_accepted_and_normalised(self):
        clean, errors = self.validate(email="  pertti@lapintesti.fi ", name="  Pertti   Puutteellinen ")
        self.assertFalse(errors)
        self.assertEqual(
            clean, {"name": "Pertti Puutteellinen", "email": "pertti@lapintesti.fi", "phone": "+358407654321"}
        )
