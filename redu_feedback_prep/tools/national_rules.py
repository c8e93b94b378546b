# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The national working-life feedback rules, ported from OPH's public code.

Pure Python (no ORM): the validation of ``redu.workplace.agreement``, the fix
wizard, the transfer export and the tests call these functions, so that every
rule has one home. Each rule cites the code it ports, ``repo path:line`` at

- ``Opetushallitus/ehoks`` 2a04d34f61bb0705bd318568cc0e3100feb8fdf6 (HOKS schema,
  survey exclusions, bundle key, dates), written ``ehoks`` below;
- ``Opetushallitus/heratepalvelu`` ec371e2a4c51363986effdb642563529f8357553
  (email and SMS sending), written ``heratepalvelu`` below.

A *period* here is a :class:`Period`: the workplace period of one agreement as
eHOKS would receive it, with the values exactly as stored (not normalised).
"""

import datetime
import operator
import re
from dataclasses import dataclass, field

import phonenumbers

from odoo.tools.mail import email_split_tuples

# ---------------------------------------------------------------- constants
# ehoks src/oph/ehoks/hoks/osaamisen_hankkimistapa.clj:47-50: Y-tunnus required after this day
BUSINESS_ID_REQUIRED_AFTER = datetime.date(2021, 8, 25)
# ehoks src/oph/ehoks/hoks/osaamisen_hankkimistapa.clj:60-67: part-time required after this day
PART_TIME_REQUIRED_AFTER = datetime.date(2023, 6, 30)
# ehoks src/oph/ehoks/hoks/schema.clj:290-297: apprenticeship basis required from this day
APPRENTICESHIP_BASIS_REQUIRED_FROM = datetime.date(2021, 7, 1)
# ehoks src/oph/ehoks/hoks/schema.clj:340-344
MAX_PERIOD_YEARS = 5
# ehoks src/oph/ehoks/hoks/schema.clj:192-196
PHONE_MAX_LENGTH = 256
PHONE_HOKS_RE = re.compile(r"[-+0-9() ]*")
# ehoks src/oph/ehoks/hoks/schema.clj:111-114
BUSINESS_ID_RE = re.compile(r"[0-9]{7}-[0-9]")
BUSINESS_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2)
# ehoks src/oph/ehoks/hoks/schema.clj:309-316: a study right whose latest state is none of these
# no longer binds the period to its start and estimated end
STUDY_RIGHT_BINDING_STATES = frozenset({"valmistunut", "lasna", "valiaikaisestikeskeytynyt"})
# ehoks src/oph/ehoks/opiskeluoikeus.clj:9-11 (valmistunut is not terminal here)
TERMINAL_STATES = frozenset({"eronnut", "katsotaaneronneeksi", "mitatoity", "peruutettu", "valiaikaisestikeskeytynyt"})
# ehoks src/oph/ehoks/palaute.clj:158-166
EXTERNAL_FUNDING_CODES = frozenset({"6", "14", "15"})
# ehoks src/oph/ehoks/opiskeluoikeus/suoritus.clj:6-13: the suoritus types of the vocational survey
VOCATIONAL_TYPES = frozenset(
    {
        "ammatillinentutkinto",
        "ammatillinentutkintoosittainen",
        "ammatillinentutkintoosittainenuseastatutkinnosta",
    }
)
# ehoks src/oph/ehoks/opiskeluoikeus/suoritus.clj:15-18
TELMA_TYPES = frozenset({"telma"})
# heratepalvelu src/oph/heratepalvelu/common.clj:369
SMS_TYPES = frozenset({phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE})
# the Java whitespace that clojure.string/trim keeps (Character.isWhitespace is false for these)
_JAVA_NON_WHITESPACE = "\u00a0\u2007\u202f"

# exclusions that mean the data are wrong (a fix brings the period back) rather than that the
# period is rightly outside the survey (ehoks src/oph/ehoks/palaute.clj:21-28: ei_laheteta is re-evaluated
# on every save of the HOKS)
FIXABLE_EXCLUSIONS = frozenset({"workplace_data_missing", "part_time_missing", "interrupted"})


def java_trim(value):
    """``clojure.string/trim`` (eHOKS trims every plain string field at input).

    ehoks src/oph/ehoks/common/schema.clj:70-85 (trim-strings-matcher)
    """
    if value is None or value is False:
        return None
    if not value or not (value[0].isspace() or value[-1].isspace()):
        return value  # nothing to trim (most values): no loop
    start, end = 0, len(value)
    while start < end and value[start].isspace() and value[start] not in _JAVA_NON_WHITESPACE:
        start += 1
    while end > start and value[end - 1].isspace() and value[end - 1] not in _JAVA_NON_WHITESPACE:
        end -= 1
    return value[start:end]


# -------------------------------------------------------------- the period
@dataclass(slots=True)
class Period:
    """One workplace period with the values eHOKS receives; ``None`` = missing.

    With slots: a validation builds one per agreement and the rules read its attributes many times.
    """

    agreement_type: str = "training_agreement"  # or "apprenticeship"
    start: datetime.date | None = None
    end: datetime.date | None = None
    instructor_present: bool = True
    instructor_name: str | None = None
    instructor_email: str | None = None
    instructor_phone: str | None = None
    workplace_name: str | None = None
    business_id: str | None = None
    part_time: int | None = None
    apprenticeship_basis: str | None = None
    study_type: str | None = "ammatillinentutkinto"
    study_right_start: datetime.date | None = None
    study_right_end: datetime.date | None = None
    # (start, state, funding code) of the study right's periods (Koski opiskeluoikeusjaksot)
    study_right_periods: list = field(default_factory=list)
    # (start, end or None) of the interruptions (keskeytymisajanjaksot)
    interruptions: list = field(default_factory=list)
    tuva_related: bool = False
    study_right_linked: bool = False
    provider_oid: str | None = None
    qualification_code: str | None = None

    @property
    def workplace_block_present(self):
        """Whether the HOKS period has a tyopaikalla-jarjestettava-koulutus block at all."""
        return bool(self.instructor_present or self.workplace_name or self.business_id)


# ------------------------------------------------------------ HOKS schema
def business_id_accepted(value):
    """True when eHOKS accepts the Y-tunnus exactly as written (not trimmed).

    ehoks src/oph/ehoks/hoks/schema.clj:74-93, 111-114: ``^[0-9]{7}-[0-9]$`` and the check digit
    (weights 7, 9, 10, 5, 8, 4, 2; remainder 0 gives 0, remainder 1 is never valid, else 11 - r).
    """
    if not value or not BUSINESS_ID_RE.fullmatch(value):
        return False
    remainder = sum(map(operator.mul, map(int, value[:7]), BUSINESS_ID_WEIGHTS)) % 11
    if remainder == 1:
        return False
    return (0 if remainder == 0 else 11 - remainder) == int(value[-1])


def phone_accepted_by_hoks(value):
    """True when eHOKS accepts the phone: characters ``-+0-9() `` only, at most 256.

    ehoks src/oph/ehoks/hoks/schema.clj:192-196 (the value is trimmed first, schema.clj via
    src/oph/ehoks/common/schema.clj:70-85).
    """
    value = java_trim(value)
    return value is None or (len(value) <= PHONE_MAX_LENGTH and bool(PHONE_HOKS_RE.fullmatch(value)))


def latest_state(period):
    """The state of the study-right period with the greatest start (ehoks src/oph/ehoks/opiskeluoikeus.clj:13-21)."""
    if not period.study_right_periods:
        return None
    return max(period.study_right_periods, key=lambda row: row[0])[1]


def state_on(period, day):
    """(state, funding code) of the study-right period in force on ``day``, or (None, None).

    ehoks src/oph/ehoks/opiskeluoikeus.clj:69-87: the period with the greatest start on or before the day
    (of periods starting the same day, the last one listed).
    """
    found, found_start = None, None
    for row in period.study_right_periods:
        start = row[0]
        # ">=": of the periods starting the same day, the last one listed
        if start and start <= day and (found_start is None or start >= found_start):
            found, found_start = row, start
    if found is None:
        return None, None
    return found[1], found[2]


def hoks_errors(period):
    """The reasons eHOKS answers 400 to a HOKS with this period: list of ``(code, detail)``.

    One rejected period rejects the whole HOKS (ehoks src/oph/ehoks/hoks/handler.clj:207-232: the body
    is validated as one schema before anything is saved); the caller spreads it to the student's
    other periods.
    """
    return [
        *_workplace_errors(period),
        *_required_data_errors(period),
        *_date_errors(period),
        *_interruption_errors(period),
    ]


def _workplace_errors(period):
    errors = []
    # ehoks src/oph/ehoks/hoks/schema.clj:211-232: inside the workplace block the instructor (with a
    # name) and the workplace name are required; the block itself is optional
    if period.workplace_block_present:
        if not period.instructor_present:
            errors.append(("instructor_missing", None))
        elif period.instructor_name is None:
            errors.append(("instructor_name_missing", None))
        if period.workplace_name is None:
            errors.append(("workplace_name_missing", None))
    # ehoks src/oph/ehoks/hoks/schema.clj:192-196
    if period.instructor_present and not phone_accepted_by_hoks(period.instructor_phone):
        errors.append(("phone_rejected_by_hoks", period.instructor_phone))
    # ehoks src/oph/ehoks/hoks/schema.clj:111-114 (any Y-tunnus given must be valid)
    if period.business_id is not None and not business_id_accepted(period.business_id):
        errors.append(("business_id_invalid", period.business_id))
    # ehoks src/oph/ehoks/hoks/osaamisen_hankkimistapa.clj:47-58, schema.clj:357-358
    elif (
        period.business_id is None
        and period.end
        and period.end > BUSINESS_ID_REQUIRED_AFTER
        and period.workplace_block_present
    ):
        errors.append(("business_id_missing", None))
    return errors


def _required_data_errors(period):
    errors = []
    end = period.end
    # ehoks src/oph/ehoks/hoks/schema.clj:280-288 and palaute.clj:179-186 (TELMA study rights exempt)
    if (
        end
        and end > PART_TIME_REQUIRED_AFTER
        and period.study_type not in TELMA_TYPES
        and not (period.part_time and 1 <= period.part_time <= 100)
    ):
        errors.append(("part_time_missing", period.part_time))
    # ehoks src/oph/ehoks/hoks/schema.clj:290-297
    if (
        period.agreement_type == "apprenticeship"
        and end
        and end >= APPRENTICESHIP_BASIS_REQUIRED_FROM
        and not period.apprenticeship_basis
    ):
        errors.append(("apprenticeship_basis_missing", None))
    return errors


def _date_errors(period):
    start, end = period.start, period.end
    # ehoks src/oph/ehoks/hoks/schema.clj:380-385: start and end are required dates
    if not start or not end:
        return [(code, None) for code, value in (("start_date_missing", start), ("end_date_missing", end)) if not value]
    # ehoks src/oph/ehoks/hoks/schema.clj:299-302 (same day allowed)
    if end < start:
        return [("dates_invalid", f"{start} - {end}")]
    # ehoks src/oph/ehoks/hoks/schema.clj:340-344 (exactly five years allowed; Feb 29 -> Feb 28
    # as Java's plusYears and dateutil's relativedelta both do)
    if end > _add_years(start, MAX_PERIOD_YEARS):
        return [("period_too_long", f"{start} - {end}")]
    # ehoks src/oph/ehoks/hoks/schema.clj:309-338: inside the study right, unless its latest state
    # is other than valmistunut, lasna or valiaikaisestikeskeytynyt
    state = latest_state(period)
    if state is not None and state not in STUDY_RIGHT_BINDING_STATES:
        return []
    if period.study_right_start and start < period.study_right_start:
        return [("period_outside_study_right", f"{start} < {period.study_right_start}")]
    if period.study_right_end and end > period.study_right_end:
        return [("period_outside_study_right", f"{end} > {period.study_right_end}")]
    return []


def _interruption_errors(period):
    # ehoks src/oph/ehoks/hoks/schema.clj:270-278, 440-447: interruptions may not overlap; every one
    # but the last must end strictly before the next one starts
    if len(period.interruptions) < 2:
        return []  # nothing to overlap (most periods): no sort
    ordered = sorted(period.interruptions, key=lambda row: row[0] or datetime.date.min)
    for current, following in zip(ordered, ordered[1:], strict=False):
        if not current[1] or not current[1] < following[0]:
            return [("interruptions_overlap", f"{current[0]} - {current[1] or ''} / {following[0]}")]
    return []


def _add_years(day, years):
    """``day`` plus ``years`` (>= 0) as Java's plusYears: Feb 29 -> Feb 28 in a common year; past
    the calendar's last year, its last day. ``date.replace``, not relativedelta: this runs for every
    agreement of a validation, and relativedelta's arithmetic is ten times as slow."""
    year = day.year + years
    if year > datetime.MAXYEAR:
        return datetime.date.max
    try:
        return day.replace(year=year)
    except ValueError:  # Feb 29, the target year is not a leap year
        return day.replace(year=year, day=28)


# -------------------------------------------------------------- exclusions
def interrupted_on_end(period):
    """An interruption covers the end date, both ends inclusive (ehoks src/oph/ehoks/palaute/tyoelama.clj:56-65)."""
    end = period.end
    return bool(end) and any(
        start and start <= end and (not stop or end <= stop) for start, stop in period.interruptions
    )


def terminal_on(period, day):
    """ehoks src/oph/ehoks/opiskeluoikeus.clj:89-100: terminal on the day and on the day before."""
    if not period.study_right_periods:
        return False  # no state on any day
    # the first day of the calendar has no day before: itself stands for it (a date out of range)
    previous = day - datetime.timedelta(days=1) if day > datetime.date.min else day
    return state_on(period, day)[0] in TERMINAL_STATES and state_on(period, previous)[0] in TERMINAL_STATES


def exclusion_reason(period):
    """The first reason, in OPH's order, why the period gets no survey; None when it does.

    ehoks src/oph/ehoks/palaute/tyoelama.clj:67-96 then src/oph/ehoks/palaute.clj:188-229. Left out
    as they do not apply to a prediction made here: the period removed, already handled, owned by
    herätepalvelu, the study right not found in Koski, and the funding-period check
    (palaute.clj:198-199), which only bites a period handled after 30 June of its funding year and is
    part of :func:`structural_deadline`.
    """
    end = period.end
    if not end:
        return None  # tyoelama.clj:80-81: no palaute at all (and the HOKS is rejected)
    # tyoelama.clj:85-86, osaamisen_hankkimistapa.clj:37-45 (no date cutoff)
    if not (period.instructor_present and period.workplace_name and period.business_id):
        return "workplace_data_missing"
    # tyoelama.clj:88-89, osaamisen_hankkimistapa.clj:60-67 (no TELMA exemption at this step)
    if end > PART_TIME_REQUIRED_AFTER and not (period.part_time and 1 <= period.part_time <= 100):
        return "part_time_missing"
    # tyoelama.clj:91-92
    if interrupted_on_end(period):
        return "interrupted"
    # palaute.clj:201-202, hoks.clj:24-27
    if period.tuva_related:
        return "tuva_related"
    # palaute.clj:213-217: no vocational suoritus, or a TELMA one (same reason keyword)
    if period.study_type not in VOCATIONAL_TYPES:
        return "not_vocational"
    # palaute.clj:219-220
    if terminal_on(period, end):
        return "study_right_ended"
    # palaute.clj:222-223
    if state_on(period, end)[1] in EXTERNAL_FUNDING_CODES:
        return "external_funding"
    # palaute.clj:225-226 (a TUVA study right has no vocational suoritus, so not_vocational comes
    # first for our single study type; kept for the order's sake)
    if period.study_type == "tuva":
        return "tuva_study_right"
    # palaute.clj:228-229 (sisältyyOpiskeluoikeuteen)
    if period.study_right_linked:
        return "linked_study_right"
    return None


# ------------------------------------------------------------------ bundles
def bundling_date(day):
    """First day of the month after ``day`` (ehoks src/oph/ehoks/palaute/tyoelama.clj:45-54); None past 9999."""
    if not day or (day.year == datetime.MAXYEAR and day.month == 12):
        return None
    return datetime.date(day.year + 1, 1, 1) if day.month == 12 else datetime.date(day.year, day.month + 1, 1)


def bundle_key(instructor_name, business_id, provider_oid, qualification_code):
    """``"name/Y-tunnus/provider OID/qualification"`` (ehoks src/oph/ehoks/palaute/tyoelama/nippu.clj:5-30).

    The name as eHOKS stores it: trimmed at input, case and inner spaces kept; the rest raw.
    A bundle is one key on one bundling date (ehoks src/oph/ehoks/db/dynamodb.clj:56-59).
    """
    return "/".join(
        value or ""
        for value in (
            java_trim(instructor_name),
            business_id,
            provider_oid,
            qualification_code,
        )
    )


def bundle_values(values):
    """The distinct non-missing values of a bundle, as eHOKS stores them (trimmed).

    heratepalvelu src/oph/heratepalvelu/tep/tepCommon.clj:38-43 (``reduce-common-value``): the bundle
    has a value only when exactly one distinct value remains; missing is ``None`` (Odoo's False),
    an empty string counts as a value.
    """
    return {java_trim(value) for value in values if value is not None and value is not False}


# -------------------------------------------------------------------- SMS
def parse_phone(value):
    """``phonenumbers`` parse in region FI, or None."""
    try:
        return phonenumbers.parse(value, "FI")
    except phonenumbers.NumberParseException:
        return None


def _phone_verdict(value):
    """(number, type) of a phone string parsed in region FI; type UNKNOWN when not a valid number.

    ``number_type`` is UNKNOWN exactly when ``is_valid_number`` is False (both match the number
    against the metadata of its region), so one call answers both.
    """
    number = parse_phone(value)
    if not number:
        return None, phonenumbers.PhoneNumberType.UNKNOWN
    return number, phonenumbers.number_type(number)


def valid_finnish_number(value):
    """heratepalvelu src/oph/heratepalvelu/common.clj:367-386 ``valid-finnish-number?``.

    Parsed in region FI; no letters; a valid number; country code 358; type MOBILE or
    FIXED_LINE_OR_MOBILE. (Åland shares 358; its landlines fail the type.)
    """
    return phone_problem(value) is None if value else False


def phone_problem(value):
    """Why a single phone string cannot receive the survey SMS, or None when it can.

    ``"missing"``, ``"rejected_by_hoks"`` (eHOKS refuses the HOKS), ``"invalid"`` (no number, or
    letters in it), ``"not_finnish"`` (a valid number of another country), ``"not_mobile"`` (a Finnish
    landline or service number).
    """
    if value is None or value is False:
        return "missing"
    if not phone_accepted_by_hoks(value):
        return "rejected_by_hoks"
    if any(char.isalpha() for char in value):
        return "invalid"
    number, number_type = _phone_verdict(java_trim(value))
    if number_type == phonenumbers.PhoneNumberType.UNKNOWN:
        return "invalid"
    if number.country_code != 358:
        return "not_finnish"
    if number_type not in SMS_TYPES:
        return "not_mobile"
    return None


def phone_e164(value):
    """The number in E.164 (``+358401234567``) when it is a valid number, else None."""
    number = parse_phone(java_trim(value) or "")
    if number and phonenumbers.is_valid_number(number):
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return None


# ------------------------------------------------------------------ email
# a plain ASCII address: nothing in it that Odoo's parser could read as a name or a second address
_PLAIN_ADDRESS_RE = re.compile(
    r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~\-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~\-]+)*@[A-Za-z0-9.\-]+"
)
_LOCAL_ATOM_RE = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~\-\u0080-\U0010ffff]+")
_DOMAIN_LABEL_RE = re.compile(r"(?!-)[A-Za-z0-9\-\u0080-\U0010ffff]{1,63}(?<!-)")
_TLD_RE = re.compile(r"[A-Za-z\u0080-\U0010ffff]{2,63}|xn--[A-Za-z0-9\-]{2,59}")


def email_deliverable(value):
    """True when ``value`` is exactly one mailbox address, as written, that mail can be sent to.

    The national system sends to the raw string without any check (heratepalvelu
    src/oph/heratepalvelu/tep/emailHandler.clj:30-49); this predicts delivery. Odoo's parser
    (``email_split_tuples``) must find exactly this address and no display name, so that no other
    address is ever read into it (``matti meikalainen@firma.fi`` is not ``meikalainen@firma.fi``);
    the local part is an RFC 5322 dot-atom, with the UTF-8 of RFC 6531 (``pää.käyttäjä@…``) and
    apostrophes (``o'brien@…``); the domain has at least two labels and may be an IDN.
    """
    value = java_trim(value)
    if not value or len(value) > 254 or value.count("@") != 1:
        return False
    if not _PLAIN_ADDRESS_RE.fullmatch(value):
        pairs = email_split_tuples(value)
        if len(pairs) != 1 or pairs[0][0] or pairs[0][1] != value:
            return False
    local, domain = value.split("@")
    if not local or len(local) > 64 or any(not _LOCAL_ATOM_RE.fullmatch(atom) for atom in local.split(".")):
        return False
    labels = domain.split(".")
    return (
        len(labels) >= 2
        and all(_DOMAIN_LABEL_RE.fullmatch(label) for label in labels)
        and bool(_TLD_RE.fullmatch(labels[-1]))
    )


# ---------------------------------------------------------------- deadlines
def answer_period_end(trigger_day, start):
    """``vastaamisajan-loppupvm``: min(trigger day + 59, start + 29) (ehoks src/oph/ehoks/palaute.clj:86-92)."""
    try:
        return min(trigger_day + datetime.timedelta(days=59), start + datetime.timedelta(days=29))
    except OverflowError:
        return None


def last_answer_day(end):
    """The period's last answer day, counted from its bundling date.

    ehoks src/oph/ehoks/palaute/tyoelama.clj:205-206: min(end + 59 days, first of next month + 29 days).
    """
    start = bundling_date(end)
    return answer_period_end(end, start) if start else None


def contact_deadline(end):
    """Last day to fix the instructor's contact details: the day before the end date.

    The period is handled by the first scheduler run with ``heratepvm <= now()`` (ehoks
    src/oph/ehoks/db/sql/palaute.sql:28-47, scheduler every 5 minutes), i.e. just after midnight of the
    end date, and the contacts are copied then and never again (ehoks
    src/oph/ehoks/palaute/tyoelama.clj:163-206, palaute.clj:21-28).
    """
    if not end or end == datetime.date.min:
        return None
    return end - datetime.timedelta(days=1)


def structural_deadline(end):
    """Last day a fix of a rejected or wrongly excluded period still gets it surveyed.

    A fixed HOKS is handled on the day D it is saved and bundled on the first of the next month
    (ehoks src/oph/ehoks/palaute/handling.clj:50); herätepalvelu drops a period whose last answer day is
    before its bundling day (heratepalvelu src/oph/heratepalvelu/tep/niputusHandler.clj:198-213). So the
    last D has bundling_date(D) <= last answer day: the day before the first of the last answer day's
    month. Never after 30 June of the funding period of the end date (ehoks src/oph/ehoks/palaute.clj:30-42,
    198-199), which the first bound already implies.
    """
    last = last_answer_day(end)
    if not last:
        return None
    funding_end = datetime.date(end.year if end.month < 7 else end.year + 1, 6, 30) if end.year < 9999 else last
    return min(last.replace(day=1) - datetime.timedelta(days=1), funding_end)
