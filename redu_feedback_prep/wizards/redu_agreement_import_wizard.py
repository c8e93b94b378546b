# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
import csv
import datetime
import io
import logging
from collections import Counter, defaultdict

from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.service.model import PG_CONCURRENCY_EXCEPTIONS_TO_RETRY

from odoo.addons.redu_background.exceptions import RetryWhenWoken
from odoo.addons.redu_background.models.redu_background_job import OPEN_STATES
from odoo.addons.redu_base.tools.spreadsheet import (
    FormulaCell,
    formula_text,
    neutralise_row,
    rows_from_json,
    rows_to_json,
)

from ..models.redu_study_right_period import STUDY_RIGHT_STATES
from ..models.redu_workplace_agreement import DATE_MAX, DATE_MIN, REF_MAX_LENGTH, STUDY_TYPES
from ..tools.national_rules import java_trim

_logger = logging.getLogger(__name__)
# rows imported at once by a background task (and the default threshold of one)
IMPORT_BATCH = 1000
# A file of more than one batch is split into this many parts, imported side by side by the long channel's two
# workers (redu_background's scheduled actions): a worker spends about a third of an import waiting for
# PostgreSQL, and the machine's other core is idle meanwhile.
IMPORT_PARTS = 2
# the agreements of a split import validated again by one call when its parts have ended (its memory stays bounded)
GATHER_VALIDATION_CHUNK = 10000

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
            # thousands of rows: a background task with the same row code, batch by batch; a file of more than one
            # batch in parts imported side by side (_import_parts: the parsing of the rows, not their import)
            parts = (
                self._import_parts(rows, IMPORT_PARTS)
                if len(rows) > IMPORT_BATCH
                else [[number for number, _data in rows]]
            )
            payload = {"track_history": self.track_history}
            job = Job._enqueue(
                self.env._("Import of %(rows)s agreement rows (%(file)s)", rows=len(rows), file=self.file_name),
                self,
                "_job_import",
                total=len(rows),
                file_content=base64.b64decode(self.file_data),
                file_name=self.file_name,
                payload=payload,
                manager_group="redu_feedback_prep.group_feedback_manager",
                channel="long",
            )
            if len(parts) > 1:
                jobs = [job] + [
                    Job._enqueue(
                        self.env._("%(task)s, part %(part)s of %(parts)s", task=job.name, part=index, parts=len(parts)),
                        self,
                        "_job_import",
                        total=len(numbers),
                        attachment=job.attachment_id,
                        payload=payload,
                        manager_group="redu_feedback_prep.group_feedback_manager",
                        channel="long",
                        part_of=job,
                    )
                    for index, numbers in enumerate(parts[1:], start=2)
                ]
                by_number = dict(rows)
                for part_job, numbers in zip(jobs, parts, strict=True):
                    # sudo: a task's payload is the system's (users only read their tasks)
                    part_job.sudo().payload = dict(
                        payload, rows=numbers, **self._part_rows_copy(part_job, [(n, by_number[n]) for n in numbers])
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
        teachers = self._import_teachers(rows)
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

    @api.model
    def _import_teachers(self, rows):
        """{login (lower case): user id} of the teachers the rows name."""
        logins = {self._text(data.get("teacher_login")).lower() for _number, data in rows} - {""}
        if not logins:
            return {}
        users = self.env["res.users"].with_context(active_test=False).search([("login", "in", list(logins))])
        return {user.login.lower(): user.id for user in users}

    @api.model
    def _import_parts(self, rows, count):
        """Split ``rows`` into at most ``count`` parts that can be imported side by side, each in its own
        transaction: a list of lists of row numbers, the largest part first, each in the file's order.

        The rows an import links are kept in one part: those of one source ID (a later row is refused), of one
        employer (by business ID, or by the name a row without one is matched by: it is created once), of one
        instructor (by email or by name: the import matches an instructor by either, so that a later row finds the
        instructor an earlier one created) and of one student (their agreements are one HOKS). The groups of rows
        so linked are shared out largest first, each to the part with the fewest rows. Only the values matched by
        are read (a row the parser refuses is refused in either part). What the parts cannot see of each other (a
        bundle reached through an existing partner from both) is judged when they have ended (``_job_gather``).
        """
        partner_model = self.env["res.partner"]
        normalized = {}
        parent = {}

        def find(key):
            root = key
            while parent.setdefault(root, root) != root:
                root = parent[root]
            while parent[key] != root:  # path compression
                parent[key], key = root, parent[key]
            return root

        # the values the import matches by, read as the parser reads them (the rest of a row does not link it)
        linked = [
            (
                number,
                {
                    "source_ref": self._text(data.get("source_ref")),
                    "student_ref": self._text(data.get("student_ref")),
                    "employer_business_id": self._text(data.get("employer_business_id")),
                    "employer_name": self._text(data.get("employer_name")),
                    "workplace_name": self._raw(data.get("workplace_name")),
                    "instructor_email": self._raw(data.get("instructor_email")),
                    "instructor_name": self._raw(data.get("instructor_name")),
                },
            )
            for number, data in rows
        ]
        # the names an employer is matched by: those of the rows without a business ID (a row with one is matched
        # by its ID; its name links it only to a row that has none)
        employer_keys = [partner_model._redu_employer_key(values, normalized) for _number, values in linked]
        matched_names = {key for key in employer_keys if key and key[0] == "name"}
        firsts = []
        for (number, values), employer_key in zip(linked, employer_keys, strict=True):
            keys = [("row", number)]
            if values["source_ref"]:
                keys.append(("ref", values["source_ref"]))
            if employer_key:
                keys.append(employer_key)
            name = values["employer_name"] or values["workplace_name"]
            if name and ("name", name.casefold()) in matched_names:
                keys.append(("name", name.casefold()))
            if values["student_ref"]:
                keys.append(("student", values["student_ref"]))
            if values["instructor_email"]:
                keys.append(("email", values["instructor_email"].casefold()))
            if values["instructor_name"]:
                keys.append(("instructor", values["instructor_name"].casefold()))
            root = find(keys[0])
            for key in keys[1:]:
                other = find(key)
                if other != root:
                    parent[other] = root
            firsts.append((number, keys[0]))
        groups = defaultdict(list)
        for number, key in firsts:
            groups[find(key)].append(number)
        parts = [[] for _index in range(max(count, 1))]
        for numbers in sorted(groups.values(), key=len, reverse=True):
            min(parts, key=len).extend(numbers)
        return sorted((sorted(part) for part in parts if part), key=len, reverse=True) or [[]]

    # ------------------------------------------------------- background import
    @api.model
    def _job_rows(self, job):
        """The rows of the job's file, read with the wizard's own reader once per run of the task: the run's memo
        keeps them for its next batches (redu_background ``_run_memo``: across their commits, which empty the
        cursor's cache)."""
        attachment = job.attachment_id
        memo = self.env["redu.background.job"]._run_memo()
        key = ("redu_feedback_prep.import_rows", attachment.id, attachment.checksum)
        rows = memo.get(key)
        if rows is None:
            reader = self.new({"file_data": base64.b64encode(attachment.raw), "file_name": attachment.name})
            rows = memo[key] = reader._read_file()
        return rows

    @api.model
    def _job_repeated_refs(self, job, rows):
        """The source IDs on more than one of the job's ``rows`` (its file's or its part's: a source ID's rows are
        in one part), found once per run of the task (kept as its rows): only these are remembered from batch to
        batch, to refuse their later rows."""
        memo = self.env["redu.background.job"]._run_memo()
        key = ("redu_feedback_prep.import_repeated_refs", job.id)
        repeated = memo.get(key)
        if repeated is None:
            counts = Counter(self._text(data.get("source_ref")) for _number, data in rows)
            repeated = memo[key] = frozenset(ref for ref, count in counts.items() if ref and count > 1)
        return repeated

    @api.model
    def _job_import(self, job):
        """Background task: import the next batch of rows of the job's file (or of its part of it).

        A file of more than one batch is imported in parts (``action_import``): the task imports the first part
        and its parts the others meanwhile, each batch validated as it is imported. When its own rows are done and
        its parts have ended, the task gathers their results and validates their agreements again
        (``_job_gather``): a part does not see the rows of another before they are committed.
        """
        payload = job.payload or {}  # read once: each read of a Json field is a deep copy
        if job.part_ids and job.done >= len(payload.get("rows", ())):
            return self._job_gather(job, payload)
        rows = self._job_own_rows(job, payload)
        batch = rows[job.done : job.done + IMPORT_BATCH]
        # the task's memory between batches: the rows already imported of the source IDs the file repeats
        # (the payload is read and written whole for each batch: not every source ID of the file)
        repeated = self._job_repeated_refs(job, rows)
        seen = payload.get("seen_refs", {})
        track_history = bool(payload.get("track_history"))
        try:
            with self.env.cr.savepoint():
                results = self._import_rows(batch, seen, track_history)
        except Exception as error:  # noqa: BLE001 - one bad row never sinks the batch: retried row by row
            if isinstance(error, PG_CONCURRENCY_EXCEPTIONS_TO_RETRY):
                # another transaction's write, not a bad row: the task runner redoes the batch in a new
                # transaction (row by row in this one, every row touching that write would fail alike)
                raise
            _logger.warning("agreement import: a batch failed; retried row by row", exc_info=True)
            results = []
            for row in batch:
                try:
                    with self.env.cr.savepoint():
                        row_results = self._import_rows([row], seen, track_history)
                except Exception as error:  # noqa: BLE001
                    if isinstance(error, PG_CONCURRENCY_EXCEPTIONS_TO_RETRY):
                        raise
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
        payload = dict(payload, seen_refs=seen)
        if "rows" in payload:
            # the agreements this part of a split file wrote: validated again when all parts have ended
            written = {result["agreement_id"] for result in results if result["status"] in ("created", "updated")}
            if written:
                payload["written_ids"] = sorted(written.union(payload.get("written_ids", ())))
        job.payload = payload
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
                    "sequence": result["row_number"],
                    "ref": self.env._("Row %(row)s", row=result["row_number"])
                    + (f" ({result['source_ref']})" if result["source_ref"] else ""),
                    "message": result["message"],
                }
                for result in results
                if result["status"] == "error"
            ]
        )
        job.result = self._import_summary(counts)
        return len(batch)

    @api.model
    def _import_summary(self, counts):
        return self.env._(
            "%(created)s created, %(updated)s updated, %(unchanged)s unchanged, %(errors)s rows with errors.",
            **{key: counts.get(key, 0) for key in ("created", "updated", "unchanged", "errors")},
        )

    @api.model
    def _part_rows_copy(self, job, rows):
        """A part's rows kept with its task as JSON (redu_base ``rows_to_json``: read in a fraction of the time of
        an Excel file, at every run of the task, after the cron's commits empty the cursor's cache): the payload's
        ``rows_copy``, nothing when a cell cannot be kept so (the part reads the file)."""
        data = rows_to_json(rows)
        if data is None:
            return {}
        # sudo: the copy belongs to the task, whose files only the system writes; read as the task's file is
        copy = (
            self.env["ir.attachment"]
            .sudo()
            .create(
                {
                    "name": f"{job.attachment_id.name or 'file'}.rows.json",
                    "raw": data,
                    "mimetype": "application/json",
                    "res_model": job._name,
                    "res_id": job.id,
                }
            )
        )
        return {"rows_copy": copy.id}

    @api.model
    def _job_own_rows(self, job, payload):
        """The rows of the file that the job imports: all of them, or those of its part (kept as the file's rows
        for the run of the task)."""
        if "rows" not in payload:
            return self._job_rows(job)
        memo = self.env["redu.background.job"]._run_memo()
        key = ("redu_feedback_prep.import_part_rows", job.id)
        own = memo.get(key)
        if own is None:
            # sudo: the task's copy of its rows, written by the system with the task
            copy = self.env["ir.attachment"].sudo().browse(payload.get("rows_copy")).exists()
            if copy:
                own = rows_from_json(copy.raw)
            else:
                numbers = set(payload["rows"])
                own = [row for row in self._job_rows(job) if row[0] in numbers]
            memo[key] = own
        return own

    @api.model
    def _job_gather(self, job, payload):
        """The last batch of a split import, when its own rows are done: wait for its parts to end, then add their
        counts and reported rows to the task's and validate the agreements they all wrote again (a new transaction:
        it sees every part's work). Returns the rows its parts imported."""
        parts = job.part_ids
        if any(part.state in OPEN_STATES for part in parts):
            # the end of a part wakes the channel's workers up; until then this task does not hold its worker
            raise RetryWhenWoken("waiting for its parts")
        lines = []
        for part in parts:
            job._add_counts(**(part.counts or {}))
            lines += [
                {
                    "sequence": line.sequence,
                    "ref": line.ref,
                    "message": line.message,
                    "res_model": line.res_model,
                    "res_id": line.res_id,
                }
                for line in part.line_ids
            ]
            if part.state != "done":
                lines.append(
                    {
                        "ref": part.name,
                        "message": self.env._(
                            "This part stopped (%(state)s) after %(done)s of its %(total)s rows: import the file again "
                            "to import the rest.%(error)s",
                            state=dict(part._fields["state"]._description_selection(self.env))[part.state],
                            done=part.done,
                            total=part.total,
                            error=f" {part.error}" if part.error else "",
                        ),
                    }
                )
        job._add_lines(lines)
        # Each part validated its rows as it imported them, but could not see the rows of the others before they
        # were committed: an agreement in one bundle or of one student with one of another part was judged without
        # it. The agreements the parts wrote are judged again now that all are committed (with their bundle and
        # HOKS mates); a verdict that stays is not rewritten. An unchanged row's agreement is judged with its mates.
        written = set(payload.get("written_ids", ()))
        for part in parts:
            written.update((part.payload or {}).get("written_ids", ()))
        # sudo: the system's validation of what the import wrote, as the parts' validation batches
        agreements = self.env["redu.workplace.agreement"].sudo().browse(sorted(written)).exists()
        for start in range(0, len(agreements), GATHER_VALIDATION_CHUNK):
            agreements[start : start + GATHER_VALIDATION_CHUNK]._validate_contacts()
        job.result = self._import_summary(job.counts or {})
        gathered = sum(parts.mapped("done"))
        # the task ends with this batch, whatever its parts did
        job.total = job.done + gathered
        return gathered

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
