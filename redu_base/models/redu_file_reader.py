# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import codecs
import contextlib
import csv
import datetime
import io
import itertools
import re
import zipfile

from odoo import api, models
from odoo.exceptions import UserError

from ..tools.spreadsheet import FormulaCell

# the start of a formula element of a worksheet's XML, with or without a namespace prefix (<f>, <x:f t="shared"/>)
FORMULA_ELEMENT_RE = re.compile(rb"<(?:[A-Za-z_][-.\w]*:)?f[\s/>]")
# what only openpyxl reads as a user expects: a formula element, or a cell of type error (t="e": calamine reads
# "#DIV/0!" as an empty cell, openpyxl as the text Excel shows)
OPENPYXL_ONLY_RE = re.compile(FORMULA_ELEMENT_RE.pattern + rb"""|\st\s*=\s*["']e["']""")
# literals that every match of these patterns contains: a chunk without any of them is not searched (a plain
# search for a literal is many times faster than the patterns' search over a sheet's XML)
FORMULA_HINTS = (b"<f", b":f")
OPENPYXL_ONLY_HINTS = (*FORMULA_HINTS, b'"e"', b"'e'")
# the XML of a sheet is scanned by chunks of this size (no copy of a whole large sheet in memory)
SCAN_CHUNK = 1 << 20

# Excel's "CSV" on Finnish Windows is Windows-1252; UTF-8 with or without its BOM otherwise
DEFAULT_ENCODINGS = ("utf-8-sig", "cp1252")


def _part_may_match(archive, part, pattern, hints):
    """False only when the XML ``part`` of the zip ``archive`` has no match of ``pattern``, read by chunks;
    ``hints`` are literals every match contains. UTF-16 XML (allowed, never seen) is True: the pattern would
    not see its tags."""
    with archive.open(part) as xml:
        tail = b""
        while chunk := xml.read(SCAN_CHUNK):
            if b"\x00" in chunk:
                return True
            text = tail + chunk
            if any(hint in text for hint in hints) and pattern.search(text):
                return True
            # an element cut at the end of the chunk is searched again with the next one
            start = text.rfind(b"<")
            tail = text[start:] if start >= 0 else b""
    return False


def _sheet_may_have_formulas(content, sheet):
    """False only when the XML part of the read-only openpyxl ``sheet`` of the .xlsx ``content`` has no
    formula element: then openpyxl reads the same values with or without ``data_only``. Any doubt (a part
    openpyxl does not name, a false match of the pattern) is True: the slow path, never a wrong value."""
    part = getattr(sheet, "_worksheet_path", None)  # the part openpyxl itself reads the sheet from
    if not part:
        return True
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return _part_may_match(archive, part, FORMULA_ELEMENT_RE, FORMULA_HINTS)


def _xlsx_may_need_openpyxl(content):
    """False only when no XML part of the .xlsx ``content`` (sheets, charts, strings...) has a formula
    element or an error cell: then calamine reads the values openpyxl would. Any doubt is True."""
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        parts = [name for name in archive.namelist() if name.lower().endswith(".xml")]
        return not parts or any(_part_may_match(archive, part, OPENPYXL_ONLY_RE, OPENPYXL_ONLY_HINTS) for part in parts)


def _calamine_cell(value):
    """A cell read by calamine as openpyxl reads it: empty is None, a date a datetime, a whole number an int."""
    if value == "":
        return None
    if isinstance(value, float):
        # openpyxl reads "7" as 7 and "1E+20" as a float: Excel writes whole numbers below 10**15 in digits
        return int(value) if value.is_integer() and abs(value) < 1e15 else value
    if type(value) is datetime.date:
        return datetime.datetime.combine(value, datetime.time())
    return value


def _read_xlsx_calamine(content):
    """The rows of the first worksheet of the .xlsx ``content`` read by calamine (ten times openpyxl's speed),
    from cell A1 as openpyxl reads them; None when calamine cannot read the file or finds no worksheet."""
    from python_calamine import CalamineError, CalamineWorkbook, SheetTypeEnum  # noqa: PLC0415

    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(content))
        try:
            names = [sheet.name for sheet in workbook.sheets_metadata if sheet.typ == SheetTypeEnum.WorkSheet]
            if not names:
                return None
            rows = workbook.get_sheet_by_name(names[0]).to_python(skip_empty_area=False)
        finally:
            workbook.close()
    except CalamineError:
        return None  # openpyxl reads it again and says what is wrong
    return [[_calamine_cell(value) for value in row] for row in rows]


class ReduFileReader(models.AbstractModel):
    """The one reader of the CSV and Excel files that users import (agreements from the student
    administration system, Arvo's survey links): the bytes become a table of cells, or a translated
    UserError that says what is wrong with the file. What a column means is the importing wizard's.

    ``hint`` is the caller's advice appended to an error (e.g. "Download the CSV from Arvo again.").
    """

    _name = "redu.file.reader"
    _description = "Reader of imported CSV and Excel files"

    @api.model
    def _read_table(self, content, file_name, hint="", encodings=DEFAULT_ENCODINGS, delimiter=None):
        """The rows of cells of a CSV (.csv, .txt) or Excel (.xlsx) file, by the file's name."""
        name = (file_name or "").lower()
        if name.endswith(".xlsx"):
            return self._read_xlsx(content, hint)
        if name.endswith((".csv", ".txt")):
            return self._read_csv(content, hint, encodings, delimiter)
        raise UserError(self.env._("The file must be a CSV (.csv) or an Excel (.xlsx) file."))

    @api.model
    def _decode_text(self, content, hint="", encodings=DEFAULT_ENCODINGS):
        """The text of a file: UTF-16 when it starts with its BOM, else the first of ``encodings`` that
        decodes it (a Windows-1252 byte that is undefined is garbage, not text)."""
        if content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            encodings = ("utf-16",)
        for encoding in encodings:
            with contextlib.suppress(UnicodeDecodeError):
                return content.decode(encoding)
        names = {"utf-8-sig": "UTF-8", "cp1252": "Windows-1252", "utf-16": "UTF-16"}
        raise UserError(
            self.env._(
                "The file is not a text file in %(encodings)s. %(hint)s",
                encodings=self.env._(" or ").join(names.get(encoding, encoding) for encoding in encodings),
                hint=hint,
            ).strip()
        )

    @api.model
    def _read_csv(self, content, hint="", encodings=DEFAULT_ENCODINGS, delimiter=None):
        """The rows of a CSV file; the delimiter is the first line's ``;`` or ``,`` unless given."""
        text = self._decode_text(content, hint, encodings)
        if "\x00" in text:
            raise UserError(
                self.env._("The file contains NUL characters: it is not a CSV file. %(hint)s", hint=hint).strip()
            )
        if not delimiter:
            first_line = text.split("\n", 1)[0]
            delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
        # strict: a quote never closed is an error, not a value swallowing the rest of the file (the field
        # size limit is process-wide, set by Odoo: not changed here)
        try:
            return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True))
        except csv.Error as error:
            raise UserError(
                self.env._(
                    'The CSV file is broken (%(error)s): check the quotes (a value that begins with " must end '
                    'with "). %(hint)s',
                    error=error,
                    hint=hint,
                ).strip()
            ) from error

    @api.model
    def _read_xlsx(self, content, hint=""):
        """The rows of the first sheet of an Excel file. A formula cell without the value Excel computed
        for it (a file written by a program) reads as a :class:`FormulaCell`, never as an empty value.

        A file of plain values (no formula, no error cell) is read by calamine, ten times faster; the others,
        and any file calamine cannot read, by openpyxl: the same table either way."""
        import openpyxl  # noqa: PLC0415 - only needed here

        try:
            if not _xlsx_may_need_openpyxl(content):
                table = _read_xlsx_calamine(content)
                if table is not None:
                    return table
            values = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
            try:
                sheet = values.worksheets[0]
                if not _sheet_may_have_formulas(content, sheet):
                    # no formula: the values are the cells (one parse of the sheet, not two)
                    return [list(row) for row in sheet.iter_rows(values_only=True)]
                formulas = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=False)
                try:
                    return [
                        [
                            FormulaCell(str(getattr(formula, "text", formula)))
                            if value is None and formula is not None
                            else value
                            for value, formula in zip(value_row, formula_row, strict=False)
                        ]
                        for value_row, formula_row in zip(
                            sheet.iter_rows(values_only=True),
                            formulas.worksheets[0].iter_rows(values_only=True),
                            strict=False,
                        )
                    ]
                finally:
                    formulas.close()
            finally:
                values.close()
        except Exception as error:  # openpyxl raises many kinds of errors on a broken file
            raise UserError(
                self.env._("The Excel file cannot be read: %(error)s %(hint)s", error=error, hint=hint).strip()
            ) from error

    @api.model
    def _table_records(self, table, columns=None):
        """The header (lower-case, stripped) and the non-empty rows as ``(row_number, {column: value})``,
        keeping only ``columns`` when given; a UserError for an empty file."""
        if not table:
            raise UserError(self.env._("The file is empty."))
        header = [str(cell or "").strip().lower() for cell in table[0]]
        # the columns kept and their positions, chosen once for all the rows
        kept = [(position, column) for position, column in enumerate(header) if columns is None or column in columns]
        records = []
        for row_number, cells in enumerate(itertools.islice(table, 1, None), start=2):
            if not any(str(cell).strip() for cell in cells if cell is not None):
                continue
            width = len(cells)
            records.append(
                (row_number, {column: cells[position] if position < width else None for position, column in kept})
            )
        return header, records
