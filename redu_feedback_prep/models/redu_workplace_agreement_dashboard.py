# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class ReduWorkplaceAgreement(models.Model):
    _inherit = "redu.workplace.agreement"

    ready_percent = fields.Float(
        string="Ready (%)",
        compute="_compute_dashboard_percents",
        store=True,
        aggregator="avg",
        help="100 when the agreement is ready for the national survey, else 0: averaged, the share ready.",
        redu_system=True,
    )
    survey_reach_percent = fields.Float(
        string="Survey reaches (%)",
        compute="_compute_dashboard_percents",
        store=True,
        aggregator="avg",
        help="100 when the national survey reaches the workplace instructor by the national rules, else 0: "
        "averaged over the ended periods, the survey reach.",
        redu_system=True,
    )

    @api.depends("readiness", "national_survey_reaches")
    def _compute_dashboard_percents(self):
        for agreement in self:
            agreement.ready_percent = 100.0 if agreement.readiness == "ready" else 0.0
            agreement.survey_reach_percent = 100.0 if agreement.national_survey_reaches else 0.0
