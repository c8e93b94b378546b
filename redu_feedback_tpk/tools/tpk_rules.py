# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The national rules of the workplace survey (työpaikkakysely, TPK), pure Python (no ORM).

Ported from OPH's public code ``Opetushallitus/heratepalvelu`` at
ec371e2a4c51363986effdb642563529f8357553, cited as ``heratepalvelu path:line``. The exclusions
of a period from the instructor survey have their one home in
``redu_feedback_prep.tools.national_rules``; this module only adds what is specific to the TPK.
"""

import datetime
import re
import unicodedata

from dateutil.relativedelta import relativedelta

# heratepalvelu src/oph/heratepalvelu/util/string.clj:9-10: \p{InCombiningDiacriticalMarks}
_COMBINING_MARKS_RE = re.compile("[\u0300-\u036f]+")
# heratepalvelu src/oph/heratepalvelu/util/string.clj:19: Java's \W is ASCII-only ([^a-zA-Z0-9_])
_NON_WORD_RE = re.compile(r"\W+", re.ASCII)
# heratepalvelu src/oph/heratepalvelu/util/string.clj:20: ONE leading and ONE trailing "_"
_EDGE_UNDERSCORE_RE = re.compile(r"(^_|_$)")
# heratepalvelu src/oph/heratepalvelu/tpk/tpkNiputusHandler.clj:29-30: oppisopimuksen perusta "02"
ENTREPRENEUR_BASIS = "entrepreneur"

# why a period gets no TPK link, in the order they are checked
PROBLEM_ORDER = (
    "provider_missing",
    "workplace_name_missing",
    "business_id_missing",
    "business_id_invalid",
    "end_date_missing",
    "hoks_rejected",
    "excluded",
    "entrepreneur",
)


def collection_period(day):
    """The collection period (tiedonkeruukausi) of a period ending on ``day``: ``(start, end)``.

    heratepalvelu src/oph/heratepalvelu/tpk/tpkCommon.clj:6-16: months 1-6 -> 1.1.-30.6.,
    months 7-12 -> 1.7.-31.12.
    """
    if day.month <= 6:
        return datetime.date(day.year, 1, 1), datetime.date(day.year, 6, 30)
    return datetime.date(day.year, 7, 1), datetime.date(day.year, 12, 31)


def current_collection_period(today):
    """The collection period being processed on ``today``: the previous half-year while its answering
    window is open, else the running one (whose window comes next).

    heratepalvelu src/oph/heratepalvelu/tpk/tpkCommon.clj:18-32: the period of today minus 2 months.
    """
    return collection_period(today - relativedelta(months=2))


def answer_window(period_end_day):
    """The answering window of the collection period of a period ending on ``period_end_day``.

    heratepalvelu src/oph/heratepalvelu/tpk/tpkNiputusHandler.clj:52-59 (start: the first day of
    the next half-year) and :64-65 (end: start + 2 months - 1 day).
    """
    if period_end_day.month <= 6:
        start = datetime.date(period_end_day.year, 7, 1)
    else:
        start = datetime.date(period_end_day.year + 1, 1, 1)
    return start, start + relativedelta(months=2) - datetime.timedelta(days=1)


def normalize(value):
    """heratepalvelu src/oph/heratepalvelu/util/string.clj:5-21 (``normalize``).

    Accents removed (NFD then the combining marks dropped), every run of ASCII non-word characters
    becomes ``_``, one leading and one trailing ``_`` stripped, lower case.
    """
    value = unicodedata.normalize("NFD", value or "")
    value = _COMBINING_MARKS_RE.sub("", value)
    value = _NON_WORD_RE.sub("_", value)
    value = _EDGE_UNDERSCORE_RE.sub("", value)
    return value.lower()


def period_code(period_start, period_end):
    """``start_end`` as the key writes the collection period (ISO dates)."""
    return f"{period_start.isoformat()}_{period_end.isoformat()}"


def bundle_key(workplace_name, business_id, provider, end_day):
    """``normalised name/Y-tunnus/provider/period start_period end``.

    heratepalvelu src/oph/heratepalvelu/tpk/tpkNiputusHandler.clj:32-40 (``create-nippu-id``); the
    instructor is not part of the key.
    """
    start, end = collection_period(end_day)
    return f"{normalize(workplace_name)}/{business_id}/{provider}/{period_code(start, end)}"


def period_problem(
    provider,
    workplace_name,
    business_id,
    end_day,
    agreement_type="training_agreement",
    apprenticeship_basis=None,
    business_id_valid=True,
    hoks_rejected=False,
    exclusion=None,
):
    """Why a workplace period gets no TPK link (a key of :data:`PROBLEM_ORDER`), or None.

    heratepalvelu src/oph/heratepalvelu/tpk/tpkNiputusHandler.clj:20-30 (``jakso-valid-for-tpk?``):
    provider, workplace name, Y-tunnus and end date present, and not an apprenticeship whose basis is
    "02" (entrepreneur). The national ``tunnus`` (:28) exists only for a period that got the
    instructor survey: a period rejected with its HOKS or excluded (ehoks
    src/oph/ehoks/palaute/tyoelama.clj:67-96) has none, hence ``hoks_rejected`` and ``exclusion``.
    An invalid Y-tunnus makes eHOKS reject the HOKS (ehoks src/oph/ehoks/hoks/schema.clj:111-114).
    """
    if not provider:
        return "provider_missing"
    if not (workplace_name or "").strip():
        return "workplace_name_missing"
    if not business_id:
        return "business_id_missing"
    if not business_id_valid:
        return "business_id_invalid"
    if not end_day:
        return "end_date_missing"
    if hoks_rejected:
        return "hoks_rejected"
    if exclusion:
        return "excluded"
    if agreement_type == "apprenticeship" and apprenticeship_basis == ENTREPRENEUR_BASIS:
        return "entrepreneur"
    return None


def period_of_window_day(day):
    """The collection period ``(start, end)`` whose answering window contains ``day``, or None.

    Arvo's link is valid from the window start it was asked with (heratepalvelu
    src/oph/heratepalvelu/external/arvo.clj:284-295, ``vastaamisajan_alkupvm``), so a link's
    validity start tells its collection period.
    """
    if day.month <= 6:
        candidate_end = datetime.date(day.year - 1, 12, 31)
    else:
        candidate_end = datetime.date(day.year, 6, 30)
    window_start, window_end = answer_window(candidate_end)
    if window_start <= day <= window_end:
        return collection_period(candidate_end)
    return None
