# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The national verdict of workplace agreements: a pure function, plain data in, verdict out.

:func:`judge` applies the rules of :mod:`national_rules` to the periods of one validation run (an
agreement with its survey-bundle and HOKS mates) as eHOKS and herätepalvelu would, and adds REDU's
own checks (:mod:`contact_checks`). No ORM, no query, and it never raises: data it cannot judge
become the blocking rule ``data_unreadable`` of the agreement concerned.
"""

import datetime
import logging
from collections import defaultdict

from . import national_rules as national
from .contact_checks import email_is_generic, name_is_not_person
from .rule_catalogue import RULE_BY_CODE

_logger = logging.getLogger(__name__)

# the dates an agreement may hold (issue #16): the deadlines add months and years to them, and a year
# outside these is a typing error, never a workplace period
DATE_MIN = datetime.date(1900, 1, 1)
DATE_MAX = datetime.date(2100, 12, 31)
# the outcome of an agreement, as the agreement stores it
OUTCOME_KEYS = (
    "readiness",
    "national_hoks_rejected",
    "national_excluded_reason",
    "national_email_sent",
    "national_sms_sent",
    "national_survey_reaches",
    "national_fix_deadline",
)


def period_dates_out_of_range(period):
    """The dates of a :class:`national_rules.Period` outside DATE_MIN..DATE_MAX, as text; empty when none."""
    days = [period.start, period.end, period.study_right_start, period.study_right_end]
    if period.study_right_periods:
        days += [row[0] for row in period.study_right_periods]
    if period.interruptions:
        days += [day for row in period.interruptions for day in row]
    out = [day for day in days if day and not DATE_MIN <= day <= DATE_MAX]
    return ", ".join(map(str, out)) if out else ""


def _unreadable(error):
    return f"{type(error).__name__}: {error}"[:200]


def _facts(period):
    """(HOKS errors, exclusion reason, dates out of range) of one period; a period the rules cannot
    read is its own HOKS error ``data_unreadable``."""
    try:
        return national.hoks_errors(period), national.exclusion_reason(period), period_dates_out_of_range(period)
    except Exception as error:  # noqa: BLE001 - any bad value becomes a blocking rule, never a crash
        _logger.warning("national rules cannot read a period: %s", error)
        return [("data_unreadable", _unreadable(error))], None, ""


def judge(rows, periods, partners, to_judge, today):
    """The outcome and the issues of each agreement of ``to_judge``.

    :param rows: {agreement id: dict} with at least ``company_id``, ``student_ref``, ``name``,
        ``bundle_key``, ``bundling_date``, ``instructor_id`` and ``employer_id``: the agreements to judge
        and every bundle and HOKS mate of them
    :param periods: {agreement id: :class:`national_rules.Period`} of the same agreements
    :param partners: {partner id: dict with ``is_company`` and ``commercial_partner_id``} of their
        instructors and employers; with ``phone`` and ``redu_phone_verdict`` (the partner's stored
        :func:`national_rules.phone_problem` of its trimmed phone, ``"ok"`` for none), a number is not
        parsed again
    :param to_judge: the ids to return a verdict for
    :param today: the day of the verdict (the deadlines are compared with it)
    :return: ``(outcome, issues)``: {id: {OUTCOME_KEYS: value}} and {id: [(rule code, detail)]}
    """
    facts = {agreement_id: _facts(period) for agreement_id, period in periods.items()}
    # eHOKS: one rejected period rejects the student's whole HOKS
    rejected_by_student = defaultdict(list)
    for agreement_id, (errors, _reason, _out) in facts.items():
        row = rows[agreement_id]
        if errors and row["student_ref"]:
            rejected_by_student[row["company_id"], row["student_ref"]].append(row["name"])

    # per agreement, once: whether its HOKS is rejected (by its own period or another of the student's),
    # and its exclusion reason (a rejected HOKS is never stored, so eHOKS never reaches its exclusion step)
    rejected_ids = set()
    reasons = {}
    for agreement_id, row in rows.items():
        if facts[agreement_id][0] or (row["company_id"], row["student_ref"]) in rejected_by_student:
            rejected_ids.add(agreement_id)
            reasons[agreement_id] = None
        else:
            reasons[agreement_id] = facts[agreement_id][1]

    # the bundles: the contacts of the periods that reach the bundling
    members = defaultdict(list)
    for agreement_id, row in rows.items():
        if (
            row["bundle_key"]
            and row["bundling_date"]
            and agreement_id not in rejected_ids
            and not reasons[agreement_id]
            and not facts[agreement_id][2]
        ):
            members[row["bundle_key"], row["bundling_date"]].append(periods[agreement_id])
    outcome = {}
    issues = {}
    # one judgement per distinct email and phone string in this run (instructors serve many periods);
    # the phones judged already: the verdicts the partners keep with their number
    memo = {}
    for partner in partners.values():
        verdict = partner.get("redu_phone_verdict")
        if verdict and partner.get("phone"):
            memo["phone", national.java_trim(partner["phone"])] = None if verdict == "ok" else verdict
    for agreement_id in to_judge:
        try:
            outcome[agreement_id], issues[agreement_id] = _judge_one(
                rows[agreement_id],
                periods[agreement_id],
                partners,
                facts[agreement_id],
                agreement_id in rejected_ids,
                reasons[agreement_id],
                members,
                rejected_by_student,
                memo,
                today,
            )
        except Exception as error:  # noqa: BLE001 - any bad value becomes a blocking rule, never a crash
            _logger.warning("national rules cannot judge agreement %s: %s", agreement_id, error)
            outcome[agreement_id] = dict.fromkeys(OUTCOME_KEYS, False)
            outcome[agreement_id]["readiness"] = "blocked"
            issues[agreement_id] = [("data_unreadable", _unreadable(error))]
    return outcome, issues


def _judge_one(row, period, partners, facts, is_rejected, reason, members, rejected_by_student, memo, today):
    """(outcome, issues) of one agreement of the run."""
    own_errors, _reason, out_of_range = facts
    found = list(own_errors)
    if out_of_range:
        found.append(("date_out_of_range", out_of_range))
    if is_rejected and not found:
        others = rejected_by_student[row["company_id"], row["student_ref"]]
        found.append(("hoks_rejected_by_other_period", ", ".join(sorted(others))))
    if reason:
        found.append((f"excluded_{reason}", None))
    bundle = (row["bundle_key"], row["bundling_date"])
    is_member = bool(row["bundle_key"] and row["bundling_date"] and not is_rejected and not reason and not out_of_range)
    mates = members.get(bundle, []) if row["bundle_key"] else []
    if not is_member:
        # what the bundle would be once the period is fixed
        mates = [*mates, period]
    email_ok, sms_ok = _channels(period, mates, found, memo)
    if period.instructor_present:
        _attention(row, period, partners, found, memo)
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
    outcome = {
        "readiness": readiness,
        "national_hoks_rejected": is_rejected,
        "national_excluded_reason": reason or False,
        "national_email_sent": email_sent,
        "national_sms_sent": sms_sent,
        "national_survey_reaches": reaches,
        "national_fix_deadline": deadline or False,
    }
    return outcome, found


def _channels(period, mates, found, memo):
    """Whether the bundle's email and text message go out; adds the channel issues to ``found``.

    :param memo: a dict kept for one validation run: the verdict of each distinct string (emails, phones,
        instructor names)
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


def _attention(row, period, partners, found, memo):
    """Things the national system lets through that still deserve a look (REDU's own checks)."""
    instructor = partners.get(row["instructor_id"])
    employer = partners.get(row["employer_id"])
    name = " ".join((period.instructor_name or "").split())
    if name:
        not_person = memo.get(("name", name))
        if not_person is None:
            not_person = memo["name", name] = name_is_not_person(name)
        if instructor["is_company"] or not_person:
            found.append(("instructor_name_not_person", name))
    if employer and instructor["commercial_partner_id"] != employer["commercial_partner_id"]:
        found.append(("instructor_not_at_employer", None))
    if not period.qualification_code and any(code in ("email_mismatch", "phone_mismatch") for code, _d in found):
        # without the code, periods of other qualifications may share the predicted bundle
        found.append(("qualification_code_missing", None))
