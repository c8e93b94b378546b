# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Checks of a workplace instructor's contact details, pure Python (no ORM).

Phones are parsed by libphonenumber (``phonenumbers``, region FI), e-mail
addresses by Odoo's own e-mail tools, business IDs by python-stdnum through
``redu_partnership.tools.business_id``. Every helper is cached: a full
validation run sees the same instructor's phone or e-mail many times.
"""

import functools

import phonenumbers

from odoo.addons.redu_partnership.tools.business_id import normalize_business_id
from odoo.tools.mail import email_normalize, single_email_re

PHONE_REGION = "FI"
SMS_TYPES = frozenset({phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE})

# Local parts of role mailboxes: the survey must reach a person.
GENERIC_LOCAL_PARTS = frozenset({
    "info", "toimisto", "asiakaspalvelu", "noreply", "no-reply", "no_reply", "donotreply", "do-not-reply",
    "office", "contact", "yhteystiedot", "myynti", "sales", "tuki", "support", "helpdesk", "palaute",
    "kirjaamo", "posti", "mail", "hallinto", "henkilosto", "henkilöstö", "hr", "rekry", "rekrytointi",
    "laskutus", "reception", "vastaanotto", "admin", "postmaster", "webmaster", "palvelu", "asiakastuki",
})
# Words that show that a name is a company, a department or a mailbox, not a person.
NOT_PERSON_WORDS = frozenset({
    # company forms
    "oy", "oyj", "ab", "abp", "ky", "ay", "tmi", "ry", "osk", "oü", "ltd", "inc", "gmbh", "llc", "plc",
    "as", "aps", "kommandiittiyhtiö", "osakeyhtiö", "toiminimi", "yhdistys", "säätiö", "kunta", "kaupunki",
    # departments and units
    "osasto", "yksikkö", "tiimi", "team", "department", "dept", "toimisto", "office", "palvelut",
    "asiakaspalvelu", "henkilöstöhallinto", "henkilöstöpalvelut", "hallinto", "keskus", "vastaanotto",
    "reception", "myynti", "sales",
}) | GENERIC_LOCAL_PARTS


def normalize_person_name(name):
    """Return the bundle form of a name: case-folded, single spaces."""
    return " ".join((name or "").split()).casefold()


@functools.lru_cache(maxsize=200_000)
def name_is_not_person(name):
    """True when ``name`` looks like a company form, a department or a mailbox."""
    if "@" in name:
        return True
    words = {word.strip(".,;:()[]-/&\"'").casefold() for word in name.split()}
    return bool(words & NOT_PERSON_WORDS) or any(char.isdigit() for char in name)


@functools.lru_cache(maxsize=200_000)
def check_email(value):
    """Return ``(normalised, error)``; error is None, 'missing' or 'invalid'."""
    value = (value or "").strip()
    if not value:
        return False, "missing"
    if single_email_re.match(value):
        # a plain address (the usual case): what email_normalize would return, without its parser
        return value.lower(), None
    # strict: False unless the value holds exactly one address
    normalised = email_normalize(value, strict=True)
    if not normalised or not single_email_re.match(normalised):
        return False, "invalid"
    return normalised, None


def email_is_generic(normalised):
    """True for role mailboxes (info@, toimisto@, noreply@...)."""
    local = normalised.split("@", 1)[0]
    return local in GENERIC_LOCAL_PARTS or local.startswith(("noreply", "no-reply", "donotreply"))


@functools.lru_cache(maxsize=200_000)
def check_phone(value):
    """Return ``(e164, error)``; error is None, 'missing', 'invalid' or 'not_mobile'.

    ``e164`` is set whenever the number is valid, also for a landline.
    """
    value = (value or "").strip()
    if not value:
        return False, "missing"
    if any(char.isalpha() for char in value):
        return False, "invalid"
    try:
        number = phonenumbers.parse(value, PHONE_REGION)
    except phonenumbers.NumberParseException:
        return False, "invalid"
    # number_type() is UNKNOWN exactly when is_valid_number() is False (both match the number
    # against the metadata of its region): one call instead of two
    number_type = phonenumbers.number_type(number)
    if number_type == phonenumbers.PhoneNumberType.UNKNOWN:
        return False, "invalid"
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    if number_type not in SMS_TYPES:
        return e164, "not_mobile"
    return e164, None


@functools.lru_cache(maxsize=200_000)
def check_business_id(value):
    """Return ``(normalised, error)``; error is None, 'missing' or 'invalid'."""
    value = (value or "").strip()
    if not value:
        return False, "missing"
    try:
        return normalize_business_id(value), None
    except ValueError:
        return False, "invalid"
