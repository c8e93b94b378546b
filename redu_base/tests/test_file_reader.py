# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import datetime
import io
import itertools
import re
import zipfile
from unittest.mock import patch

import openpyxl

from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged

from ..models import redu_file_reader
from ..tools.spreadsheet import FormulaCell, rows_from_json, rows_to_json


@tagged("post_install", "-at_install")
class TestFileReader(TransactionCase):
    """The one reader of imported CSV and Excel files: a table of cells, or a clean error."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.reader = cls.env["redu.file.reader"]

    def test_csv_encodings_and_delimiters(self):
        text = "nimi;kaupunki\nÄijä Oy;Rovaniemi\n"
        for content in (text.encode(), text.encode("utf-8-sig"), text.encode("utf-16"), text.encode("cp1252")):
            self.assertEqual(self.reader._read_table(content, "x.csv")[1], ["Äijä Oy", "Rovaniemi"])
        self.assertEqual(self.reader._read_table(b"a,b\n1,2\n", "x.CSV"), [["a", "b"], ["1", "2"]])
        with self.assertRaisesRegex(UserError, "not a text file in UTF-8. Ask again."):
            self.reader._read_csv(text.encode("cp1252"), hint="Ask again.", encodings=("utf-8-sig",))

    def test_records_skip_empty_rows_and_unknown_columns(self):
        header, records = self.reader._table_records(
            [[" Source_Ref ", "other", "Name"], ["A1", "x"], [None, " ", ""], ["A2", "y", "Maija"]],
            columns={"source_ref", "name"},
        )
        self.assertEqual(header, ["source_ref", "other", "name"])
        self.assertEqual(records, [(2, {"source_ref": "A1", "name": None}), (4, {"source_ref": "A2", "name": "Maija"})])
        with self.assertRaisesRegex(UserError, "empty"):
            self.reader._table_records([])

    def test_rows_kept_as_json_come_back_equal(self):
        cells = {
            "text": "Äijä Oy",
            "tagged_text": '{"date": "2026-08-31"}',
            "empty": None,
            "whole": 7,
            "real": 1e20,
            "flag": True,
            "moment": datetime.datetime(2026, 8, 31, 12, 30, 5, 123),
            "day": datetime.date(2026, 8, 31),
            "formula": FormulaCell("=A1+1"),
        }

        def kinds(rows):
            return [
                (number, {key: (type(value), getattr(value, "formula", value)) for key, value in row.items()})
                for number, row in rows
            ]

        rows = [(2, cells), (5, {"text": "-5"})]
        self.assertEqual(kinds(rows_from_json(rows_to_json(rows))), kinds(rows))
        self.assertIsNone(rows_to_json([(2, {"time": datetime.time(12)})]), "another kind of cell: keep the file")

    def test_xlsx_formula_without_value_is_a_formula_cell(self):
        workbook = openpyxl.Workbook()
        workbook.active.append(["a", "b"])
        workbook.active.append(["=1+1", 5])
        buffer = io.BytesIO()
        workbook.save(buffer)
        table = self.reader._read_table(buffer.getvalue(), "x.xlsx")
        self.assertEqual(table[0], ["a", "b"])
        self.assertIsInstance(table[1][0], FormulaCell, "no computed value stored: never read as empty")
        self.assertEqual(table[1][1], 5)

    def test_xlsx_formulas_with_and_without_cached_values(self):
        """A sheet with formulas takes the two readings: a cached value is read, a missing one is a FormulaCell,
        with the default namespace or a prefixed one (the element the formula detector looks for)."""
        content = self._xlsx(
            [["a", "b", "c"], ["=1+1", 5, "=SUM(B2:B2)"], ["x", None, "=B2*2"]],
            # Excel's cached value of C2 (openpyxl writes none)
            {b"<f>SUM(B2:B2)</f><v></v>": b"<f>SUM(B2:B2)</f><v>5</v>"},
        )
        # a tiny chunk: the formula elements cut between the chunks of the detector's reading are found too
        for prefixed, chunk in itertools.product((False, True), (1 << 20, 3)):
            with (
                self.subTest(prefixed=prefixed, chunk=chunk),
                patch.object(redu_file_reader, "SCAN_CHUNK", chunk),
                patch("openpyxl.load_workbook", wraps=openpyxl.load_workbook) as load,
            ):
                table = self.reader._read_table(self._prefixed(content) if prefixed else content, "x.xlsx")
                self.assertEqual(load.call_count, 2, "formulas: values and formulas read")
                self.assertEqual([row[1:2] for row in table], [["b"], [5], [None]])
                self.assertEqual([table[0][0], table[2][0]], ["a", "x"])
                self.assertEqual([str(table[1][0]), str(table[2][2])], ["=1+1", "=B2*2"])
                self.assertIsInstance(table[1][0], FormulaCell)
                self.assertIsInstance(table[2][2], FormulaCell)
                self.assertEqual(table[1][2], 5, "the value Excel computed")

    def test_xlsx_without_formulas_is_read_once_with_the_same_table(self):
        rows = [
            ["name", "start", "percent", "note"],
            ["Äijä Oy", datetime.date(2026, 1, 2), 100, None],
            [None, None, None, None],
            ["  =not a formula", datetime.datetime(2026, 3, 4, 12, 30), 2.5, "x"],
            [None, None, 7],
        ]
        content = self._xlsx(rows)
        with patch("openpyxl.load_workbook", wraps=openpyxl.load_workbook) as load:
            table = self.reader._read_table(content, "x.xlsx")
        self.assertEqual(load.call_count, 0, "no formula, no error cell: calamine reads it")
        self.assertEqual(
            table,
            [
                ["name", "start", "percent", "note"],
                ["Äijä Oy", datetime.datetime(2026, 1, 2), 100, None],
                [None, None, None, None],
                ["  =not a formula", datetime.datetime(2026, 3, 4, 12, 30), 2.5, "x"],
                [None, None, 7, None],
            ],
        )
        # the same table as openpyxl's one reading, and as its two readings of a sheet with formulas
        with patch.object(redu_file_reader, "_xlsx_may_need_openpyxl", return_value=True):
            with patch("openpyxl.load_workbook", wraps=openpyxl.load_workbook) as load:
                self.assertEqual(self.reader._read_table(content, "x.xlsx"), table)
            self.assertEqual(load.call_count, 1, "no formula: openpyxl reads it once")
            with patch.object(redu_file_reader, "_sheet_may_have_formulas", return_value=True):
                self.assertEqual(self.reader._read_table(content, "x.xlsx"), table)

    def test_xlsx_read_by_calamine_as_openpyxl_reads_it(self):
        """The cells of every type, a sheet that starts below A1, a second sheet: the table calamine gives is
        the one openpyxl gives (the rows from A1, the first sheet)."""
        workbook = openpyxl.Workbook()
        sheet = workbook.active
        sheet.cell(row=3, column=2, value="nimi")
        for column, value in enumerate(
            [
                "Äijä",
                datetime.date(2026, 1, 2),
                datetime.datetime(2026, 3, 4, 12, 30),
                datetime.time(8, 15),
                True,
                2.5,
                7,
                -3,
                0,
                1e20,
                0.1,
                "  x ",
            ],
            start=2,
        ):
            sheet.cell(row=4, column=column, value=value)
        sheet.cell(row=6, column=3, value=False)
        workbook.create_sheet("toinen").append(["other"])
        buffer = io.BytesIO()
        workbook.save(buffer)
        content = buffer.getvalue()
        with patch("openpyxl.load_workbook", wraps=openpyxl.load_workbook) as load:
            table = self.reader._read_table(content, "x.xlsx")
        self.assertEqual(load.call_count, 0)
        with patch.object(redu_file_reader, "_xlsx_may_need_openpyxl", return_value=True):
            expected = self.reader._read_table(content, "x.xlsx")
        self.assertEqual(len(expected), 6)
        self.assertEqual(table, expected)
        self.assertEqual([type(value) for value in table[3][7:12]], [int, int, int, float, float])

    def test_xlsx_error_cell_reads_as_excel_shows_it(self):
        """An error cell (#DIV/0!, type "e") is read by openpyxl as its text: calamine would read it empty."""
        content = self._xlsx([["a", "b"], ["x", "#DIV/0!"]])  # openpyxl writes it as an error cell
        self.assertIn(b'<c r="B2" t="e">', zipfile.ZipFile(io.BytesIO(content)).read("xl/worksheets/sheet1.xml"))
        self.assertEqual(redu_file_reader._read_xlsx_calamine(content), [["a", "b"], ["x", None]])
        with patch("openpyxl.load_workbook", wraps=openpyxl.load_workbook) as load:
            table = self.reader._read_table(content, "x.xlsx")
        self.assertEqual(load.call_count, 1, "an error cell: openpyxl reads the file")
        self.assertEqual(table, [["a", "b"], ["x", "#DIV/0!"]])

    def _xlsx(self, rows, replacements=None):
        """The .xlsx of ``rows`` (openpyxl), its sheet's XML changed by ``replacements`` (bytes: bytes)."""
        workbook = openpyxl.Workbook()
        for row in rows:
            workbook.active.append(row)
        buffer = io.BytesIO()
        workbook.save(buffer)
        return self._rewrite(buffer.getvalue(), (replacements or {}).items())

    def _prefixed(self, content):
        """``content`` with its sheet's elements in the prefix ``x:`` instead of the default namespace."""
        return self._rewrite(content, [(re.compile(rb"<(/?)(\w)"), rb"<\1x:\2"), (b'xmlns="', b'xmlns:x="')])

    def _rewrite(self, content, replacements):
        source = zipfile.ZipFile(io.BytesIO(content))
        output = io.BytesIO()
        with zipfile.ZipFile(output, "w") as target:
            for name in source.namelist():
                data = source.read(name)
                if name == "xl/worksheets/sheet1.xml":
                    for old, new in replacements:
                        changed = old.sub(new, data) if isinstance(old, re.Pattern) else data.replace(old, new)
                        self.assertNotEqual(changed, data, "the replacement applies")
                        data = changed
                target.writestr(name, data)
        return output.getvalue()

    def test_bad_files_are_clean_errors(self):
        for content, name, expected in (
            (b"a;b\n\x00;1\n", "x.csv", "NUL characters"),
            (b'a;b\n"1;2\n', "x.csv", "CSV file is broken"),
            (b"PK\x03\x04 garbage", "x.xlsx", "Excel file cannot be read"),
            (b"a;b", "x.pdf", "must be a CSV"),
        ):
            with self.subTest(expected), self.assertRaisesRegex(UserError, expected):
                self.reader._read_table(content, name)
