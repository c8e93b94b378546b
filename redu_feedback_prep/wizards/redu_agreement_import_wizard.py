# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
import csv
import datetime
import io
import logging
from collections import Counter

from odoo import Command, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.redu_base.tools.spreadsheet import FormulaCell, formula_text, neutralise_row

from ..models.redu_study_right_period import STUDY_RIGHT_STATES
from ..models.redu_workplace_agreement import DATE_MAX, DATE_MIN, REF_MAX_LENGTH, STUDY_TYPES
from ..tools.national_rules import java_trim

_logger = logging.getLogger(__name__)
# rows imported at once by a background task (and the default threshold of one)
IMPORT_BATCH = 1000

# The columns of the import file, in the template's order (documented in readme/USAGE.md).
IMPORT_COLUMNS = [
    "source_ref",
    "agreement_type",
    "student_name",
    "student_ref",
    "employer_name",
    "employer_business_id",
    "workplace_name",
    "instructor_name",
    "instructor_email",
    "instructor_phone",
    "start_date",
    "end_date",
    "part_time_percent",
    "apprenticeship_basis",
    "qualification",
    "qualification_unit",
    "teacher_login",
    # optional study-right columns (the national rules use them; empty = not known)
    "qualification_code",
    "study_type",
    "study_right_start",
    "study_right_end",
    "study_right_state",
    "study_right_state_start",
    "funding_code",
    "study_right_linked",
    "tuva_related",
    "interruption_start",
    "interruption_end",
]
# the values eHOKS receives as written: only the surrounding spaces go (national_rules.java_trim)
RAW_COLUMNS = frozenset({"instructor_name", "instructor_email", "instructor_phone", "workplace_name"})
TRUE_VALUES = frozenset({"1", "x", "true", "yes", "kyllä", "kylla", "k"})
AGREEMENT_TYPES = {
    "training_agreement": "training_agreement",
    "training agreement": "training_agreement",
    "koulutussopimus": "training_agreement",
    "apprenticeship": "apprenticeship",
    "oppisopimus": "apprenticeship",
}
BASES = {
    "employment": "employment",
    "työsuhde": "employment",
    "tyosuhde": "employment",
    "entrepreneur": "entrepreneur",
    "yrittäjä": "entrepreneur",
    "yrittaja": "entrepreneur",
}
DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y")
DATE_COLUMNS = frozenset(
    {
        "start_date",
        "end_date",
        "study_right_start",
        "study_right_end",
        "study_right_state_start",
        "interruption_start",
        "interruption_end",
    }
)
# the longest value a cell may hold: the IDs and codes are indexed (or part of an index), names and the rest
# are stored on agreements and partners; a longer value is a row error, not a database error
CODE_COLUMNS = frozenset(
    {"source_ref", "student_ref", "employer_business_id", "qualification_code", "funding_code", "teacher_login"}
)
TEXT_MAX_LENGTH = 256
# the columns with a limit of their own (a partner's company ID: redu_partnership's CHECK constraint)
COLUMN_MAX_LENGTHS = {"employer_business_id": 64}
# the columns where a text beginning with "=" is a formula, never a value (names may begin with anything)
VALUE_COLUMNS = CODE_COLUMNS | DATE_COLUMNS | {"part_time_percent", "agreement_type", "study_type"}
# the longest text of each column, spaces around it left out
MAX_LENGTHS = {
    column: COLUMN_MAX_LENGTHS.get(column, REF_MAX_LENGTH if column in CODE_COLUMNS else TEXT_MAX_LENGTH)
    for column in IMPORT_COLUMNS
}


class ReduAgreementImportWizard(models.TransientModel):
    _name = "redu.agreement.import.wizard"
    _description = "Import workplace agreements from the student administration system"

    file_data = fields.Binary(string="File", attachment=False)
    file_name = fields.Char(string="File name")
    track_history = fields.Boolean(
        string="Track history during import",
        help="Log the creation of each new agreement, employer and instructor in its chatter and make you a "
        "follower of it, as a creation by hand does. Off by default, as in Odoo's own import: the rows are "
        "imported much faster. The changes the import makes to existing agreements are tracked either way.",
    )
    template_data = fields.Binary(string="Template", attachment=False, readonly=True)
    template_name = fields.Char(string="Template name", readonly=True)
    result_ids = fields.One2many("redu.agreement.import.result", "wizard_id", string="Results", readonly=True)
    created_count = fields.Integer(string="Created", readonly=True)
    updated_count = fields.Integer(string="Updated", readonly=True)
    unchanged_count = fields.Integer(string="Unchanged", readonly=True)
    error_count = fields.Integer(string="Errors", readonly=True)
    state = fields.Selection([("draft", "Draft"), ("done", "Done")], default="draft")

    # -------------------------------------------------------------- template
    def action_download_template(self):
        self.ensure_one()
        file_format = self.env.context.get("template_format", "xlsx")
        if file_format == "csv":
            buffer = io.StringIO()
            csv.writer(buffer, delimiter=";", lineterminator="\n").writerow(neutralise_row(IMPORT_COLUMNS))
            data = buffer.getvalue().encode("utf-8-sig")
        else:
            import openpyxl  # noqa: PLC0415 - only needed here

            workbook = openpyxl.Workbook()
            sheet = workbook.active
            sheet.title = "agreements"
            sheet.append(neutralise_row(IMPORT_COLUMNS))
            output = io.BytesIO()
            workbook.save(output)
            data = output.getvalue()
        self.write(
            {
                "template_data": base64.b64encode(data),
                "template_name": f"workplace_agreements_template.{file_format}",
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content?model={self._name}&id={self.id}&field=template_data"
            f"&filename_field=template_name&download=true",
            "target": "self",
        }

    # --------------------------------------------------------------- reading
    def _read_file(self):
        """Return the data rows as ``(row_number, {column: value})``."""
        if not self.file_data:
            raise UserError(self.env._("Choose the file to import."))
        table = self.env["redu.file.reader"]._read_table(
            base64.b64decode(self.file_data), self.file_name, hint=self.env._("Save it as CSV UTF-8 and retry.")
        )
        header, rows = self.env["redu.file.reader"]._table_records(table, IMPORT_COLUMNS)
        missing = [column for column in ("source_ref", "agreement_type") if column not in header]
        if missing:
            raise UserError(
                self.env._(
                    "The file has no column %s; download the template to see the columns.",
                    ", ".join(missing),
                )
            )
        return rows

    # --------------------------------------------------------------- parsing
    @api.model
    def _text(self, value):
        if isinstance(value, str):  # most cells: the text, its spaces normalised
            return " ".join(value.split())
        if value is None or isinstance(value, FormulaCell):
            return ""
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return " ".join(str(value).split())

    @api.model
    def _raw(self, value):
        """A value kept as written but for the surrounding spaces (names, emails, phones)."""
        if isinstance(value, str):
            return java_trim(value)
        if value is None or isinstance(value, FormulaCell):
            return ""
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return java_trim(str(value))

    @api.model
    def _parse_date(self, value, label):
        if value in (None, ""):
            return False
        if isinstance(value, datetime.datetime):
            return self._check_date_range(value.date(), label)
        if isinstance(value, datetime.date):
            return self._check_date_range(value, label)
        text = self._text(value)
        for date_format in DATE_FORMATS:
            try:
                day = datetime.datetime.strptime(text, date_format).date()
            except ValueError:
                continue
            return self._check_date_range(day, label)
        raise ValueError(
            self.env._("the %(label)s %(value)s is not a date (use 2025-08-31 or 31.8.2025)", label=label, value=text)
        )

    @api.model
    def _check_date_range(self, day, label):
        if not DATE_MIN <= day <= DATE_MAX:
            raise ValueError(
                self.env._(
                    "the %(label)s %(value)s is out of range (use a date from %(min)s to %(max)s)",
                    label=label,
                    value=day,
                    min=DATE_MIN,
                    max=DATE_MAX,
                )
            )
        return day

    @api.model
    def _check_cells(self, data):
        """Refuse the row for a formula or a value too long for its column (ValueError naming the column)."""
        for column, limit in MAX_LENGTHS.items():
            value = data.get(column)
            if value is None:
                continue
            # only a value column's text or a formula cell can be a formula refused
            formula = (column in VALUE_COLUMNS or isinstance(value, FormulaCell)) and formula_text(value)
            if formula:
                raise ValueError(
                    self.env._(
                        "the column %(column)s holds a formula (%(formula)s), not a value: type the value itself "
                        "or save the file in Excel so that the computed value is stored",
                        column=column,
                        formula=formula[:50],
                    )
                )
            if isinstance(value, str) and len(value) > limit and len(value.strip()) > limit:
                raise ValueError(
                    self.env._(
                        "the column %(column)s is too long (%(length)s characters; at most %(limit)s)",
                        column=column,
                        length=len(value.strip()),
                        limit=limit,
                    )
                )

    @api.model
    def _parse_row(self, data, teachers):
        """Return the cleaned values of one row or raise ValueError with the reason."""
        self._check_cells(data)
        text = {
            column: self._raw(data.get(column)) if column in RAW_COLUMNS else self._text(data.get(column))
            for column in IMPORT_COLUMNS
        }
        if not text["source_ref"]:
            raise ValueError(self.env._("the source ID (source_ref) is missing"))
        agreement_type = AGREEMENT_TYPES.get(text["agreement_type"].lower())
        if not agreement_type:
            raise ValueError(
                self.env._(
                    "unknown agreement type %s (use training_agreement or apprenticeship)",
                    text["agreement_type"] or '""',
                )
            )
        basis = False
        if text["apprenticeship_basis"]:
            basis = BASES.get(text["apprenticeship_basis"].lower())
            if not basis:
                raise ValueError(
                    self.env._(
                        "unknown apprenticeship basis %s (use employment or entrepreneur)", text["apprenticeship_basis"]
                    )
                )
        percent = 0
        if text["part_time_percent"]:
            try:
                percent = float(text["part_time_percent"].replace("%", "").replace(",", ".").strip())
            except ValueError:
                percent = -1
            if not (0 <= percent <= 100) or not float(percent).is_integer():
                raise ValueError(
                    self.env._(
                        "the part-time percentage %s is not a whole number from 1 to 100", text["part_time_percent"]
                    )
                )
        teacher = False
        if text["teacher_login"]:
            teacher = teachers.get(text["teacher_login"].lower())
            if not teacher:
                raise ValueError(self.env._("no user with the login %s", text["teacher_login"]))
        return {
            "source_ref": text["source_ref"],
            "agreement_type": agreement_type,
            "student_name": text["student_name"] or False,
            "student_ref": text["student_ref"] or False,
            "employer_name": text["employer_name"],
            "employer_business_id": text["employer_business_id"],
            "workplace_name": text["workplace_name"] or False,
            "instructor_name": text["instructor_name"],
            "instructor_email": text["instructor_email"],
            "instructor_phone": text["instructor_phone"],
            "start_date": self._parse_date(data.get("start_date"), self.env._("start date")),
            "end_date": self._parse_date(data.get("end_date"), self.env._("end date")),
            "part_time_percent": int(percent),
            "apprenticeship_basis": basis,
            "qualification": text["qualification"] or False,
            "qualification_unit": text["qualification_unit"] or False,
            "teacher_id": teacher,
            **self._parse_study_right(data, text),
        }

    @api.model
    def _parse_code(self, value, selection, label):
        """The selection key written in the cell (any case), or ValueError naming the known keys."""
        code = value.lower()
        if code not in dict(selection):
            raise ValueError(
                self.env._(
                    "unknown %(label)s %(value)s (use %(known)s)",
                    label=label,
                    value=value,
                    known=", ".join(dict(selection)),
                )
            )
        return code

    @api.model
    def _parse_study_right(self, data, text):
        """The optional study-right columns; only those given (an empty cell leaves the value as it is)."""
        values = {}
        if text["qualification_code"]:
            values["qualification_code"] = text["qualification_code"]
        if text["study_type"]:
            values["study_type"] = self._parse_code(text["study_type"], STUDY_TYPES, self.env._("study type"))
        for column in ("study_right_start", "study_right_end"):
            if text[column]:
                values[column] = self._parse_date(data.get(column), column)
        for column in ("study_right_linked", "tuva_related"):
            if text[column]:
                values[column] = text[column].lower() in TRUE_VALUES
        if text["study_right_state"]:
            state = self._parse_code(text["study_right_state"], STUDY_RIGHT_STATES, self.env._("study right state"))
            start = self._parse_date(data.get("study_right_state_start"), "study_right_state_start") or values.get(
                "study_right_start"
            )
            if not start:
                raise ValueError(self.env._("the study right state needs study_right_state_start or study_right_start"))
            values["study_right_period"] = {
                "start_date": start,
                "state": state,
                "funding_code": text["funding_code"] or False,
            }
        if text["interruption_start"]:
            values["interruption"] = {
                "start_date": self._parse_date(data.get("interruption_start"), "interruption_start"),
                "end_date": self._parse_date(data.get("interruption_end"), "interruption_end"),
            }
        return values

    # ---------------------------------------------------------------- import
    def action_import(self):
        self.ensure_one()
        rows = self._read_file()
        Job = self.env["redu.background.job"]
        if len(rows) > Job._threshold("import", IMPORT_BATCH):
            # thousands of rows: a background task with the same row code, batch by batch
            job = Job._enqueue(
                self.env._("Import of %(rows)s agreement rows (%(file)s)", rows=len(rows), file=self.file_name),
                self,
                "_job_import",
                total=len(rows),
                file_content=base64.b64decode(self.file_data),
                file_name=self.file_name,
                payload={"track_history": self.track_history},
                manager_group="redu_feedback_prep.group_feedback_manager",
                channel="long",
            )
            return job._action_open()
        results = self._import_rows(rows, track_history=self.track_history)
        self.result_ids.unlink()
        self.write(
            {
                "result_ids": [Command.create(result) for result in results],
                "created_count": sum(1 for result in results if result["status"] == "created"),
                "updated_count": sum(1 for result in results if result["status"] == "updated"),
                "unchanged_count": sum(1 for result in results if result["status"] == "unchanged"),
                "error_count": sum(1 for result in results if result["status"] == "error"),
                "state": "done",
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }

    def _import_rows(self, rows, seen_refs=None, track_history=False):
        """Import ``rows`` (``(row number, {column: value})``); the result dict of each row.

        :param seen_refs: {source ID: row number} of the rows imported before (a background task's
            earlier batches): a source ID met again is a row error
        :param track_history: the chatter of the records created (a creation message, the user a
            follower), as a creation by hand; without it they are created with ``tracking_disable``,
            as Odoo's own import does (base_import ``execute_import``, its option "Track history during
            import", off by default). The updates of existing agreements are tracked either way.
        """
        logins = {self._text(data.get("teacher_login")).lower() for _number, data in rows} - {""}
        teachers = {}
        if logins:
            users = self.env["res.users"].with_context(active_test=False).search([("login", "in", list(logins))])
            teachers = {user.login.lower(): user.id for user in users}
        results = []
        good = []
        seen_refs = dict(seen_refs or {})
        for number, data in rows:
            try:
                values = self._parse_row(data, teachers)
                if values["source_ref"] in seen_refs:
                    raise ValueError(
                        self.env._(
                            "the source ID %(ref)s is already on row %(row)s",
                            ref=values["source_ref"],
                            row=seen_refs[values["source_ref"]],
                        )
                    )
            except ValueError as error:
                results.append(
                    {
                        "row_number": number,
                        "source_ref": self._text(data.get("source_ref")),
                        "status": "error",
                        "message": str(error),
                    }
                )
                continue
            seen_refs[values["source_ref"]] = number
            good.append((number, values))
        partners = self.env["res.partner"]
        if not track_history:
            # the partners created: without chatter (mail.thread's own context key)
            partners = partners.with_context(tracking_disable=True)
        employers = partners._redu_match_employers([values for _number, values in good])
        instructors = partners._redu_match_instructors([values for _number, values in good], employers)
        results += self._upsert_agreements(good, employers, instructors, track_history)
        results.sort(key=lambda result: result["row_number"])
        return results

    # ------------------------------------------------------- background import
    @api.model
    def _job_rows(self, job):
        """The rows of the job's file, read with the wizard's own reader once per run of the task: the
        cursor's cache keeps them for the next batches of the same run (it lives as long as the cron's
        cursor, across its commits, and is never shared with another thread or database)."""
        attachment = job.attachment_id
        key = ("redu_feedback_prep.import_rows", attachment.id, attachment.checksum)
        rows = self.env.cr.cache.get(key)
        if rows is None:
            reader = self.new({"file_data": base64.b64encode(attachment.raw), "file_name": attachment.name})
            rows = self.env.cr.cache[key] = reader._read_file()
        return rows

    @api.model
    def _job_repeated_refs(self, job):
        """The source IDs on more than one row of the job's file, found once per run of the task (kept as its
        rows): only these are remembered from batch to batch, to refuse their later rows."""
        attachment = job.attachment_id
        key = ("redu_feedback_prep.import_repeated_refs", attachment.id, attachment.checksum)
        repeated = self.env.cr.cache.get(key)
        if repeated is None:
            counts = Counter(self._text(data.get("source_ref")) for _number, data in self._job_rows(job))
            repeated = self.env.cr.cache[key] = frozenset(ref for ref, count in counts.items() if ref and count > 1)
        return repeated

    @api.model
    def _job_import(self, job):
        """Background task: import the next batch of rows of the job's file."""
        rows = self._job_rows(job)
        batch = rows[job.done : job.done + IMPORT_BATCH]
        # the task's memory between batches: the rows already imported of the source IDs the file repeats
        # (the payload is read and written whole for each batch: not every source ID of the file)
        repeated = self._job_repeated_refs(job)
        payload = job.payload or {}  # read once: each read of a Json field is a deep copy
        seen = payload.get("seen_refs", {})
        track_history = bool(payload.get("track_history"))
        try:
            with self.env.cr.savepoint():
                results = self._import_rows(batch, seen, track_history)
        except Exception:  # noqa: BLE001 - one bad row never sinks the batch: retried row by row
            _logger.warning("agreement import: a batch failed; retried row by row", exc_info=True)
            results = []
            for row in batch:
                try:
                    with self.env.cr.savepoint():
                        row_results = self._import_rows([row], seen, track_history)
                except Exception as error:  # noqa: BLE001
                    row_results = [
                        {
                            "row_number": row[0],
                            "source_ref": self._text(row[1].get("source_ref")),
                            "status": "error",
                            "message": str(error) or repr(error),
                        }
                    ]
                seen.update(self._seen_refs(row_results, repeated))
                results += row_results
        seen.update(self._seen_refs(results, repeated))
        job.payload = dict(payload, seen_refs=seen)
        statuses = [result["status"] for result in results]
        counts = job._add_counts(
            created=statuses.count("created"),
            updated=statuses.count("updated"),
            unchanged=statuses.count("unchanged"),
            errors=statuses.count("error"),
        )
        job._add_lines(
            [
                {
                    "ref": self.env._("Row %(row)s", row=result["row_number"])
                    + (f" ({result['source_ref']})" if result["source_ref"] else ""),
                    "message": result["message"],
                }
                for result in results
                if result["status"] == "error"
            ]
        )
        job.result = self.env._(
            "%(created)s created, %(updated)s updated, %(unchanged)s unchanged, %(errors)s rows with errors.",
            **counts,
        )
        return len(batch)

    @api.model
    def _seen_refs(self, results, repeated):
        """{source ID: row number} of the rows imported among ``results`` whose source ID is in ``repeated``."""
        return {
            result["source_ref"]: result["row_number"]
            for result in results
            if result["status"] != "error" and result["source_ref"] in repeated
        }

    @api.model
    def _upsert_agreements(self, good, employers, instructors, track_history=False):
        # the rows are validated in one run at the end, not one write at a time
        with self.env["redu.workplace.agreement"]._validation_batch() as agreement_model:
            return self._upsert_agreements_batched(agreement_model, good, employers, instructors, track_history)

    @api.model
    def _upsert_agreements_batched(self, agreement_model, good, employers, instructors, track_history=False):
        """Update the agreements of the rows (tracked) and create the new ones (with their chatter only with
        ``track_history``), all at once."""
        company = self.env.company
        existing = {
            agreement.source_ref: agreement
            for agreement in agreement_model.with_context(active_test=False).search(
                [
                    ("company_id", "=", company.id),
                    ("source_ref", "in", [values["source_ref"] for _n, values in good]),
                ]
            )
        }
        results = []
        to_create = []
        for number, values in good:
            employer = employers.get(self.env["res.partner"]._redu_employer_key(values)) or False
            instructor = False
            if values["instructor_name"] or values["instructor_email"]:
                instructor = instructors.get(self.env["res.partner"]._redu_instructor_key(values, employer)) or False
            vals = {
                "agreement_type": values["agreement_type"],
                "student_name": values["student_name"],
                "student_ref": values["student_ref"],
                "employer_id": employer,
                "instructor_id": instructor,
                "start_date": values["start_date"],
                "end_date": values["end_date"],
                "part_time_percent": values["part_time_percent"],
                "apprenticeship_basis": values["apprenticeship_basis"],
                "qualification": values["qualification"],
                "qualification_unit": values["qualification_unit"],
            }
            if values["workplace_name"]:
                vals["workplace_name"] = values["workplace_name"]
            if values["teacher_id"]:
                vals["teacher_id"] = values["teacher_id"]
            for name in (
                "qualification_code",
                "study_type",
                "study_right_start",
                "study_right_end",
                "study_right_linked",
                "tuva_related",
            ):
                if name in values:
                    vals[name] = values[name]
            agreement = existing.get(values["source_ref"])
            result = {"row_number": number, "source_ref": values["source_ref"]}
            if agreement:
                changes = {
                    name: value for name, value in vals.items() if self._current(agreement, name) != (value or False)
                }
                changes.update(self._child_changes(agreement, values))
                if changes:
                    agreement.write(changes)
                    result.update(
                        status="updated",
                        agreement_id=agreement.id,
                        message=self.env._(
                            "Updated: %s",
                            ", ".join(agreement._fields[name].get_description(self.env)["string"] for name in changes),
                        ),
                    )
                else:
                    result.update(status="unchanged", agreement_id=agreement.id, message=self.env._("No changes"))
            else:
                vals.update(
                    source_ref=values["source_ref"],
                    company_id=company.id,
                    **self._child_changes(agreement_model, values),
                )
                to_create.append((result, vals))
                result.update(status="created", message=self.env._("Created"))
            results.append(result)
        if to_create:
            creator = agreement_model if track_history else agreement_model.with_context(tracking_disable=True)
            created = creator._redu_shared_defaults().create([vals for _result, vals in to_create])
            for (result, _vals), agreement in zip(to_create, created, strict=True):
                result["agreement_id"] = agreement.id
        return results

    @api.model
    def _child_changes(self, agreement, values):
        """The study-right period and interruption of the row, replacing the agreement's when they differ."""
        changes = {}
        for field_name, key in (("study_right_period_ids", "study_right_period"), ("interruption_ids", "interruption")):
            wanted = values.get(key)
            if not wanted:
                continue
            current = (
                [{name: self._current(line, name) for name in wanted} for line in agreement[field_name]]
                if agreement
                else []
            )
            if current != [{name: value or False for name, value in wanted.items()}]:
                changes[field_name] = [Command.clear(), Command.create(wanted)]
        return changes

    @api.model
    def _current(self, agreement, name):
        value = agreement[name]
        if isinstance(value, models.BaseModel):
            return value.id or False
        return value or False
