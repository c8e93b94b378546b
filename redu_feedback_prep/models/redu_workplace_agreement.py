# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import datetime
import hashlib
import logging
from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Domain

from ..tools import national_rules as national
from ..tools.contact_checks import email_is_generic, name_is_not_person
from ..tools.rule_catalogue import RULE_BY_CODE
from .redu_contact_issue import urgency_of

_logger = logging.getLogger(__name__)

# agreements validated at once in a background task (and the default threshold of one)
VALIDATION_BATCH = 2000
# the nightly run and the revalidation triggers cover agreements ended at most this many days ago
OPEN_DAYS_AFTER_END = 30
# the dates an agreement may hold (issue #16): the deadlines add months and years to them, and a year
# outside these is a typing error, never a workplace period
DATE_MIN = datetime.date(1900, 1, 1)
DATE_MAX = datetime.date(2100, 12, 31)
# the longest source ID or student ID (both indexed; an ID in a student administration system is short)
REF_MAX_LENGTH = 100
# the longest bundle key stored as such (a longer one ends in its hash)
BUNDLE_KEY_MAX_LENGTH = 500


def user_dates(records):
    """The stored date fields of ``records`` that a user or an import sets (not the computed or stamped ones)."""
    return [
        name
        for name, field in records._fields.items()
        if field.type == "date" and field.store and not field.compute and not field.readonly
    ]


def period_dates_out_of_range(period):
    """The dates of a :class:`national_rules.Period` outside DATE_MIN..DATE_MAX, as text; empty when none."""
    days = [
        period.start,
        period.end,
        period.study_right_start,
        period.study_right_end,
        *(row[0] for row in period.study_right_periods),
        *(day for row in period.interruptions for day in row),
    ]
    return ", ".join(str(day) for day in days if day and not DATE_MIN <= day <= DATE_MAX)


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


# changing these fields of an agreement revalidates it
VALIDATED_FIELDS = frozenset(
    {
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
OUTCOME_FIELDS = (
    "readiness",
    "national_hoks_rejected",
    "national_excluded_reason",
    "national_email_sent",
    "national_sms_sent",
    "national_survey_reaches",
    "national_fix_deadline",
)
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
_PARTNER_FIELDS = ["name", "email", "phone", "company_registry", "is_company", "commercial_partner_id"]


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
        help="Contact details are copied to the national system on the end date: fix them by the day before.",
        redu_system=True,
    )
    national_structural_deadline = fields.Date(
        string="Bundling deadline",
        compute="_compute_national_dates",
        store=True,
        help="The last day a fixed HOKS still gets the period into a survey bundle.",
        redu_system=True,
    )
    national_last_answer_day = fields.Date(
        string="Last answer day",
        compute="_compute_national_dates",
        store=True,
        help="The last day of the answering time of the period: min(end + 59 days, first of next month + 29 days).",
        redu_system=True,
    )
    bundling_date = fields.Date(
        string="Bundling date",
        compute="_compute_national_dates",
        store=True,
        index=True,
        help="The first day of the month after the end date, when the national system bundles the period.",
        redu_system=True,
    )
    bundle_key = fields.Char(
        string="Bundle",
        compute="_compute_bundle_key",
        store=True,
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

    @api.constrains(lambda self: user_dates(self))
    def _check_date_range(self):
        check_dates_in_range(self)

    @api.depends("employer_id")
    def _compute_workplace_name(self):
        for agreement in self:
            if agreement.employer_id:
                agreement.workplace_name = agreement.employer_id.name
            else:
                agreement.workplace_name = agreement.workplace_name or False

    @api.depends("company_id")
    def _compute_provider_oid(self):
        for agreement in self:
            agreement.provider_oid = agreement.company_id.redu_provider_oid or False

    @api.depends("end_date")
    def _compute_national_dates(self):
        for agreement in self:
            end = agreement.end_date
            agreement.bundling_date = national.bundling_date(end) if end and end.year < 9999 else False
            agreement.national_last_answer_day = national.last_answer_day(end) or False
            agreement.national_contact_deadline = national.contact_deadline(end) or False
            agreement.national_structural_deadline = national.structural_deadline(end) or False

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
        today = fields.Date.context_today(self)
        for agreement in self:
            deadline = agreement.national_fix_deadline or national.contact_deadline(agreement.end_date)
            agreement.days_to_deadline = (deadline - today).days if deadline else 0

    # ------------------------------------------------------------------ CRUD
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("redu.workplace.agreement") or "/"
        skip = self.env.context.get("redu_skip_validation")
        agreements = super(ReduWorkplaceAgreement, self.with_context(redu_skip_validation=True)).create(vals_list)
        agreements = agreements.with_context(redu_skip_validation=skip)
        if not skip:
            agreements._validate_contacts()
        return agreements

    def write(self, vals):
        revalidate = not self.env.context.get("redu_skip_validation") and VALIDATED_FIELDS.intersection(vals)
        old_bundles = self._national_bundles() if revalidate else set()
        result = super(ReduWorkplaceAgreement, self.with_context(redu_skip_validation=True)).write(vals)
        if revalidate:
            self._validate_contacts(extra_bundles=old_bundles)
        return result

    def unlink(self):
        bundles = self._national_bundles()
        students = self._national_students()
        result = super().unlink()
        if (bundles or students) and not self.env.context.get("redu_skip_validation"):
            # the bundle mates and other periods of the student left behind may change; they may
            # belong to another teacher or entity than the user's, hence sudo
            agreement_model = self.env["redu.workplace.agreement"].sudo()
            agreement_model._national_mates(bundles, students).filtered_domain(
                agreement_model._open_domain()
            )._validate_contacts()
        return result

    def _revalidate_after_study_data_change(self):
        if self and not self.env.context.get("redu_skip_validation"):
            self._validate_contacts()

    # ------------------------------------------------------------ validation
    @api.model
    def _open_domain(self):
        limit = fields.Date.context_today(self) - datetime.timedelta(days=OPEN_DAYS_AFTER_END)
        return ["|", ("end_date", "=", False), ("end_date", ">=", limit)]

    def _national_bundles(self):
        """The (bundle key, bundling date) pairs of the agreements."""
        return {(a.bundle_key, a.bundling_date) for a in self.sudo() if a.bundle_key and a.bundling_date}

    def _national_students(self):
        """The (entity, student ID) pairs of the agreements: one HOKS each."""
        return {(a.company_id.id, a.student_ref) for a in self.sudo() if a.student_ref}

    @api.model
    def _national_mates(self, bundles=(), students=()):
        """Every agreement in one of the bundles or of one of the students, with one search."""
        domain = []
        if bundles:
            domain.append(
                [
                    ("bundle_key", "in", list({key for key, _date in bundles})),
                    ("bundling_date", "in", list({date for _key, date in bundles})),
                ]
            )
        if students:
            domain.append(
                [
                    ("student_ref", "in", list({ref for _company, ref in students})),
                    ("company_id", "in", list({company for company, _ref in students})),
                ]
            )
        if not domain:
            return self.browse()
        # sudo: a bundle or a HOKS spans every agreement of the provider, whichever entities the user
        # has selected, and the system keeps the outcome of all of them
        agreement_model = self.sudo().with_context(active_test=False)
        # (same bundle) OR (same student): each part is a conjunction of two conditions
        candidates = agreement_model.search(Domain.OR(domain))
        return candidates.filtered(
            lambda a: (a.bundle_key, a.bundling_date) in bundles or (a.company_id.id, a.student_ref) in students
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
        """Validate ``self``; one bad stored agreement never stops the others.

        The batch is validated at once; when that raises, by halves (each in a savepoint) down to
        the agreements that fail. A failed agreement that its own data alone can be judged from
        (a dry run without its bundle and HOKS mates) only failed with a bad mate: the bad mates
        (also outside the batch) are found the same way, and these agreements are validated again,
        together, leaving the bad ones out. The bad ones of ``self`` are skipped: logged, noted on
        their chatter and reported on ``job``. Returns the skipped agreements.
        """
        failed = self._validate_bisecting()
        if not failed:
            return self.browse()
        _logger.warning("contact validation: %s of %s agreements failed", len(failed), len(self))
        collateral = self.browse(
            [agreement_id for agreement_id in failed if not self.browse(agreement_id)._judging_fails()]
        )
        for agreement in collateral:
            del failed[agreement.id]
        if collateral:
            # sudo: as in _validate_contacts, bundles and HOKSes span entities whatever the user selected
            rows = self._national_rows(collateral.sudo())
            mates = (
                self.sudo()._national_mates(
                    {(r["bundle_key"], r["bundling_date"]) for r in rows.values() if r["bundle_key"]},
                    {(r["company_id"], r["student_ref"]) for r in rows.values() if r["student_ref"]},
                )
                - collateral.sudo()
            )
            bad_ids = set(failed) | {mate.id for mate in mates if mate.id not in failed and mate._judging_fails()}
            try:
                with self.env.cr.savepoint():
                    collateral.with_context(redu_validation_exclude_ids=list(bad_ids))._validate_contacts()
            except Exception as error:  # noqa: BLE001 - then they are skipped too
                failed.update(dict.fromkeys(collateral.ids, error))
        skipped = self.browse(list(failed))
        for agreement in skipped:
            message = self.env._("The contact validation skipped this agreement: %s", failed[agreement.id])
            _logger.warning("contact validation skipped agreement %s: %s", agreement.id, failed[agreement.id])
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

        Judges every agreement as the national system would (``tools/national_rules.py``), replaces
        its issues and writes its outcome. Also revalidates the open agreements that share a survey
        bundle or a HOKS (student) with ``self``, and those of ``extra_bundles`` (the bundles the
        agreements were in before an edit): their outcome depends on ``self``.
        """
        if not self:
            return
        # The outcome is computed by the system: users only read it, so the engine reads and writes as
        # superuser; bundles and HOKSes span entities whatever companies the user has selected.
        agreement_model = self.env["redu.workplace.agreement"].sudo().with_context(active_test=False)
        today = fields.Date.context_today(self)
        batch = agreement_model.browse(self.ids)
        rows = self._national_rows(batch)
        # 1. the mates: same bundle or same student, with one search; then their students' other agreements
        bundles = {(r["bundle_key"], r["bundling_date"]) for r in rows.values() if r["bundle_key"]}
        bundles |= set(extra_bundles)
        students = {(r["company_id"], r["student_ref"]) for r in rows.values() if r["student_ref"]}
        # agreements whose stored data the validation cannot judge (skipped by _validate_skipping_bad)
        exclude = agreement_model.browse(self.env.context.get("redu_validation_exclude_ids") or [])
        if self.env.context.get("redu_validation_alone"):  # a dry run of _judging_fails
            mates = agreement_model.browse()
        else:
            mates = agreement_model._national_mates(bundles, students) - batch - exclude
        rows.update(self._national_rows(mates))
        mate_students = {(r["company_id"], r["student_ref"]) for r in rows.values() if r["student_ref"]} - students
        if mate_students:
            others = agreement_model._national_mates((), mate_students) - batch - mates - exclude
            rows.update(self._national_rows(others))
        open_limit = today - datetime.timedelta(days=OPEN_DAYS_AFTER_END)
        to_judge = set(batch.ids) | {
            agreement_id
            for agreement_id in mates.ids
            if not rows[agreement_id]["end_date"] or rows[agreement_id]["end_date"] >= open_limit
        }
        # 2. every partner and every study-right row concerned, with one read each
        partners = self._national_partners(rows)
        periods = self._national_periods(rows, partners)
        # 3. the national verdicts
        outcome, issues = self._national_judge(rows, periods, partners, to_judge, today)
        self._store_validation(rows, to_judge, outcome, issues)

    def _judging_fails(self):
        """Whether the validation of this agreement alone (without its mates) raises: a dry run,
        always rolled back."""
        self.ensure_one()
        savepoint = self.env.cr.savepoint()
        try:
            self.with_context(redu_validation_alone=True)._validate_contacts()
        except Exception:  # noqa: BLE001 - the answer is "yes"
            return True
        finally:
            savepoint.close(rollback=True)
        return False

    def _validate_bisecting(self):
        """{agreement id: error} of the agreements of ``self`` that fail to validate alone."""
        try:
            with self.env.cr.savepoint():
                self._validate_contacts()
            return {}
        except Exception as error:  # noqa: BLE001 - any error of stored data: narrowed down below
            if len(self) == 1:
                return {self.id: error}
        half = len(self) // 2
        return {**self[:half]._validate_bisecting(), **self[half:]._validate_bisecting()}

    @api.model
    def _national_rows(self, agreements):
        if not agreements:
            return {}
        return {row["id"]: row for row in agreements.read(_ROW_FIELDS, load=None)}

    @api.model
    def _national_partners(self, rows):
        partner_ids = set()
        for row in rows.values():
            partner_ids.update(p for p in (row["instructor_id"], row["employer_id"]) if p)
        # sudo: instructors and employers may be archived or of another entity; only these columns are read
        partner_model = self.env["res.partner"].sudo().with_context(active_test=False)
        return {values["id"]: values for values in partner_model.browse(partner_ids).read(_PARTNER_FIELDS, load=None)}

    @api.model
    def _national_periods(self, rows, partners):
        """A :class:`national_rules.Period` per agreement."""
        ids = list(rows)
        study_rows = defaultdict(list)
        for values in (
            self.env["redu.study.right.period"]
            .sudo()
            .search_read(
                [("agreement_id", "in", ids)],
                ["agreement_id", "start_date", "state", "funding_code"],
                load=None,
            )
        ):
            study_rows[values["agreement_id"]].append(
                (values["start_date"], values["state"], (values["funding_code"] or "").strip() or None),
            )
        interruptions = defaultdict(list)
        for values in (
            self.env["redu.agreement.interruption"]
            .sudo()
            .search_read(
                [("agreement_id", "in", ids)],
                ["agreement_id", "start_date", "end_date"],
                load=None,
            )
        ):
            interruptions[values["agreement_id"]].append((values["start_date"], values["end_date"] or None))
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

    @api.model
    def _national_judge(self, rows, periods, partners, to_judge, today):
        """The outcome and the ``(code, detail)`` issues of each agreement of ``to_judge``; pure, no query."""
        # eHOKS: one rejected period rejects the student's whole HOKS
        own_errors = {agreement_id: national.hoks_errors(period) for agreement_id, period in periods.items()}
        rejected_by_student = defaultdict(list)
        for agreement_id, errors in own_errors.items():
            row = rows[agreement_id]
            if errors and row["student_ref"]:
                rejected_by_student[row["company_id"], row["student_ref"]].append(row["name"])
        exclusions = {agreement_id: national.exclusion_reason(period) for agreement_id, period in periods.items()}
        # a date stored before the range check (or by SQL): never a survey, never "ready"
        out_of_range = {agreement_id: period_dates_out_of_range(period) for agreement_id, period in periods.items()}

        def rejected(agreement_id):
            row = rows[agreement_id]
            return bool(own_errors[agreement_id] or rejected_by_student.get((row["company_id"], row["student_ref"])))

        # the bundles: the contacts of the periods that reach the bundling
        members = defaultdict(list)
        for agreement_id, row in rows.items():
            if (
                row["bundle_key"]
                and row["bundling_date"]
                and not rejected(agreement_id)
                and not exclusions[agreement_id]
                and not out_of_range[agreement_id]
            ):
                members[row["bundle_key"], row["bundling_date"]].append(periods[agreement_id])
        outcome = {}
        issues = {}
        # one judgement per distinct email and phone string in this run (instructors serve many periods)
        memo = {}
        for agreement_id in to_judge:
            row = rows[agreement_id]
            period = periods[agreement_id]
            found = list(own_errors[agreement_id])
            if out_of_range[agreement_id]:
                found.append(("date_out_of_range", out_of_range[agreement_id]))
            is_rejected = rejected(agreement_id)
            if is_rejected and not found:
                others = rejected_by_student[row["company_id"], row["student_ref"]]
                found.append(("hoks_rejected_by_other_period", ", ".join(sorted(others))))
            reason = exclusions[agreement_id]
            own_codes = {code for code, _detail in found}
            if reason and not self._exclusion_covered(reason, own_codes):
                found.append((f"excluded_{reason}", None))
            bundle = (row["bundle_key"], row["bundling_date"])
            is_member = bool(
                row["bundle_key"]
                and row["bundling_date"]
                and not is_rejected
                and not reason
                and not out_of_range[agreement_id]
            )
            mates = members.get(bundle, []) if row["bundle_key"] else []
            if not is_member:
                # what the bundle would be once the period is fixed
                mates = [*mates, period]
            email_ok, sms_ok = self._national_channels(period, mates, found, memo)
            if period.instructor_present:
                self._national_attention(row, period, partners, found)
            email_sent = is_member and email_ok
            sms_sent = is_member and sms_ok
            reaches = email_sent or sms_sent
            if is_rejected or reason in national.FIXABLE_EXCLUSIONS:
                deadline = national.structural_deadline(period.end)
            elif reason:
                deadline = None  # rightly outside the survey: nothing to fix
            elif found or not (email_sent and sms_sent):
                deadline = national.contact_deadline(period.end)
            else:
                deadline = None
            if not reaches and deadline and today > deadline:
                found.append(("deadline_passed", None))
            severities = {RULE_BY_CODE[code].severity for code, _detail in found}
            readiness = (
                "blocked"
                if not reaches or "blocking" in severities
                else "warning"
                if found or not (email_sent and sms_sent)
                else "ready"
            )
            outcome[agreement_id] = {
                "readiness": readiness,
                "national_hoks_rejected": is_rejected,
                "national_excluded_reason": reason or False,
                "national_email_sent": email_sent,
                "national_sms_sent": sms_sent,
                "national_survey_reaches": reaches,
                "national_fix_deadline": deadline or False,
            }
            issues[agreement_id] = found
        return outcome, issues

    @api.model
    def _exclusion_covered(self, reason, own_codes):
        """An exclusion whose cause a HOKS rejection of the period already names."""
        if reason == "workplace_data_missing":
            return bool(
                own_codes
                & {"instructor_missing", "workplace_name_missing", "business_id_missing", "business_id_invalid"}
            )
        if reason == "part_time_missing":
            return "part_time_missing" in own_codes
        return False

    @api.model
    def _national_channels(self, period, mates, found, memo):
        """Whether the bundle's email and text message go out; adds the channel issues to ``found``.

        :param memo: a dict kept for one validation run: the verdict of each distinct string
        """
        if not period.instructor_present:
            return False, False
        # heratepalvelu src/oph/heratepalvelu/tep/emailHandler.clj:30-49: exactly one distinct address
        emails = national.bundle_values(mate.instructor_email for mate in mates)
        if not emails:
            found.append(("email_missing", None))
            email_ok = False
        elif len(emails) > 1:
            found.append(("email_mismatch", ", ".join(sorted(emails))))
            email_ok = False
        else:
            email = next(iter(emails))
            email_ok = memo.get(("email", email))
            if email_ok is None:
                email_ok = memo[("email", email)] = national.email_deliverable(email)
            if not email_ok:
                found.append(("email_invalid", email))
            elif email_is_generic(email.lower()):
                found.append(("email_generic", email))
        # heratepalvelu src/oph/heratepalvelu/tep/tepSmsHandler.clj:50-80: exactly one distinct number,
        # valid-finnish-number? (common.clj:367-386)
        phones = national.bundle_values(mate.instructor_phone for mate in mates)
        sms_ok = False
        if not phones:
            found.append(("phone_missing", None))
        elif len(phones) > 1:
            found.append(("phone_mismatch", ", ".join(sorted(phones))))
        else:
            phone = next(iter(phones))
            if ("phone", phone) not in memo:
                memo[("phone", phone)] = national.phone_problem(phone)
            problem = memo[("phone", phone)]
            if problem is None:
                sms_ok = True
            elif problem != "rejected_by_hoks":  # reported as the HOKS rejection
                found.append((f"phone_{problem}", phone))
        if not email_ok and not sms_ok:
            found.append(("no_valid_contact", None))
        return email_ok, sms_ok

    @api.model
    def _national_attention(self, row, period, partners, found):
        """Things the national system lets through that still deserve a look (REDU's own checks)."""
        instructor = partners.get(row["instructor_id"])
        employer = partners.get(row["employer_id"])
        name = " ".join((period.instructor_name or "").split())
        if name and (instructor["is_company"] or name_is_not_person(name)):
            found.append(("instructor_name_not_person", name))
        if employer and instructor["commercial_partner_id"] != employer["commercial_partner_id"]:
            found.append(("instructor_not_at_employer", None))
        if not period.qualification_code and any(code in ("email_mismatch", "phone_mismatch") for code, _d in found):
            # without the code, periods of other qualifications may share the predicted bundle
            found.append(("qualification_code_missing", None))

    def _store_validation(self, rows, to_judge, outcome, issues):
        """Replace the issues (one unlink, one create) and write the outcome grouped by value."""
        issue_model = self.env["redu.contact.issue"].sudo()
        agreement_model = (
            self.env["redu.workplace.agreement"]
            .sudo()
            .with_context(
                tracking_disable=True,
                redu_skip_validation=True,
            )
        )
        new_issues = {}
        today = fields.Date.context_today(self)
        for agreement_id in to_judge:
            row = rows[agreement_id]
            deadline = outcome[agreement_id]["national_fix_deadline"]
            urgency = urgency_of(None if not deadline else (deadline - today).days)
            for code, detail in issues[agreement_id]:
                key = (
                    agreement_id,
                    code,
                    detail or False,
                    row["instructor_id"] or False,
                    row["employer_id"] or False,
                    row["teacher_id"] or False,
                    row["company_id"],
                    row["end_date"] or False,
                    deadline or False,
                )
                new_issues[key] = urgency
        to_unlink = []
        dropped = set()
        urgency_updates = defaultdict(list)
        kept = set()
        for old in issue_model.search_read(
            [("agreement_id", "in", list(to_judge))],
            [
                "agreement_id",
                "rule_code",
                "detail",
                "instructor_id",
                "employer_id",
                "teacher_id",
                "company_id",
                "end_date",
                "deadline",
                "urgency",
            ],
            load=None,
        ):
            key = (
                old["agreement_id"],
                old["rule_code"],
                old["detail"] or False,
                old["instructor_id"] or False,
                old["employer_id"] or False,
                old["teacher_id"] or False,
                old["company_id"],
                old["end_date"] or False,
                old["deadline"] or False,
            )
            if key in new_issues and key not in kept:
                kept.add(key)
                if old["urgency"] != new_issues[key]:
                    urgency_updates[new_issues[key]].append(old["id"])
            else:
                to_unlink.append(old["id"])
                dropped.add(old["agreement_id"])
        if to_unlink:
            issue_model.browse(to_unlink).unlink()
        for urgency, ids in urgency_updates.items():
            issue_model.browse(ids).write({"urgency": urgency})
        to_create = [
            {
                "agreement_id": key[0],
                "rule_code": key[1],
                "severity": RULE_BY_CODE[key[1]].severity,
                "detail": key[2],
                "instructor_id": key[3],
                "employer_id": key[4],
                "teacher_id": key[5],
                "company_id": key[6],
                "end_date": key[7],
                "deadline": key[8],
                "urgency": urgency,
            }
            for key, urgency in new_issues.items()
            if key not in kept
        ]
        if to_create:
            issue_model.create(to_create)
        # the outcome: only what changed, one write per distinct change; an agreement whose verdict
        # stays is not rewritten (a nightly run over 100,000 agreements writes only the few that changed)
        changed = {key[0] for key in new_issues if key not in kept} | dropped
        changes = defaultdict(list)
        for agreement_id in to_judge:
            row = rows[agreement_id]
            diff = tuple(
                (name, value) for name, value in outcome[agreement_id].items() if (row[name] or False) != value
            )
            if diff or agreement_id in changed:
                changes[diff].append(agreement_id)
        now = fields.Datetime.now()
        for diff, ids in changes.items():
            agreement_model.browse(ids).write({**dict(diff), "last_validated": now})

    # ------------------------------------------------------------------ crons
    @api.model
    def _cron_validate_contacts(self):
        """Nightly: validate every agreement whose end date is not more than 30 days past.

        Runs as a background task of this cron (visible in *Background tasks*), batch by batch with
        ``ir.cron._commit_progress``: when the cron's time is up it stops and core calls it again; the
        task resumes after the last agreement done. A bad stored agreement is reported and skipped.
        """
        Job = self.env["redu.background.job"]
        cron = self.env.ref("redu_feedback_prep.ir_cron_validate_contacts")
        # sudo: the nightly task is the system's, of every entity; it resumes whoever started it
        job = Job.sudo().search(
            [("cron_id", "=", cron.id), ("method", "=", "_job_validate_open"), ("state", "in", ("queued", "running"))],
            order="id",
            limit=1,
        )
        if not job:
            job = Job._enqueue(
                self.env._("Nightly contact validation"),
                self,
                "_job_validate_open",
                total=self.sudo().with_context(active_test=False).search_count(self._open_domain()),
                cron=cron,
                trigger=False,
                shared=True,
            )
        return job.sudo()._run()

    @api.model
    def _get_retention_years(self):
        value = self.env["ir.config_parameter"].sudo().get_param("redu_feedback_prep.retention_years", "3")
        try:
            # at most a century: a larger value would take the limit date before year 1
            return min(max(int(value), 0), 100)
        except ValueError:
            return 3

    @api.model
    def _cron_anonymise_students(self):
        """Clear the student's name and ID once the retention period after the end date is over."""
        limit = fields.Date.context_today(self) - relativedelta(years=self._get_retention_years())
        # sudo: the retention applies to every agreement of every entity, whoever runs the cron
        agreements = (
            self.sudo()
            .with_context(active_test=False)
            .search(
                [
                    ("end_date", "<", limit),
                    ("student_anonymised", "=", False),
                ]
            )
        )
        agreements.with_context(redu_skip_validation=True).write(
            {
                "student_name": False,
                "student_ref": False,
                "student_anonymised": True,
            }
        )
        return agreements

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
