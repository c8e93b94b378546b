# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import io

from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged

from ..tools.spreadsheet import FormulaCell


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

    def test_xlsx_formula_without_value_is_a_formula_cell(self):
        import openpyxl  # noqa: PLC0415 - only needed here

        workbook = openpyxl.Workbook()
        workbook.active.append(["a", "b"])
        workbook.active.append(["=1+1", 5])
        buffer = io.BytesIO()
        workbook.save(buffer)
        table = self.reader._read_table(buffer.getvalue(), "x.xlsx")
        self.assertEqual(table[0], ["a", "b"])
        self.assertIsInstance(table[1][0], FormulaCell, "no computed value stored: never read as empty")
        self.assertEqual(table[1][1], 5)

    def test_bad_files_are_clean_errors(self):
        for content, name, expected in (
            (b"a;b\n\x00;1\n", "x.csv", "NUL characters"),
            (b'a;b\n"1;2\n', "x.csv", "CSV file is broken"),
            (b"PK\x03\x04 garbage", "x.xlsx", "Excel file cannot be read"),
            (b"a;b", "x.pdf", "must be a CSV"),
        ):
            with self.subTest(expected), self.assertRaisesRegex(UserError, expected):
                self.reader._read_table(content, name)
