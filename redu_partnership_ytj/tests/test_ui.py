# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
    def test_duplicates_tour(self):
        new_test_user(self.env, login="ytj_tour", groups="base.group_user,redu_partnership.group_partnership_manager")
        Partner = self.env["res.partner"]
        Partner.create({"name": "Tour Rakennus Oy", "is_company": True, "city": "Inari"})
        Partner.create({"name": "TOUR RAKENNUS", "is_company": True, "city": "Inari"})
        self.env["redu.partner.duplicate"]._detect_duplicates()
        self.start_tour("/odoo", "redu_partnership_ytj_duplicates_tour", login="ytj_tour")
        pair = self.env["redu.partner.duplicate"].search([("partner_id.name", "=", "Tour Rakennus Oy")])
        self.assertEqual(pair.state, "dismissed")
