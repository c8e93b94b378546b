# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The records of Arvo's provider export API v1 (``/api/export/v1/``), pure Python (no ORM).

The authority is Arvo's own code (Opetushallitus/arvo), read through the search index:

* the routes, ns ``arvo.rest-api.export`` (``src/clj/arvo/rest_api/export.clj``): ``/kyselykerrat``,
  ``/kysymykset``, ``/monivalintavaihtoehdot`` answer ``{"data": [...]}``; ``/vastaukset`` (keyed by
  ``vastausid``), ``/vastaajat`` (by ``vastaajaid``) and ``/kohteet`` (by ``vastaajatunnusid``) answer
  ``{"data": [...], "pagination": {"next_url": ...}}`` and take ``since`` and ``limit``;
  ``muunna-vastaajatiedot-v1-schemaan`` renames the taustatiedot key ``toimipiste`` to ``toimipaikka``;
* the schemas, ns ``arvo.schema.export`` (``src/clj/arvo/schema/export.clj``): ``Kyselykerta``,
  ``Vastaus``, ``Kysymyskategoria`` (``rahoitusmallikysymys``, ``teema``, ``min``, ``max``),
  ``Kysymys``, ``Vastaajatunnus``, ``Monivalintavaihtoehto``;
* the pagination, ns ``arvo.util`` ``paginated-response``: ``next_url`` is the same URL with
  ``since`` = the key of the page's last record, and ``null`` when the page is not full.

Lines, as the code index stores those files (Opetushallitus/arvo cannot be fetched here; its files are
found by their text): ``src/clj/arvo/rest_api/export.clj:21-23`` (``muunna-vastaajatiedot-v1-schemaan``),
``:28`` (``api-location "/api/export/v1/"``), ``:59-72`` (``/vastaukset``: ``since``, ``limit`` up to
the server's ``api-page-length``, ``paginated-response`` keyed by ``:vastausid``), ``:91-108``
(``/kohteet``: ``nayta_vastaamattomat``, keyed by ``:vastaajatunnusid``; its next URL keeps ``limit``
only); ``src/clj/arvo/util.clj:22-29`` (``paginated-response``: ``next_url`` only when the page is
full, ``nil`` otherwise, HTTP 404 without data; an older version of the file answers the string
``"null"``, which ``next_url`` below reads as the last page too).

What a working-life feedback response code carries in its ``taustatiedot`` is what OPH's
herätepalvelu sends when it creates it (Opetushallitus/heratepalvelu, lines of commit ec371e2;
its own test cases are the fixture ``tests/fixtures/kohteet_heratepalvelu.json``:
``test/oph/heratepalvelu/external/arvo_test.clj:234-284`` and ``:432-452``):
``src/oph/heratepalvelu/external/arvo.clj:176-220`` (``build-jaksotunnus-request-body``, the
instructor survey's period code) and ``:284-295`` (``build-tpk-request-body``, the workplace survey).
"""

import datetime
import json

from odoo.addons.redu_base.tools.business_id import normalize_business_id

# heratepalvelu src/oph/heratepalvelu/util/string.clj:5-21 (``normalize``): ``tyopaikka_normalisoitu``, the
# one implementation of the addons (redu_feedback_tpk's bundle key)
from odoo.addons.redu_feedback_tpk.tools.tpk_rules import normalize as normalize_name

# the endpoints in the order an import reads them: the answers refer to the questions and the codes
ENDPOINTS = ("kyselykerrat", "kysymykset", "kohteet", "vastaukset")
# the paginated ones (ns arvo.rest-api.export, routes /kohteet and /vastaukset: :since, :limit)
PAGINATED = ("kohteet", "vastaukset")
# the key of each kind (the ``since`` of the paginated ones: ns arvo.util paginated-response)
ID_KEYS = {
    "kyselykerrat": "kyselykertaid",
    "kysymykset": "kysymysid",
    "kohteet": "vastaajatunnusid",
    "vastaukset": "vastausid",
}
# the survey types of the working-life feedback (arvo.schema.export kysely-tyyppi)
SURVEY_TYPES = ("tyopaikkaohjaajakysely", "tyopaikkakysely")
# the answer types that are scores (arvo.schema.export kysymys-vastaustyyppi)
SCORE_TYPES = (
    "arvosana",
    "arvosana4_ja_eos",
    "arvosana6_ja_eos",
    "arvosana6",
    "asteikko5_1",
    "likert_asteikko",
    "arvosana7",
)
MAX_TEXT = 10000


class ArvoFormatError(ValueError):
    """The data is not in the shape of Arvo's export."""


def business_id_key(value):
    """``tyonantaja`` (heratepalvelu external/arvo.clj:186, the workplace's Y-tunnus) normalised the one
    way the addons do (redu_base tools/business_id.py); None when it is not a Y-tunnus."""
    try:
        return normalize_business_id(value)
    except ValueError:
        return None


def _text(value, limit=MAX_TEXT):
    if value is None:
        return None
    if not isinstance(value, str):
        value = str(value)
    value = value.strip()
    return value[:limit] or None


def _int(value):
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value.strip())
    return None


def _number(value):
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return float(value)
    try:
        return float(str(value).replace(",", "."))
    except ValueError:
        return None


def _date(value):
    """An ISO date (``2022-03-01``) or the date of an ISO timestamp; None otherwise.

    The export converts the dates in the database (arvo.schema.export ``;muunnetaan kannassa``) and
    heratepalvelu sends ISO dates (test/oph/heratepalvelu/external/arvo_test.clj:244-245).
    """
    if not value or not isinstance(value, str):
        return None
    try:
        return datetime.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def _last_part(value):
    """The code after the last ``_`` (heratepalvelu external/arvo.clj:194-198: ``tutkinnon_osa`` is the
    koodi's last part, e.g. ``tutkinnonosat_106915`` → ``106915``)."""
    value = _text(value, 200)
    return value.rsplit("_", 1)[-1].lower() if value else None


def records(body):
    """The records of one response body: ``{"data": [...]}`` (every route of ns arvo.rest-api.export
    answers ``{:data [...]}``) or a bare list (the older routes answered ``[Kysymys]``)."""
    if isinstance(body, dict):
        body = body.get("data")
    if not isinstance(body, list) or not all(isinstance(row, dict) for row in body):
        raise ArvoFormatError("not a list of records")
    return body


def next_url(body):
    """``pagination.next_url`` of a paginated body (ns arvo.util ``paginated-response``: the same URL
    with ``since`` = the last key; ``null`` on the last page)."""
    if isinstance(body, dict):
        pagination = body.get("pagination") or {}
        if isinstance(pagination, dict):
            url = pagination.get("next_url")
            if isinstance(url, str) and url and url != "null":
                return url
    return None


def kind_of(row):
    """Which endpoint a record comes from, by its keys (arvo.schema.export)."""
    if "vastausid" in row:
        return "vastaukset"
    if "vastaajatunnusid" in row and "taustatiedot" in row:
        return "kohteet"
    if "kysymysid" in row and "vastaustyyppi" in row:
        return "kysymykset"
    if "kyselykertaid" in row and "kysely_tila" in row:
        return "kyselykerrat"
    return None


def split_file(content):
    """A saved export file as ``{endpoint: [records]}``.

    A file is either one response body of an endpoint (its kind read from its records) or an
    object keyed by the endpoint names, each holding a response body or a list (several saved
    responses in one file).
    """
    try:
        data = json.loads(content)
    except (ValueError, UnicodeDecodeError) as error:
        raise ArvoFormatError("not JSON") from error
    parts = {}
    if isinstance(data, dict) and any(key in data for key in ENDPOINTS):
        for key in ENDPOINTS:
            if key in data:
                parts[key] = records(data[key])
        return parts
    rows = records(data)
    for row in rows:
        kind = kind_of(row)
        if kind is None:
            raise ArvoFormatError("a record of an unknown kind")
        parts.setdefault(kind, []).append(row)
    return parts


def parse_survey(row):
    """A ``Kyselykerta`` (arvo.schema.export ``Kyselykerta``: kyselykertaid, kyselyid, tyyppi,
    kysely_fi, kyselykerta, kyselykerta_vuosi, koulutustoimija)."""
    arvo_id = _int(row.get("kyselykertaid"))
    if arvo_id is None:
        raise ArvoFormatError("kyselykertaid missing")
    return {
        "arvo_id": arvo_id,
        "survey_ref": _int(row.get("kyselyid")),
        "survey_type": _text(row.get("tyyppi"), 100),
        "name": _text(row.get("kyselykerta"), 500) or _text(row.get("kysely_fi"), 500) or str(arvo_id),
        "survey_name": _text(row.get("kysely_fi"), 500),
        "year": _text(row.get("kyselykerta_vuosi"), 10),
        "provider_business_id": _text(row.get("koulutustoimija"), 20),
    }


def parse_question(row):
    """A ``Kysymys`` with its ``kategoria`` (arvo.schema.export ``Kysymys``, ``Kysymyskategoria``:
    ``rahoitusmallikysymys`` marks the questions that count in the funding model, ``teema`` the theme,
    ``min``/``max`` the scale)."""
    arvo_id = _int(row.get("kysymysid"))
    if arvo_id is None:
        raise ArvoFormatError("kysymysid missing")
    category = row.get("kategoria") if isinstance(row.get("kategoria"), dict) else {}
    answer_type = _text(row.get("vastaustyyppi"), 50)
    return {
        "arvo_id": arvo_id,
        "name": _text(row.get("kysymys_fi"), 1000) or _text(row.get("kysymys_sv"), 1000) or str(arvo_id),
        "group_name": _text(row.get("kysymysryhma_fi"), 500),
        "answer_type": answer_type,
        "is_score": answer_type in SCORE_TYPES,
        "funding_model": category.get("rahoitusmallikysymys") is True,
        "theme": _text(category.get("teema"), 200),
        "scale_max": _int(category.get("max")),
        "sequence": _int(row.get("jarjestys")) or 0,
    }


def parse_target(row):
    """A response code with its background data (arvo.schema.export ``Vastaajatunnus``: vastaajatunnusid,
    kyselykertaid, vastaajatunnus, vastaajaid, taustatiedot, vastaajatunnus_alkupvm/_loppupvm).

    The taustatiedot of the working-life feedback are those herätepalvelu sends
    (heratepalvelu src/oph/heratepalvelu/external/arvo.clj):
    ``tyonantaja`` the Y-tunnus (:186), ``tyopaikka`` (:187), ``tyopaikka_normalisoitu`` (:188),
    ``tutkintotunnus`` (:189-193), ``tutkinnon_osa`` the code's last part (:194-198),
    ``paikallinen_tutkinnon_osa`` (:199), ``tyopaikkajakson_alkupvm``/``_loppupvm`` (:204-205),
    ``sopimustyyppi`` the last part of the hankkimistapa (:208-211), ``oppilaitos_oid`` (:218),
    ``toimipiste_oid`` (:219); the workplace survey's code has ``tyonantaja``, ``tyopaikka``,
    ``tyopaikka_normalisoitu`` and ``vastaamisajan_alkupvm``/``_loppupvm`` (:284-295).
    """
    arvo_id = _int(row.get("vastaajatunnusid"))
    if arvo_id is None:
        raise ArvoFormatError("vastaajatunnusid missing")
    background = row.get("taustatiedot") if isinstance(row.get("taustatiedot"), dict) else {}
    workplace = _text(background.get("tyopaikka"), 500)
    normalized = _text(background.get("tyopaikka_normalisoitu"), 500) or (
        normalize_name(workplace) if workplace else None
    )
    business_id = _text(background.get("tyonantaja"), 30)
    return {
        "arvo_id": arvo_id,
        "survey_arvo_id": _int(row.get("kyselykertaid")),
        "code": _text(row.get("vastaajatunnus"), 100) or str(arvo_id),
        "respondent_ref": _int(row.get("vastaajaid")),
        "business_id": business_id,
        "business_id_key": business_id_key(business_id) if business_id else None,
        "workplace_name": workplace,
        "workplace_normalized": normalized,
        "qualification_code": _text(background.get("tutkintotunnus"), 50),
        "qualification_unit": _last_part(background.get("tutkinnon_osa")),
        "local_unit": _text(background.get("paikallinen_tutkinnon_osa"), 500),
        "period_start": _date(background.get("tyopaikkajakson_alkupvm")),
        "period_end": _date(background.get("tyopaikkajakson_loppupvm")),
        "contract_type": _text(background.get("sopimustyyppi"), 50),
        "institution_oid": _text(background.get("oppilaitos_oid"), 100),
        # v1 keeps ``toimipiste`` as ``toimipaikka`` (ns arvo.rest-api.export muunna-vastaajatiedot-v1-schemaan)
        "office_oid": _text(background.get("toimipiste_oid") or background.get("toimipaikka"), 100),
        "valid_from": _date(row.get("vastaajatunnus_alkupvm")),
        "valid_to": _date(row.get("vastaajatunnus_loppupvm")),
        # the workplace survey's collection period (heratepalvelu external/arvo.clj:293
        # ``tiedonkeruu_alkupvm``; test/oph/heratepalvelu/external/arvo_test.clj:432-452): the bundle's
        "collection_start": _date(background.get("tiedonkeruu_alkupvm")),
    }


def parse_answer(row):
    """A ``Vastaus`` (arvo.schema.export ``Vastaus``: vastausid, vastaajatunnusid, vastaajaid, kysymysid,
    vastausaika, ``numerovalinta`` a number, ``vapaateksti`` free text, ``vaihtoehto`` ``kylla``/``ei``,
    ``monivalintavaihtoehto_fi`` the chosen option's text)."""
    arvo_id = _int(row.get("vastausid"))
    target = _int(row.get("vastaajatunnusid"))
    question = _int(row.get("kysymysid"))
    if arvo_id is None or target is None or question is None:
        raise ArvoFormatError("vastausid, vastaajatunnusid or kysymysid missing")
    choice = row.get("vaihtoehto")
    return {
        "arvo_id": arvo_id,
        "target_arvo_id": target,
        "target_code": _text(row.get("vastaajatunnus"), 100),
        "survey_arvo_id": _int(row.get("kyselykertaid")),
        "question_arvo_id": question,
        # the respondent: a workplace survey link is answered by several (arvo.schema.export Vastaus vastaajaid)
        "respondent_ref": _int(row.get("vastaajaid")),
        "answer_date": _date(row.get("vastausaika")),
        "score": _number(row.get("numerovalinta")),
        "choice": choice if choice in ("kylla", "ei") else None,
        "option_text": _text(row.get("monivalintavaihtoehto_fi"), 500),
        "free_text": _text(row.get("vapaateksti")),
    }


def half_year(day):
    """``2025-H1`` for a day of January-June, ``2025-H2`` otherwise (the collection periods of the
    workplace survey are half-years: heratepalvelu tpk/tpkNiputusHandler.clj:52-59)."""
    if not day:
        return None
    return f"{day.year}-H{1 if day.month <= 6 else 2}"
