# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Client of the open data API v3 of the Finnish business register (YTJ, PRH), pure Python.

- ``fetch_company(business_id)``: one company from ``GET /companies?businessId=...``
  (licence CC BY 4.0), parsed by ``parse_company``; every failure is a ``YtjError`` subclass
  (timeout, rate limit, not found, network or answer errors) so that the caller changes nothing.
- ``parse_company(company)``: the values REDU keeps from one company of the v3 JSON shape
  (``businessId``, ``names``, ``companyForms``, ``mainBusinessLine``, ``addresses``,
  ``website``, ``companySituations``, ``tradeRegisterStatus``, ``endDate``...).
- ``iter_companies(binary_file)``: the companies of a bulk file (``/all_companies``: one JSON
  array of companies), streamed with ijson: the file is never loaded into memory at once.

All HTTP goes through ``requests`` with a timeout of ``TIMEOUT`` seconds.

The authority on the shape is PRH's OpenAPI description of ``opendata-ytj-api/v3`` (served at
``/opendata-ytj-api/v3/schema``), cited below as ``SCHEMA:<line>``: the copy vendored by
City-of-Helsinki/yjdh, ``backend/shared/shared/ytj/ytj_schema.yaml`` at commit
41d7e68eadb879a8e6ad64346c88a7fdc8acbbec.
"""

import datetime

import ijson
import requests

API_URL = "https://avoindata.prh.fi/opendata-ytj-api/v3"
BULK_URL = API_URL + "/all_companies"
TIMEOUT = 5
# the longest industry code kept (TOL 2008 codes have five digits)
INDUSTRY_CODE_MAX_LENGTH = 10
USER_AGENT = "REDU Odoo partner enrichment (+https://www.redu.fi)"

STATUS_ACTIVE = "active"
STATUS_RESTRUCTURING = "restructuring"
STATUS_LIQUIDATION = "liquidation"
STATUS_BANKRUPTCY = "bankruptcy"
STATUS_CEASED = "ceased"
# CompanySituation.type (SCHEMA:569-578): enum SANE (restructuring), SELTILA (liquidation), KONK
# (bankruptcy); a situation without endDate (SCHEMA:586-592) is in force. The strongest one wins.
SITUATION_STATUSES = (
    ("KONK", STATUS_BANKRUPTCY),
    ("SELTILA", STATUS_LIQUIDATION),
    ("SANE", STATUS_RESTRUCTURING),
)
# RegisteredEntry.type is a REK_KDI code (SCHEMA:600-605), and so is Company.tradeRegisterStatus
# (SCHEMA:383-386): a ceased company of the real register has its current entry of type "4" (recorded
# answers of issue #21). "2" is not taken as ceased: nothing in the schema or the answers says so.
CEASED_ENTRY_TYPES = {"4"}
# Address.type (SCHEMA:417-420): visiting address 1, postal address 2
ADDRESS_VISITING = 1
ADDRESS_POSTAL = 2
# DescriptionEntry.languageCode (SCHEMA:647-650): 1 Finnish, 2 Swedish, 3 English
LANG_FI, LANG_SV, LANG_EN = "1", "2", "3"
# mainBusinessLine.typeCodeSet (SCHEMA:325-329): the classification of the code; TOIMI3 is TOL 2008,
# TOIMI4 TOL 2025 (Statistics Finland, used by the register from 2026). The older sets (TOIMI, TOIMI2)
# are not kept: their codes would mix with these.
CLASSIFICATION_TOL2008 = "tol2008"
CLASSIFICATION_TOL2025 = "tol2025"
CLASSIFICATIONS = {"TOIMI3": CLASSIFICATION_TOL2008, "TOIMI4": CLASSIFICATION_TOL2025}


class YtjError(Exception):
    """The register could not give the company (network or answer error)."""


class YtjTimeout(YtjError):
    """No answer within TIMEOUT seconds."""


class YtjRateLimited(YtjError):
    """HTTP 429: the register asks to wait."""

    def __init__(self, retry_after=None):
        super().__init__(f"rate limited (retry after {retry_after})")
        self.retry_after = retry_after

    def seconds(self, default=60):
        """The wait the register asks for (a Retry-After in seconds), else ``default``."""
        try:
            return max(int(str(self.retry_after).strip()), 1)
        except (TypeError, ValueError):
            return default


class YtjNotFound(YtjError):
    """The register has no company with this business ID."""


def fetch_company(business_id, session=None):
    """The parsed company ``business_id`` (normalised ``1234567-8``) from the register.

    :param session: a ``requests.Session`` (default: module-level ``requests``)
    :raises YtjError: (or a subclass) on any failure
    """
    http = session or requests
    try:
        response = http.get(
            f"{API_URL}/companies",
            params={"businessId": business_id},
            timeout=TIMEOUT,
            headers={"Accept": "application/json", "User-Agent": USER_AGENT},
        )
    except requests.Timeout as error:
        raise YtjTimeout(str(error)) from error
    except requests.RequestException as error:
        raise YtjError(str(error)) from error
    if response.status_code == 429:
        # SCHEMA:102-107: the 429 is text/plain and the register sends no Retry-After (the default wait)
        raise YtjRateLimited(response.headers.get("Retry-After"))
    # an unknown Y-tunnus is a 200 with an empty companies list (CompanyResult, SCHEMA:253-266); the
    # schema lists no 404, still taken as "not found"
    if response.status_code == 404:
        raise YtjNotFound(business_id)
    if response.status_code != 200:
        raise YtjError(f"HTTP {response.status_code}")
    try:
        data = response.json()
    except ValueError as error:
        raise YtjError("the answer is not JSON") from error
    for company in (data or {}).get("companies") or []:
        if (company.get("businessId") or {}).get("value") == business_id:
            return parse_company(company)
    raise YtjNotFound(business_id)


def iter_companies(binary_file):
    """Yield the companies of a bulk file object (bytes), one at a time (streamed)."""
    yield from ijson.items(binary_file, "item", use_float=True)


# ---------------------------------------------------------------------- parsing
def _date(value):
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _code(value):
    """An industry code (mainBusinessLine.type, 2 to 5 characters, SCHEMA:314-318; kept as text, up to
    INDUSTRY_CODE_MAX_LENGTH); None for anything else."""
    value = str(value or "").strip()
    return value if value and len(value) <= INDUSTRY_CODE_MAX_LENGTH else None


def _description(descriptions, languages=(LANG_FI, LANG_EN, LANG_SV)):
    by_language = {d.get("languageCode"): d.get("description") for d in descriptions or [] if d.get("description")}
    for language in languages:
        if by_language.get(language):
            return by_language[language]
    return next(iter(by_language.values()), None)


def _free_address_line(value):
    """Address.freeAddressLine (SCHEMA:481-486): an address abroad whose line breaks were replaced by
    spaces and its spaces by underscores ("Norgårdsvägen_3 _ SE-451_75 Uddevalla"): the parts joined
    with commas ("Norgårdsvägen 3, SE-451 75, Uddevalla")."""
    parts = (part.replace("_", " ").strip() for part in str(value or "").split(" "))
    return ", ".join(part for part in parts if part) or None


def _address(address):
    """One Address (SCHEMA:412-495) as {street, zip, city, co, country}: the street is street,
    buildingNumber, entrance, apartmentNumber and apartmentIdSuffix (SCHEMA:421-468, "Koskikatu 25 B
    14 a"), else the post office box (postOfficeBox, SCHEMA:439-444); co is the c/o line (SCHEMA:469-474);
    country the two-letter code (SCHEMA:475-480); an address abroad is the free line (SCHEMA:481-486)."""
    street = " ".join(
        str(part).strip()
        for part in (
            address.get("street"),
            address.get("buildingNumber"),
            address.get("entrance"),
            address.get("apartmentNumber"),
            address.get("apartmentIdSuffix"),
        )
        if part and str(part).strip()
    )
    if not street and address.get("postOfficeBox"):
        street = f"PL {address['postOfficeBox']}"
    if not street and address.get("freeAddressLine"):
        street = _free_address_line(address["freeAddressLine"])
    # PostOffice (SCHEMA:656-669): the city in each language (KIELI code, "1" Finnish)
    offices = address.get("postOffices") or []
    city = next((o.get("city") for o in offices if o.get("languageCode") == LANG_FI and o.get("city")), None)
    city = city or next((o.get("city") for o in offices if o.get("city")), None)
    if city and city.isupper():
        city = city.title()
    country = str(address.get("country") or "").strip().upper() or None
    values = {
        "street": street or None,
        "zip": address.get("postCode") or None,
        "city": city,
        "co": str(address.get("co") or "").strip() or None,
    }
    if not any(values.values()):
        return None
    values["country"] = country
    return values


def format_address(address, country_names=None):
    """'c/o Name, Street 1 A 14 a, 96100 Rovaniemi' from a parsed address (or ''); an address abroad
    ends with its country (its name from ``country_names`` {code: name}, else the code)."""
    if not address:
        return ""
    place = " ".join(part for part in (address.get("zip"), address.get("city")) if part)
    country = address.get("country")
    if country == "FI":
        country = None
    elif country:
        country = (country_names or {}).get(country) or country
    co = f"c/o {address['co']}" if address.get("co") else None
    return ", ".join(part for part in (co, address.get("street"), place, country) if part)


def _current(entries):
    """The entries in force (no end date), newest registration first."""
    return sorted(
        (e for e in entries or [] if not e.get("endDate")),
        key=lambda e: e.get("registrationDate") or "",
        reverse=True,
    )


def _status(company):
    """(status, since): ceased when the company has an endDate ("Lakkaamispäivä", SCHEMA:398-404) or a
    current registered entry (or tradeRegisterStatus) of a ceased REK_KDI type (CEASED_ENTRY_TYPES);
    else the strongest situation in force (companySituations, SCHEMA:364-369, 569-594); else active
    since the company's registration (registrationDate, SCHEMA:391-397)."""
    end_date = _date(company.get("endDate"))
    ceased_entries = [
        e for e in _current(company.get("registeredEntries")) if str(e.get("type") or "") in CEASED_ENTRY_TYPES
    ]
    ceased_status = str(company.get("tradeRegisterStatus") or "") in CEASED_ENTRY_TYPES
    if end_date or ceased_entries or ceased_status:
        if not end_date and ceased_entries:
            end_date = _date(ceased_entries[0].get("registrationDate"))
        if not end_date:
            ended = [_date(e.get("endDate")) for e in company.get("registeredEntries") or [] if e.get("endDate")]
            end_date = max((d for d in ended if d), default=None)
        return STATUS_CEASED, end_date
    situations = _current(company.get("companySituations"))
    for situation_type, status in SITUATION_STATUSES:
        in_force = [s for s in situations if s.get("type") == situation_type]
        if in_force:
            return status, _date(in_force[0].get("registrationDate"))
    return STATUS_ACTIVE, _date(company.get("registrationDate"))


def parse_company(company):
    """The values REDU keeps from one company of the v3 JSON shape (a dict of plain values)."""
    # RegisterName (SCHEMA:496-531): type is a TLAJI code, "1" the trade name; the one without an end
    # date is the current one
    names = company.get("names") or []
    trade_names = [n for n in names if str(n.get("type", "1")) == "1"]
    current = _current(trade_names)
    name = current[0]["name"] if current else (trade_names[0]["name"] if trade_names else None)
    former = sorted(
        (n for n in trade_names if n.get("endDate") and n.get("name") != name),
        key=lambda n: n.get("endDate") or "",
        reverse=True,
    )
    form = _current(company.get("companyForms"))
    # mainBusinessLine (SCHEMA:309-338): type is the code, typeCodeSet its classification
    business_line = company.get("mainBusinessLine") or {}
    classification = CLASSIFICATIONS.get(str(business_line.get("typeCodeSet") or "").strip().upper())
    industry_code = _code(business_line.get("type")) if classification else None
    # addresses (SCHEMA:376-382): at most one visiting and one postal address; the current ones
    addresses = {}
    for address in sorted(company.get("addresses") or [], key=lambda a: a.get("registrationDate") or ""):
        if not address.get("endDate"):
            addresses[address.get("type")] = _address(address)
    status, status_date = _status(company)
    return {
        "business_id": (company.get("businessId") or {}).get("value"),
        "name": name,
        "former_names": [n["name"] for n in former],
        "company_form": _description(form[0].get("descriptions")) if form else None,
        "industry_classification": classification if industry_code else None,
        "industry_code": industry_code,
        "industry_name": _description(business_line.get("descriptions")) if industry_code else None,
        # the company's registration (registrationDate, SCHEMA:391-397), not the date the Y-tunnus was
        # given (businessId.registrationDate, SCHEMA:282-288)
        "registration_date": _date(company.get("registrationDate")),
        "status": status,
        "status_date": status_date,
        "website": ((company.get("website") or {}).get("url") or None),
        "visiting_address": addresses.get(ADDRESS_VISITING),
        "postal_address": addresses.get(ADDRESS_POSTAL),
    }
