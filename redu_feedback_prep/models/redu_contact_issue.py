# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from odoo import api, fields, models

from odoo.addons.redu_base.tools.dates import redu_today

from ..tools.plain_rows import ids_query, query_tuples
from ..tools.rule_catalogue import KIND_SELECTION, RULE_BY_CODE, RULE_SELECTION, SEVERITY_SELECTION

URGENCY_SELECTION = [
    ("overdue", "Deadline passed"),
    ("week", "Within 7 days"),
    ("two_weeks", "Within 14 days"),
    ("later", "Later"),
    ("no_date", "No deadline"),
]


def urgency_of(days):
    """Urgency bucket of a number of days to the deadline (None: no deadline)."""
    if days is None:
        return "no_date"
    if days < 0:
        return "overdue"
    if days < 7:
        return "week"
    if days < 14:
        return "two_weeks"
    return "later"


# what identifies an issue: an issue equal in all of these is kept as it is
ISSUE_KEY_FIELDS = (
    "agreement_id",
    "rule_code",
    "detail",
    "instructor_id",
    "employer_id",
    "teacher_id",
    "company_id",
    "end_date",
    "deadline",
)


class ReduContactIssue(models.Model):
    _name = "redu.contact.issue"
    _description = "Contact validation issue"
    _order = "deadline, agreement_id, severity, rule_code"
    # Issues are the validation's, created and unlinked by it for whoever triggered it: who and when wrote
    # one says nothing (the agreement keeps ``last_validated``). Without the four log columns an issue's
    # INSERT has two foreign-key checks and two timestamps fewer: 35,000 issues in 4.0 s instead of 5.3 s
    # (as core's mail.followers and mail.notification, system records too).
    _log_access = False

    agreement_id = fields.Many2one(
        "redu.workplace.agreement",
        required=True,
        ondelete="cascade",
        index=True,
    )
    instructor_id = fields.Many2one("res.partner", string="Workplace instructor", index="btree_not_null")
    employer_id = fields.Many2one("res.partner", index="btree_not_null")
    rule_code = fields.Selection(RULE_SELECTION, string="Rule", required=True, index=True)
    severity = fields.Selection(SEVERITY_SELECTION, required=True, index=True)
    # the rule's kind, as its severity, given by the validation from the rule catalogue (one dict lookup),
    # not computed: a computed value, even precomputed, makes the ORM build a new record per issue before
    # the INSERT (models.py _add_precomputed_values), half the cost of creating 35,000 issues
    kind = fields.Selection(
        KIND_SELECTION,
        readonly=True,
        index=True,
        help="What the rule is about: the HOKS rejected, no survey, the email, the text message, attention.",
    )
    source = fields.Char(
        string="National rule",
        compute="_compute_source",
        help="The public code of the Finnish National Agency for Education that the rule follows.",
    )
    detail = fields.Char(string="Value", help="The value that was checked, as it is in the data.")
    message = fields.Char(string="Problem", compute="_compute_texts")
    fix_hint = fields.Char(string="How to fix", compute="_compute_texts")
    teacher_id = fields.Many2one("res.users", index="btree_not_null")
    company_id = fields.Many2one("res.company", string="Group entity", required=True, index=True)
    end_date = fields.Date(string="End date")
    deadline = fields.Date(string="Fix deadline", help="The agreement's fix deadline at the last validation.")
    urgency = fields.Selection(
        URGENCY_SELECTION,
        index=True,
        help="Urgency at the last validation (refreshed every night).",
    )
    days_to_deadline = fields.Integer(
        string="Days to deadline",
        compute="_compute_days_to_deadline",
        help="Days left until the fix deadline; negative when passed.",
    )

    @api.depends("rule_code")
    def _compute_source(self):
        for issue in self:
            rule = RULE_BY_CODE.get(issue.rule_code)
            issue.source = rule.source if rule else False

    @api.depends("rule_code")
    @api.depends_context("lang")
    def _compute_texts(self):
        for issue in self:
            rule = RULE_BY_CODE.get(issue.rule_code)
            issue.message = self.env._(rule.message) if rule else False
            issue.fix_hint = self.env._(rule.hint) if rule else False

    @api.depends("deadline")
    def _compute_days_to_deadline(self):
        today = redu_today(self)
        for issue in self:
            issue.days_to_deadline = (issue.deadline - today).days if issue.deadline else 0

    @api.model
    def _replace_issues(self, found):
        """Make the issues of some agreements exactly ``found``; return the ids of the agreements whose
        issues changed.

        :param found: {agreement id: (values, fix deadline, issues)}: ``values`` holds the agreement's
            ``instructor_id``, ``employer_id``, ``teacher_id``, ``company_id`` and ``end_date`` (ids, not
            records), the fix deadline is a date or False, ``issues`` is a list of ``(rule code, detail)``

        An issue that stays is kept (only its urgency refreshed), the others are unlinked and the new
        ones created, with one query each whatever the number of agreements. Issues are the system's
        (the validation writes them for whoever triggered it): called on a sudo model.
        """
        today = redu_today(self)
        # the keys with None for an empty value, as the old issues are read (SQL's NULL): compared as they come
        wanted = {}
        for agreement_id, (values, deadline, issues) in found.items():
            deadline = deadline or None
            urgency = urgency_of(None if not deadline else (deadline - today).days)
            for code, detail in issues:
                key = (
                    agreement_id,
                    code,
                    detail or None,
                    values["instructor_id"] or None,
                    values["employer_id"] or None,
                    values["teacher_id"] or None,
                    values["company_id"],
                    values["end_date"] or None,
                    deadline,
                )
                wanted[key] = urgency
        to_unlink = []
        changed = set()
        urgency_updates = defaultdict(list)
        kept = set()
        # the old issues as plain tuples with one query (no read() formatting of tens of thousands, no dict
        # each); the agreements as a subquery of their ids (a domain "in" a list converts each id in Python).
        # In the order of their ids: of two equal issues the older one is kept, and no join to the agreements
        # (the issues' _order sorts by the agreement's order), which PostgreSQL made a scan of every agreement
        # and every issue when its statistics were older than the table (40 ms for an import's batch)
        agreements = ids_query(self.env["redu.workplace.agreement"], list(found))
        query = self._search([("agreement_id", "any", agreements)], order="id")
        for row in query_tuples(self, query, [*ISSUE_KEY_FIELDS, "urgency"]):
            issue_id, key, urgency = row[0], row[1:-1], row[-1]
            if key in wanted and key not in kept:
                kept.add(key)
                if urgency != wanted[key]:
                    urgency_updates[wanted[key]].append(issue_id)
            else:
                to_unlink.append(issue_id)
                changed.add(key[0])
        if to_unlink:
            self.browse(to_unlink).unlink()
        for urgency, ids in urgency_updates.items():
            self.browse(ids).write({"urgency": urgency})
        to_create = [
            {
                **dict(zip(ISSUE_KEY_FIELDS, key, strict=True)),  # None: empty, as the ORM takes it
                "severity": RULE_BY_CODE[key[1]].severity,
                "kind": RULE_BY_CODE[key[1]].kind,
                "urgency": urgency,
            }
            for key, urgency in wanted.items()
            if key not in kept
        ]
        if to_create:
            self._redu_shared_defaults().create(to_create)
        changed.update(values["agreement_id"] for values in to_create)
        return changed

    def action_open_fix_wizard(self):
        return self.agreement_id.action_open_fix_wizard()
