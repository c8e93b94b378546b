# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime, time, timedelta

from odoo.addons.redu_feedback_portal.tests.common import PortalCase


class TrainingCase(PortalCase):
    """redu_feedback_portal's test data, an instructor training service, a past and two coming sessions."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Event = cls.env["event.event"]
        cls.lapland = cls.env.ref("base.state_fi_10")
        cls.uusimaa = cls.env.ref("base.state_fi_18")
        cls.service = cls.env["redu.service"].create(
            {
                "name": "Työpaikkaohjaajakoulutus (testi)",
                "category_id": cls.env.ref("redu_services.service_category_workplace_instructor_training").id,
                "company_id": cls.company.id,
                "funding": "public",
            }
        )
        cls.venue_lapland = cls.Partner.create({"name": "Testikampus Rovaniemi", "state_id": cls.lapland.id})
        cls.venue_uusimaa = cls.Partner.create({"name": "Testikampus Helsinki", "state_id": cls.uusimaa.id})
        cls.past_session = cls._session("Koulutus (mennyt)", days=-100, venue=cls.venue_lapland)
        cls.session_uusimaa = cls._session("Koulutus Helsinki", days=2, venue=cls.venue_uusimaa)
        cls.session_lapland = cls._session("Koulutus Rovaniemi", days=3, venue=cls.venue_lapland)
        cls.Registration = cls.env["event.registration"]

    @classmethod
    def _session(cls, name, days, venue=None, seats=10, service=None):
        day = cls.today + timedelta(days=days)
        return cls.Event.create(
            {
                "name": name,
                "redu_service_id": (service or cls.service).id,
                "company_id": cls.company.id,
                "address_id": venue.id if venue else False,
                "date_tz": "Europe/Helsinki",
                "date_begin": datetime.combine(day, time(7, 0)),
                "date_end": datetime.combine(day, time(13, 0)),
                "seats_limited": True,
                "seats_max": seats,
            }
        )

    @classmethod
    def _attend(cls, session, partner):
        registration = cls.env["event.registration"].create(
            {"event_id": session.id, "partner_id": partner.id, "name": partner.name, "email": partner.email}
        )
        registration.action_set_done()
        return registration
