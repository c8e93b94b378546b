# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import contextlib
import io
import itertools
import logging
import tempfile
import zipfile
from collections import Counter

import ijson
import requests

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools import ytj_client

_logger = logging.getLogger(__name__)

BATCH_SIZE = 2000
# the longest Y-tunnus in any written form (FI12345678, 1234567-8 with spaces)
BUSINESS_ID_MAX_LENGTH = 20
DOWNLOAD_CHUNK = 1024 * 1024
# an uploaded file larger than this (bytes) is imported by a background task
BACKGROUND_FILE_SIZE = 5 * 1024 * 1024
# companies a background call reads before it commits
COMPANIES_PER_CALL = 50000
# the open stream of the last background import, for the next call of the same worker
_STREAMS = {}


def _plain(value):
    """A field value as written: the id of a record, False for empty."""
    if isinstance(value, models.BaseModel):
        return value.id or False
    return value or False


def _business_id_of(company):
    """The Y-tunnus of a company of the bulk file; None for an item that is not a company or has a value
    that is not a Y-tunnus (a hostile or broken file: longer than any Y-tunnus, not text)."""
    if not isinstance(company, dict) or not isinstance(company.get("businessId"), dict):
        return None
    value = company["businessId"].get("value")
    return value if isinstance(value, str) and 0 < len(value) <= BUSINESS_ID_MAX_LENGTH else None


class ReduYtjImportWizard(models.TransientModel):
    """Enrich every company partner from the register's bulk file (``all_companies``: a ZIP of
    JSON arrays of companies), without an API call per company. The file is streamed: companies are
    read one by one and matched to partners by Y-tunnus in batches (one search per batch).

    The file holds only the companies in force: "all companies in the trade register and pending"
    (``/all_companies``, PRH's OpenAPI description, City-of-Helsinki/yjdh
    backend/shared/shared/ytj/ytj_schema.yaml:120-122). A ceased company is not in it, so the import
    cannot find that a partner's company has ceased: ceasing comes from the fetch and the weekly refresh."""

    _name = "redu.ytj.import.wizard"
    _description = "Import of the business register's bulk file"

    source = fields.Selection(
        [("upload", "Uploaded file"), ("download", "Download from the register")],
        default="upload",
        required=True,
    )
    file = fields.Binary(attachment=True, help="The bulk file: a ZIP of JSON, or one JSON file.")
    filename = fields.Char()
    state = fields.Selection([("draft", "Draft"), ("done", "Done")], default="draft", required=True)
    companies_read = fields.Integer(string="Companies read", readonly=True)
    partners_matched = fields.Integer(string="Partners matched", readonly=True)
    partners_updated = fields.Integer(string="Partners with new data", readonly=True)
    partners_ceased = fields.Integer(string="Ceased companies among the partners", readonly=True)

    # ------------------------------------------------------------------
    # Streaming import
    # ------------------------------------------------------------------
    @api.model
    def _import_companies(self, companies, batch_size=BATCH_SIZE):
        """Enrich the company partners from an iterable of companies (v3 JSON shape, as dicts).

        :return: Counter with ``read``, ``matched``, ``updated`` and ``ceased``
        """
        stats = Counter()
        batch = {}
        for company in companies:
            stats["read"] += 1
            business_id = _business_id_of(company)
            if business_id:
                batch[business_id] = company
            if len(batch) >= batch_size:
                self._import_batch(batch, stats)
                batch = {}
        if batch:
            self._import_batch(batch, stats)
        return stats

    @api.model
    def _import_batch(self, companies, stats):
        """One search for the partners of ``companies`` ({Y-tunnus: company}), then their writes;
        the cache is emptied after each batch so that memory stays flat."""
        Partner = self.env["res.partner"].with_context(tracking_disable=True)
        # a Y-tunnus written in any notation (1234567-8, 2150991 4, FI12345678) has its normalised key
        fnames = ["redu_business_id_key", *Partner._ytj_register_values_fields()]
        partners = Partner.search_fetch(
            [("is_company", "=", True), ("redu_business_id_key", "in", list(companies))], fnames
        )
        if not partners:
            return
        parsed = {}
        for partner in partners:
            business_id = partner.redu_business_id_key
            if business_id in companies and business_id not in parsed:
                try:
                    parsed[business_id] = ytj_client.parse_company(companies[business_id])
                except (AttributeError, TypeError, KeyError, ValueError) as error:
                    # one company of an unexpected shape is skipped, never the whole file
                    _logger.warning("business register bulk file: company %s skipped (%s)", business_id, error)
                    stats["skipped"] += 1
        industries = self.env["res.partner.industry"]._redu_get_or_create(
            {
                (c["industry_classification"], c["industry_code"]): c["industry_name"]
                for c in parsed.values()
                if c["industry_code"]
            }
        )
        for partner in partners:
            company = parsed.get(partner.redu_business_id_key)
            if not company:
                continue
            stats["matched"] += 1
            values = Partner._ytj_register_values(company, industries)
            changed = {
                fname: value
                for fname, value in values.items()
                if fname != "ytj_fetch_date" and _plain(partner[fname]) != (value or False)
            }
            if changed:
                stats["updated"] += 1
            if values["ytj_status"] == ytj_client.STATUS_CEASED:
                stats["ceased"] += 1
            # sudo: the register's data is written from the bulk file only (a partnership manager's import)
            partner.sudo().write(dict(changed, ytj_fetch_date=values["ytj_fetch_date"]))
        self.env.flush_all()
        self.env.invalidate_all()

    @api.model
    def _iter_file_companies(self, binary_file):
        """The companies of a ZIP of JSON files, or of one JSON file, streamed."""
        if zipfile.is_zipfile(binary_file):
            binary_file.seek(0)
            with zipfile.ZipFile(binary_file) as archive:
                for member in archive.infolist():
                    if member.is_dir() or not member.filename.lower().endswith(".json"):
                        continue
                    with archive.open(member) as stream:
                        yield from ytj_client.iter_companies(stream)
        else:
            binary_file.seek(0)
            yield from ytj_client.iter_companies(binary_file)

    # ------------------------------------------------------------------
    # Sources
    # ------------------------------------------------------------------
    @contextlib.contextmanager
    def _open_upload(self):
        """The uploaded file as a binary file object, read from the filestore (not loaded into
        memory) when the attachment is stored there."""
        # sudo: the wizard's own attachment (res_field attachments are hidden from search)
        attachment = (
            self.env["ir.attachment"]
            .sudo()
            .search(
                [("res_model", "=", self._name), ("res_id", "=", self.id), ("res_field", "=", "file")],
                limit=1,
            )
        )
        if attachment.store_fname:
            with open(attachment._full_path(attachment.store_fname), "rb") as stream:
                yield stream
        elif attachment:
            yield io.BytesIO(attachment.raw)
        else:
            raise UserError(self.env._("Upload the business register's bulk file first."))

    @contextlib.contextmanager
    def _open_download(self):
        """The bulk file downloaded to a temporary file (streamed to disk, never held in memory)."""
        Partner = self.env["res.partner"]
        if not Partner._ytj_network_enabled():
            raise UserError(
                self.env._(
                    "The business register lookup is turned off: upload the bulk file instead of downloading it."
                )
            )
        with tempfile.TemporaryFile() as target:
            try:
                with requests.get(ytj_client.BULK_URL, stream=True, timeout=ytj_client.TIMEOUT) as response:
                    if response.status_code == 429:
                        raise ytj_client.YtjRateLimited(response.headers.get("Retry-After"))
                    if response.status_code != 200:
                        raise ytj_client.YtjError(f"HTTP {response.status_code}")
                    for chunk in response.iter_content(DOWNLOAD_CHUNK):
                        target.write(chunk)
            except requests.Timeout as error:
                raise UserError(Partner._ytj_error_message(ytj_client.YtjTimeout(str(error)))) from error
            except requests.RequestException as error:
                raise UserError(Partner._ytj_error_message(ytj_client.YtjError(str(error)))) from error
            except ytj_client.YtjError as error:
                raise UserError(Partner._ytj_error_message(error)) from error
            target.seek(0)
            yield target

    def action_import(self):
        self.ensure_one()
        background = self._action_import_background()
        if background:
            return background
        opener = self._open_download if self.source == "download" else self._open_upload
        try:
            with opener() as stream:
                stats = self._import_companies(self._iter_file_companies(stream))
        except (ValueError, ijson.JSONError, zipfile.BadZipFile) as error:
            raise UserError(
                self.env._("The file is not a bulk file of the business register (%(error)s).", error=error)
            ) from error
        _logger.info("business register bulk file: %s", dict(stats))
        self.write(
            {
                "state": "done",
                "companies_read": stats["read"],
                "partners_matched": stats["matched"],
                "partners_updated": stats["updated"],
                "partners_ceased": stats["ceased"],
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }

    # ------------------------------------------------------------------
    # Background import
    # ------------------------------------------------------------------
    def _action_import_background(self):
        """A download, or an uploaded file above the ``ytj_import`` threshold (bytes, 5 MB by
        default), is imported by a background task; returns its action, or None to import here."""
        Job = self.env["redu.background.job"]
        if self.source == "download":
            if not self.env["res.partner"]._ytj_network_enabled():
                raise UserError(
                    self.env._(
                        "The business register lookup is turned off: upload the bulk file instead of downloading it."
                    )
                )
            job = Job._enqueue(
                self.env._("Business register: import of the downloaded bulk file"),
                self,
                "_job_import_file",
                total=0,
                payload={"download": True},
                manager_group="redu_partnership.group_partnership_manager",
                channel="long",
            )
            return job._action_open()
        # sudo: the wizard's own attachment (res_field attachments are hidden from search)
        attachment = (
            self.env["ir.attachment"]
            .sudo()
            .search([("res_model", "=", self._name), ("res_id", "=", self.id), ("res_field", "=", "file")], limit=1)
        )
        if not attachment or attachment.file_size <= Job._threshold("ytj_import", BACKGROUND_FILE_SIZE):
            return None
        job = Job._enqueue(
            self.env._("Business register: import of %s", self.filename or attachment.name),
            self,
            "_job_import_file",
            total=0,
            file_content=attachment.raw,
            file_name=self.filename or "all_companies.zip",
            manager_group="redu_partnership.group_partnership_manager",
            channel="long",
        )
        return job._action_open()

    @api.model
    def _job_import_file(self, job):
        """Background task: the next companies of the job's bulk file (``COMPANIES_PER_CALL``),
        matched to partners batch by batch. The file is streamed; the stream is kept open for the
        next call of the same worker, otherwise reopened and the companies already done skipped."""
        if not job.attachment_id and (job.payload or {}).get("download"):
            with self._open_download() as stream:
                # sudo: the downloaded file belongs to the job, which only the system writes
                job.attachment_id = (
                    self.env["ir.attachment"]
                    .sudo()
                    .create(
                        {
                            "name": "all_companies.zip",
                            "raw": stream.read(),
                            "res_model": job._name,
                            "res_id": job.id,
                        }
                    )
                )
        key = (self.env.cr.dbname, job.id)
        cached = _STREAMS.get("last")
        if cached and cached[0] == key and cached[1] == job.done:
            companies = cached[2]
        else:
            companies = itertools.islice(_companies_of_attachment(job.attachment_id), job.done, None)
        stats = Counter(job.counts or {})
        read = 0
        batch = {}
        try:
            for company in itertools.islice(companies, COMPANIES_PER_CALL):
                read += 1
                business_id = (company.get("businessId") or {}).get("value")
                if business_id:
                    batch[business_id] = company
                if len(batch) >= BATCH_SIZE:
                    self._import_batch(batch, stats)
                    batch = {}
        except (ValueError, ijson.JSONError, zipfile.BadZipFile) as error:
            _STREAMS.clear()
            raise UserError(
                self.env._("The file is not a bulk file of the business register (%(error)s).", error=error)
            ) from error
        if batch:
            self._import_batch(batch, stats)
        stats["read"] += read
        if read < COMPANIES_PER_CALL:
            _STREAMS.clear()
            job.total = job.done + read  # the end of the file
        else:
            _STREAMS["last"] = (key, job.done + read, companies)
        job.counts = dict(stats)
        job.result = self.env._(
            "%(read)s companies read, %(matched)s partners matched, %(updated)s with new data, %(ceased)s ceased.",
            **dict({"read": 0, "matched": 0, "updated": 0, "ceased": 0}, **stats),
        )
        return read


def _companies_of_attachment(attachment):
    """The companies of a bulk file attachment, streamed from the filestore; holds no environment
    (the generator may outlive the cursor of the call that opened it)."""
    path = attachment.store_fname and attachment._full_path(attachment.store_fname)
    if path:
        with open(path, "rb") as stream:
            yield from ReduYtjImportWizard._iter_file_companies(None, stream)
    else:
        yield from ReduYtjImportWizard._iter_file_companies(None, io.BytesIO(attachment.raw))
