# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Spreadsheet safety of the CSV/XLSX files the REDU addons write and read, pure Python (no ORM).

Importable by the sibling addons::

    from odoo.addons.redu_base.tools.spreadsheet import neutralise_row, PHONE_RE

**Writing** (formula injection, OWASP "CSV injection"): a text cell that begins with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return is read as a formula by Excel or LibreOffice when the file is opened.
:func:`neutralise` puts an apostrophe in front of such a cell, *unless* the value is legitimate data of
its column that no spreadsheet can run: a plain number (``-5``, ``+3.5``) everywhere, and in the columns
given a pattern, e.g. a phone number of the phone charset (``+358 40 123 4567``, :data:`PHONE_RE`). Those
hold no letters, quotes or ``!``/``|``, so no function call or DDE link can hide in them, and the receiving
system gets them unchanged.

**Reading**: :func:`formula_text` tells whether a text cell of an imported file is a formula (``=...``), so
that an importer reports it as a row error instead of storing it or silently reading an empty value.
:func:`rows_to_json` and :func:`rows_from_json` keep the rows read from a file as JSON and give them back equal
(a background task's working copy of its part of a file: read in a fraction of the time an Excel file takes).
"""

import datetime
import json
import re

# the characters that make a spreadsheet read a cell as a formula (OWASP CSV injection)
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# a phone number as written: digits, spaces, parentheses, hyphens and the plus sign
PHONE_RE = re.compile(r"[-+0-9() ]+")
# a plain number, possibly signed, with a decimal point or comma
NUMBER_RE = re.compile(r"[-+]?[0-9]+(?:[.,][0-9]+)?")


class FormulaCell:
    """An XLSX cell that holds a formula without a computed value: the value cannot be read."""

    __slots__ = ("formula",)

    def __init__(self, formula):
        self.formula = formula

    def __repr__(self):
        return f"FormulaCell({self.formula!r})"

    def __str__(self):
        return self.formula


def is_formula_like(value):
    """True when a spreadsheet would read the text ``value`` as a formula."""
    return isinstance(value, str) and value.startswith(FORMULA_TRIGGERS)


def neutralise(value, data_re=None):
    """The cell value to write: ``'`` + value when it would be a formula and is not data of its column.

    :param data_re: a compiled pattern; a value it matches in full is data of the column, kept as is
    """
    if not is_formula_like(value):
        return value
    if NUMBER_RE.fullmatch(value) or (data_re is not None and data_re.fullmatch(value)):
        return value
    return "'" + value


def neutralise_row(values, data_patterns=None):
    """:func:`neutralise` every cell of a row; ``data_patterns`` maps a column index to its data pattern."""
    data_patterns = data_patterns or {}
    return [neutralise(value, data_patterns.get(index)) for index, value in enumerate(values)]


def formula_text(value):
    """The formula of an imported cell, or None: a :class:`FormulaCell`, or a text beginning with ``=``.

    ``+``, ``-`` and ``@`` are not refused on reading: they begin legitimate values (``+358...``,
    ``-5``) and a file read by Odoo runs nothing.
    """
    if isinstance(value, FormulaCell):
        return value.formula
    if isinstance(value, str) and value.lstrip().startswith("=") and len(value.strip()) > 1:
        return value.strip()
    return None


# the cells that JSON does not hold, tagged: a one-key object {tag: text} (a text cell stays a JSON string)
_CELL_DECODERS = {
    "datetime": datetime.datetime.fromisoformat,
    "date": datetime.date.fromisoformat,
    "formula": FormulaCell,
}


def _cell_to_json(value):
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, datetime.datetime):
        return {"datetime": value.isoformat()}
    if isinstance(value, datetime.date):
        return {"date": value.isoformat()}
    if isinstance(value, FormulaCell):
        return {"formula": value.formula}
    raise TypeError(f"a cell of type {type(value).__name__}")


def rows_to_json(rows):
    """The ``(row number, {column: cell})`` rows read from a file as JSON bytes that :func:`rows_from_json` gives
    back equal: a text, a number, a boolean or nothing as such, a date, a date and time or a formula cell tagged.
    None when a cell holds another kind of value (keep the file then)."""
    try:
        return json.dumps(
            [[number, {column: _cell_to_json(cell) for column, cell in cells.items()}] for number, cells in rows],
            ensure_ascii=False,
        ).encode()
    except TypeError:
        return None


def rows_from_json(data):
    """The rows that :func:`rows_to_json` made ``data`` of."""

    def cell(value):
        if isinstance(value, dict):
            ((tag, text),) = value.items()
            return _CELL_DECODERS[tag](text)
        return value

    return [(number, {column: cell(value) for column, value in cells.items()}) for number, cells in json.loads(data)]
