# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import json
import logging
from collections import defaultdict
from urllib.parse import urlencode, urlsplit

import requests
from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools import arvo_demo, arvo_export

_logger = logging.getLogger(__name__)

PARAM = "redu_feedback_arvo.%s"
DEFAULT_API_URL = "https://arvo.csc.fi/api/export/v1/"
DEFAULT_MIN_ANSWERS = 5
DEFAULT_LOW_SCORE = 2.0
# records of a saved file handled per batch (one commit each)
FILE_BATCH = 5000
# the page asked from the API (ns arvo.rest-api.export: ``limit``, at most the server's page length)
API_PAGE = 5000
API_TIMEOUT = 60
# the parsed file of the running task, kept between its batches (one file per worker)
_FILE_CACHE = {}
# the survey type of the workplace survey (työpaikkakysely), whose codes are redu_feedback_tpk's bundles
TPK_SURVEY = "tyopaikkakysely"
# the parsed keys of a code used by the matching only
NOT_STORED = ("survey_arvo_id", "business_id_key", "respondent_ref", "collection_start", "tpk")


class ReduArvoImport(models.AbstractModel):
    """The import of Arvo's export (API or saved files) as a background task, and the matching."""

    _name = "redu.arvo.import"
    _description = "Arvo import"

    # ------------------------------------------------------------ settings
    @api.model
    def _arvo_param(self, key, default=None):
        # sudo: the system parameters (the API's credentials among them) are read by the administrators
        # only; the import reads them for the feedback administrator who starts it
        return self.env["ir.config_parameter"].sudo().get_param(PARAM % key, default)

    @api.model
    def _arvo_min_answers(self):
        try:
            return max(int(self._arvo_param("min_answers", DEFAULT_MIN_ANSWERS)), 1)
        except (TypeError, ValueError):
            return DEFAULT_MIN_ANSWERS

    @api.model
    def _arvo_low_score(self):
        try:
            return float(self._arvo_param("low_score", DEFAULT_LOW_SCORE))
        except (TypeError, ValueError):
            return DEFAULT_LOW_SCORE

    # --------------------------------------------------------------- start
    @api.model
    def _arvo_check_rights(self):
        if not self.env.user.has_group("redu_feedback_prep.group_feedback_manager"):
            raise UserError(self.env._("Only the feedback administrators import the answers from Arvo."))

    @api.model
    def _arvo_start(self, source, content=None, file_name=None):
        """Queue the import of a saved file (``content``) or of the API; return the background task."""
        self._arvo_check_rights()
        payload = {"source": source, "stage": 0, "offset": 0, "url": None}
        total = 0
        if source == "file":
            parts = self._arvo_file_parts(content)
            total = sum(len(rows) for rows in parts.values())
            if not total:
                raise UserError(self.env._("The file holds no records of Arvo's export."))
        else:
            if not self._arvo_param("api_url") or not self._arvo_param("api_user"):
                raise UserError(self.env._("Set the address and the user of Arvo's export API in the settings first."))
        return self.env["redu.background.job"]._enqueue(
            self.env._("Import of the working-life feedback from Arvo"),
            self._name,
            "_job_arvo_import",
            payload=payload,
            total=total,
            file_content=content,
            file_name=file_name or "arvo.json",
            manager_group="redu_feedback_prep.group_feedback_manager",
            channel="long",
        )

    @api.model
    def _arvo_file_parts(self, content):
        try:
            return arvo_export.split_file(content)
        except arvo_export.ArvoFormatError as error:
            raise UserError(
                self.env._(
                    "The file is not a JSON file of Arvo's export API (%s). Save the answer of "
                    "/api/export/v1/vastaukset, /kohteet, /kysymykset or /kyselykerrat as it is.",
                    error,
                )
            ) from None

    # ----------------------------------------------------------------- run
    def _job_arvo_import(self, job):
        """One batch: a page of the API or FILE_BATCH records of the file; the cursor is stored with it."""
        payload = dict(job.payload or {})
        stage = payload.get("stage", 0)
        if stage >= len(arvo_export.ENDPOINTS):
            return 0
        if payload.get("source") == "file":
            parts = self._arvo_file_data(job)
            stage, offset = self._arvo_next_stage(parts, stage), payload.get("offset", 0)
            if stage >= len(arvo_export.ENDPOINTS):
                return 0
            endpoint = arvo_export.ENDPOINTS[stage]
            rows = parts[endpoint][offset : offset + FILE_BATCH]
            offset += len(rows)
            if offset >= len(parts[endpoint]):
                stage, offset = self._arvo_next_stage(parts, stage + 1), 0
            payload.update(stage=stage, offset=offset)
            processed = len(rows)
        else:
            endpoint = arvo_export.ENDPOINTS[stage]
            rows, url = self._arvo_api_page(endpoint, payload.get("url"))
            payload.update(stage=stage if url else stage + 1, url=url)
            # the total of an API import is not known before its last page
            processed = max(len(rows), 1)
        counts = self._arvo_store(endpoint, rows, job) if rows else {}
        if endpoint in arvo_export.PAGINATED and payload.get("source") != "file" and rows:
            # incremental: the next import asks from the last key on (ns arvo.util paginated-response)
            last = max(arvo_export._int(row.get(arvo_export.ID_KEYS[endpoint])) or 0 for row in rows)
            self._arvo_set_since(endpoint, last)
        job.payload = payload
        job._add_counts(**counts)
        if payload["stage"] >= len(arvo_export.ENDPOINTS):
            # the last batch: the loop, and the total now known
            job._add_counts(alerts=self._arvo_alert_low_scores())
            job.total = job.done + processed
            _FILE_CACHE.clear()
            self.env["res.partner"]._arvo_feedback_changed()
        return processed

    @api.model
    def _arvo_next_stage(self, parts, stage):
        """The first stage from ``stage`` on whose endpoint has records in the file."""
        while stage < len(arvo_export.ENDPOINTS) and not parts.get(arvo_export.ENDPOINTS[stage]):
            stage += 1
        return stage

    def _arvo_file_data(self, job):
        attachment = job.attachment_id
        key = (attachment.id, attachment.checksum)
        if key not in _FILE_CACHE:
            _FILE_CACHE.clear()
            # sudo: the task's file is read by the task itself (its access follows the task's)
            _FILE_CACHE[key] = self._arvo_file_parts(attachment.sudo().raw)
        return _FILE_CACHE[key]

    @api.model
    def _arvo_session(self):
        session = requests.Session()
        session.auth = (self._arvo_param("api_user") or "", self._arvo_param("api_password") or "")
        session.headers["Accept"] = "application/json"
        return session

    @api.model
    def _arvo_since(self, endpoint):
        try:
            return int(self._arvo_param(f"since.{endpoint}", 0))
        except (TypeError, ValueError):
            return 0

    @api.model
    def _arvo_set_since(self, endpoint, value):
        if value > self._arvo_since(endpoint):
            # sudo: the cursor of the incremental import is a system parameter
            self.env["ir.config_parameter"].sudo().set_param(PARAM % f"since.{endpoint}", str(value))

    @api.model
    def _arvo_first_url(self, endpoint):
        base = self._arvo_param("api_url", DEFAULT_API_URL).rstrip("/") + "/"
        params = {}
        if endpoint in arvo_export.PAGINATED:
            params["limit"] = API_PAGE
            since = self._arvo_since(endpoint)
            if since:
                params["since"] = since
        if endpoint == "kohteet":
            # the codes without answers too: a code is a period the survey reached
            # (ns arvo.rest-api.export /kohteet: nayta_vastaamattomat; its pagination is by vastaajatunnusid)
            params["nayta_vastaamattomat"] = "true"
        return base + endpoint + ("?" + urlencode(params) if params else "")

    @api.model
    def _arvo_api_page(self, endpoint, url):
        """The records of one page and the next page's URL (None on the last page)."""
        url = url or self._arvo_first_url(endpoint)
        base = urlsplit(self._arvo_param("api_url", DEFAULT_API_URL))
        target = urlsplit(url)
        if (target.scheme, target.netloc) != (base.scheme, base.netloc):
            # the next page is followed on the configured server only: the credentials go nowhere else
            raise UserError(self.env._("Arvo answered with a next page on another server: %s", target.netloc))
        try:
            response = self._arvo_session().get(url, timeout=API_TIMEOUT)
        except requests.RequestException as error:
            raise UserError(self.env._("Arvo cannot be reached: %s", error)) from error
        if response.status_code == 404 and endpoint in arvo_export.PAGINATED:
            # ns arvo.util paginated-response: 404 when there is no data
            return [], None
        if response.status_code in (401, 403):
            raise UserError(self.env._("Arvo refused the user of the settings (HTTP %s).", response.status_code))
        if response.status_code != 200:
            raise UserError(
                self.env._(
                    "Arvo answered HTTP %(status)s for %(endpoint)s.", status=response.status_code, endpoint=endpoint
                )
            )
        try:
            body = response.json()
            rows = arvo_export.records(body)
        except (ValueError, arvo_export.ArvoFormatError) as error:
            raise UserError(
                self.env._(
                    "Arvo's answer for %(endpoint)s is not its export format: %(error)s", endpoint=endpoint, error=error
                )
            ) from error
        next_url = arvo_export.next_url(body) if endpoint in arvo_export.PAGINATED else None
        return rows, next_url

    # --------------------------------------------------------------- store
    def _arvo_store(self, endpoint, rows, job):
        store = {
            "kyselykerrat": self._arvo_store_surveys,
            "kysymykset": self._arvo_store_questions,
            "kohteet": self._arvo_store_targets,
            "vastaukset": self._arvo_store_answers,
        }[endpoint]
        parser = {
            "kyselykerrat": arvo_export.parse_survey,
            "kysymykset": arvo_export.parse_question,
            "kohteet": arvo_export.parse_target,
            "vastaukset": arvo_export.parse_answer,
        }[endpoint]
        parsed, lines = [], []
        for index, row in enumerate(rows):
            try:
                parsed.append(parser(row))
            except arvo_export.ArvoFormatError as error:
                ref = row.get(arvo_export.ID_KEYS[endpoint]) if isinstance(row, dict) else None
                lines.append(
                    {
                        "ref": f"{endpoint} {ref if ref is not None else index + 1}",
                        "message": self.env._("Not a record of Arvo's export: %s", error),
                    }
                )
        counts = store(parsed, job, lines) if parsed else {}
        job._add_lines(lines)
        counts["errors"] = counts.get("errors", 0) + len(lines)
        return counts

    @api.model
    def _arvo_existing(self, model, arvo_ids, field_names=()):
        """{Arvo id: record} of ``model`` among ``arvo_ids``, with ``field_names`` fetched, in one query."""
        # sudo: the imported records are the system's (users read them); their ids decide what is new
        records = self.env[model].sudo().search_fetch([("arvo_id", "in", list(arvo_ids))], ["arvo_id", *field_names])
        return {record.arvo_id: record for record in records}

    def _arvo_store_surveys(self, parsed, job, lines):
        existing = self._arvo_existing("redu.arvo.survey", {row["arvo_id"] for row in parsed})
        types = dict(self.env["redu.arvo.survey"]._fields["survey_type"].selection)
        vals_list = []
        for row in parsed:
            vals = {key: row[key] for key in ("name", "survey_name", "survey_ref", "year")}
            vals["survey_type"] = row["survey_type"] if row["survey_type"] in types else "other"
            if row["arvo_id"] in existing:
                existing[row["arvo_id"]].write(vals)
            else:
                vals_list.append(
                    dict(vals, arvo_id=row["arvo_id"], company_id=job.company_id.id or self.env.company.id)
                )
        # sudo: the survey rounds come from Arvo's export only (a feedback administrator's import)
        self.env["redu.arvo.survey"].sudo().create(vals_list)
        return {"surveys": len(vals_list)}

    def _arvo_store_questions(self, parsed, job, lines):
        existing = self._arvo_existing("redu.arvo.question", {row["arvo_id"] for row in parsed})
        vals_list = []
        for row in parsed:
            if row["arvo_id"] in existing:
                existing[row["arvo_id"]].write(row)
            else:
                vals_list.append(row)
        # sudo: the questions come from Arvo's export only
        self.env["redu.arvo.question"].sudo().create(vals_list)
        return {"questions": len(vals_list)}

    def _arvo_store_targets(self, parsed, job, lines):
        existing = self._arvo_existing("redu.arvo.target", {row["arvo_id"] for row in parsed})
        new = [row for row in {row["arvo_id"]: row for row in parsed}.values() if row["arvo_id"] not in existing]
        if not new:
            return {"skipped": len(parsed)}
        surveys = self._arvo_existing(
            "redu.arvo.survey", {row["survey_arvo_id"] for row in new if row["survey_arvo_id"]}
        )
        for row in new:
            survey = surveys.get(row["survey_arvo_id"])
            row["tpk"] = bool(survey) and survey.survey_type == TPK_SURVEY
        matches = self._arvo_match_values(new, job.company_id or self.env.company)
        vals_list = []
        for row, match in zip(new, matches, strict=True):
            vals = {key: value for key, value in row.items() if key not in NOT_STORED}
            vals["survey_id"] = surveys[row["survey_arvo_id"]].id if row["survey_arvo_id"] in surveys else False
            vals["half_year"] = arvo_export.half_year(row["period_end"] or row["valid_from"])
            vals.update(match)
            vals_list.append(vals)
        # sudo: the response codes come from Arvo's export only
        targets = self.env["redu.arvo.target"].sudo().create(vals_list)
        self._arvo_report_unmatched(targets, lines)
        return {"targets": len(targets), "skipped": len(parsed) - len(new), "unmatched": len(lines)}

    def _arvo_report_unmatched(self, targets, lines):
        for target in targets:
            if target.match_state != "matched":
                lines.append(
                    {
                        "ref": target.code,
                        "message": target.match_error,
                        "res_model": target._name,
                        "res_id": target.id,
                    }
                )

    def _arvo_store_answers(self, parsed, job, lines):
        parsed = list({row["arvo_id"]: row for row in parsed}.values())
        existing = self._arvo_existing("redu.arvo.answer", {row["arvo_id"] for row in parsed})
        new = [row for row in parsed if row["arvo_id"] not in existing]
        if not new:
            return {"skipped": len(parsed)}
        # the values the answer repeats from its code and question (redu.arvo.answer's precomputed fields)
        targets = self._arvo_existing(
            "redu.arvo.target",
            {row["target_arvo_id"] for row in new},
            ["partner_id", "company_id", "user_id", "half_year"],
        )
        questions = self._arvo_existing(
            "redu.arvo.question", {row["question_arvo_id"] for row in new}, ["funding_model", "theme"]
        )
        # an answer whose code or question was not imported is kept, on a code marked unmatched
        missing_targets = {}
        for row in new:
            if row["target_arvo_id"] not in targets and row["target_arvo_id"] not in missing_targets:
                missing_targets[row["target_arvo_id"]] = {
                    "arvo_id": row["target_arvo_id"],
                    "code": row["target_code"] or str(row["target_arvo_id"]),
                    "company_id": (job.company_id or self.env.company).id,
                    "half_year": arvo_export.half_year(row["answer_date"]),
                    "match_state": "unmatched",
                    "match_error": self.env._("The response code's background data was not imported (kohteet)."),
                }
        if missing_targets:
            surveys = self._arvo_existing("redu.arvo.survey", {row["survey_arvo_id"] for row in new})
            for row in new:
                vals = missing_targets.get(row["target_arvo_id"])
                if vals and row["survey_arvo_id"] in surveys:
                    vals["survey_id"] = surveys[row["survey_arvo_id"]].id
            # sudo: as the codes of the export
            stubs = self.env["redu.arvo.target"].sudo().create(list(missing_targets.values()))
            targets.update({stub.arvo_id: stub for stub in stubs})
            self._arvo_report_unmatched(stubs, lines)
        missing_questions = {row["question_arvo_id"] for row in new} - set(questions)
        if missing_questions:
            # sudo: as the questions of the export
            stubs = (
                self.env["redu.arvo.question"]
                .sudo()
                .create([{"arvo_id": arvo_id, "name": str(arvo_id)} for arvo_id in sorted(missing_questions)])
            )
            questions.update({stub.arvo_id: stub for stub in stubs})
        target_values = {
            target.id: {
                "partner_id": target.partner_id.id,
                "company_id": target.company_id.id,
                "user_id": target.user_id.id,
                "half_year": target.half_year,
            }
            for target in targets.values()
        }
        question_values = {
            question.id: {"funding_model": question.funding_model, "theme": question.theme}
            for question in questions.values()
        }
        vals_list = [
            {
                **target_values[targets[row["target_arvo_id"]].id],
                **question_values[questions[row["question_arvo_id"]].id],
                "arvo_id": row["arvo_id"],
                "target_id": targets[row["target_arvo_id"]].id,
                "question_id": questions[row["question_arvo_id"]].id,
                "answer_date": row["answer_date"],
                "score": row["score"],
                "choice": row["choice"],
                "option_text": row["option_text"],
                "free_text": row["free_text"],
                "has_free_text": bool(row["free_text"]),
                "respondent_ref": row["respondent_ref"],
            }
            for row in new
        ]
        # sudo: the answers come from Arvo's export only (a feedback administrator's import)
        self.env["redu.arvo.answer"].sudo().create(vals_list)
        bundles = self.env["redu.arvo.target"].browse({targets[row["target_arvo_id"]].id for row in new}).tpk_bundle_id
        if bundles:
            self._arvo_count_tpk_answers(bundles)
        return {"answers": len(vals_list), "skipped": len(parsed) - len(new)}

    @api.model
    def _arvo_count_tpk_answers(self, bundles):
        """The answer count of workplace survey bundles from the imported answers of their codes: the
        respondents (``vastaajaid``) who answered, as the ``vastausten_lkm`` of Arvo's link file; a count
        is never lowered (the link file may know answers the export did not give yet). One grouped read."""
        # sudo: the counts come from every answer of the bundles' codes (a feedback administrator's import)
        rows = (
            self.env["redu.arvo.answer"]
            .sudo()
            ._read_group(
                [("target_id.tpk_bundle_id", "in", bundles.ids)],
                ["target_id"],
                ["respondent_ref:count_distinct", "__count"],
            )
        )
        counts = defaultdict(int)
        for target, respondents, answers in rows:
            # an answer without its respondent counts its code as one respondent
            counts[target.tpk_bundle_id.id] += respondents or (1 if answers else 0)
        changed = defaultdict(list)
        for bundle in bundles:
            if counts[bundle.id] > bundle.answer_count:
                changed[counts[bundle.id]].append(bundle.id)
        for count, ids in changed.items():
            # sudo: the answer count is written by the system (redu_system field), from Arvo's export
            self.env["redu.tpk.bundle"].sudo().browse(ids).write({"answer_count": count})
        return sum(len(ids) for ids in changed.values())

    # ------------------------------------------------------------ matching
    @api.model
    def _arvo_partners(self, keys):
        """{normalised Y-tunnus: employer partner id}, in one query."""
        Partner = self.env["res.partner"].with_context(active_test=False)
        if not keys:
            return {}
        if "redu_business_id_key" in Partner._fields:
            # redu_partnership_ytj keeps the normalised Y-tunnus on the partner, indexed
            domain = [("redu_business_id_key", "in", list(keys))]
        else:
            # the ways a Y-tunnus is written (redu_base tools/business_id.py accepts these)
            variants = set()
            for key in keys:
                variants |= {key, key.replace("-", ""), "FI" + key.replace("-", "")}
            domain = [("company_registry", "in", list(variants))]
        partners = Partner.search_fetch(domain + [("parent_id", "=", False)], ["company_registry"], order="id")
        found = {}
        for partner in partners:
            key = arvo_export.business_id_key(partner.company_registry)
            if key in keys:
                found.setdefault(key, partner.id)
        return found

    @api.model
    def _arvo_entities(self, oids):
        # sudo: every entity's OID mapping, also of entities outside the importer's active companies
        # (an answer is matched to its own entity, whoever runs the import); only oid and company are read
        mappings = (
            self.env["redu.arvo.entity.map"].sudo().search_fetch([("oid", "in", list(oids))], ["oid", "company_id"])
        )
        return {mapping.oid: mapping.company_id.id for mapping in mappings}

    @api.model
    def _arvo_agreements(self, rows):
        """{(start, end): [agreement row]} of the agreements whose period is one of the rows'."""
        starts = {row["period_start"] for row in rows if row["period_start"]}
        ends = {row["period_end"] for row in rows if row["period_end"]}
        if not starts or not ends:
            return {}
        # sudo: the matching sees every entity's agreements (the code tells the entity, not the user)
        agreements = (
            self.env["redu.workplace.agreement"]
            .sudo()
            .search_fetch(
                [("start_date", "in", list(starts)), ("end_date", "in", list(ends))],
                ["start_date", "end_date", "employer_id", "workplace_name", "qualification_unit", "company_id"],
            )
        )
        index = defaultdict(list)
        for agreement in agreements:
            index[agreement.start_date, agreement.end_date].append(
                {
                    "id": agreement.id,
                    "employer_id": agreement.employer_id.id,
                    "workplace": arvo_export.normalize_name(agreement.workplace_name),
                    "unit": arvo_export.normalize_name(agreement.qualification_unit),
                    "company_id": agreement.company_id.id,
                }
            )
        return index

    @api.model
    def _arvo_pick_agreement(self, row, partner_id, candidates):
        """The agreement of the code's period: same dates, same employer (or workplace name), same unit."""
        if partner_id:
            candidates = [agreement for agreement in candidates if agreement["employer_id"] == partner_id]
        else:
            candidates = [a for a in candidates if a["workplace"] and a["workplace"] == row["workplace_normalized"]]
        if len(candidates) > 1 and (row["qualification_unit"] or row["local_unit"]):
            units = {arvo_export.normalize_name(row["local_unit"]), row["qualification_unit"]} - {None, ""}
            candidates = [a for a in candidates if a["unit"] in units or any(u and u in a["unit"] for u in units)]
        if len(candidates) > 1 and row["workplace_normalized"]:
            candidates = [a for a in candidates if a["workplace"] == row["workplace_normalized"]]
        return candidates[0] if len(candidates) == 1 else None, len(candidates)

    @api.model
    def _arvo_match_values(self, rows, default_company):
        """The matching of parsed codes: a dict of partner, agreement, entity, state and error per row."""
        partners = self._arvo_partners({row["business_id_key"] for row in rows if row["business_id_key"]})
        entities = self._arvo_entities(
            {oid for row in rows for oid in (row["office_oid"], row["institution_oid"]) if oid}
        )
        agreements = self._arvo_agreements(rows)
        bundles = self._arvo_tpk_bundles(rows)
        result = []
        for row in rows:
            if row.get("tpk"):
                result.append(self._arvo_match_tpk(row, partners, entities, bundles, default_company))
                continue
            errors = []
            partner_id = partners.get(row["business_id_key"])
            if not partner_id:
                if row["business_id"] and not row["business_id_key"]:
                    errors.append(self.env._("%s is not a valid Y-tunnus.", row["business_id"]))
                elif row["business_id"]:
                    errors.append(self.env._("No employer with the Y-tunnus %s.", row["business_id"]))
            agreement = None
            if row["period_start"] and row["period_end"]:
                agreement, count = self._arvo_pick_agreement(
                    row, partner_id, agreements.get((row["period_start"], row["period_end"]), [])
                )
                if not agreement:
                    period = f"{row['period_start'].isoformat()} – {row['period_end'].isoformat()}"
                    if count > 1:
                        errors.append(self.env._("Several workplace agreements of the period %s.", period))
                    else:
                        errors.append(self.env._("No workplace agreement of the period %s.", period))
            if agreement and not partner_id:
                partner_id = agreement["employer_id"] or None
                if partner_id:
                    errors = [error for error in errors if row["business_id"] not in error]
            company_id = entities.get(row["office_oid"]) or entities.get(row["institution_oid"])
            if not company_id and agreement:
                company_id = agreement["company_id"]
            if not company_id:
                errors.append(
                    self.env._(
                        "No group entity has the OIDs %s: add them under Arvo OIDs.",
                        ", ".join(oid for oid in (row["institution_oid"], row["office_oid"]) if oid) or "-",
                    )
                )
            if not partner_id and not row["business_id"]:
                errors.append(self.env._("The code has no employer (tyonantaja)."))
            state = "matched" if not errors else ("partial" if partner_id or agreement else "unmatched")
            result.append(
                {
                    "partner_id": partner_id or False,
                    "agreement_id": agreement["id"] if agreement else False,
                    # an entity not found: the code stays with the importing entity (or where it was)
                    "company_id": company_id or row.get("company_id") or default_company.id,
                    "match_state": state,
                    "match_error": " ".join(errors) or False,
                }
            )
        return result

    @api.model
    def _arvo_tpk_bundles(self, rows):
        """{code: bundle} and {(Y-tunnus, normalised workplace, collection start): bundle} of the workplace
        survey's codes among ``rows``, in two queries at most."""
        rows = [row for row in rows if row.get("tpk")]
        if not rows:
            return {}
        # sudo: the matching sees every entity's bundles (the code tells the entity, not the user)
        Bundle = self.env["redu.tpk.bundle"].sudo()
        fields_ = ["survey_code", "business_id", "normalized_name", "period_start", "employer_id", "company_id"]
        found = {}
        for bundle in Bundle.search_fetch([("survey_code", "in", [row["code"] for row in rows])], fields_):
            found[bundle.survey_code] = bundle
        keys = {row["business_id_key"] for row in rows if row["code"] not in found and row["business_id_key"]}
        starts = {row["collection_start"] for row in rows if row["code"] not in found and row.get("collection_start")}
        if keys and starts:
            # the bundle keeps the Y-tunnus as the employer has it written: its ways (as _arvo_partners)
            variants = {v for key in keys for v in (key, key.replace("-", ""), "FI" + key.replace("-", ""))}
            domain = [("business_id", "in", list(variants)), ("period_start", "in", list(starts))]
            for bundle in Bundle.search_fetch(domain, fields_, order="id"):
                key = arvo_export.business_id_key(bundle.business_id)
                found.setdefault((key, bundle.normalized_name, bundle.period_start), bundle)
        return found

    @api.model
    def _arvo_match_tpk(self, row, partners, entities, bundles, default_company):
        """A workplace survey's code: its bundle by the code (the link imported into redu_feedback_tpk), else
        by Y-tunnus, normalised workplace and collection period (the bundle's key, heratepalvelu
        external/arvo.clj:284-295); the employer and the entity from the bundle when the code lacks them."""
        bundle = bundles.get(row["code"]) or bundles.get(
            (row["business_id_key"], row["workplace_normalized"], row.get("collection_start"))
        )
        partner_id = partners.get(row["business_id_key"]) or (bundle.employer_id.id if bundle else False)
        company_id = entities.get(row["office_oid"]) or entities.get(row["institution_oid"])
        company_id = company_id or (bundle.company_id.id if bundle else False)
        errors = []
        if not bundle:
            errors.append(self.env._("No workplace survey bundle has the code %s.", row["code"]))
        if not partner_id:
            errors.append(self.env._("No employer with the Y-tunnus %s.", row["business_id"] or "-"))
        return {
            "partner_id": partner_id or False,
            "agreement_id": False,
            "tpk_bundle_id": bundle.id if bundle else False,
            "company_id": company_id or row.get("company_id") or default_company.id,
            "match_state": "matched" if not errors else ("partial" if partner_id or bundle else "unmatched"),
            "match_error": " ".join(errors) or False,
        }

    @api.model
    def _arvo_match(self, targets):
        """Match existing codes again (after a mapping or a partner's Y-tunnus was fixed)."""
        rows = []
        for target in targets:
            rows.append(
                {
                    "business_id": target.business_id,
                    "business_id_key": arvo_export.business_id_key(target.business_id) if target.business_id else None,
                    "workplace_normalized": target.workplace_normalized,
                    "qualification_unit": target.qualification_unit,
                    "local_unit": target.local_unit,
                    "period_start": target.period_start,
                    "period_end": target.period_end,
                    "institution_oid": target.institution_oid,
                    "office_oid": target.office_oid,
                    "code": target.code,
                    "tpk": target.survey_type == TPK_SURVEY,
                }
            )
        for target, match in zip(targets, self._arvo_match_values(rows, self.env.company), strict=True):
            if (
                match["company_id"] == self.env.company.id
                and target.match_state != "matched"
                and match["match_state"] != "matched"
            ):
                match["company_id"] = target.company_id.id
            target.write(match)
        bundles = targets.tpk_bundle_id
        if bundles:
            self._arvo_count_tpk_answers(bundles)
        self.env["res.partner"]._arvo_feedback_changed()
        return targets

    # ------------------------------------------------------------ the loop
    @api.model
    def _arvo_alert_low_scores(self):
        """An activity for the account manager of each employer with new low funding-model scores,
        listing the answers of those codes; returns how many activities were created."""
        # sudo: the alert reads every entity's answers; the activity goes to the account manager, who
        # may read the answers of their partner (record rules)
        Answer = self.env["redu.arvo.answer"].sudo()
        low = Answer.search(
            [
                ("funding_model", "=", True),
                ("score", "<=", self._arvo_low_score()),
                ("score", "!=", False),
                ("alerted", "=", False),
                ("user_id", "!=", False),
            ]
        )
        if not low:
            return 0
        created = 0
        for partner, answers in low.grouped("partner_id").items():
            lines = Markup()
            for target, target_answers in answers.grouped("target_id").items():
                texts = target.answer_ids.filtered("has_free_text")
                lines += Markup("<li>%s: %s%s</li>") % (
                    target.code,
                    ", ".join(f"{answer.question_id.name} = {answer.score:g}" for answer in target_answers),
                    Markup("").join(Markup("<br/>“%s”") % escape(text.free_text) for text in texts),
                )
            # the account manager's email of the activity goes by the mail queue, not within the import
            partner.with_context(mail_notify_force_send=False)._arvo_follow_up(
                self.env._("Low working-life feedback score"),
                self.env._("Funding-model questions answered with a low score:"),
                lines,
            )
            created += 1
        low.write({"alerted": True})
        return created

    # ---------------------------------------------------------------- demo
    @api.model
    def _arvo_demo_import(self):
        """Demo data: generated answers in the export's shape for the demo partners, imported as a file is."""
        company = self.env.ref("redu_partnership.company_redu_lapland_education_centre", raise_if_not_found=False)
        company = company or self.env.company
        oid = "1.2.246.562.10.10000000111"
        if not self.env["redu.arvo.entity.map"].search_count([("oid", "=", oid)]):
            self.env["redu.arvo.entity.map"].create({"oid": oid, "kind": "institution", "company_id": company.id})
        partners = self.env["res.partner"].search(
            [("is_company", "=", True), ("company_registry", "!=", False), ("parent_id", "=", False)],
            order="id",
            limit=12,
        )
        rows = [
            {"business_id": partner.company_registry, "name": partner.name}
            for partner in partners
            if arvo_export.business_id_key(partner.company_registry)
        ]
        data = arvo_demo.generate(rows, fields.Date.context_today(self), oid, "0201256-6")
        job = self.with_company(company)._arvo_start(
            "file", content=json.dumps(data).encode(), file_name="arvo_demo.json"
        )
        job._run()
        return job

    @api.model
    def _arvo_demo_import_agreements(self, agreements):
        """Demo data (setup/demo_data.py, after its agreements): the codes and answers of the agreements'
        ended periods, as herätepalvelu and Arvo would have them, imported as a saved file is; each group
        entity gets a demo institution OID (Arvo OIDs) so that the answers reach the entities' figures."""
        Map = self.env["redu.arvo.entity.map"]
        oids = {mapping.company_id.id: mapping.oid for mapping in Map.search([("kind", "=", "institution")])}
        for company in agreements.company_id:
            if company.id not in oids:
                oids[company.id] = f"1.2.246.562.10.{10000000200 + company.id}"
                Map.create({"oid": oids[company.id], "kind": "institution", "company_id": company.id})
        periods = [
            {
                "business_id": agreement.employer_id.company_registry,
                "workplace": agreement.workplace_name or agreement.employer_id.name,
                "unit": agreement.qualification_unit,
                "start": agreement.start_date,
                "end": agreement.end_date,
                "oid": oids[agreement.company_id.id],
                "predicted": agreement.national_survey_reaches,
            }
            for agreement in agreements
            if agreement.employer_id.company_registry
        ]
        data = arvo_demo.from_agreements(periods, fields.Date.context_today(self), "0201256-6")
        if not data["kohteet"]["data"]:
            return self.env["redu.background.job"]
        job = self._arvo_start("file", content=json.dumps(data).encode(), file_name="arvo_demo_jaksot.json")
        job._run()
        return job
