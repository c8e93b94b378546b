# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import math

from odoo import fields, models

EARTH_RADIUS_KM = 6371.0


def distance_km(lat1, lon1, lat2, lon2):
    """The great-circle distance (haversine) between two points in degrees, in kilometres."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    hav = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(hav))


class ReduMunicipality(models.Model):
    """A municipality with the coordinates of its centre: the distance between a student and a place."""

    _name = "redu.municipality"
    _description = "Municipality"
    _order = "name"

    name = fields.Char(required=True)
    code = fields.Char(help="The municipality number of Statistics Finland (kuntanumero), e.g. 698.")
    latitude = fields.Float(digits=(9, 6), required=True)
    longitude = fields.Float(digits=(9, 6), required=True)
    active = fields.Boolean(default=True)

    _code_unique = models.Constraint("UNIQUE(code)", "A municipality number is used once.")

    def _redu_distance_km(self, other):
        """Kilometres between the centres of two municipalities (None when one is missing)."""
        if not self or not other:
            return None
        self.ensure_one()
        other.ensure_one()
        return distance_km(self.latitude, self.longitude, other.latitude, other.longitude)
