# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

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
    # the code's and the question's values, repeated on the answer for the figures' grouped reads: computed
    # as related fields would be (exact depends), precomputed (stored with the answer's INSERT) and
    # readonly=False so that the values the import gives are kept, not computed again per answer (the
    # import knows its codes and questions: 100,000 answers at once). No user writes an answer (the
    # access rights give read only).
    funding_model = fields.Boolean(
        string="Funding-model question",
        help="Arvo's category rahoitusmallikysymys: the question counts in the funding of vocational education.",
        compute="_compute_question_values",
        store=True,
        precompute=True,
        readonly=False,
    )
    theme = fields.Char(compute="_compute_question_values", store=True, precompute=True, readonly=False)
    partner_id = fields.Many2one(
        "res.partner",
        string="Employer",
        compute="_compute_target_values",
        store=True,
        precompute=True,
        readonly=False,
        index="btree_not_null",
    )
    company_id = fields.Many2one(
        "res.company",
        string="Group entity",
        compute="_compute_target_values",
        store=True,
        precompute=True,
        readonly=False,
        index=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Account manager",
        compute="_compute_target_values",
        store=True,
        precompute=True,
        readonly=False,
    )
    half_year = fields.Char(
        string="Half-year",
        help="The half-year of the period's end (else of the code's validity): e.g. 2026-H1.",
        compute="_compute_target_values",
        store=True,
        precompute=True,
        readonly=False,
    )
    alerted = fields.Boolean(
        readonly=True, help="A low funding-model score already brought to the account manager's attention."
    )

    _arvo_id_uniq = models.Constraint("UNIQUE(arvo_id)", "An Arvo answer is imported once.")

    @api.depends("question_id.funding_model", "question_id.theme")
    def _compute_question_values(self):
        for answer in self:
            answer.funding_model = answer.question_id.funding_model
            answer.theme = answer.question_id.theme

    @api.depends("target_id.partner_id", "target_id.company_id", "target_id.user_id", "target_id.half_year")
    def _compute_target_values(self):
        for answer in self:
            target = answer.target_id
            answer.partner_id = target.partner_id
            answer.company_id = target.company_id
            answer.user_id = target.user_id
            answer.half_year = target.half_year
