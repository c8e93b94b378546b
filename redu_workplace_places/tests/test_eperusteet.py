# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Qualifications loaded from an answer of ePerusteet's ``GET /api/external/peruste/{id}``.

The fixture ``fixtures/peruste_612.json``: the qualification's fields (id, nimi, koulutukset,
diaarinumero, voimassaoloAlkaa...) are those of the answer recorded by OPH's own Koski in
``Opetushallitus/koski src/main/resources/mockdata/eperusteet/612.json``; ``tutkinnonOsat`` follows
``TutkinnonOsaKaikkiDto`` (``Opetushallitus/eperusteet .../dto/tutkinnonosa/TutkinnonOsaKaikkiDto.java:33-41``,
``PerusteenOsaDto.java:43,47``) with values made for the cases of the parser (koodiArvo missing, a name
in Swedish only, a unit without a name), not recorded ones. No network.
"""

import datetime
import json

from odoo.exceptions import UserError
from odoo.tools.misc import file_open

from .common import PlacesCase


class TestEperusteet(PlacesCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with file_open("redu_workplace_places/tests/fixtures/peruste_612.json", "rb") as fixture:
            cls.content = fixture.read()

    def test_loads_the_qualification_and_its_units_by_their_codes(self):
        qualification = self.env["redu.qualification"]._redu_load_file(self.content)
        self.assertEqual(qualification.name, "Autoalan perustutkinto")
        self.assertEqual(qualification.code, "351301")
        self.assertEqual(qualification.eperusteet_id, 612)
        self.assertEqual(qualification.diary_number, "39/011/2014")
        # 1438376400000 ms = 2015-07-31T21:00:00Z (midnight of 1 August in Finland)
        self.assertEqual(qualification.valid_from, datetime.date(2015, 7, 31))
        self.assertFalse(qualification.valid_to)
        units = {unit.code: (unit.name, unit.credits) for unit in qualification.unit_ids}
        self.assertEqual(
            units,
            {
                "900301": ("Ajoneuvon huoltotyöt", 40.0),
                "900302": ("Ajoneuvon vianmääritys", 30.0),  # the code from koodiUri
                "900303": ("Bilförsäljning", 15.0),  # no Finnish name: the Swedish one
            },
        )

    def test_reloading_updates_in_place_and_archives_a_unit_gone(self):
        Qualification = self.env["redu.qualification"]
        first = Qualification._redu_load_file(self.content)
        unit = first.unit_ids.filtered(lambda u: u.code == "900303")
        payload = json.loads(self.content)
        payload["nimi"]["fi"] = "Autoalan perustutkinto (uusi nimi)"
        payload["tutkinnonOsat"] = payload["tutkinnonOsat"][:2]
        second = Qualification._redu_load_peruste(payload)
        self.assertEqual(second, first)
        self.assertEqual(second.name, "Autoalan perustutkinto (uusi nimi)")
        self.assertFalse(unit.active)
        self.assertEqual(len(second.unit_ids), 2)

    def test_a_file_that_is_not_a_qualification_is_refused(self):
        with self.assertRefused(UserError, "not JSON"):
            self.env["redu.qualification"]._redu_load_file(b"<html>")
        with self.assertRefused(UserError, "not a qualification"):
            self.env["redu.qualification"]._redu_load_file(b'{"nimi": {"fi": "x"}}')
        self.assertFalse(self.env["redu.qualification"].search([("eperusteet_id", "=", 612)]))
