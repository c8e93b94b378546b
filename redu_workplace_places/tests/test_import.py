# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64

from odoo.exceptions import UserError

from .common import PlacesCase

HEADER = "student_name;student_ref;qualification_code;unit_code;municipality;start_date;end_date;agreement_type\n"


class TestNeedImport(PlacesCase):
    def _wizard(self, text):
        return (
            self.env["redu.need.import.wizard"]
            .with_user(self.teacher)
            .create({"file_data": base64.b64encode(text.encode()), "file_name": "tarpeet.csv"})
        )

    def test_imports_the_needs_once(self):
        text = HEADER + (
            "Iina Import;I1;399999;T1;Rovaniemi;1.9.2026;31.10.2026;\n"
            "Jere Import;I2;399999;;698;2026-09-01;2026-10-31;apprenticeship\n"
        )
        self._wizard(text).action_import()
        needs = self.env["redu.placement.need"].search([("student_ref", "in", ["I1", "I2"])], order="student_ref")
        self.assertEqual(needs.mapped("unit_id"), self.unit_basic)
        self.assertEqual(needs.mapped("municipality_id"), self.rovaniemi)
        self.assertEqual(needs.mapped("agreement_type"), ["training_agreement", "apprenticeship"])
        self.assertEqual(needs[0].student_name, "Iina Import")
        wizard = self._wizard(text)
        wizard.action_import()
        self.assertIn("0 needs created, 2 already known", wizard.result)

    def test_a_bad_row_imports_nothing(self):
        text = HEADER + (
            "Iina Import;I1;399999;T1;Rovaniemi;1.9.2026;31.10.2026;\n"
            "Kalle Kateissa;I3;111111;;Rovaniemi;1.9.2026;31.10.2026;\n"
            "Liisa Lappi;I4;399999;;Helsinki;1.9.2026;31.10.2026;\n"
        )
        with self.assertRefused(
            UserError, r"Row 3: no qualification with the code 111111(.|\n)*Row 4: unknown municipality"
        ):
            self._wizard(text).action_import()
        self.assertFalse(self.env["redu.placement.need"].search([("student_ref", "like", "I%")]))
