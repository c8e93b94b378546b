# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

# the groups of the users the record rules let read single answers: the feedback administrators (every
# answer) and the account managers (the answers of their partners: a salesperson or a teacher who is the
# partner's account manager); the rules, not the groups, keep the others' answers from them
FREE_TEXT_GROUPS = (
    "redu_feedback_prep.group_feedback_manager,redu_partnership.group_partnership_user,"
    "redu_feedback_prep.group_feedback_user"
)


class ReduArvoAnswer(models.Model):
    """An answer of Arvo (vastaus) to one question, on one response code.

    Single answers are read by the feedback administrators and by the account manager of the employer
    (record rules); the others see the figures of a group of at least the minimum number of answers.
    """

    _name = "redu.arvo.answer"
    _description = "Arvo answer"
    _order = "answer_date desc, id desc"
    _check_company_auto = True

    arvo_id = fields.Integer(string="Arvo ID", required=True, readonly=True, index=True)
    target_id = fields.Many2one(
        "redu.arvo.target", string="Response code", required=True, readonly=True, index=True, ondelete="cascade"
    )
    question_id = fields.Many2one("redu.arvo.question", readonly=True, index=True, ondelete="restrict")
    answer_date = fields.Date(string="Answered on", readonly=True)
    score = fields.Float(readonly=True, aggregator="avg")
    choice = fields.Selection([("kylla", "Yes"), ("ei", "No")], readonly=True)
    option_text = fields.Char(string="Option", readonly=True)
    free_text = fields.Text(string="Free text", readonly=True, groups=FREE_TEXT_GROUPS)
    has_free_text = fields.Boolean(readonly=True)
    respondent_ref = fields.Integer(
        string="Arvo respondent ID", readonly=True, help="vastaajaid: the answers of one respondent share it."
    )
    # precomputed: stored with the INSERT of the answer, and not computed at all when the import gives
    # them (the import knows its codes and questions: 100,000 answers without a second write each)
    funding_model = fields.Boolean(
        related="question_id.funding_model", store=True, precompute=True, string="Funding-model question"
    )
    theme = fields.Char(related="question_id.theme", store=True, precompute=True)
    partner_id = fields.Many2one(
        related="target_id.partner_id", store=True, precompute=True, index="btree_not_null"
    )
    company_id = fields.Many2one(related="target_id.company_id", store=True, precompute=True, index=True)
    user_id = fields.Many2one(
        related="target_id.user_id", store=True, precompute=True, string="Account manager"
    )
    half_year = fields.Char(related="target_id.half_year", store=True, precompute=True)
    alerted = fields.Boolean(
        readonly=True, help="A low funding-model score already brought to the account manager's attention."
    )

    _arvo_id_uniq = models.Constraint("UNIQUE(arvo_id)", "An Arvo answer is imported once.")
