# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestEmployerTour(HttpCase):
    # a phone (the tour runs in Chromium at this size, touch enabled)
    browser_size = "375x667"
    touch_enabled = True

    def test_employer_offers_a_place_from_a_phone(self):
        qualification = self.env["redu.qualification"].create({"name": "Puualan tour-perustutkinto", "code": "399996"})
        self.start_tour("/palvelut", "redu_workplace_places_website_employer_tour")
        place = self.env["redu.workplace.place"].search([("qualification_id", "=", qualification.id)])
        self.assertEqual(len(place), 1, "one place; the refused post created nothing")
        self.assertEqual(place.employer_id.name, "Tunturin Puutyö Oy")
        self.assertEqual(place.state, "proposed")
        self.assertTrue(place.accepts_apprenticeship)
        self.assertEqual(place.capacity, 2)
