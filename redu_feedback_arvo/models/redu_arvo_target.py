# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

MATCH_STATES = [("matched", "Matched"), ("partial", "Partly matched"), ("unmatched", "Unmatched")]


class ReduArvoTarget(models.Model):
    """A response code of Arvo (vastaajatunnus) with its background data, matched to our records.

    The code of a workplace period is created by herätepalvelu when the period goes to the survey: a
    code is the period actually reached; its answers come with the same ``vastaajatunnusid``.
    """

    _name = "redu.arvo.target"
    _description = "Arvo response code"
    _order = "period_end desc, id desc"
    _rec_name = "code"
    _check_company_auto = True

    arvo_id = fields.Integer(string="Arvo ID", required=True, readonly=True, index=True)
    code = fields.Char(string="Response code", required=True, readonly=True)
    survey_id = fields.Many2one("redu.arvo.survey", string="Survey round", readonly=True, index="btree_not_null")
    survey_type = fields.Selection(related="survey_id.survey_type", store=True)
    business_id = fields.Char(string="Employer Y-tunnus", readonly=True)
    workplace_name = fields.Char(string="Workplace", readonly=True)
    workplace_normalized = fields.Char(string="Normalised workplace", readonly=True)
    qualification_code = fields.Char(string="Qualification", readonly=True)
    qualification_unit = fields.Char(string="Qualification unit", readonly=True)
    local_unit = fields.Char(string="Local qualification unit", readonly=True)
    period_start = fields.Date(string="Period start", readonly=True)
    period_end = fields.Date(string="Period end", readonly=True, index=True)
    contract_type = fields.Char(string="Contract type", readonly=True)
    institution_oid = fields.Char(string="Institution OID", readonly=True)
    office_oid = fields.Char(string="Office OID", readonly=True)
    valid_from = fields.Date(string="Valid from", readonly=True)
    valid_to = fields.Date(string="Valid until", readonly=True)
    half_year = fields.Char(
        string="Half-year",
        readonly=True,
        index=True,
        help="The half-year of the period's end (else of the code's validity): e.g. 2026-H1.",
    )
    partner_id = fields.Many2one("res.partner", string="Employer", readonly=True, index="btree_not_null")
    agreement_id = fields.Many2one(
        "redu.workplace.agreement", string="Workplace agreement", readonly=True, index="btree_not_null"
    )
    tpk_bundle_id = fields.Many2one(
        "redu.tpk.bundle",
        string="Workplace survey bundle",
        readonly=True,
        index="btree_not_null",
        ondelete="set null",
        help="The bundle of redu_feedback_tpk whose link this workplace survey's code is: its answers count there.",
    )
    company_id = fields.Many2one("res.company", string="Group entity", required=True, readonly=True, index=True)
    user_id = fields.Many2one(
        "res.users", string="Account manager", related="partner_id.user_id", store=True, index="btree_not_null"
    )
    match_state = fields.Selection(MATCH_STATES, string="Matching", readonly=True, index=True, default="unmatched")
    match_error = fields.Char(string="Not matched", readonly=True)
    answer_ids = fields.One2many("redu.arvo.answer", "target_id", string="Answers", readonly=True)
    answer_count = fields.Integer(string="Number of answers", compute="_compute_answered", store=True)
    answered = fields.Boolean(compute="_compute_answered", store=True, index=True)
    answered_percent = fields.Float(
        string="Answered (%)",
        compute="_compute_answered",
        store=True,
        aggregator="avg",
        help="100 for an answered code, 0 otherwise: averaged, the answer rate.",
    )

    _arvo_id_uniq = models.Constraint("UNIQUE(arvo_id)", "An Arvo response code is imported once.")

    @api.depends("answer_ids")
    def _compute_answered(self):
        counts = dict(
            self.env["redu.arvo.answer"]._read_group([("target_id", "in", self.ids)], ["target_id"], ["__count"])
        )
        for target in self:
            target.answer_count = counts.get(target, 0)
            target.answered = bool(target.answer_count)
            target.answered_percent = 100.0 if target.answered else 0.0

    def action_match_again(self):
        """Match the codes again (after an OID mapping or a Y-tunnus was fixed)."""
        self.env["redu.arvo.import"]._arvo_check_rights()
        self.env["redu.arvo.import"]._arvo_match(self.sudo())  # sudo: the matching is written by the system
        return True
