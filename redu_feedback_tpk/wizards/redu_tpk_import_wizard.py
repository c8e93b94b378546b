# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
import binascii
import datetime

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.redu_base.tools.spreadsheet import formula_text
from odoo.addons.redu_feedback_prep.models.redu_workplace_agreement import DATE_MAX, DATE_MIN

from ..tools import tpk_rules

# rows imported at once by a background task (and the default threshold of one)
IMPORT_BATCH = 1000

# the columns of Arvo's workplace survey link file
ARVO_COLUMNS = (
    "tunnus",
    "url",
    "voimassa_alkupvm",
    "voimassa_loppupvm",
    "vastausten_lkm",
    "kohteiden_lkm",
    "tyonantaja",
    "tyopaikka",
    "tutkinnot",
    "tutkinnon_osat",
    "tyopaikkajaksojen_lkm",
    "tyopaikkajaksojen_kesto",
)
REQUIRED_COLUMNS = (
    "tunnus",
    "url",
    "voimassa_alkupvm",
    "voimassa_loppupvm",
    "vastausten_lkm",
    "tyonantaja",
    "tyopaikka",
)
# the dates a link may have are those of an agreement (DATE_MIN..DATE_MAX); the largest count
COUNT_MAX = 1_000_000
# the longest value a cell may hold (a link, a code, a Y-tunnus, a name): longer is a broken row
VALUE_MAX_LENGTH = 2000
DATE_COLUMNS = ("voimassa_alkupvm", "voimassa_loppupvm")
NUMBER_COLUMNS = ("vastausten_lkm", "kohteiden_lkm")


def _parse_date(value):
    value = (value or "").strip()
    if not value:
        return None
    for pattern in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            day = datetime.datetime.strptime(value[:10], pattern).date()
        except ValueError:
            continue
        if not DATE_MIN <= day <= DATE_MAX:
            raise ValueError(value)
        return day
    raise ValueError(value)


def _parse_int(value):
    value = (value or "").strip()
    number = int(value) if value else 0
    if not 0 <= number <= COUNT_MAX:
        raise ValueError(value)
    return number


class ReduTpkImportWizard(models.TransientModel):
    """Import the workplace survey links that the provider downloads from Arvo as a CSV file."""

    _name = "redu.tpk.import.wizard"
    _description = "Import workplace survey links"

    file = fields.Binary(string="Arvo CSV file", required=True)
    filename = fields.Char()
    state = fields.Selection([("draft", "Draft"), ("done", "Done")], default="draft")
    linked_count = fields.Integer(string="Links stored", readonly=True)
    updated_count = fields.Integer(string="Answer counts updated", readonly=True)
    unmatched_rows = fields.Text(string="Rows without a bundle", readonly=True)
    bad_rows = fields.Text(string="Rows not read", readonly=True)
    bundle_without_link_ids = fields.Many2many("redu.tpk.bundle", string="Bundles without a link", readonly=True)

    def _read_rows(self):
        """The rows of the file as dicts; a UserError for a file that is not Arvo's CSV."""
        try:
            raw = base64.b64decode(self.file or b"", validate=False)
        except binascii.Error:
            raise UserError(self.env._("The file is not Arvo's CSV file. Download the CSV from Arvo again.")) from None
        reader = self.env["redu.file.reader"]
        # Arvo writes UTF-8 (a file saved again by Excel as "Unicode text" is UTF-16 with its BOM)
        table = reader._read_csv(
            raw, hint=self.env._("Download the CSV from Arvo again."), encodings=("utf-8-sig",), delimiter=";"
        )
        header, records = reader._table_records(table)
        missing = [column for column in REQUIRED_COLUMNS if column not in header]
        if missing:
            raise UserError(
                self.env._(
                    "This is not Arvo's workplace survey file: the columns %(columns)s are missing. "
                    "Expected semicolon-separated columns: %(expected)s.",
                    columns=", ".join(missing),
                    expected="; ".join(ARVO_COLUMNS),
                )
            )
        return [
            (row_number, {column: (value or "").strip() for column, value in values.items()})
            for row_number, values in records
        ]

    def _row_problem(self, row):
        """Why a row cannot be read (a formula, a value too long, a date or count out of range), naming the
        column; None for a row that can be matched."""
        for column, value in row.items():
            formula = formula_text(value)
            if formula and (column in DATE_COLUMNS or column in NUMBER_COLUMNS or column in REQUIRED_COLUMNS):
                return self.env._(
                    "the column %(column)s holds a formula (%(formula)s), not a value",
                    column=column,
                    formula=formula[:50],
                )
            if len(value) > VALUE_MAX_LENGTH:
                return self.env._(
                    "the column %(column)s is too long (%(length)s characters; at most %(limit)s)",
                    column=column,
                    length=len(value),
                    limit=VALUE_MAX_LENGTH,
                )
        for column in DATE_COLUMNS:
            try:
                _parse_date(row.get(column))
            except ValueError:
                return self.env._(
                    "the column %(column)s is not a date from %(min)s to %(max)s: %(value)s",
                    column=column,
                    min=DATE_MIN,
                    max=DATE_MAX,
                    value=row.get(column)[:50],
                )
        for column in NUMBER_COLUMNS:
            try:
                _parse_int(row.get(column))
            except ValueError:
                return self.env._(
                    "the column %(column)s is not a whole number from 0 to %(max)s: %(value)s",
                    column=column,
                    max=COUNT_MAX,
                    value=row.get(column)[:50],
                )
        return None

    def action_import(self):
        """Match each row to a predicted bundle by Y-tunnus, normalised workplace name and collection
        period; store the link, the validity and the answer count. A bundle that has its link already
        gets only its answer count updated. A bad row is reported; the others are imported."""
        self.ensure_one()
        rows = self._read_rows()
        if "redu_import_slice" in self.env.context:  # a batch of a background task (_job_import_links)
            start, stop = self.env.context["redu_import_slice"]
            rows = rows[start:stop]
        elif len(rows) > self.env["redu.background.job"]._threshold("import", IMPORT_BATCH):
            return self._import_in_background(rows)
        parsed, bad = [], []
        for line_number, row in rows:
            problem = self._row_problem(row)
            if problem:
                bad.append(self.env._("Line %(line)s: %(problem)s.", line=line_number, problem=problem))
                continue
            try:
                valid_from = _parse_date(row.get("voimassa_alkupvm"))
                valid_to = _parse_date(row.get("voimassa_loppupvm"))
                answers = _parse_int(row.get("vastausten_lkm"))
                targets = _parse_int(row.get("kohteiden_lkm"))
            except ValueError:
                bad.append(self.env._("Line %(line)s: a date or a number cannot be read.", line=line_number))
                continue
            if not (row.get("url") and row.get("tyonantaja") and row.get("tyopaikka") and valid_from):
                bad.append(
                    self.env._(
                        "Line %(line)s: the link, the Y-tunnus, the workplace or the validity start is missing.",
                        line=line_number,
                    )
                )
                continue
            period = tpk_rules.period_of_window_day(valid_from)
            parsed.append((line_number, row, valid_from, valid_to, answers, targets, period))
        business_ids = list({row["tyonantaja"] for _l, row, *_rest in parsed})
        Bundle = self.env["redu.tpk.bundle"]
        candidates = Bundle.search([("business_id", "in", business_ids)]) if business_ids else Bundle
        by_match = {}
        for bundle in candidates:
            by_match.setdefault((bundle.business_id, bundle.normalized_name, bundle.period_start), bundle)
        unmatched, linked, updated = [], Bundle, {}
        for line_number, row, valid_from, valid_to, answers, targets, period in parsed:
            bundle = period and by_match.get((row["tyonantaja"], tpk_rules.normalize(row["tyopaikka"]), period[0]))
            if not bundle:
                unmatched.append(f"{line_number}: {row['tyonantaja']} {row['tyopaikka']} ({row['voimassa_alkupvm']})")
                continue
            if bundle.survey_url:
                if bundle.answer_count != answers:
                    updated[bundle] = answers
                continue
            # sudo: the link and the answers come from Arvo's file only (a feedback administrator's import)
            bundle.sudo().write(
                {
                    "survey_code": row.get("tunnus") or False,
                    "survey_url": row["url"],
                    "valid_from": valid_from,
                    "valid_to": valid_to,
                    "answer_count": answers,
                    "target_count": targets,
                }
            )
            linked |= bundle
        for answers, bundles in Bundle.browse([b.id for b in updated]).grouped(lambda b: updated[b]).items():
            bundles.sudo().write({"answer_count": answers})  # sudo: as above, from Arvo's file
        periods = {period[0] for *_rest, period in parsed if period}
        without_link = Bundle.search([("period_start", "in", list(periods)), ("survey_url", "=", False)])
        self.write(
            {
                "state": "done",
                "linked_count": len(linked),
                "updated_count": len(updated),
                "unmatched_rows": "\n".join(unmatched) or False,
                "bad_rows": "\n".join(bad) or False,
                "bundle_without_link_ids": [fields.Command.set(without_link.ids)],
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }

    # ------------------------------------------------------- background import
    def _import_in_background(self, rows):
        job = self.env["redu.background.job"]._enqueue(
            self.env._("Import of %(rows)s survey link rows (%(file)s)", rows=len(rows), file=self.filename or ""),
            self,
            "_job_import_links",
            total=len(rows),
            file_content=base64.b64decode(self.file),
            file_name=self.filename or "arvo.csv",
            manager_group="redu_feedback_prep.group_feedback_manager",
        )
        return job._action_open()

    @api.model
    def _job_import_links(self, job):
        """Background task: import the next rows of the job's file with the wizard's own code."""
        wizard = self.create({"file": base64.b64encode(job.attachment_id.raw), "filename": job.attachment_id.name})
        wizard.with_context(redu_import_slice=(job.done, job.done + IMPORT_BATCH)).action_import()
        processed = min(IMPORT_BATCH, job.total - job.done)
        counts = job._add_counts(linked=wizard.linked_count, updated=wizard.updated_count)
        lines = [
            {"ref": self.env._("Row without a bundle"), "message": line}
            for line in (wizard.unmatched_rows or "").splitlines()
        ]
        lines += [{"ref": self.env._("Row not read"), "message": line} for line in (wizard.bad_rows or "").splitlines()]
        job._add_lines(lines)
        waiting = set((job.payload or {}).get("without_link", [])) | set(wizard.bundle_without_link_ids.ids)
        job.payload = dict(job.payload or {}, without_link=sorted(waiting))
        without_link = self.env["redu.tpk.bundle"].browse(sorted(waiting)).filtered(lambda b: not b.survey_url)
        job.result = self.env._(
            "%(linked)s links stored, %(updated)s answer counts updated, %(lines)s rows reported, "
            "%(waiting)s bundles still without a link.",
            linked=counts["linked"],
            updated=counts["updated"],
            lines=len(job.line_ids),
            waiting=len(without_link),
        )
        return processed
