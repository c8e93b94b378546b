# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import logging
import time

import requests

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain

from odoo.addons.redu_background.exceptions import RetryLater
from odoo.addons.redu_base.tools.business_id import normalize_business_id

from ..tools import ytj_client
from ..tools.names import normalize_name

_logger = logging.getLogger(__name__)

PARAM_NETWORK = "redu_partnership_ytj.network_enabled"
# the longest normalised name kept as the duplicate key (indexed)
NAME_KEY_MAX_LENGTH = 200
PARAM_BATCH_SIZE = "redu_partnership_ytj.refresh_batch_size"
PARAM_RATE = "redu_partnership_ytj.requests_per_minute"
DEFAULT_BATCH_SIZE = 200
DEFAULT_RATE = 30
# a background call of the register fetch stops after this many seconds (the cron commits, then goes on)
YTJ_SECONDS_PER_CALL = 5
# the identity key of the weekly refresh task: never queued twice
YTJ_REFRESH_KEY = "redu_partnership_ytj.weekly_refresh"

YTJ_STATUSES = [
    (ytj_client.STATUS_ACTIVE, "Active"),
    (ytj_client.STATUS_RESTRUCTURING, "Restructuring"),
    (ytj_client.STATUS_LIQUIDATION, "In liquidation"),
    (ytj_client.STATUS_BANKRUPTCY, "Bankruptcy"),
    (ytj_client.STATUS_CEASED, "Ceased"),
]
# the register's own data on the partner: written from the register only
YTJ_REGISTER_FIELDS = (
    "ytj_name",
    "ytj_former_names",
    "ytj_company_form",
    "ytj_registration_date",
    "ytj_status",
    "ytj_status_date",
    "ytj_website",
    "ytj_visiting_address",
    "ytj_postal_address",
    "ytj_fetch_date",
)
# Partner fields that the register may fill or propose to change, in the order of the review
YTJ_PARTNER_FIELDS = ("name", "street", "street2", "zip", "city", "website")


def _same_website(left, right):
    def key(url):
        url = (url or "").strip().lower()
        for prefix in ("https://", "http://"):
            url = url.removeprefix(prefix)
        return url.removeprefix("www.").rstrip("/")

    return key(left) == key(right)


class ResPartner(models.Model):
    _inherit = "res.partner"

    ytj_name = fields.Char(string="Registered name", copy=False, readonly=True, redu_system=True)
    ytj_former_names = fields.Text(string="Former names", copy=False, readonly=True, redu_system=True)
    ytj_company_form = fields.Char(string="Company form", copy=False, readonly=True, redu_system=True)
    # the register's main line of business (a TOL 2008 or TOL 2025 class) is Odoo's industry_id: this
    # name stays as the register's own name of it (readable, searchable; set through industry_id)
    ytj_industry_id = fields.Many2one(related="industry_id", string="Registered industry")
    ytj_registration_date = fields.Date(string="Registered on", copy=False, readonly=True, redu_system=True)
    ytj_status = fields.Selection(
        YTJ_STATUSES,
        string="Register status",
        index="btree_not_null",
        copy=False,
        readonly=True,
        redu_system=True,
    )
    ytj_status_date = fields.Date(string="Status since", copy=False, readonly=True, redu_system=True)
    ytj_website = fields.Char(string="Registered website", copy=False, readonly=True, redu_system=True)
    ytj_visiting_address = fields.Char(string="Visiting address", copy=False, readonly=True, redu_system=True)
    ytj_postal_address = fields.Char(string="Postal address", copy=False, readonly=True, redu_system=True)
    ytj_fetch_date = fields.Datetime(
        string="Fetched from the register",
        copy=False,
        readonly=True,
        index="btree_not_null",
        redu_system=True,
    )
    redu_name_key = fields.Char(
        string="Normalised name",
        compute="_compute_redu_name_key",
        store=True,
        index="btree_not_null",
        help="The name with case, whitespace and legal-form words (Oy, Ab, Ky, Tmi, ry...) folded: "
        "the key of the duplicate detection.",
        redu_system=True,
    )

    redu_business_id_key = fields.Char(
        string="Normalised Y-tunnus",
        compute="_compute_redu_business_id_key",
        store=True,
        index="btree_not_null",
        help="The Y-tunnus as 1234567-8 however it was written (2150991 4, FI21509914...), whatever the "
        "partner's country; empty when it is not a valid Y-tunnus: the key of the duplicate detection and "
        "of the warning when a Y-tunnus is entered.",
        redu_system=True,
    )

    @api.depends("company_registry")
    def _compute_redu_business_id_key(self):
        for partner in self:
            partner.redu_business_id_key = self._redu_business_id_key(partner.company_registry)

    @api.model
    def _redu_business_id_key(self, value):
        """The normalised Y-tunnus of ``value`` (python-stdnum, via redu_base), or False: the one place
        where a Y-tunnus is normalised for comparison."""
        try:
            return normalize_business_id(value)
        except ValueError:
            return False

    @api.depends("name")
    def _compute_redu_name_key(self):
        for partner in self:
            # the key is indexed: a hostile very long name keeps a key of NAME_KEY_MAX_LENGTH characters
            partner.redu_name_key = (normalize_name(partner.name) or "")[:NAME_KEY_MAX_LENGTH] or False

    # ------------------------------------------------------------------
    # Register access
    # ------------------------------------------------------------------
    @api.model
    def _ytj_network_enabled(self):
        return bool(self.env["ir.config_parameter"].sudo().get_param(PARAM_NETWORK))

    @api.model
    def _ytj_error_message(self, error):
        if isinstance(error, ytj_client.YtjTimeout):
            return self.env._("The business register did not answer within 5 seconds. Try again later.")
        if isinstance(error, ytj_client.YtjRateLimited):
            return self.env._("The business register is busy (too many requests). Try again in a minute.")
        if isinstance(error, ytj_client.YtjNotFound):
            return self.env._("The business register has no company with this Y-tunnus.")
        return self.env._("The business register cannot be reached (%(error)s). Nothing was changed.", error=error)

    @api.model
    def _ytj_fetch_company(self, business_id, session=None):
        """The parsed company from the register; a UserError (nothing changed) on any failure."""
        if not self._ytj_network_enabled():
            raise UserError(
                self.env._(
                    "The business register lookup is turned off. An administrator turns it on in "
                    "Settings > Working-life partnership > Business register."
                )
            )
        try:
            return ytj_client.fetch_company(business_id, session=session)
        except ytj_client.YtjError as error:
            raise UserError(self._ytj_error_message(error)) from error

    def _ytj_business_id(self):
        """The normalised Y-tunnus of the partner, or False (empty, foreign or invalid)."""
        self.ensure_one()
        if not self.company_registry or (self.country_id and self.country_id.code != "FI"):
            return False
        try:
            return normalize_business_id(self.company_registry)
        except ValueError:
            return False

    @api.model
    def _ytj_register_values(self, company, industries=None):
        """The register's values of a parsed company: its ``ytj_*`` fields and, when the register
        gives one, the industry (Odoo's ``industry_id``, a TOL 2008 or TOL 2025 class; without one, the
        industry chosen by hand stays); ``industries``: {(classification, code): res.partner.industry}."""
        key = (company.get("industry_classification"), company["industry_code"])
        if industries is None:
            industries = self.env["res.partner.industry"]._redu_get_or_create(
                {key: company["industry_name"]} if all(key) else {}
            )
        industry = industries.get(key)
        country_names = self._ytj_country_names(company)
        values = {
            "ytj_name": company["name"] or False,
            "ytj_former_names": "\n".join(company["former_names"]) or False,
            "ytj_company_form": company["company_form"] or False,
            "ytj_registration_date": company["registration_date"] or False,
            "ytj_status": company["status"],
            "ytj_status_date": company["status_date"] or False,
            "ytj_website": company["website"] or False,
            "ytj_visiting_address": ytj_client.format_address(company["visiting_address"], country_names) or False,
            "ytj_postal_address": ytj_client.format_address(company["postal_address"], country_names) or False,
            "ytj_fetch_date": fields.Datetime.now(),
        }
        if industry:
            values["industry_id"] = industry.id
        return values

    @api.model
    def _ytj_country_names(self, company):
        """{code: name} of the countries of the company's addresses abroad (one search, none for Finland)."""
        codes = {
            address["country"]
            for address in (company["visiting_address"], company["postal_address"])
            if address and address.get("country") and address["country"] != "FI"
        }
        if not codes:
            return {}
        return {country.code: country.name for country in self.env["res.country"].search([("code", "in", list(codes))])}

    @api.model
    def _ytj_register_values_fields(self):
        """The partner fields that the register's data fills (its own and the industry, which stays editable)."""
        return [*YTJ_REGISTER_FIELDS, "industry_id"]

    @api.model
    def _ytj_partner_values(self, company):
        """{partner field: value} the register gives for the partner's own fields."""
        address = company["visiting_address"] or company["postal_address"] or {}
        values = {
            "name": company["name"],
            "street": address.get("street"),
            "street2": f"c/o {address['co']}" if address.get("co") else None,
            "zip": address.get("zip"),
            "city": address.get("city"),
            "website": company["website"],
        }
        return {fname: value for fname, value in values.items() if value}

    def _ytj_split_proposals(self, company):
        """(values for the empty fields, {field: value} that differ from a filled field)."""
        self.ensure_one()
        fill, changes = {}, {}
        for fname, value in self._ytj_partner_values(company).items():
            current = self[fname]
            if not current:
                fill[fname] = value
            elif fname == "website":
                if not _same_website(current, value):
                    changes[fname] = value
            elif fname == "name":
                if current.strip() != value.strip():
                    changes[fname] = value
            elif str(current).strip().casefold() != str(value).strip().casefold():
                changes[fname] = value
        if not self.country_id and fill:
            address = company["visiting_address"] or company["postal_address"] or {}
            code = address.get("country") or "FI"
            country = self.env["res.country"].search([("code", "=", code)], limit=1) or self.env.ref("base.fi")
            fill["country_id"] = country.id
        return fill, changes

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_ytj_fetch(self):
        """Fetch the company from the register: store the register's data, fill the empty fields
        and open the review dialog for the fields that differ (nothing is overwritten)."""
        self.ensure_one()
        business_id = self._ytj_business_id()
        if not self.is_company or not business_id:
            raise UserError(
                self.env._("%(partner)s needs a valid Finnish Y-tunnus to be fetched.", partner=self.display_name)
            )
        company = self._ytj_fetch_company(business_id)
        fill, changes = self._ytj_split_proposals(company)
        self._ytj_store(company)
        if fill:
            self.write(fill)
        if changes:
            return self.env["redu.ytj.review.wizard"]._open_for(self, changes)
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._("The business register's data of %(partner)s is up to date.", partner=self.name),
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

    def _ytj_store(self, company, notify=False):
        """Write the register's data; with ``notify``, schedule an activity for the account
        manager when the company has ceased or its registered name has changed."""
        self.ensure_one()
        values = self._ytj_register_values(company)
        if notify:
            self._ytj_notify_changes(values)
        self.check_access("write")
        # sudo: the register's data comes from the register, never from the user (write access on the
        # partner checked above); the industry stays the user's to change
        self.sudo().write(values)

    def _ytj_notify_changes(self, values):
        self.ensure_one()
        notes = []
        if values["ytj_status"] == ytj_client.STATUS_CEASED and self.ytj_status != ytj_client.STATUS_CEASED:
            date = values["ytj_status_date"]
            notes.append(
                (
                    "redu_partnership_ytj.mail_activity_type_ytj_ceased",
                    self.env._(
                        "%(partner)s has ceased (business register, %(date)s).",
                        partner=self.name,
                        date=fields.Date.to_string(date) if date else self.env._("date unknown"),
                    ),
                )
            )
        if self.ytj_name and values["ytj_name"] and values["ytj_name"] != self.ytj_name:
            notes.append(
                (
                    "redu_partnership_ytj.mail_activity_type_ytj_name_change",
                    self.env._(
                        "The registered name changed from %(old)s to %(new)s.",
                        old=self.ytj_name,
                        new=values["ytj_name"],
                    ),
                )
            )
        for xmlid, note in notes:
            if self.user_id:
                self.activity_schedule(xmlid, note=note, user_id=self.user_id.id)
            else:
                self.message_post(body=note, subtype_xmlid="mail.mt_note")

    # ------------------------------------------------------------------
    # Form: Y-tunnus entry
    # ------------------------------------------------------------------
    @api.onchange("company_registry")
    def _onchange_company_registry_ytj(self):
        """Warn when another partner has the Y-tunnus (not an error: a branch or a department may
        share it). No network here: the register is asked only by the explicit *Fetch from the
        business register* (``action_ytj_fetch``), whose review dialog proposes the changes; nor in
        ``create``/``write``, whose ``ytj_*`` values the write guard refuses to a user (``redu_system``)."""
        business_id = self._redu_business_id_key(self.company_registry)
        if not business_id:
            return None
        # the stored normalised key of every partner, whatever its country or notation
        domain = Domain("redu_business_id_key", "=", business_id)
        if self._origin.id:
            domain &= Domain("id", "!=", self._origin.id) & Domain("commercial_partner_id", "!=", self._origin.id)
        others = self.search_fetch(domain, ["display_name"], limit=5)
        if not others:
            return None
        message = self.env._(
            "Y-tunnus %(business_id)s is already on %(partners)s. Check that this is not a duplicate.",
            business_id=business_id,
            partners=", ".join(others.mapped("display_name")),
        )
        return {"warning": {"title": self.env._("Y-tunnus"), "message": message}}

    # ------------------------------------------------------------------
    # Weekly refresh
    # ------------------------------------------------------------------
    @api.model
    def _ytj_refresh_domain(self):
        return (
            Domain("is_company", "=", True)
            & Domain("company_registry", "!=", False)
            & Domain("ytj_status", "!=", ytj_client.STATUS_CEASED)
        )

    @api.model
    def _cron_ytj_refresh(self, batch_size=None):
        """Refresh a batch of active company partners with a Y-tunnus, least recently fetched
        first, at most the configured requests per minute. A 429 makes the task wait (``RetryLater``)
        and go on with the partners not reached.

        The batch is a background task (visible in *Background tasks*, channel ``long``, never queued
        twice), run at once by this cron and committed every few partners with
        ``ir.cron._commit_progress``; when the cron's time is up it stops and core calls it again to go
        on with the same partners (the long tasks' cron resumes it too)."""
        if not self._ytj_network_enabled():
            _logger.info("business register refresh skipped: the network lookup is turned off")
            return None
        Job = self.env["redu.background.job"]
        job = Job._find_open(YTJ_REFRESH_KEY)
        if not job:
            params = self.env["ir.config_parameter"].sudo()
            batch_size = batch_size or int(params.get_param(PARAM_BATCH_SIZE) or DEFAULT_BATCH_SIZE)
            partners = self.search(
                self._ytj_refresh_domain(), order="ytj_fetch_date ASC NULLS FIRST, id", limit=batch_size
            )
            job = Job._enqueue(
                self.env._("Business register: weekly refresh"),
                self,
                "_job_ytj_fetch",
                res_ids=partners.ids,
                payload={"notify": True},
                manager_group="redu_partnership.group_partnership_manager",
                channel="long",
                identity_key=YTJ_REFRESH_KEY,
                trigger=False,
                shared=True,
            )
        return job.sudo()._run()

    def action_ytj_fetch_many(self):
        """Fetch the selected company partners from the register in the background (one request
        per partner at the configured rate): the register's data is stored, empty fields are filled,
        and the fields that differ are listed on the task (reviewed with the partner's own button)."""
        if len(self) == 1:
            return self.action_ytj_fetch()
        if not self._ytj_network_enabled():
            raise UserError(
                self.env._(
                    "The business register lookup is turned off. An administrator turns it on in "
                    "Settings > Working-life partnership > Business register."
                )
            )
        partners = self.filtered(lambda partner: partner.is_company and partner._ytj_business_id())
        if not partners:
            raise UserError(self.env._("Select company partners with a valid Finnish Y-tunnus."))
        job = self.env["redu.background.job"]._enqueue(
            self.env._("Business register: fetch %s partners", len(partners)),
            partners,
            "_job_ytj_fetch",
            res_ids=partners.ids,
            payload={"fill": True},
            manager_group="redu_partnership.group_partnership_manager",
        )
        return job._action_open()

    @api.model
    def _job_ytj_fetch(self, job):
        """Background task: fetch the next partners of ``job.res_ids`` (a few seconds' worth)."""
        payload = job.payload or {}
        rate = int(self.env["ir.config_parameter"].sudo().get_param(PARAM_RATE) or DEFAULT_RATE)
        stop_at = time.monotonic() + YTJ_SECONDS_PER_CALL
        session = requests.Session()
        processed = requests_made = 0
        rate_limited = False
        lines = []
        for partner in self.browse(job.res_ids[job.done :]):
            if processed and time.monotonic() >= stop_at:
                break
            if rate > 0 and requests_made >= rate:
                break
            business_id = partner.exists() and partner._ytj_business_id()
            if not business_id:
                processed += 1
                continue
            requests_made += 1
            try:
                company = ytj_client.fetch_company(business_id, session=session)
            except ytj_client.YtjRateLimited as error:
                # the task waits as the register asks, without holding the worker (no sleep); what
                # this batch fetched before the limit is kept
                _logger.info("business register: rate limited after %s partners", job.done + processed)
                if not processed:
                    raise RetryLater(error.seconds(), str(error)) from error
                job._wait(error.seconds())
                rate_limited = True
                break
            except ytj_client.YtjNotFound:
                partner.ytj_fetch_date = fields.Datetime.now()
                job._add_counts(not_found=1)
                lines.append(
                    {
                        "ref": partner.display_name,
                        "res_model": "res.partner",
                        "res_id": partner.id,
                        "message": self.env._("Not found in the business register."),
                    }
                )
                processed += 1
                continue
            except ytj_client.YtjError as error:
                _logger.warning("business register: %s failed: %s", business_id, error)
                job._add_counts(errors=1)
                lines.append(
                    {
                        "ref": partner.display_name,
                        "res_model": "res.partner",
                        "res_id": partner.id,
                        "message": self._ytj_error_message(error),
                    }
                )
                processed += 1
                continue
            if payload.get("fill"):
                fill, changes = partner._ytj_split_proposals(company)
                partner._ytj_store(company)
                if fill:
                    partner.write(fill)
                if changes:
                    labels = [self._fields[fname].get_description(self.env)["string"] for fname in changes]
                    lines.append(
                        {
                            "ref": partner.display_name,
                            "res_model": "res.partner",
                            "res_id": partner.id,
                            "message": self.env._(
                                "The business register differs on: %(fields)s. Review with "
                                '"Fetch from the business register" on the partner.',
                                fields=", ".join(labels),
                            ),
                        }
                    )
            else:
                partner._ytj_store(company, notify=payload.get("notify", False))
            job._add_counts(fetched=1)
            processed += 1
        if rate > 0 and requests_made and not rate_limited and job.done + processed < len(job.res_ids):
            # the pace of the register (requests per minute): the next batch waits for its turn in the
            # channel's cron, instead of a sleep that holds the worker between the requests
            job._wait(60.0 * requests_made / rate)
        job._add_lines(lines)
        counts = dict({"fetched": 0, "not_found": 0, "errors": 0, "not_reached": 0}, **(job.counts or {}))
        job.result = self.env._(
            "%(fetched)s partners fetched, %(not_found)s not found, %(errors)s errors, "
            "%(not_reached)s not reached (rate limit).",
            **counts,
        )
        return processed
