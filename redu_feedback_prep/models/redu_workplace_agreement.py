# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import datetime
import functools
from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.tools import SQL

from ..tools.contact_checks import (
    check_business_id,
    check_email,
    check_phone,
    email_is_generic,
    name_is_not_person,
    normalize_person_name,
)
from .redu_contact_issue import RULES, urgency_of

# periods ending after this day need a part-time percentage
PART_TIME_REQUIRED_AFTER = datetime.date(2023, 6, 30)
MAX_PERIOD_YEARS = 5
# the nightly run and the revalidation triggers cover agreements ended at most this many days ago
OPEN_DAYS_AFTER_END = 30
# changing these fields of an agreement revalidates it
VALIDATED_FIELDS = frozenset({
    "agreement_type", "employer_id", "workplace_name", "instructor_id", "start_date", "end_date",
    "part_time_percent", "apprenticeship_basis", "teacher_id", "company_id",
})


@functools.lru_cache(maxsize=10_000)
def _max_end(start):
    """The last allowed end date of a period starting on ``start`` (5 years)."""
    return start + relativedelta(years=MAX_PERIOD_YEARS)


class ReduWorkplaceAgreement(models.Model):
    _name = "redu.workplace.agreement"
    _description = "Workplace agreement"
    _inherit = ["mail.thread"]
    _order = "end_date desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Reference", required=True, readonly=True, copy=False, default="/")
    agreement_type = fields.Selection(
        [("training_agreement", "Training agreement"), ("apprenticeship", "Apprenticeship")],
        string="Agreement type", required=True, default="training_agreement", tracking=True,
    )
    source_ref = fields.Char(
        string="Source ID", copy=False, tracking=True,
        help="The ID of the agreement in the student administration system; unique per entity.",
    )
    student_name = fields.Char(string="Student", groups="redu_feedback_prep.group_feedback_user")
    student_ref = fields.Char(
        string="Student ID", help="The student's number in the student administration system (no identity code).",
    )
    student_anonymised = fields.Boolean(string="Student anonymised", readonly=True, copy=False)
    employer_id = fields.Many2one(
        "res.partner", index="btree_not_null", tracking=True, check_company=True,
        domain="[('is_company', '=', True)]",
    )
    workplace_name = fields.Char(
        string="Workplace name", compute="_compute_workplace_name", store=True, readonly=False, precompute=True,
        tracking=True,
    )
    employer_business_id = fields.Char(
        string="Business ID", related="employer_id.company_registry", readonly=False,
    )
    instructor_id = fields.Many2one(
        "res.partner", string="Workplace instructor", index="btree_not_null", tracking=True, check_company=True,
        domain="[('is_company', '=', False)]",
    )
    instructor_email = fields.Char(string="Instructor email", related="instructor_id.email", readonly=False)
    instructor_phone = fields.Char(string="Instructor phone", related="instructor_id.phone", readonly=False)
    start_date = fields.Date(string="Start date", tracking=True)
    end_date = fields.Date(string="End date", index=True, tracking=True)
    part_time_percent = fields.Integer(string="Part-time %", tracking=True, help="Working time in percent, 1-100.")
    apprenticeship_basis = fields.Selection(
        [("employment", "Employment relationship"), ("entrepreneur", "Entrepreneur")],
        string="Apprenticeship basis", tracking=True,
    )
    qualification = fields.Char()
    qualification_unit = fields.Char(string="Qualification unit")
    teacher_id = fields.Many2one(
        "res.users", default=lambda self: self.env.user, index="btree_not_null", tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", string="Entity", required=True, default=lambda self: self.env.company, index=True,
    )
    service_process_id = fields.Many2one(
        "redu.service.process", string="Service process", index="btree_not_null", check_company=True,
    )
    readiness = fields.Selection(
        [("unchecked", "Unchecked"), ("ready", "Ready"), ("warning", "Warnings"), ("blocked", "Blocked")],
        default="unchecked", required=True, readonly=True, copy=False,
    )
    issue_ids = fields.One2many("redu.contact.issue", "agreement_id", string="Issues", readonly=True)
    issue_count = fields.Integer(string="Issue count", compute="_compute_issue_count")
    last_validated = fields.Datetime(string="Last validated", readonly=True, copy=False)
    days_to_deadline = fields.Integer(
        string="Days to deadline", compute="_compute_days_to_deadline",
        help="Days left until the deadline, the day before the end date; negative when passed.",
    )
    bundle_key = fields.Char(
        string="Bundle", compute="_compute_bundle_key", store=True, index=True, copy=False,
        help="Agreements with the same entity, instructor name and business ID get one survey link.",
    )

    _source_ref_company_uniq = models.Constraint(
        "UNIQUE(company_id, source_ref)",
        "The source ID of an agreement must be unique per entity.",
    )
    _part_time_percent_range = models.Constraint(
        "CHECK(part_time_percent IS NULL OR (part_time_percent >= 0 AND part_time_percent <= 100))",
        "The part-time percentage must be between 1 and 100.",
    )

    def init(self):
        # every validation run rewrites readiness and last_validated: leave room in the pages
        # for PostgreSQL's in-page (HOT) updates, which skip the index maintenance
        self.env.cr.execute(SQL("ALTER TABLE redu_workplace_agreement SET (fillfactor = 80)"))

    @api.depends("employer_id")
    def _compute_workplace_name(self):
        for agreement in self:
            if agreement.employer_id:
                agreement.workplace_name = agreement.employer_id.name
            else:
                agreement.workplace_name = agreement.workplace_name or False

    @api.depends("company_id", "instructor_id.name", "employer_id.company_registry")
    def _compute_bundle_key(self):
        for agreement in self:
            agreement.bundle_key = self._make_bundle_key(
                agreement.company_id.id, agreement.instructor_id.name, agreement.employer_id.company_registry,
            )

    @api.model
    def _make_bundle_key(self, company_id, instructor_name, business_id):
        """Entity, normalised business ID and normalised instructor name, or False."""
        name = normalize_person_name(instructor_name)
        business_id = check_business_id(business_id)[0]
        if not (company_id and name and business_id):
            return False
        return f"{company_id}|{business_id}|{name}"

    @api.depends("issue_ids")
    def _compute_issue_count(self):
        counts = dict(self.env["redu.contact.issue"]._read_group(
            [("agreement_id", "in", self.ids)], ["agreement_id"], ["__count"],
        ))
        for agreement in self:
            agreement.issue_count = counts.get(agreement, 0)

    @api.depends("end_date")
    def _compute_days_to_deadline(self):
        today = fields.Date.context_today(self)
        for agreement in self:
            agreement.days_to_deadline = (agreement.end_date - today).days - 1 if agreement.end_date else 0

    # ------------------------------------------------------------------ CRUD
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("redu.workplace.agreement") or "/"
        agreements = super().create(vals_list)
        if not self.env.context.get("redu_skip_validation"):
            agreements._validate_contacts(with_mates=True)  # pylint: disable=no-member
        return agreements

    def write(self, vals):
        revalidate = not self.env.context.get("redu_skip_validation") and VALIDATED_FIELDS.intersection(vals)
        old_keys = set(self.mapped("bundle_key")) if revalidate else set()
        result = super().write(vals)
        if revalidate:
            self._validate_contacts(extra_keys=old_keys, with_mates=True)
        return result

    def unlink(self):
        keys = set(self.mapped("bundle_key")) - {False}
        result = super().unlink()
        if keys and not self.env.context.get("redu_skip_validation"):
            # the bundle mates left behind may have lost their mismatch; they may belong to
            # another teacher or entity than the user's, hence sudo
            agreement_model = self.env["redu.workplace.agreement"].sudo()
            mates = agreement_model.search(agreement_model._open_domain() + [("bundle_key", "in", list(keys))])
            mates._validate_contacts()
        return result

    # ------------------------------------------------------------ validation
    @api.model
    def _open_domain(self):
        limit = fields.Date.context_today(self) - datetime.timedelta(days=OPEN_DAYS_AFTER_END)
        return ["|", ("end_date", "=", False), ("end_date", ">=", limit)]

    def action_validate_contacts(self):
        """Validate the instructor contacts of the agreements as one batch."""
        self._validate_contacts()
        return True

    def _validate_contacts(self, extra_keys=(), with_mates=False):
        """Set-based validation of ``self``: replaces their issues and sets their readiness.

        :param extra_keys: bundle keys whose open agreements are also looked at (the keys
            the agreements had before an edit)
        :param with_mates: also revalidate the open agreements that share a bundle with ``self``
            (their mismatch issues may change with ``self``)
        """
        if not self:
            return
        # Issues and readiness are computed by the system: users only read them, so the
        # engine writes as superuser; the bundles span every agreement of the entity,
        # whichever companies the user has selected.
        agreement_model = self.env["redu.workplace.agreement"].sudo().with_context(active_test=False)
        agreement_model.flush_model()
        self.env["res.partner"].flush_model()
        today = fields.Date.context_today(self)
        batch_ids = set(self.ids)

        # 1. the batch's own values, with one query
        rows = self._validation_rows(batch_ids)
        # 2. bundle mates: every open agreement sharing a bundle key, with one search
        keys = {row["bundle_key"] for row in rows.values() if row["bundle_key"]} | {k for k in extra_keys if k}
        mate_ids = set()
        if keys:
            domain = agreement_model._open_domain() + [("bundle_key", "in", list(keys))]
            mate_ids = set(agreement_model.search(domain).ids)
            mate_ids -= batch_ids
        if with_mates and mate_ids:
            batch_ids |= mate_ids
            rows.update(self._validation_rows(mate_ids))
            mate_rows = {}
        else:
            mate_rows = self._validation_rows(mate_ids) if mate_ids else {}
        # 3. every partner concerned, with one read
        partner_ids = set()
        for row in (*rows.values(), *mate_rows.values()):
            partner_ids.update(p for p in (row["instructor_id"], row["employer_id"]) if p)
        partners = {
            values["id"]: values
            for values in self.env["res.partner"].sudo().with_context(active_test=False).browse(partner_ids).read(
                ["name", "email", "phone", "company_registry", "is_company", "commercial_partner_id"], load=None,
            )
        }
        # 4. bundles: distinct e-mails and phones per key
        bundle_emails = defaultdict(set)
        bundle_phones = defaultdict(set)
        for row in (*rows.values(), *mate_rows.values()):
            key = row["bundle_key"]
            instructor = partners.get(row["instructor_id"])
            if not key or not instructor:
                continue
            if instructor["email"]:
                bundle_emails[key].add(check_email(instructor["email"])[0] or instructor["email"].strip().lower())
            if instructor["phone"]:
                bundle_phones[key].add(check_phone(instructor["phone"])[0] or instructor["phone"].strip())
        # 5. the rules, agreement by agreement, in memory
        new_issues = {}
        readiness = {}
        for agreement_id, row in rows.items():
            found = self._check_agreement(row, partners, bundle_emails, bundle_phones, today)
            severities = set()
            days = (row["end_date"] - today).days - 1 if row["end_date"] else None
            urgency = urgency_of(days)
            for rule_code, detail in found:
                severity = RULES[rule_code][0]
                severities.add(severity)
                key = (
                    agreement_id, rule_code, detail or False, row["instructor_id"] or False,
                    row["employer_id"] or False, row["teacher_id"] or False, row["company_id"],
                    row["end_date"] or False,
                )
                new_issues[key] = urgency
            readiness[agreement_id] = (
                "blocked" if "blocking" in severities else "warning" if severities else "ready"
            )
        self._store_validation(rows, new_issues, readiness)

    def _validation_rows(self, ids):
        self.env.cr.execute(SQL(
            """SELECT id, agreement_type, workplace_name, employer_id, instructor_id, start_date, end_date,
                      part_time_percent, apprenticeship_basis, teacher_id, company_id, bundle_key, readiness
                 FROM redu_workplace_agreement WHERE id = ANY(%s)""",
            list(ids),
        ))
        return {row["id"]: row for row in self.env.cr.dictfetchall()}

    @api.model
    def _check_agreement(self, row, partners, bundle_emails, bundle_phones, today):
        """Return the list of (rule_code, detail) of one agreement; pure, no query."""
        found = []
        add = found.append
        instructor = partners.get(row["instructor_id"])
        employer = partners.get(row["employer_id"])
        # who and where
        if not instructor:
            add(("instructor_missing", False))
        else:
            name = " ".join((instructor["name"] or "").split())
            if not name:
                add(("instructor_name_missing", False))
            elif instructor["is_company"] or name_is_not_person(name):
                add(("instructor_name_not_person", name))
        if not (row["workplace_name"] or "").strip():
            add(("workplace_name_missing", False))
        business_id = employer and employer["company_registry"]
        if not business_id or not business_id.strip():
            add(("business_id_missing", False))
        elif check_business_id(business_id)[1]:
            add(("business_id_invalid", business_id))
        if instructor:
            key = row["bundle_key"]
            # e-mail channel
            email, email_error = check_email(instructor["email"])
            email_ok = not email_error
            if email_error == "missing":
                add(("email_missing", False))
            elif email_error:
                add(("email_invalid", instructor["email"]))
            elif email_is_generic(email):
                add(("email_generic", email))
            if key and len(bundle_emails.get(key, ())) > 1:
                add(("email_mismatch", ", ".join(sorted(bundle_emails[key]))))
                email_ok = False
            # text message channel
            phone, phone_error = check_phone(instructor["phone"])
            sms_ok = not phone_error
            if phone_error == "missing":
                add(("phone_missing", False))
            elif phone_error == "invalid":
                add(("phone_invalid", instructor["phone"]))
            elif phone_error:
                add(("phone_not_mobile", phone))
            if key and len(bundle_phones.get(key, ())) > 1:
                add(("phone_mismatch", ", ".join(sorted(bundle_phones[key]))))
                sms_ok = False
            if not email_ok and not sms_ok:
                add(("no_valid_contact", False))
            if employer and instructor["commercial_partner_id"] != employer["commercial_partner_id"]:
                add(("instructor_not_at_employer", False))
        # the period
        start, end = row["start_date"], row["end_date"]
        if not end:
            add(("end_date_missing", False))
        elif not start or end < start or end > _max_end(start):
            add(("dates_invalid", f"{start or ''} - {end}"))
        percent = row["part_time_percent"]
        if (not end or end > PART_TIME_REQUIRED_AFTER) and not (percent and 1 <= percent <= 100):
            add(("part_time_missing", False))
        if row["agreement_type"] == "apprenticeship" and not row["apprenticeship_basis"]:
            add(("apprenticeship_basis_missing", False))
        # feedback lost: the data had to be in the national system the day before the end
        if end and end <= today and any(RULES[code][0] == "blocking" for code, _detail in found):
            add(("deadline_passed", False))
        return found

    def _store_validation(self, rows, new_issues, readiness):
        """Replace the issues (one unlink, one create) and write the readiness per value."""
        issue_model = self.env["redu.contact.issue"].sudo()
        agreement_model = self.env["redu.workplace.agreement"].sudo()
        self.env.cr.execute(SQL(
            """SELECT id, agreement_id, rule_code, detail, instructor_id, employer_id, teacher_id, company_id,
                      end_date, urgency
                 FROM redu_contact_issue WHERE agreement_id = ANY(%s)""",
            list(rows),
        ))
        to_unlink = []
        urgency_updates = defaultdict(list)
        kept = set()
        for old in self.env.cr.fetchall():
            key = tuple(value or False for value in old[1:9])
            if key in new_issues and key not in kept:
                kept.add(key)
                if old[9] != new_issues[key]:
                    urgency_updates[new_issues[key]].append(old[0])
            else:
                to_unlink.append(old[0])
        if to_unlink:
            issue_model.browse(to_unlink).unlink()
        for urgency, ids in urgency_updates.items():
            issue_model.browse(ids).write({"urgency": urgency})
        to_create = [
            {
                "agreement_id": key[0],
                "rule_code": key[1],
                "severity": RULES[key[1]][0],
                "detail": key[2],
                "instructor_id": key[3],
                "employer_id": key[4],
                "teacher_id": key[5],
                "company_id": key[6],
                "end_date": key[7],
                "urgency": urgency,
            }
            for key, urgency in new_issues.items()
            if key not in kept
        ]
        if to_create:
            issue_model.create(to_create)
        # readiness and last_validated are written by the system only and nothing depends on them:
        # one UPDATE for the whole batch, without the ORM's per-record write (tracking, write_date)
        ids = list(readiness)
        self.env.cr.execute(SQL(
            """UPDATE redu_workplace_agreement AS agreement
                  SET readiness = batch.readiness, last_validated = %s
                 FROM (SELECT unnest(%s::int[]) AS id, unnest(%s::varchar[]) AS readiness) AS batch
                WHERE agreement.id = batch.id""",
            fields.Datetime.now(), ids, [readiness[agreement_id] for agreement_id in ids],
        ))
        agreement_model.invalidate_model(["readiness", "last_validated", "issue_ids", "issue_count"])

    # ------------------------------------------------------------------ crons
    @api.model
    def _cron_validate_contacts(self):
        """Nightly: validate every agreement whose end date is not more than 30 days past."""
        agreements = self.search(self._open_domain())
        agreements._validate_contacts()

    @api.model
    def _get_retention_years(self):
        value = self.env["ir.config_parameter"].sudo().get_param("redu_feedback_prep.retention_years", "3")
        try:
            return max(int(value), 0)
        except ValueError:
            return 3

    @api.model
    def _cron_anonymise_students(self):
        """Clear the student's name and ID once the retention period after the end date is over."""
        limit = fields.Date.context_today(self) - relativedelta(years=self._get_retention_years())
        # sudo: the retention applies to every agreement of every entity, whoever runs the cron
        agreements = self.sudo().with_context(active_test=False).search([
            ("end_date", "<", limit), ("student_anonymised", "=", False),
        ])
        agreements.with_context(redu_skip_validation=True).write({
            "student_name": False, "student_ref": False, "student_anonymised": True,
        })
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
