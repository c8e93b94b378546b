# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

# Koski's states of a study right (koodisto koskiopiskeluoikeudentila)
STUDY_RIGHT_STATES = [
    ("lasna", "Present (läsnä)"),
    ("loma", "On leave (loma)"),
    ("valiaikaisestikeskeytynyt", "Temporarily interrupted (väliaikaisesti keskeytynyt)"),
    ("eronnut", "Resigned (eronnut)"),
    ("katsotaaneronneeksi", "Deemed resigned (katsotaan eronneeksi)"),
    ("valmistunut", "Graduated (valmistunut)"),
    ("peruutettu", "Cancelled (peruutettu)"),
    ("mitatoity", "Annulled (mitätöity)"),
    ("hyvaksytystisuoritettu", "Completed (hyväksytysti suoritettu)"),
    ("keskeytynyt", "Interrupted (keskeytynyt)"),
]


class ReduStudyRightPeriod(models.Model):
    """One period of the student's study right as Koski keeps it (opiskeluoikeusjakso)."""

    _name = "redu.study.right.period"
    _inherit = ["redu.agreement.study.data.mixin"]
    _description = "Study right period"
    _order = "agreement_id, start_date"

    start_date = fields.Date(string="Start date", required=True)
    state = fields.Selection(STUDY_RIGHT_STATES, required=True, default="lasna")
    funding_code = fields.Char(
        string="Funding code",
        size=3,
        help="Koski's funding code (opintojen rahoitus) of the period; 6, 14 and 15 (externally funded) leave the "
        "workplace periods ending in it out of the working-life feedback.",
    )
