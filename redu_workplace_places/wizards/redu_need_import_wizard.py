# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The needs of places from the student administration's file: the columns of the agreements' import
for the student, the qualification and the period (redu_feedback_prep's IMPORT_COLUMNS), read by the
one reader of files (redu.file.reader), dates parsed as the agreements' import parses them."""

import base64

from odoo import fields, models
from odoo.exceptions import UserError

COLUMNS = [
    "student_name",
    "student_ref",
    "qualification_code",
    "unit_code",
    "municipality",
    "start_date",
    "end_date",
    "agreement_type",
]
REQUIRED = ("student_ref", "qualification_code", "municipality", "start_date", "end_date")


class ReduNeedImportWizard(models.TransientModel):
    _name = "redu.need.import.wizard"
    _description = "Import the needs of workplace-learning places"

    file_data = fields.Binary(string="File", required=True)
    file_name = fields.Char()
    company_id = fields.Many2one(
        "res.company", string="Group entity", required=True, default=lambda self: self.env.company
    )
    result = fields.Text(readonly=True)

    def _read_rows(self):
        reader = self.env["redu.file.reader"]
        table = reader._read_table(
            base64.b64decode(self.file_data or b""),
            self.file_name,
            hint=self.env._("Save it as CSV UTF-8 and retry."),
        )
        header, rows = reader._table_records(table, COLUMNS)
        missing = [column for column in REQUIRED if column not in header]
        if missing:
            raise UserError(self.env._("The file has no column %s.", ", ".join(missing)))
        return rows

    def _parse(self, rows):
        """(values of the needs, errors as lines); nothing is created when a row is wrong."""
        parser = self.env["redu.agreement.import.wizard"]
        codes = {str(parser._text(data.get("qualification_code"))) for _row, data in rows}
        qualifications = {q.code: q for q in self.env["redu.qualification"].search([("code", "in", list(codes))])}
        municipalities = {m.name.casefold(): m for m in self.env["redu.municipality"].search([])}
        municipalities.update({m.code: m for m in municipalities.values() if m.code})
        values_list, errors = [], []
        for row, data in rows:
            text = {column: parser._text(data.get(column)) for column in COLUMNS}
            try:
                missing = [column for column in REQUIRED if not text[column]]
                if missing:
                    raise ValueError(self.env._("%s missing", ", ".join(missing)))
                qualification = qualifications.get(text["qualification_code"])
                if not qualification:
                    raise ValueError(self.env._("no qualification with the code %s", text["qualification_code"]))
                unit = qualification.unit_ids.filtered(lambda u, code=text["unit_code"]: u.code == code)[:1]
                if text["unit_code"] and not unit:
                    raise ValueError(self.env._("no unit %s in the qualification", text["unit_code"]))
                municipality = municipalities.get(text["municipality"].casefold())
                if not municipality:
                    raise ValueError(self.env._("unknown municipality %s", text["municipality"]))
                start = parser._parse_date(data.get("start_date"), self.env._("start date"))
                end = parser._parse_date(data.get("end_date"), self.env._("end date"))
                if end < start:
                    raise ValueError(self.env._("the period ends before it starts"))
                agreement_type = text["agreement_type"] or "training_agreement"
                if agreement_type not in dict(self.env["redu.workplace.agreement"]._fields["agreement_type"].selection):
                    raise ValueError(self.env._("agreement_type is training_agreement or apprenticeship"))
            except ValueError as error:
                errors.append(self.env._("Row %(row)s: %(error)s", row=row, error=error))
                continue
            values_list.append(
                {
                    "student_name": text["student_name"] or False,
                    "student_ref": text["student_ref"],
                    "qualification_id": qualification.id,
                    "unit_id": unit.id,
                    "municipality_id": municipality.id,
                    "date_start": start,
                    "date_end": end,
                    "agreement_type": agreement_type,
                    "company_id": self.company_id.id,
                }
            )
        return values_list, errors

    def action_import(self):
        self.ensure_one()
        values_list, errors = self._parse(self._read_rows())
        if errors:
            raise UserError("\n".join([self.env._("Nothing was imported:"), *errors]))
        Need = self.env["redu.placement.need"]
        existing = {
            (need.student_ref, need.qualification_id.id, need.unit_id.id, need.date_start)
            for need in Need.search(
                [
                    ("company_id", "=", self.company_id.id),
                    ("student_ref", "in", [values["student_ref"] for values in values_list]),
                ]
            )
        }
        new = [
            values
            for values in values_list
            if (values["student_ref"], values["qualification_id"], values["unit_id"], values["date_start"])
            not in existing
        ]
        needs = Need.create(new)
        self.result = self.env._(
            "%(created)s needs created, %(skipped)s already known.",
            created=len(needs),
            skipped=len(values_list) - len(new),
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }
