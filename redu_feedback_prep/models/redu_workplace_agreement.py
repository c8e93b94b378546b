# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import datetime
import hashlib
import logging
import operator
from collections import defaultdict
from contextlib import contextmanager

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL, Query

from odoo.addons.redu_base.tools.dates import redu_today

from ..tools import national_judge
from ..tools import national_rules as national
from ..tools.national_judge import DATE_MAX, DATE_MIN, OUTCOME_KEYS
from ..tools.plain_rows import ids_query, plain_rows, query_rows, query_tuples, text_array

_logger = logging.getLogger(__name__)

# agreements validated at once in a background task (and the default threshold of one)
VALIDATION_BATCH = 2000
# the identity key of the nightly validation task: never queued twice
NIGHTLY_VALIDATION_KEY = "redu_feedback_prep.nightly_validation"
# the nightly run and the revalidation triggers cover agreements ended at most this many days ago
OPEN_DAYS_AFTER_END = 30
# the longest source ID or student ID (both indexed; an ID in a student administration system is short)
REF_MAX_LENGTH = 100
# the longest bundle key stored as such (a longer one ends in its hash)
BUNDLE_KEY_MAX_LENGTH = 500
# How full PostgreSQL packs the pages of the agreements' table (percent). The validation rewrites the
# outcome of the agreements it judges (readiness, deadlines, last_validated), and none of those columns
# is indexed: with room left on its page, the new row version stays there and no index gets an entry for
# it (a heap-only tuple update). At the default 100 a page has no room, and each of the ~20,000 rows of a
# first validation after an import updates the table's ten indexes: measured on 100,000 agreements, the
# UPDATE of the outcome takes 3.4 s at 100, 1.7 s at 60 and 0.4 s at 50 (98.8 % in place). The table is
# small (about 330 bytes a row): half-full pages cost little.
AGREEMENT_FILLFACTOR = 50


def user_dates(records):
    """The stored date fields of ``records`` that a user or an import sets (not the computed or stamped ones)."""
    return [
        name
        for name, field in records._fields.items()
        if field.type == "date" and field.store and not field.compute and not field.readonly
    ]


def check_dates_in_range(records):
    """Refuse a date outside DATE_MIN..DATE_MAX (ValidationError naming the field)."""
    names = user_dates(records)
    for record in records:
        for name in names:
            day = record[name]
            if day and not DATE_MIN <= day <= DATE_MAX:
                raise ValidationError(
                    records.env._(
                        "%(field)s %(value)s is out of range: use a date from %(min)s to %(max)s.",
                        field=records._fields[name].get_description(records.env)["string"],
                        value=day,
                        min=DATE_MIN,
                        max=DATE_MAX,
                    )
                )


# changing these fields of an agreement revalidates it (the instructor's and employer's contact fields
# write the partner, which revalidates the partner's open agreements in the same run)
VALIDATED_FIELDS = frozenset(
    {
        "instructor_email",
        "instructor_phone",
        "employer_business_id",
        "agreement_type",
        "employer_id",
        "workplace_name",
        "instructor_id",
        "start_date",
        "end_date",
        "part_time_percent",
        "apprenticeship_basis",
        "teacher_id",
        "company_id",
        "student_ref",
        "study_right_start",
        "study_right_end",
        "study_type",
        "study_right_linked",
        "tuva_related",
        "study_right_period_ids",
        "interruption_ids",
        "provider_oid",
        "qualification_code",
    }
)
STUDY_TYPES = [
    ("ammatillinentutkinto", "Vocational qualification"),
    ("ammatillinentutkintoosittainen", "Part of a vocational qualification"),
    ("ammatillinentutkintoosittainenuseastatutkinnosta", "Parts of several vocational qualifications"),
    ("telma", "Preparatory education for work and independent living (TELMA)"),
    ("tuva", "Preparatory education for an upper secondary qualification (TUVA)"),
    ("muu", "Other"),
]
EXCLUSION_REASONS = [
    ("workplace_data_missing", "Workplace data missing"),
    ("part_time_missing", "Part-time percentage missing"),
    ("interrupted", "Interrupted on the end date"),
    ("tuva_related", "TUVA-related HOKS"),
    ("not_vocational", "Not vocational (or TELMA)"),
    ("study_right_ended", "Studies ended"),
    ("external_funding", "Externally funded"),
    ("tuva_study_right", "TUVA study right"),
    ("linked_study_right", "Linked study right"),
]
# the outcome the validation writes; nobody else does
OUTCOME_FIELDS = OUTCOME_KEYS
# what the validation reads of an agreement
_ROW_FIELDS = [
    "agreement_type",
    "workplace_name",
    "employer_id",
    "instructor_id",
    "start_date",
    "end_date",
    "part_time_percent",
    "apprenticeship_basis",
    "teacher_id",
    "company_id",
    "student_ref",
    "name",
    "study_right_start",
    "study_right_end",
    "study_type",
    "study_right_linked",
    "tuva_related",
    "provider_oid",
    "qualification_code",
    "bundle_key",
    "bundling_date",
    *OUTCOME_FIELDS,
]
_PARTNER_FIELDS = [
    "name",
    "email",
    "phone",
    "redu_phone_verdict",
    "company_registry",
    "is_company",
    "commercial_partner_id",
]


# the precomputed fields that _add_precomputed_values computes from the creation's values, and the fields they
# follow from (the others, of other addons, are core's to precompute)
PLAIN_PRECOMPUTED = frozenset(
    {
        "workplace_name",
        "provider_oid",
        "ready_percent",
        "survey_reach_percent",
        "national_contact_deadline",
        "national_structural_deadline",
        "national_last_answer_day",
        "bundling_date",
        "bundle_key",
    }
)
PRECOMPUTE_INPUTS = (
    "employer_id",
    "instructor_id",
    "company_id",
    "end_date",
    "qualification_code",
    "readiness",
    "national_survey_reaches",
)

# the context key of an open ValidationBatch (see ReduWorkplaceAgreement._validation_batch)
VALIDATION_BATCH_KEY = "redu_validation_batch"


class ValidationBatch:
    """The agreements an operation revalidates once, at its end (see ``_validation_batch``)."""

    __slots__ = ("bundles", "ids", "open")

    def __init__(self):
        self.ids = set()
        self.bundles = set()
        self.open = True


class ReduWorkplaceAgreement(models.Model):
    _name = "redu.workplace.agreement"
    _description = "Workplace agreement"
    _inherit = ["mail.thread", "redu.company.check.mixin"]
    _order = "end_date desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Reference", required=True, readonly=True, copy=False, default="/")
    agreement_type = fields.Selection(
        [("training_agreement", "Training agreement"), ("apprenticeship", "Apprenticeship")],
        string="Agreement type",
        required=True,
        default="training_agreement",
        tracking=True,
    )
    source_ref = fields.Char(
        string="Source ID",
        copy=False,
        tracking=True,
        help="The ID of the agreement in the student administration system; unique per entity.",
    )
    student_name = fields.Char(string="Student", groups="redu_feedback_prep.group_feedback_user")
    student_ref = fields.Char(
        string="Student ID",
        index="btree_not_null",
        help="The student's number in the student administration system (no identity code). The agreements "
        "of one student ID form the student's HOKS: data that eHOKS rejects in one rejects them all.",
    )
    student_anonymised = fields.Boolean(string="Student anonymised", readonly=True, copy=False, redu_system=True)
    employer_id = fields.Many2one(
        "res.partner",
        index="btree_not_null",
        tracking=True,
        check_company=True,
        domain="[('is_company', '=', True)]",
    )
    workplace_name = fields.Char(
        string="Workplace name",
        compute="_compute_workplace_name",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
    )
    employer_business_id = fields.Char(
        string="Business ID",
        related="employer_id.company_registry",
        readonly=False,
    )
    instructor_id = fields.Many2one(
        "res.partner",
        string="Workplace instructor",
        index="btree_not_null",
        tracking=True,
        check_company=True,
        domain="[('is_company', '=', False)]",
    )
    instructor_email = fields.Char(string="Instructor email", related="instructor_id.email", readonly=False)
    instructor_phone = fields.Char(string="Instructor phone", related="instructor_id.phone", readonly=False)
    start_date = fields.Date(string="Start date", tracking=True)
    end_date = fields.Date(string="End date", index=True, tracking=True)
    part_time_percent = fields.Integer(string="Part-time %", tracking=True, help="Working time in percent, 1-100.")
    apprenticeship_basis = fields.Selection(
        [("employment", "Employment relationship"), ("entrepreneur", "Entrepreneur")],
        string="Apprenticeship basis",
        tracking=True,
    )
    qualification = fields.Char()
    qualification_code = fields.Char(
        string="Qualification code",
        tracking=True,
        help="The code of the qualification in the national registers (e.g. 351101); part of the survey bundle.",
    )
    qualification_unit = fields.Char(string="Qualification unit")
    teacher_id = fields.Many2one(
        "res.users",
        default=lambda self: self.env.user,
        index="btree_not_null",
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company",
        string="Group entity",
        required=True,
        default=lambda self: self.env.company,
        index=True,
    )
    provider_oid = fields.Char(
        string="Education provider OID",
        compute="_compute_provider_oid",
        store=True,
        readonly=False,
        precompute=True,
        help="The education provider (koulutustoimija) of the study right; defaults to the entity's OID.",
    )
    # ------------------------------------------------------------ study right
    study_type = fields.Selection(
        STUDY_TYPES,
        string="Study type",
        default="ammatillinentutkinto",
        tracking=True,
        help="The type of the studies (Koski's suoritus type): only vocational qualifications get the "
        "working-life feedback; TELMA needs no part-time percentage.",
    )
    study_right_start = fields.Date(string="Study right start", tracking=True)
    study_right_end = fields.Date(
        string="Study right estimated end",
        tracking=True,
        help="The estimated end of the study right: a workplace period may not end after it.",
    )
    study_right_linked = fields.Boolean(
        string="Linked study right",
        tracking=True,
        help="The study right is included in another study right (sisältyy opiskeluoikeuteen).",
    )
    tuva_related = fields.Boolean(
        string="TUVA-related HOKS",
        tracking=True,
        help="The HOKS has preparatory-education (TUVA) parts or a TUVA study right linked to it.",
    )
    study_right_period_ids = fields.One2many(
        "redu.study.right.period",
        "agreement_id",
        string="Study right periods",
        copy=True,
    )
    interruption_ids = fields.One2many("redu.agreement.interruption", "agreement_id", string="Interruptions", copy=True)
    # the dashboards' figures (spreadsheet_dashboard_redu): averaged, the shares ready and reached. These,
    # the national dates and the bundle key are precomputed: in the INSERT of a new agreement, not in an
    # UPDATE of each one after it (an import creates thousands at once)
    ready_percent = fields.Float(
        string="Ready (%)",
        compute="_compute_dashboard_percents",
        store=True,
        precompute=True,
        aggregator="avg",
        help="100 when the agreement is ready for the national survey, else 0: averaged, the share ready.",
        redu_system=True,
    )
    survey_reach_percent = fields.Float(
        string="Survey reaches (%)",
        compute="_compute_dashboard_percents",
        store=True,
        precompute=True,
        aggregator="avg",
        help="100 when the national survey reaches the workplace instructor by the national rules, else 0: "
        "averaged over the ended periods, the survey reach.",
        redu_system=True,
    )

    # ---------------------------------------------------------- the outcome
    readiness = fields.Selection(
        [("unchecked", "Unchecked"), ("ready", "Ready"), ("warning", "Warnings"), ("blocked", "Blocked")],
        default="unchecked",
        required=True,
        readonly=True,
        copy=False,
        help="Ready: the survey reaches the instructor by email and text message. Warnings: by one channel only, "
        "or something needs attention. Blocked: the survey will not reach the instructor.",
        redu_system=True,
    )
    national_hoks_rejected = fields.Boolean(
        string="HOKS rejected",
        readonly=True,
        copy=False,
        help="eHOKS rejects the student's HOKS with these data: no period of the student gets the survey.",
        redu_system=True,
    )
    national_rejection_detail = fields.Char(
        string="Rejected because",
        compute="_compute_national_rejection_detail",
        compute_sudo=True,
        help="The data that make eHOKS reject the HOKS, from the agreement's issues.",
    )
    national_excluded_reason = fields.Selection(
        EXCLUSION_REASONS,
        string="Excluded from the survey",
        readonly=True,
        copy=False,
        help="Why the national system sends no survey for this period; empty when it is in scope.",
        redu_system=True,
    )
    national_email_sent = fields.Boolean(string="Email sent", readonly=True, copy=False, redu_system=True)
    national_sms_sent = fields.Boolean(string="Text message sent", readonly=True, copy=False, redu_system=True)
    national_survey_reaches = fields.Boolean(string="Survey reaches", readonly=True, copy=False, redu_system=True)
    national_fix_deadline = fields.Date(
        string="Fix deadline",
        readonly=True,
        copy=False,
        help="The last day a fix still gets the survey sent: the contact deadline, or the bundling deadline when "
        "the HOKS is rejected or the period wrongly excluded.",
        redu_system=True,
    )
    national_contact_deadline = fields.Date(
        string="Contact deadline",
        compute="_compute_national_dates",
        store=True,
        precompute=True,
        help="Contact details are copied to the national system on the end date: fix them by the day before.",
        redu_system=True,
    )
    national_structural_deadline = fields.Date(
        string="Bundling deadline",
        compute="_compute_national_dates",
        store=True,
        precompute=True,
        help="The last day a fixed HOKS still gets the period into a survey bundle.",
        redu_system=True,
    )
    national_last_answer_day = fields.Date(
        string="Last answer day",
        compute="_compute_national_dates",
        store=True,
        precompute=True,
        help="The last day of the answering time of the period: min(end + 59 days, first of next month + 29 days).",
        redu_system=True,
    )
    bundling_date = fields.Date(
        string="Bundling date",
        compute="_compute_national_dates",
        store=True,
        precompute=True,
        index=True,
        help="The first day of the month after the end date, when the national system bundles the period.",
        redu_system=True,
    )
    bundle_key = fields.Char(
        string="Bundle",
        compute="_compute_bundle_key",
        store=True,
        precompute=True,
        index=True,
        copy=False,
        help="Instructor name / business ID / education provider / qualification, as the national system forms "
        "it: the periods with the same key and bundling date get one survey link.",
        redu_system=True,
    )
    # the issues are for the feedback groups (back-office users of the services read the agreements and
    # their issue count, not the issues)
    issue_ids = fields.One2many(
        "redu.contact.issue",
        "agreement_id",
        string="Issues",
        readonly=True,
        groups="redu_feedback_prep.group_feedback_user",
    )
    issue_count = fields.Integer(string="Issue count", compute="_compute_issue_count")
    last_validated = fields.Datetime(
        string="Last validated",
        readonly=True,
        copy=False,
        help="When the validation last changed the verdict or the issues of the agreement.",
        redu_system=True,
    )
    days_to_deadline = fields.Integer(
        string="Days to deadline",
        compute="_compute_days_to_deadline",
        help="Days left until the fix deadline; negative when passed.",
    )

    _source_ref_company_uniq = models.Constraint(
        "UNIQUE(company_id, source_ref)",
        "The source ID of an agreement must be unique per entity.",
    )
    _part_time_percent_range = models.Constraint(
        "CHECK(part_time_percent IS NULL OR (part_time_percent >= 0 AND part_time_percent <= 100))",
        "The part-time percentage must be between 1 and 100.",
    )
    # the IDs are indexed: a CHECK refuses a hostile long value before PostgreSQL builds the index entry
    # (a python constraint would run after the INSERT); REF_MAX_LENGTH
    _source_ref_length = models.Constraint(
        "CHECK(char_length(source_ref) <= 100)",
        "The source ID is too long: at most 100 characters.",
    )
    _student_ref_length = models.Constraint(
        "CHECK(char_length(student_ref) <= 100)",
        "The student ID is too long: at most 100 characters.",
    )

    def init(self):
        # new pages only: an existing table is repacked by VACUUM FULL (docs/scaling.md)
        self.env.cr.execute(
            SQL("ALTER TABLE %s SET (fillfactor = %s)", SQL.identifier(self._table), AGREEMENT_FILLFACTOR)
        )

    @api.constrains(lambda self: user_dates(self))
    def _check_date_range(self):
        check_dates_in_range(self)

    # these computes run for thousands of agreements at once (an import's creation): one assignment per
    # group of agreements with the same value, not one per agreement

    @api.depends("employer_id")
    def _compute_workplace_name(self):
        for employer, agreements in self.grouped("employer_id").items():
            if employer:
                agreements.workplace_name = employer.name
            else:
                for agreement in agreements:
                    agreement.workplace_name = agreement.workplace_name or False

    @api.depends("company_id")
    def _compute_provider_oid(self):
        for company, agreements in self.grouped("company_id").items():
            agreements.provider_oid = company.redu_provider_oid or False

    @api.depends("end_date")
    def _compute_national_dates(self):
        for end, agreements in self.grouped("end_date").items():
            for name, value in self._national_date_values(end).items():
                agreements[name] = value

    @api.model
    def _national_date_values(self, end):
        """The national dates of a period ending on ``end`` (a date or False), by field name."""
        return {
            "bundling_date": national.bundling_date(end) if end and end.year < 9999 else False,
            "national_last_answer_day": national.last_answer_day(end) or False,
            "national_contact_deadline": national.contact_deadline(end) or False,
            "national_structural_deadline": national.structural_deadline(end) or False,
        }

    @api.depends(
        "instructor_id.name", "employer_id.company_registry", "provider_oid", "qualification_code", "company_id"
    )
    def _compute_bundle_key(self):
        for agreement in self:
            agreement.bundle_key = (
                agreement._national_bundle_key(
                    agreement.instructor_id.name,
                    agreement.employer_id.company_registry,
                    agreement.provider_oid,
                    agreement.qualification_code,
                    agreement.company_id.id,
                )
                if agreement.instructor_id
                else False
            )

    @api.model
    def _national_bundle_key(self, instructor_name, business_id, provider_oid, qualification_code, company_id):
        # without the entity's provider OID the bundles stay within the entity
        key = national.bundle_key(
            instructor_name,
            business_id or None,
            provider_oid or f"entity-{company_id}",
            qualification_code or None,
        )
        if len(key) > BUNDLE_KEY_MAX_LENGTH:
            # the key is indexed and only compared: a hostile long name keeps a short key, still one per value
            key = f"{key[: BUNDLE_KEY_MAX_LENGTH - 65]}#{hashlib.sha256(key.encode()).hexdigest()}"
        return key

    @api.depends("issue_ids")
    def _compute_issue_count(self):
        # sudo: whoever may read the agreement may see how many issues it has, also a user who
        # cannot open the issues themselves (a back-office user of the services addon)
        counts = dict(
            self.env["redu.contact.issue"]
            .sudo()
            ._read_group(
                [("agreement_id", "in", self.ids)],
                ["agreement_id"],
                ["__count"],
            )
        )
        for agreement in self:
            agreement.issue_count = counts.get(agreement.sudo(), 0)

    @api.depends("issue_ids.kind", "issue_ids.rule_code", "issue_ids.detail")
    @api.depends_context("lang")
    def _compute_national_rejection_detail(self):
        # sudo (compute_sudo): whoever may read the agreement sees why its HOKS is rejected
        labels = dict(self.env["redu.contact.issue"]._fields["rule_code"]._description_selection(self.env))
        for agreement in self:
            agreement.national_rejection_detail = (
                "; ".join(
                    labels[issue.rule_code] + (f": {issue.detail}" if issue.detail else "")
                    for issue in agreement.issue_ids
                    if issue.kind == "hoks"
                )
                or False
            )

    @api.depends("national_fix_deadline", "end_date")
    def _compute_days_to_deadline(self):
        today = redu_today(self)
        for agreement in self:
            deadline = agreement.national_fix_deadline or national.contact_deadline(agreement.end_date)
            agreement.days_to_deadline = (deadline - today).days if deadline else 0

    @api.depends("readiness", "national_survey_reaches")
    def _compute_dashboard_percents(self):
        # a validation run recomputes tens of thousands at once: the values read in bulk (mapped), assigned
        # by group, not record by record
        groups = defaultdict(list)
        for agreement_id, readiness, reaches in zip(
            self._ids, self.mapped("readiness"), self.mapped("national_survey_reaches"), strict=True
        ):
            groups[readiness, bool(reaches)].append(agreement_id)
        for (readiness, reaches), ids in groups.items():
            agreements = self.browse(ids)
            for name, value in self._dashboard_percent_values(readiness, reaches).items():
                agreements[name] = value

    @api.model
    def _dashboard_percent_values(self, readiness, reaches):
        """The dashboards' shares of an agreement with this readiness and survey reach, by field name."""
        return {
            "ready_percent": 100.0 if readiness == "ready" else 0.0,
            "survey_reach_percent": 100.0 if reaches else 0.0,
        }

    # ------------------------------------------------------------------ CRUD
    @api.model_create_multi
    def create(self, vals_list):
        unnamed = [vals for vals in vals_list if vals.get("name", "/") == "/"]
        for vals, name in zip(unnamed, self._next_references(len(unnamed)), strict=True):
            vals["name"] = name
        # the study data created with the agreements join their validation: one run for the call
        with self._validation_batch() as batched:
            agreements = super(ReduWorkplaceAgreement, batched).create(vals_list)
            agreements._revalidate()
        return agreements.with_env(self.env)

    # core's completes the values in place and returns nothing
    def _add_precomputed_values(self, vals_list):  # pylint: disable=missing-return
        # The precomputed fields of this model follow from the creation's values and from the partners and the
        # entity named in them. Core computes them on a new record built for each agreement (models.py
        # _add_precomputed_values): for the 19,800 agreements of an import, 3.3 s more than giving the values.
        # They are computed here from the values instead, by the functions the computes use, with one read of
        # the partners and entities named; the values are core's (tests/test_agreement_precompute.py).
        # Core precomputes what is left: the values whose relations are not plain ids, the fields of other
        # addons.
        filled = self._add_plain_precomputed_values(
            [vals for vals in vals_list if not PLAIN_PRECOMPUTED.issubset(vals)]
        )
        super()._add_precomputed_values(vals_list)
        for vals, names in filled:
            # core keeps the fields it precomputed apart from the values given (for their inverses)
            vals.setdefault("__precomputed__", set()).update(self._fields[name] for name in names)

    def _add_plain_precomputed_values(self, vals_list):
        """Complete ``vals_list`` with the values of PLAIN_PRECOMPUTED that are missing, where the partners and
        the entity are given as ids; return (values, the names added) of the values completed."""
        inputs = []
        for vals in vals_list:
            plain = {
                name: self._fields[name].convert_to_cache(vals.get(name, False), self) for name in PRECOMPUTE_INPUTS
            }
            if all(
                plain[name] is None or isinstance(plain[name], int)
                for name in ("employer_id", "instructor_id", "company_id")
            ):
                inputs.append((vals, plain))
        if not inputs:
            return []
        # sudo: stored computed fields are computed as superuser (compute_sudo), these reads as well
        partners = {
            partner.id: partner
            for partner in self.env["res.partner"]
            .sudo()
            .browse({plain[name] for _vals, plain in inputs for name in ("employer_id", "instructor_id")} - {None})
        }
        companies = {
            company.id: company
            for company in self.env["res.company"]
            .sudo()
            .browse({plain["company_id"] for _vals, plain in inputs} - {None})
        }
        filled = []
        dates = {}  # the national dates of each end date (an import's agreements end on a few hundred days)
        for vals, plain in inputs:
            employer = partners.get(plain["employer_id"])
            instructor = partners.get(plain["instructor_id"])
            company_id = plain["company_id"] or False
            end = plain["end_date"] or False
            if end not in dates:
                dates[end] = self._national_date_values(end)
            values = {
                "workplace_name": employer.name if employer else False,
                "provider_oid": (company_id and companies[company_id].redu_provider_oid) or False,
                **dates[end],
                **self._dashboard_percent_values(plain["readiness"], plain["national_survey_reaches"]),
            }
            provider_oid = (
                self._fields["provider_oid"].convert_to_cache(vals["provider_oid"], self) or False
                if "provider_oid" in vals
                else values["provider_oid"]
            )
            values["bundle_key"] = (
                self._national_bundle_key(
                    instructor.name,
                    employer.company_registry if employer else False,
                    provider_oid,
                    plain["qualification_code"] or False,
                    company_id,
                )
                if instructor
                else False
            )
            names = [name for name in PLAIN_PRECOMPUTED if name not in vals]
            vals.update((name, self._fields[name].convert_to_write(values[name], self)) for name in names)
            filled.append((vals, names))
        return filled

    @api.model
    def _next_references(self, count):
        """``count`` references from the agreements' sequence, as ``ir.sequence.next_by_code`` draws
        them one at a time (same access check, same sequence), with one query for all of them."""
        sequence_model = self.env["ir.sequence"]
        sequence_model.browse().check_access("read")
        sequence = sequence_model.search(
            [("code", "=", self._name), ("company_id", "in", [self.env.company.id, False])],
            order="company_id",
            limit=1,
        )
        if not count or not sequence:
            return ["/"] * count
        if sequence.use_date_range or sequence.implementation != "standard":
            return [sequence._next() for _index in range(count)]
        # a standard sequence is a PostgreSQL sequence: core's _select_nextval (ir_sequence.py) for many
        self.env.cr.execute(
            SQL("SELECT nextval(%s) FROM generate_series(1, %s)", f"ir_sequence_{sequence.id:03d}", count)
        )
        numbers = [number for (number,) in self.env.cr.fetchall()]
        # the reference as core's get_next_char makes it, its prefix and suffix interpolated once (core
        # formats the date parts again for every number)
        prefix, suffix = sequence._get_prefix_suffix()
        number_format = f"%0{sequence.padding}d"
        return [prefix + number_format % number + suffix for number in numbers]

    def write(self, vals):
        if not VALIDATED_FIELDS.intersection(vals):
            return super().write(vals)
        old_bundles = self._national_bundles()
        # a contact edited through the agreement (instructor_phone...) writes the partner, whose
        # revalidation joins this one: one run for the call
        with self._validation_batch() as batched:
            result = super(ReduWorkplaceAgreement, self.with_env(batched.env)).write(vals)
            self.with_env(batched.env)._revalidate(old_bundles)
        return result

    def unlink(self):
        bundles = self._national_bundles()
        students = self._national_students()
        result = super().unlink()
        if bundles or students:
            # the bundle mates and other periods of the student left behind may change; they may
            # belong to another teacher or entity than the user's, hence sudo
            agreement_model = self.env["redu.workplace.agreement"].sudo()
            agreement_model._national_mates(bundles, students).filtered_domain(
                agreement_model._open_domain()
            )._revalidate()
        return result

    # ------------------------------------------------------ revalidation
    @api.model
    def _open_validation_batch(self):
        """The batch that the current operation defers its validation to, or None."""
        batch = self.env.context.get(VALIDATION_BATCH_KEY)
        # only an object made by _validation_batch counts: an RPC client sends JSON values only
        return batch if isinstance(batch, ValidationBatch) and batch.open else None

    @contextmanager
    def _validation_batch(self, validate=True):
        """Defer the revalidations of the block to its end: one run for all of them.

        Yields ``self`` in an environment that carries the batch; every agreement, study-data and
        partner write made through it (or through records browsed from it) adds its agreements to
        the batch instead of validating them at once. At the end of the block the batch is closed
        and validated as one run. Inside an open batch, the block joins it. With ``validate=False``
        (the data-retention cron only) the collected agreements are not revalidated.

        Nothing here is readable from RPC: the batch is a Python object in the context, which no
        client can send (``queue_job`` marks its own writes the same way).
        """
        if self._open_validation_batch() is not None:
            yield self
            return
        batch = ValidationBatch()
        try:
            yield self.with_context(**{VALIDATION_BATCH_KEY: batch})
        finally:
            # an exception leaves nothing to validate (its writes are rolled back with it), and a
            # record that outlives the block must never defer to a closed batch
            batch.open = False
        if validate and batch.ids:
            self.env["redu.workplace.agreement"].browse(batch.ids).exists()._validate_contacts(
                extra_bundles=batch.bundles
            )

    def _revalidate(self, extra_bundles=()):
        """Revalidate the agreements now, or at the end of the open validation batch."""
        batch = self._open_validation_batch()
        if batch is not None:
            batch.ids.update(self.ids)
            batch.bundles.update(extra_bundles)
        elif self:
            self._validate_contacts(extra_bundles=extra_bundles)

    # ------------------------------------------------------------ validation
    @api.model
    def _open_domain(self):
        limit = redu_today(self) - datetime.timedelta(days=OPEN_DAYS_AFTER_END)
        return ["|", ("end_date", "=", False), ("end_date", ">=", limit)]

    def _national_bundles(self):
        """The (bundle key, bundling date) pairs of the agreements."""
        return {(a.bundle_key, a.bundling_date) for a in self.sudo() if a.bundle_key and a.bundling_date}

    def _national_students(self):
        """The (entity, student ID) pairs of the agreements: one HOKS each."""
        return {(a.company_id.id, a.student_ref) for a in self.sudo() if a.student_ref}

    @api.model
    def _national_mates(self, bundles=(), students=(), known=None, exclude=()):
        """Every agreement in one of the bundles or of one of the students, with one search.

        :param known: {id: row} of agreements whose keys (``bundle_key``, ``bundling_date``, ``company_id``,
            ``student_ref``) the caller has read already: only the other candidates' keys are read (a full
            run would read every agreement twice)
        :param exclude: ids the caller does not want back (the agreements it judges already): left out
            without a look at their keys
        """
        # The search asks for the bundle keys and the student IDs only, the selective columns, each with its own
        # index; the pairs (key and bundling date, entity and student ID) are checked below. With the bundling
        # date and the entity in the query too, PostgreSQL took their indexes, which are barely selective (a
        # dozen dates, an entity or two), when its statistics were older than the table (many rows written or
        # rolled back since its last ANALYZE): 140 ms to search the mates of 1,000 agreements instead of 4 ms.
        # The keys are given as two arrays (as "IN" lists, psycopg2 quotes them one by one in Python and PostgreSQL
        # parses each: 450-490 ms for the 59,000 keys and 50,000 students of a run over 100,000 agreements, 240-330
        # ms as arrays); each array still keeps to its index.
        # sudo: a bundle or a HOKS spans every agreement of the provider, whichever entities the user
        # has selected, and the system keeps the outcome of all of them (no record rule, archived ones too)
        agreement_model = self.sudo().with_context(active_test=False)
        table = agreement_model._table
        conditions = [
            SQL("%s = ANY(%s::text[])", SQL.identifier(table, column), text_array(values))
            for column, values in (
                ("bundle_key", {key for key, _date in bundles if key}),
                ("student_ref", {ref for _company, ref in students if ref}),
            )
            if values
        ]
        if not conditions:
            return self.browse()
        query = Query(agreement_model.env, table, agreement_model._table_sql)
        query.add_where(SQL(" OR ").join(conditions))
        candidate_ids = [candidate for candidate in query.get_result_ids() if candidate not in exclude]
        known = known or {}
        unknown = [candidate for candidate in candidate_ids if candidate not in known]
        # the keys of the candidates not read yet, as plain values with one query, not through the record
        # cache one record at a time
        read = (
            query_rows(
                agreement_model,
                ids_query(agreement_model, unknown),
                ["bundle_key", "bundling_date", "company_id", "student_ref"],
            )
            if unknown
            else {}
        )
        return self.browse(
            candidate
            for candidate in candidate_ids
            if ((row := known.get(candidate) or read[candidate])["bundle_key"], row["bundling_date"]) in bundles
            or (row["company_id"], row["student_ref"]) in students
        )

    def action_validate_contacts(self):
        """Validate the agreements against the national rules as one batch; a large selection
        (above the ``validation`` threshold, 2000 by default) becomes a background task."""
        Job = self.env["redu.background.job"]
        if len(self) > Job._threshold("validation", VALIDATION_BATCH):
            job = Job._enqueue(
                self.env._("Validate the contacts of %s agreements", len(self)),
                self,
                "_job_validate_contacts",
                res_ids=self.ids,
                manager_group="redu_feedback_prep.group_feedback_manager",
            )
            return job._action_open()
        self._validate_contacts()
        return True

    @api.model
    def _job_validate_contacts(self, job):
        """Background task: the next batch of the selected agreements (``job.res_ids``)."""
        ids = job.res_ids[job.done : job.done + VALIDATION_BATCH]
        agreements = self.browse(ids).exists()
        agreements._validate_skipping_bad(job)
        return len(ids)

    @api.model
    def _job_validate_open(self, job):
        """Background task: the next batch of the open agreements, by id (the nightly run)."""
        last_id = (job.payload or {}).get("last_id", 0)
        # sudo: the nightly run covers every entity whoever started it; the outcome is the system's
        agreements = (
            self.sudo()
            .with_context(active_test=False)
            .search(self._open_domain() + [("id", ">", last_id)], order="id", limit=VALIDATION_BATCH)
        )
        if agreements:
            agreements._validate_skipping_bad(job)
            job.payload = dict(job.payload or {}, last_id=agreements[-1].id)
        job.result = self.env._(
            "%(done)s agreements validated, %(skipped)s skipped.",
            done=job.done + len(agreements) - (job.counts or {}).get("skipped", 0),
            skipped=(job.counts or {}).get("skipped", 0),
        )
        return len(agreements)

    def _validate_skipping_bad(self, job=None):
        """Validate ``self`` and report the agreements whose stored data cannot be read.

        The judging itself never fails (``tools/national_judge.py``); what can is reading a value
        that Python cannot hold (a year 10000 written by SQL). Such an agreement is left out of the
        run (its mates are judged without it) and skipped: logged, noted on its chatter and
        reported on ``job``. Returns the skipped agreements.
        """
        failed = self._validate_contacts()
        skipped = self.browse(list(failed))
        for agreement in skipped:
            message = self.env._("The contact validation skipped this agreement: %s", failed[agreement.id])
            # sudo: the note is the system's; the teacher reads it on the agreement
            agreement.sudo().message_post(body=message, subtype_xmlid="mail.mt_note")
        if job is not None and skipped:
            job._add_counts(skipped=len(skipped))
            job._add_lines(
                [
                    {
                        "ref": agreement.sudo().name,
                        "res_model": self._name,
                        "res_id": agreement.id,
                        "message": str(failed[agreement.id]) or repr(failed[agreement.id]),
                    }
                    for agreement in skipped
                ]
            )
        return skipped

    def _validate_contacts(self, extra_bundles=()):
        """Set-based validation of ``self`` against the national rules.

        Judges every agreement as the national system would (``tools/national_judge.py``), replaces
        its issues and writes its outcome. Also revalidates the open agreements that share a survey
        bundle or a HOKS (student) with ``self``, and those of ``extra_bundles`` (the bundles the
        agreements were in before an edit): their outcome depends on ``self``.

        Returns {id: error} of the agreements of ``self`` whose stored data could not be read: they
        are left out of the run, their verdict as it was.
        """
        if not self:
            return {}
        # The outcome is computed by the system: users only read it, so the engine reads and writes as
        # superuser; bundles and HOKSes span entities whatever companies the user has selected.
        agreement_model = self.env["redu.workplace.agreement"].sudo().with_context(active_test=False)
        today = redu_today(self)
        batch = agreement_model.browse(self.ids)
        rows, unreadable = self._national_rows_readable(batch)
        # 1. the mates: same bundle or same student, with one search; then their students' other agreements
        bundles = {(r["bundle_key"], r["bundling_date"]) for r in rows.values() if r["bundle_key"]}
        bundles |= set(extra_bundles)
        students = {(r["company_id"], r["student_ref"]) for r in rows.values() if r["student_ref"]}
        judged = set(batch.ids)
        mates = agreement_model._national_mates(bundles, students, known=rows, exclude=judged)
        mate_rows, mate_unreadable = self._national_rows_readable(mates)
        rows.update(mate_rows)
        unreadable.update(mate_unreadable)
        mate_students = {(r["company_id"], r["student_ref"]) for r in rows.values() if r["student_ref"]} - students
        if mate_students:
            others = agreement_model._national_mates((), mate_students, known=rows, exclude=judged.union(mates.ids))
            other_rows, other_unreadable = self._national_rows_readable(others)
            rows.update(other_rows)
            unreadable.update(other_unreadable)
        # 2. every partner and every study-right row concerned, with one read each
        partners = self._national_partners(rows)
        periods, period_unreadable = self._read_readable(
            list(rows), lambda ids: self._national_periods({i: rows[i] for i in ids}, partners)
        )
        unreadable.update(period_unreadable)
        for agreement_id in period_unreadable:
            del rows[agreement_id]
        open_limit = today - datetime.timedelta(days=OPEN_DAYS_AFTER_END)
        to_judge = {agreement_id for agreement_id in batch.ids if agreement_id in rows} | {
            agreement_id
            for agreement_id in mates.ids
            if agreement_id in rows and not (rows[agreement_id]["end_date"] or open_limit) < open_limit
        }
        # 3. the national verdicts: a pure function, that never raises
        outcome, issues = national_judge.judge(rows, periods, partners, to_judge, today)
        self._store_outcome(rows, outcome, issues)
        if unreadable:
            _logger.warning("contact validation: %s agreements cannot be read: %s", len(unreadable), unreadable)
        return {agreement_id: unreadable[agreement_id] for agreement_id in self.ids if agreement_id in unreadable}

    @api.model
    def _read_readable(self, ids, reader):
        """``reader(ids)`` (a dict by id), leaving out the ids whose stored data Python cannot hold.

        Returns (the dict, {id: error}). Reading fails for a whole batch when one row holds such a
        value (a year 10000 written by SQL: the database takes it, Python's dates stop at 9999); only
        then the ids are read one by one, to leave out just the bad ones.
        """
        try:
            return reader(ids), {}
        except (ValueError, OverflowError) as error:
            if len(ids) == 1:
                return {}, {ids[0]: error}
        result, failed = {}, {}
        for one in ids:
            try:
                result.update(reader([one]))
            except (ValueError, OverflowError) as error:
                failed[one] = error
        return result, failed

    def _national_rows_readable(self, agreements):
        """(:meth:`_national_rows` of the agreements that can be read, {id: error} of the others)."""
        return self._read_readable(agreements.ids, lambda ids: self._national_rows(agreements.browse(ids)))

    @api.model
    def _national_rows(self, agreements):
        return plain_rows(agreements, _ROW_FIELDS)

    @api.model
    def _national_partners(self, rows):
        partner_ids = set()
        for row in rows.values():
            partner_ids.update(p for p in (row["instructor_id"], row["employer_id"]) if p)
        # sudo: instructors and employers may be archived or of another entity; only these columns are read
        partner_model = self.env["res.partner"].sudo().with_context(active_test=False)
        return plain_rows(partner_model.browse(partner_ids), _PARTNER_FIELDS)

    @api.model
    def _national_periods(self, rows, partners):
        """A :class:`national_rules.Period` per agreement."""
        # the agreements as a subquery of their ids: a domain "in" a list converts each of 100,000 ids in Python
        agreements = ids_query(self.env["redu.workplace.agreement"], list(rows))
        study_rows = defaultdict(list)
        # sudo: the system's read of the study data of the agreements it judges; plain tuples, one query each
        # (an empty value as the ORM reads it: False; an empty funding code or end: None, as eHOKS has it)
        period_model = self.env["redu.study.right.period"].sudo()
        for _id, agreement_id, start, state, funding_code in query_tuples(
            period_model,
            period_model._search([("agreement_id", "any", agreements)], order=period_model._order),
            ["agreement_id", "start_date", "state", "funding_code"],
        ):
            study_rows[agreement_id].append((start or False, state or False, (funding_code or "").strip() or None))
        interruptions = defaultdict(list)
        interruption_model = self.env["redu.agreement.interruption"].sudo()
        for _id, agreement_id, start, end in query_tuples(
            interruption_model,
            interruption_model._search([("agreement_id", "any", agreements)], order=interruption_model._order),
            ["agreement_id", "start_date", "end_date"],
        ):
            interruptions[agreement_id].append((start or False, end or None))
        periods = {}
        for agreement_id, row in rows.items():
            instructor = partners.get(row["instructor_id"])
            employer = partners.get(row["employer_id"])
            periods[agreement_id] = national.Period(
                agreement_type=row["agreement_type"],
                start=row["start_date"] or None,
                end=row["end_date"] or None,
                instructor_present=bool(instructor),
                instructor_name=(instructor and instructor["name"]) or None,
                instructor_email=(instructor and instructor["email"]) or None,
                instructor_phone=(instructor and instructor["phone"]) or None,
                workplace_name=row["workplace_name"] or None,
                business_id=(employer and employer["company_registry"]) or None,
                part_time=row["part_time_percent"] or None,
                apprenticeship_basis=row["apprenticeship_basis"] or None,
                study_type=row["study_type"] or None,
                study_right_start=row["study_right_start"] or None,
                study_right_end=row["study_right_end"] or None,
                study_right_periods=study_rows[agreement_id],
                interruptions=interruptions[agreement_id],
                tuva_related=row["tuva_related"],
                study_right_linked=row["study_right_linked"],
                provider_oid=row["provider_oid"] or None,
                qualification_code=row["qualification_code"] or None,
            )
        return periods

    def _store_outcome(self, rows, outcome, issues):
        """Replace the issues of the judged agreements and write their outcome, grouped by value."""
        changed = (
            self.env["redu.contact.issue"]
            .sudo()
            ._replace_issues(
                {
                    agreement_id: (rows[agreement_id], values["national_fix_deadline"], issues[agreement_id])
                    for agreement_id, values in outcome.items()
                }
            )
        )
        # the outcome: only what changed, one write per field and value (a first run of 100,000 agreements:
        # 660 writes, where one per distinct combination of changes made 2,085); an agreement whose verdict
        # stays is not rewritten (a nightly run over 100,000 agreements writes only the few that changed)
        agreement_model = self.env["redu.workplace.agreement"].sudo().with_context(tracking_disable=True)
        changes = defaultdict(list)
        validated = []
        # the outcome as stored (plain rows: False for an empty value) and as judged, compared whole first:
        # most agreements of a run keep theirs
        outcome_of = operator.itemgetter(*OUTCOME_FIELDS)
        for agreement_id, values in outcome.items():
            row = rows[agreement_id]
            diff = (
                [(name, value) for name, value in values.items() if (row[name] or False) != value]
                if outcome_of(row) != outcome_of(values)
                else []
            )
            if diff or agreement_id in changed:
                validated.append(agreement_id)
                for change in diff:
                    changes[change].append(agreement_id)
        for (name, value), ids in changes.items():
            agreement_model.browse(ids).write({name: value})
        if validated:
            agreement_model.browse(validated).write({"last_validated": fields.Datetime.now()})

    # ------------------------------------------------------------------ crons
    @api.model
    def _cron_validate_contacts(self):
        """Nightly: validate every agreement whose end date is not more than 30 days past.

        Runs as a background task of this cron (visible in *Background tasks*), batch by batch with
        ``ir.cron._commit_progress``: when the cron's time is up it stops and core calls it again; the
        task resumes after the last agreement done. An agreement whose stored data cannot be read is
        reported and skipped.
        """
        Job = self.env["redu.background.job"]
        # one nightly task at a time (its identity key): a run that did not finish is resumed
        job = Job._find_open(NIGHTLY_VALIDATION_KEY) or Job._enqueue(
            self.env._("Nightly contact validation"),
            self,
            "_job_validate_open",
            # sudo: the nightly task is the system's, of every entity
            total=self.sudo().with_context(active_test=False).search_count(self._open_domain()),
            manager_group="redu_feedback_prep.group_feedback_manager",
            channel="long",
            identity_key=NIGHTLY_VALIDATION_KEY,
            trigger=False,
            shared=True,
        )
        # this cron works on it at once; the long tasks' cron resumes it if this worker dies
        return job.sudo()._run()

    # ---------------------------------------------------------------- actions
    def action_open_fix_wizard(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Fix contact details"),
            "res_model": "redu.contact.fix.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"active_model": self._name, "active_ids": self.ids},
        }

    def action_view_issues(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("redu_feedback_prep.redu_contact_issue_action")
        action["domain"] = [("agreement_id", "=", self.id)]
        action["context"] = {}
        return action
