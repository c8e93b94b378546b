# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Checks of a workplace instructor's contact details, pure Python (no ORM).

Emails and phones are judged by the national rules (``national_rules``);
business IDs are normalised by python-stdnum through
``redu_base.tools.business_id``.
"""

from odoo.addons.redu_base.tools.business_id import normalize_business_id

from . import national_rules

# Local parts of role mailboxes: the survey must reach a person.
GENERIC_LOCAL_PARTS = frozenset(
    {
        "info",
        "toimisto",
        "asiakaspalvelu",
        "noreply",
        "no-reply",
        "no_reply",
        "donotreply",
        "do-not-reply",
        "office",
        "contact",
        "yhteystiedot",
        "myynti",
        "sales",
        "tuki",
        "support",
        "helpdesk",
        "palaute",
        "kirjaamo",
        "posti",
        "mail",
        "hallinto",
        "henkilosto",
        "henkilöstö",
        "hr",
        "rekry",
        "rekrytointi",
        "laskutus",
        "reception",
        "vastaanotto",
        "admin",
        "postmaster",
        "webmaster",
        "palvelu",
        "asiakastuki",
    }
)
# Words that show that a name is a company, a department or a mailbox, not a person.
NOT_PERSON_WORDS = (
    frozenset(
        {
            # company forms
            "oy",
            "oyj",
            "ab",
            "abp",
            "ky",
            "ay",
            "tmi",
            "ry",
            "osk",
            "oü",
            "ltd",
            "inc",
            "gmbh",
            "llc",
            "plc",
            "as",
            "aps",
            "kommandiittiyhtiö",
            "osakeyhtiö",
            "toiminimi",
            "yhdistys",
            "säätiö",
            "kunta",
            "kaupunki",
            # departments and units
            "osasto",
            "yksikkö",
            "tiimi",
            "team",
            "department",
            "dept",
            "toimisto",
            "office",
            "palvelut",
            "asiakaspalvelu",
            "henkilöstöhallinto",
            "henkilöstöpalvelut",
            "hallinto",
            "keskus",
            "vastaanotto",
            "reception",
            "myynti",
            "sales",
        }
    )
    | GENERIC_LOCAL_PARTS
)


def normalize_person_name(name):
    """Return the bundle form of a name: case-folded, single spaces."""
    return " ".join((name or "").split()).casefold()


def name_is_not_person(name):
    """True when ``name`` looks like a company form, a department or a mailbox."""
    if "@" in name:
        return True
    words = {word.strip(".,;:()[]-/&\"'").casefold() for word in name.split()}
    return bool(words & NOT_PERSON_WORDS) or any(map(str.isdigit, name))


def check_email(value):
    """Return ``(address, error)``; error is None, 'missing' or 'invalid'.

    The address is the value with the surrounding spaces removed (as eHOKS stores it), never
    another address read out of it; 'invalid' unless it is one deliverable mailbox
    (:func:`national_rules.email_deliverable`).
    """
    value = national_rules.java_trim(value)
    if not value:
        return False, "missing"
    if not national_rules.email_deliverable(value):
        return False, "invalid"
    return value, None


def email_is_generic(address):
    """True for role mailboxes (info@, toimisto@, noreply@...)."""
    local = address.split("@", 1)[0].lower()
    return local in GENERIC_LOCAL_PARTS or local.startswith(("noreply", "no-reply", "donotreply"))


def check_phone(value):
    """Return ``(e164, error)``; error is None or a :func:`national_rules.phone_problem`.

    ``e164`` is set whenever the number is a valid number, also for a landline or a foreign one.
    """
    problem = national_rules.phone_problem(national_rules.java_trim(value) or None)
    return national_rules.phone_e164(value) or False, problem


def check_business_id(value):
    """Return ``(normalised, error)``; error is None, 'missing' or 'invalid'."""
    value = (value or "").strip()
    if not value:
        return False, "missing"
    try:
        return normalize_business_id(value), None
    except ValueError:
        return False, "invalid"
