# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Browser tour (headless Chromium) of a sales user applying the suggested partnership level, in Finnish.

The tour is in static/tests/tours/redu_partnership_tour.js; it asserts what the user sees, this
test then asserts what the database holds.
"""

from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fi_FI")
        cls.env["ir.module.module"]._load_module_terms(["redu_partnership"], ["fi_FI"], overwrite=True)
        cls.level_a = cls.env.ref("redu_partnership.partnership_level_a")
        cls.level_d = cls.env.ref("redu_partnership.partnership_level_d")
        groups = ["base.group_user", "redu_partnership.group_partnership_user"]
        # A salesperson of the Sales app where it is installed (with redu_services).
        if cls.env.ref("sales_team.group_sale_salesman", raise_if_not_found=False):
            groups.append("sales_team.group_sale_salesman")
        cls.user = new_test_user(
            cls.env,
            "redu_tour_sales",
            name="Saara Myyjä",
            groups=",".join(groups),
            lang="fi_FI",
            company_id=cls.env.company.id,
            company_ids=[Command.set(cls.env.company.ids)],
        )
        Form = cls.env["redu.cooperation.form"]
        # Each form alone is of one quadrant; together their highest axes make a strategic cooperation.
        cls.form_training = Form.create(
            {"name": "Revontulen työssäoppimispaikat", "knowledge_sharing": 8, "knowledge_renewal": 2}
        )
        cls.form_developer = Form.create(
            {"name": "Revontulen tuotekehityshanke", "knowledge_sharing": 3, "knowledge_renewal": 9}
        )
        cls.partner = cls.env["res.partner"].create(
            {
                "name": "Revontulen Rakennus Oy",
                "is_company": True,
                "user_id": cls.user.id,
                "partnership_level_id": cls.level_d.id,
            }
        )

    def test_apply_suggested_level_tour(self):
        """A sales user sets the cooperation forms, applies the suggested level A and finds D -> A in the history."""
        self.assertFalse(self.partner.cooperation_form_ids)
        self.assertFalse(self.partner.cooperation_type)
        self.assertEqual(self.form_training.cooperation_type, "training")
        self.assertEqual(self.form_developer.cooperation_type, "developer")

        self.start_tour("/odoo", "redu_partnership_level_tour", login=self.user.login)

        self.partner.invalidate_recordset()
        self.assertEqual(self.partner.cooperation_form_ids, self.form_training | self.form_developer)
        self.assertEqual(self.partner.cooperation_type, "strategic")
        self.assertEqual(self.partner.partnership_level_id, self.level_a)
        change = self.partner.partnership_level_history_ids.filtered(lambda h: h.new_level_id == self.level_a)
        self.assertEqual(len(change), 1, "applying the suggestion wrote one history line")
        self.assertEqual(change.old_level_id, self.level_d)
        self.assertEqual(change.user_id, self.user)
        self.assertEqual(change.change_direction, "up")
        # the note is written in the language of the user who applied the suggestion
        self.assertEqual(change.note, "Ehdotettu taso otettu käyttöön")
        self.assertEqual(len(self.partner.partnership_level_history_ids), 2, "the first level D and the change to A")
