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
STATUS_LIQUIDATION = "liquidation"
STATUS_CEASED = "ceased"
# companySituations types that wind a company up (liquidation, bankruptcy)
WINDING_UP_SITUATIONS = {"SELTILA", "KONK"}
# tradeRegisterStatus: 2 removed from the register, 4 ceased
CEASED_TRADE_REGISTER_STATUSES = {"2", "4"}
ADDRESS_VISITING = 1
ADDRESS_POSTAL = 2
LANG_FI, LANG_SV, LANG_EN = "1", "2", "3"


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
        raise YtjRateLimited(response.headers.get("Retry-After"))
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
    """A TOL 2008 code (five digits at most, kept as text); None for anything else."""
    value = str(value or "").strip()
    return value if value and len(value) <= INDUSTRY_CODE_MAX_LENGTH else None


def _description(descriptions, languages=(LANG_FI, LANG_EN, LANG_SV)):
    by_language = {d.get("languageCode"): d.get("description") for d in descriptions or [] if d.get("description")}
    for language in languages:
        if by_language.get(language):
            return by_language[language]
    return next(iter(by_language.values()), None)


def _address(address):
    street = " ".join(
        part
        for part in (
            address.get("street"),
            address.get("buildingNumber"),
            address.get("entrance"),
            address.get("apartmentNumber"),
        )
        if part
    )
    if not street and address.get("postOfficeBox"):
        street = f"PL {address['postOfficeBox']}"
    offices = address.get("postOffices") or []
    city = next((o.get("city") for o in offices if o.get("languageCode") == LANG_FI and o.get("city")), None)
    city = city or next((o.get("city") for o in offices if o.get("city")), None)
    if city and city.isupper():
        city = city.title()
    values = {"street": street or None, "zip": address.get("postCode") or None, "city": city}
    return values if any(values.values()) else None


def format_address(address):
    """'Street 1, 96100 Rovaniemi' from a parsed address (or '')."""
    if not address:
        return ""
    place = " ".join(part for part in (address.get("zip"), address.get("city")) if part)
    return ", ".join(part for part in (address.get("street"), place) if part)


def _current(entries):
    """The entries in force (no end date), newest registration first."""
    return sorted(
        (e for e in entries or [] if not e.get("endDate")),
        key=lambda e: e.get("registrationDate") or "",
        reverse=True,
    )


def _status(company):
    end_date = _date(company.get("endDate"))
    if end_date or str(company.get("tradeRegisterStatus") or "") in CEASED_TRADE_REGISTER_STATUSES:
        if not end_date:
            ended = [_date(e.get("endDate")) for e in company.get("registeredEntries") or [] if e.get("endDate")]
            end_date = max((d for d in ended if d), default=None)
        return STATUS_CEASED, end_date
    winding_up = [s for s in _current(company.get("companySituations")) if s.get("type") in WINDING_UP_SITUATIONS]
    if winding_up:
        return STATUS_LIQUIDATION, _date(winding_up[0].get("registrationDate"))
    registered = company.get("registrationDate") or (company.get("businessId") or {}).get("registrationDate")
    return STATUS_ACTIVE, _date(registered)


def parse_company(company):
    """The values REDU keeps from one company of the v3 JSON shape (a dict of plain values)."""
    names = company.get("names") or []
    # type "1": the trade name; the one without an end date is the current one
    trade_names = [n for n in names if str(n.get("type", "1")) == "1"]
    current = _current(trade_names)
    name = current[0]["name"] if current else (trade_names[0]["name"] if trade_names else None)
    former = sorted(
        (n for n in trade_names if n.get("endDate") and n.get("name") != name),
        key=lambda n: n.get("endDate") or "",
        reverse=True,
    )
    form = _current(company.get("companyForms"))
    business_line = company.get("mainBusinessLine") or {}
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
        "industry_code": _code(business_line.get("type")),
        "industry_name": _description(business_line.get("descriptions")),
        "registration_date": _date((company.get("businessId") or {}).get("registrationDate"))
        or _date(company.get("registrationDate")),
        "status": status,
        "status_date": status_date,
        "website": ((company.get("website") or {}).get("url") or None),
        "visiting_address": addresses.get(ADDRESS_VISITING),
        "postal_address": addresses.get(ADDRESS_POSTAL),
    }
