# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Finnish business ID (Y-tunnus) helpers, pure Python (no ORM).

Importable by the sibling addons::

    from odoo.addons.redu_base.tools.business_id import (
        is_valid_business_id,
        normalize_business_id,
    )

The check digit is verified by python-stdnum (``stdnum.fi.ytunnus``); this
module only adds the normalisations REDU's data needs (``FI`` prefix, spaces,
old six-digit IDs written without the leading zero).
"""

from stdnum.exceptions import ValidationError
from stdnum.fi import ytunnus


def normalize_business_id(value):
    """Return ``value`` as a normalised Y-tunnus ``'1234567-8'``.

    Accepts surrounding/inner spaces, a missing or present hyphen, an ``FI``
    prefix (VAT number form, e.g. ``'FI12345678'``) and old IDs of six digits
    plus check digit (``'123456-7'`` becomes ``'0123456-7'``).

    :raises ValueError: when ``value`` is empty or not a valid Y-tunnus.
    """
    if not value or not isinstance(value, str):
        raise ValueError(f"Not a Finnish business ID: {value!r}")
    number = ytunnus.compact(value)
    if number.isdigit() and len(number) == 7:
        # Old business IDs were issued with six digits before the check digit.
        number = "0" + number
    try:
        number = ytunnus.validate(number)
    except ValidationError as error:
        raise ValueError(f"Not a valid Finnish business ID: {value!r} ({error.message})") from error
    return ytunnus.format(number)


def is_valid_business_id(value):
    """Return True when ``value`` can be normalised into a valid Y-tunnus."""
    try:
        normalize_business_id(value)
    except ValueError:
        return False
    return True
