# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import datetime
import hashlib
from collections import Counter, defaultdict

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.redu_base.tools.dates import redu_today
from odoo.addons.redu_feedback_prep.tools import national_rules
from odoo.addons.redu_feedback_prep.tools.contact_checks import check_email

from ..tools import tpk_rules

# at most this many reminders per bundle
MAX_REMINDERS = 2
# a reminder goes out at the earliest this many days after the link or the previous reminder
REMINDER_INTERVAL_DAYS = 7
# the longest bundle key stored as such (indexed; a longer one ends in its hash)
KEY_MAX_LENGTH = 500
# survey links sent at once by a background task (and the default threshold of one)
SEND_BATCH = 500
STATES = [
    ("predicted", "Predicted"),
    ("link", "Link imported"),
    ("sent", "Link sent"),
    ("answered", "Answered"),
]
EMAIL_PROBLEMS = [("missing", "No recipient email"), ("invalid", "Invalid recipient email")]
# the agreement fields the prediction reads
_AGREEMENT_FIELDS = [
    "workplace_name",
    "employer_id",
    "provider_oid",
    "end_date",
    "agreement_type",
    "apprenticeship_basis",
    "national_hoks_rejected",
    "national_excluded_reason",
    "student_ref",
    "qualification",
    "qualification_code",
    "company_id",
]


class ReduTpkBundle(models.Model):
    """One link of the workplace survey: a workplace (normalised name and Y-tunnus) of one education
    provider in one collection period."""

    _name = "redu.tpk.bundle"
    _description = "Workplace survey bundle"
    _inherit = ["mail.thread", "redu.company.check.mixin"]
    _order = "period_start desc, workplace_name, id"
    _check_company_auto = True

    name = fields.Char(
        string="Bundle key",
        required=True,
        readonly=True,
        index=True,
        help="Normalised workplace name / Y-tunnus / education provider / collection period, as the national "
        "system forms it: one survey link per key.",
    )
    period_start = fields.Date(string="Collection period start", required=True, readonly=True, index=True)
    period_end = fields.Date(string="Collection period end", required=True, readonly=True)
    period_code = fields.Char(string="Collection period", readonly=True, index=True)
    window_start = fields.Date(string="Answering starts", readonly=True)
    window_end = fields.Date(string="Answering ends", readonly=True)
    employer_id = fields.Many2one("res.partner", readonly=True, index=True, ondelete="restrict")
    workplace_name = fields.Char(string="Workplace name", readonly=True, help="The workplace name as written.")
    normalized_name = fields.Char(string="Normalised name", readonly=True)
    business_id = fields.Char(string="Y-tunnus", readonly=True, index=True)
    provider_oid = fields.Char(string="Education provider", readonly=True)
    company_id = fields.Many2one("res.company", string="Group entity", required=True, readonly=True, index=True)
    agreement_ids = fields.Many2many(
        "redu.workplace.agreement",
        "redu_tpk_bundle_agreement_rel",
        "bundle_id",
        "agreement_id",
        string="Workplace periods",
        readonly=True,
    )
    period_count = fields.Integer(string="Periods", readonly=True)
    student_count = fields.Integer(string="Students", readonly=True)
    qualifications = fields.Char(readonly=True)
    recipient_id = fields.Many2one(
        "res.partner",
        compute="_compute_recipient_id",
        store=True,
        help="The employer's workplace survey contact (set on the employer).",
        redu_system=True,
    )
    recipient_email = fields.Char(string="Recipient email", related="recipient_id.email")
    email_problem = fields.Selection(
        EMAIL_PROBLEMS, string="Email problem", compute="_compute_email_problem", store=True, redu_system=True
    )
    survey_code = fields.Char(string="Arvo code", readonly=True, copy=False, redu_system=True)
    survey_url = fields.Char(string="Survey link", readonly=True, copy=False, redu_system=True)
    valid_from = fields.Date(string="Link valid from", readonly=True, copy=False, redu_system=True)
    valid_to = fields.Date(string="Link valid until", readonly=True, copy=False, redu_system=True)
    answer_count = fields.Integer(string="Answers", readonly=True, copy=False, redu_system=True)
    target_count = fields.Integer(string="Targets", readonly=True, copy=False, redu_system=True)
    deadline = fields.Date(
        string="Answer by",
        compute="_compute_deadline",
        store=True,
        help="The end of the link's validity, else the end of the answering window.",
        redu_system=True,
    )
    sent_date = fields.Datetime(string="Link sent", readonly=True, copy=False, redu_system=True)
    reminder_count = fields.Integer(string="Reminders", readonly=True, copy=False, redu_system=True)
    last_reminder_date = fields.Datetime(string="Last reminder", readonly=True, copy=False, redu_system=True)
    state = fields.Selection(STATES, compute="_compute_state", store=True, index=True, redu_system=True)
    answered = fields.Boolean(compute="_compute_state", store=True, redu_system=True)
    answer_rate = fields.Float(
        string="Answer rate (%)",
        compute="_compute_state",
        store=True,
        aggregator="avg",
        help="100 for a sent bundle that has answers, 0 for one that has none: the average is the answer rate.",
        redu_system=True,
    )
    user_id = fields.Many2one(
        "res.users", string="Account manager", related="employer_id.user_id", store=True, readonly=True
    )
    partnership_level_id = fields.Many2one(
        "redu.partnership.level",
        string="Partnership level",
        related="employer_id.partnership_level_id",
        store=True,
        readonly=True,
        groups="base.group_user",
    )

    _name_uniq = models.Constraint("UNIQUE(name)", "A workplace survey bundle key must be unique.")

    # ---------------------------------------------------------------- computes
    @api.depends(
        "employer_id.tpk_contact_id",
        "employer_id.child_ids.contact_role_ids",
        "employer_id.user_id",
    )
    def _compute_recipient_id(self):
        recipients = self.employer_id._tpk_recipients()
        for bundle in self:
            bundle.recipient_id = recipients.get(bundle.employer_id.id, False)

    @api.depends("valid_to", "window_end")
    def _compute_deadline(self):
        for bundle in self:
            bundle.deadline = bundle.valid_to or bundle.window_end

    @api.depends("recipient_id.email")
    def _compute_email_problem(self):
        for bundle in self:
            bundle.email_problem = check_email(bundle.recipient_id.email)[1] or False

    @api.depends("survey_url", "sent_date", "answer_count")
    def _compute_state(self):
        for bundle in self:
            bundle.answered = bundle.answer_count > 0
            if bundle.answered:
                bundle.state = "answered"
            elif bundle.sent_date:
                bundle.state = "sent"
            elif bundle.survey_url:
                bundle.state = "link"
            else:
                bundle.state = "predicted"
            bundle.answer_rate = 100.0 if bundle.answered else 0.0

    # -------------------------------------------------------------- prediction
    @api.model
    def _tpk_period_options(self, today=None):
        """(start, end) of the collection periods offered: two back, the current one, one ahead."""
        today = today or redu_today(self)
        start, _end = tpk_rules.current_collection_period(today)
        periods = []
        for shift in (-12, -6, 0, 6):
            periods.append(tpk_rules.collection_period(start + relativedelta(months=shift)))
        return sorted(set(periods))

    @api.model
    def _tpk_predict(self, period_start, companies=None):
        """Create or update the bundles of the collection period starting ``period_start`` from the
        workplace agreements of ``companies`` (default: the user's selected entities), in batch.

        :returns: dict with ``bundles`` (the bundles of the period), ``problems`` (list of
            ``(agreement, problem, detail)`` for the periods that get no link) and ``spellings``
            (list of ``(business_id, provider, {normalised name: agreements})`` for the Y-tunnus
            written in several ways)
        """
        companies = companies or self.env.companies
        period_start, period_end = tpk_rules.collection_period(period_start)
        window_start, window_end = tpk_rules.answer_window(period_end)
        Agreement = self.env["redu.workplace.agreement"]
        agreements = Agreement.search(
            [
                ("company_id", "in", companies.ids),
                ("end_date", ">=", period_start),
                ("end_date", "<=", period_end),
            ]
        )
        # the exclusions from the instructor survey, judged by redu_feedback_prep's national rules
        rows = Agreement._national_rows(agreements)
        partners = Agreement._national_partners(rows)
        periods = Agreement._national_periods(rows, partners)
        values = {row["id"]: row for row in agreements.read(_AGREEMENT_FIELDS, load=None)}
        problems = []
        groups = defaultdict(list)
        for agreement in agreements:
            row = values[agreement.id]
            employer = partners.get(row["employer_id"]) or {}
            business_id = employer.get("company_registry") or None
            exclusion = national_rules.exclusion_reason(periods[agreement.id]) or row["national_excluded_reason"]
            problem = tpk_rules.period_problem(
                row["provider_oid"],
                row["workplace_name"],
                business_id,
                row["end_date"],
                agreement_type=row["agreement_type"],
                apprenticeship_basis=row["apprenticeship_basis"],
                business_id_valid=national_rules.business_id_accepted(business_id),
                hoks_rejected=row["national_hoks_rejected"],
                exclusion=exclusion,
            )
            if problem:
                detail = {"business_id_invalid": business_id, "excluded": exclusion}.get(problem)
                problems.append((agreement, problem, detail or False))
                continue
            key = self._tpk_stored_key(
                tpk_rules.bundle_key(row["workplace_name"], business_id, row["provider_oid"], row["end_date"])
            )
            groups[key].append(agreement)
        spellings = self._tpk_spellings(groups, values, partners)
        bundle_values = {}
        for key, members in groups.items():
            first = values[members[0].id]
            employer = partners[first["employer_id"]]
            students = {values[a.id]["student_ref"] or f"agreement-{a.id}" for a in members}
            qualifications = sorted(
                {values[a.id]["qualification"] or values[a.id]["qualification_code"] or "" for a in members} - {""}
            )
            bundle_values[key] = {
                "name": key,
                "period_start": period_start,
                "period_end": period_end,
                "period_code": tpk_rules.period_code(period_start, period_end),
                "window_start": window_start,
                "window_end": window_end,
                "employer_id": employer["commercial_partner_id"] or employer["id"],
                "workplace_name": self._tpk_written_name(
                    [values[a.id]["workplace_name"] for a in members], employer["name"]
                ),
                "normalized_name": tpk_rules.normalize(first["workplace_name"]),
                "business_id": employer["company_registry"],
                "provider_oid": first["provider_oid"],
                "company_id": first["company_id"],
                "agreement_ids": [fields.Command.set([a.id for a in members])],
                "period_count": len(members),
                "student_count": len(students),
                "qualifications": ", ".join(qualifications),
            }
        existing = self.search(
            [("period_start", "=", period_start), ("company_id", "in", companies.ids)]
        ) | self.search([("name", "in", list(bundle_values))])
        by_key = {bundle.name: bundle for bundle in existing}
        to_create = []
        for key, vals in bundle_values.items():
            bundle = by_key.get(key)
            if bundle:
                bundle.write(vals)
            else:
                to_create.append(vals)
        created = self.create(to_create) if to_create else self.browse()
        # bundles that lost all their periods: dropped while only predicted, emptied once a link exists
        stale = existing.filtered(lambda b: b.name not in bundle_values)
        stale_predicted = stale.filtered(lambda b: b.state == "predicted")
        (stale - stale_predicted).write(
            {"agreement_ids": [fields.Command.clear()], "period_count": 0, "student_count": 0}
        )
        stale_predicted.unlink()
        bundles = (existing | created).exists()
        # the recipient may come from a service process, which triggers no recomputation
        self.env.add_to_compute(self._fields["recipient_id"], bundles)
        return {
            "bundles": bundles,
            "problems": problems,
            "spellings": spellings,
        }

    @api.model
    def _tpk_stored_key(self, key):
        """The key as stored (indexed): a key longer than KEY_MAX_LENGTH ends in its hash, one per value."""
        if len(key) <= KEY_MAX_LENGTH:
            return key
        return f"{key[: KEY_MAX_LENGTH - 65]}#{hashlib.sha256(key.encode()).hexdigest()}"

    @api.model
    def _tpk_written_name(self, names, employer_name):
        """The workplace name as written on most periods; of equally common ones, the employer's name."""
        counts = Counter(names)
        return min(counts, key=lambda name: (-counts[name], name != employer_name, name))

    @api.model
    def _tpk_spellings(self, groups, values, partners):
        """The Y-tunnus (per provider) written in several ways: each spelling gets its own link."""
        by_business = defaultdict(lambda: defaultdict(list))
        for members in groups.values():
            first = values[members[0].id]
            business_id = partners[first["employer_id"]]["company_registry"]
            for agreement in members:
                by_business[(business_id, first["provider_oid"])][values[agreement.id]["workplace_name"]].append(
                    agreement
                )
        result = []
        for (business_id, provider), names in by_business.items():
            if len({tpk_rules.normalize(name) for name in names}) > 1:
                result.append((business_id, provider, dict(names)))
        return result

    # ----------------------------------------------------------------- sending
    def _tpk_sendable(self, today):
        return self.filtered(
            lambda b: b.state == "link" and not b.email_problem and (not b.valid_to or b.valid_to >= today)
        )

    def action_send_links(self):
        """Send the link of each bundle once to its recipient, through the mail queue; many bundles
        (above the ``sending`` threshold) are sent by a background task."""
        Job = self.env["redu.background.job"]
        if len(self) > Job._threshold("sending", SEND_BATCH):
            job = Job._enqueue(
                self.env._("Survey links of %s bundles", len(self)),
                self,
                "_job_send_links",
                res_ids=self.ids,
                manager_group="redu_feedback_prep.group_feedback_manager",
            )
            return job._action_open()
        today = redu_today(self)
        bundles = self._tpk_sendable(today)
        if not bundles and len(self) == 1:
            raise UserError(
                self.env._(
                    "The link of %(bundle)s cannot be sent: it needs an imported link, a recipient with a "
                    "valid email, a validity that has not ended, and no earlier sending.",
                    bundle=self.display_name,
                )
            )
        bundles._tpk_send_links()
        return self._tpk_notification(len(bundles), len(self) - len(bundles))

    def _tpk_send_links(self):
        """Queue the link emails of ``self`` (sendable bundles) and stamp them as sent."""
        self._tpk_send(self.env.ref("redu_feedback_tpk.mail_template_tpk_link"))
        # sudo: the sending stamp is the system's; the sender may write the bundles (checked)
        self.check_access("write")
        self.sudo().write({"sent_date": fields.Datetime.now()})

    @api.model
    def _job_send_links(self, job):
        """Background task: send the links of the next batch of bundles."""
        ids = job.res_ids[job.done : job.done + SEND_BATCH]
        bundles = self.browse(ids).exists()
        sendable = bundles._tpk_sendable(redu_today(self))
        sendable._tpk_send_links()
        counts = job._add_counts(sent=len(sendable), skipped=len(ids) - len(sendable))
        job.result = self.env._("%(sent)s email(s) queued, %(skipped)s bundle(s) skipped.", **counts)
        return len(ids)

    def _tpk_remindable(self, today):
        now = fields.Datetime.now()
        limit = now - datetime.timedelta(days=REMINDER_INTERVAL_DAYS)
        return self.filtered(
            lambda b: (
                b.state == "sent"
                and b.reminder_count < MAX_REMINDERS
                and not b.email_problem
                and b.deadline
                and today <= b.deadline
                and (b.last_reminder_date or b.sent_date) <= limit
            )
        )

    def action_send_reminders(self):
        """One reminder to each sent bundle without answers: at most twice, a week apart at the
        soonest, and never after the link's validity."""
        today = redu_today(self)
        bundles = self._tpk_remindable(today)
        template = self.env.ref("redu_feedback_tpk.mail_template_tpk_reminder")
        bundles._tpk_send(template)
        now = fields.Datetime.now()
        bundles.check_access("write")
        for count, group in bundles.grouped("reminder_count").items():
            # sudo: the reminder stamps are the system's; the sender may write the bundles (checked)
            group.sudo().write({"reminder_count": count + 1, "last_reminder_date": now})
        return self._tpk_notification(len(bundles), len(self) - len(bundles))

    @api.model
    def _cron_send_reminders(self):
        bundles = self.search([("state", "=", "sent"), ("reminder_count", "<", MAX_REMINDERS)])
        bundles.action_send_reminders()

    def _tpk_send(self, template):
        """Queue one email per bundle (``mail.mail``, kept after sending) and log it on the employer."""
        if not self:
            return
        mails = template.send_mail_batch(self.ids)
        bundle_by_id = {bundle.id: bundle for bundle in self}
        by_employer = defaultdict(lambda: self.env["mail.mail"])
        for mail in mails:
            by_employer[bundle_by_id[mail.res_id].employer_id.id] |= mail
        for employer_id, employer_mails in by_employer.items():
            # the email shows in the employer's chatter; sudo: mail.mail is written by the mail system
            # only, the sender was allowed to send the bundles' template
            employer_mails.sudo().write(
                {"model": "res.partner", "res_id": employer_id, "message_type": "email_outgoing"}
            )

    def _tpk_notification(self, done, skipped):
        message = self.env._("%(done)s email(s) queued, %(skipped)s bundle(s) skipped.", done=done, skipped=skipped)
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "message": message,
                "type": "success" if done else "warning",
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    def action_open_employer(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "res.partner",
            "res_id": self.employer_id.id,
            "view_mode": "form",
        }

    @api.model
    def _tpk_default_period_start(self):
        return tpk_rules.current_collection_period(redu_today(self))[0]

    @api.model
    def _tpk_demo_predict(self):
        """Demo data: predict the bundles of the demo agreements' collection period (autumn 2026)."""
        companies = self.env["res.company"].search([("redu_provider_oid", "!=", False)])
        self.with_context(allowed_company_ids=companies.ids)._tpk_predict(datetime.date(2026, 7, 1), companies)
