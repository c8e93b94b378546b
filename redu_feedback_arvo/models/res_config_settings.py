# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

from .redu_arvo_import import DEFAULT_API_URL, DEFAULT_LOW_SCORE, DEFAULT_MIN_ANSWERS


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    # the API's address and credentials: system parameters, read and written by the administrators only
    redu_arvo_api_url = fields.Char(
        string="Arvo export API",
        config_parameter="redu_feedback_arvo.api_url",
        default=DEFAULT_API_URL,
        groups="base.group_system",
    )
    redu_arvo_api_user = fields.Char(
        string="Arvo API user", config_parameter="redu_feedback_arvo.api_user", groups="base.group_system"
    )
    redu_arvo_api_password = fields.Char(
        string="Arvo API password", config_parameter="redu_feedback_arvo.api_password", groups="base.group_system"
    )
    redu_arvo_min_answers = fields.Integer(
        string="Minimum answers for a score",
        config_parameter="redu_feedback_arvo.min_answers",
        default=DEFAULT_MIN_ANSWERS,
        help="The scores of a group (an employer's half-year, a question) are shown only from this many answers, "
        "so that no single workplace instructor is singled out.",
    )
    redu_arvo_low_score = fields.Float(
        string="Low funding-model score",
        config_parameter="redu_feedback_arvo.low_score",
        default=DEFAULT_LOW_SCORE,
        help="An answer of a funding-model question at or below this score creates an activity for the "
        "employer's account manager.",
    )
