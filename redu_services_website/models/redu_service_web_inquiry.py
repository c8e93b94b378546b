# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The inquiry form of the website: validation, partner matching, routing, acknowledgement.

Called by the public controller in sudo (the visitor has no rights on partners or processes);
everything a visitor sends is checked here, and nothing of the partners found is returned.
"""

import json
import logging
import re

from markupsafe import Markup
from psycopg2.errors import DeadlockDetected, LockNotAvailable, SerializationFailure

from odoo import api, fields, models
from odoo.tools import email_normalize, plaintext2html

from odoo.addons.redu_base.tools.business_id import normalize_business_id

_logger = logging.getLogger(__name__)

# field: (maximum length, required)
TEXT_FIELDS = {
    "organisation": (200, True),
    "business_id": (20, False),
    "contact_name": (120, True),
    "email": (254, True),
    "phone": (40, False),
    "municipality": (80, True),
    "message": (4000, True),
}
MAX_SERVICES = 3
HONEYPOT_FIELD = "homepage"
PHONE_RE = re.compile(r"^\+?[0-9 ()\-]{5,40}$")
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# defaults of the settings (ir.config_parameter), see readme/CONFIGURE.md
DEFAULT_MAX_ATTEMPTS = 5
DEFAULT_WINDOW_MINUTES = 60
DEFAULT_DUPLICATE_MINUTES = 10


def _normalise_name(name):
    return " ".join((name or "").split()).casefold()


def _email_domain(email):
    email = email_normalize(email or "") or ""
    return email.rpartition("@")[2]


class ReduServiceWebInquiry(models.AbstractModel):
    _name = "redu.service.web.inquiry"
    _description = "Web inquiry about the services"

    # ------------------------------------------------------------------
    # validation
    # ------------------------------------------------------------------
    @api.model
    def _redu_validate(self, post, service_ids=None):
        """Check what the visitor sent.

        :param dict post: the form fields (strings)
        :param list service_ids: the ids of the services of interest (strings or ints)
        :return: (values, errors): the cleaned values (also the ones to show back in the form), and
            {field: message} of what is wrong
        """
        values, errors = {}, {}
        for name, (size, required) in TEXT_FIELDS.items():
            value = CONTROL_RE.sub("", str(post.get(name) or "")).strip()
            if name != "message":
                value = " ".join(value.split())
            values[name] = value
            if len(value) > size:
                errors[name] = self.env._("At most %s characters.", size)
            elif required and not value:
                errors[name] = self.env._("Required.")
        if values["business_id"] and "business_id" not in errors:
            try:
                values["business_id_normalised"] = normalize_business_id(values["business_id"])
            except ValueError:
                errors["business_id"] = self.env._(
                    "The Y-tunnus %s is not valid. Enter it as 1234567-8: seven digits, a hyphen and "
                    "the check digit. You can also leave it empty.",
                    values["business_id"],
                )
        if values["email"] and "email" not in errors:
            normalised = email_normalize(values["email"], strict=True)
            if not normalised or "," in values["email"]:
                errors["email"] = self.env._("Enter one email address, e.g. name@company.fi.")
            else:
                values["email_normalised"] = normalised
        if values["phone"] and "phone" not in errors and not PHONE_RE.match(values["phone"]):
            errors["phone"] = self.env._("Enter the phone number with digits, e.g. +358 40 123 4567.")
        if not post.get("consent"):
            errors["consent"] = self.env._("Your consent is needed to process the inquiry.")

        self._redu_validate_choices(post, service_ids, values, errors)
        return values, errors

    @api.model
    def _redu_validate_choices(self, post, service_ids, values, errors):
        """The services of interest (published ones, at most MAX_SERVICES) and the group entity."""
        ids = []
        for raw in service_ids or []:
            try:
                ids.append(int(raw))
            except (TypeError, ValueError):
                errors["service_ids"] = self.env._("Choose the services from the list.")
        ids = list(dict.fromkeys(ids))
        services = self.env["redu.service"].search([("id", "in", ids), ("is_published", "=", True)]) if ids else None
        if services is None:
            services = self.env["redu.service"]
        if len(services) != len(ids):
            errors["service_ids"] = self.env._("Choose the services from the list.")
        elif len(services) > MAX_SERVICES:
            errors["service_ids"] = self.env._("Choose at most %s services.", MAX_SERVICES)
        values["services"] = services
        values["service_ids"] = ids

        company = self.env["res.company"]
        if post.get("company_id"):
            try:
                company = company.search([("id", "=", int(post["company_id"])), ("is_redu_group_entity", "=", True)])
            except (TypeError, ValueError):
                company = company.browse()
            if not company:
                errors["company_id"] = self.env._("Choose the group entity from the list.")
        values["company"] = company
        values["company_id"] = company.id

    # ------------------------------------------------------------------
    # submission
    # ------------------------------------------------------------------
    @api.model
    def _redu_get_limits(self):
        """(posts per address, window in minutes, minutes within which the same inquiry is a
        duplicate) from the settings."""
        limiter = self.env["redu.rate.limit"]
        return (
            limiter._redu_int_param("redu_services_website.inquiry_max_attempts", DEFAULT_MAX_ATTEMPTS),
            limiter._redu_int_param("redu_services_website.inquiry_window_minutes", DEFAULT_WINDOW_MINUTES),
            limiter._redu_int_param("redu_services_website.inquiry_duplicate_minutes", DEFAULT_DUPLICATE_MINUTES),
        )

    @api.model
    def _redu_register_attempt(self, ip):
        """Count a post from ``ip`` (atomic with the simultaneous ones); False over the limit."""
        max_attempts, minutes, _duplicate = self._redu_get_limits()
        return self.env["redu.rate.limit"]._redu_hit([("inquiry_ip", ip, max_attempts)], minutes)

    @api.model
    def _redu_duplicate_key(self, values):
        """The submission as the same visitor would send it twice: normalised, order-free."""
        return json.dumps(
            [
                values["email_normalised"],
                _normalise_name(values["organisation"]),
                values.get("business_id_normalised") or "",
                sorted(values["service_ids"]),
                values["company_id"] or 0,
                " ".join(values["message"].split()).casefold(),
            ]
        )

    @api.model
    def _redu_submit(self, post, service_ids=None, ip=None):
        """Handle a posted inquiry.

        :return: dict with ``status``: ``"limited"`` (too many attempts from the address),
            ``"spam"`` (the honeypot is filled: nothing is created, the visitor sees the thank-you
            page), ``"error"`` (with ``errors`` and ``values``: nothing is created),
            ``"duplicate"`` (the same inquiry was just received: nothing more is created, the
            visitor sees the thank-you page) or ``"ok"`` (with ``processes``)
        """
        if not self._redu_register_attempt(ip or "unknown"):
            return {"status": "limited", "values": post, "errors": {}}
        if post.get(HONEYPOT_FIELD):
            _logger.info("Web inquiry from %s ignored: the honeypot field is filled", ip)
            return {"status": "spam"}
        values, errors = self._redu_validate(post, service_ids)
        if errors:
            return {"status": "error", "values": values, "errors": errors}
        duplicate_minutes = self._redu_get_limits()[2]
        try:
            with self.env.cr.savepoint():
                # reserved in this transaction, with the processes: a simultaneous identical post
                # waits for this one and then finds the reservation (a failed save reserves nothing)
                if not self.env["redu.rate.limit"]._redu_reserve(
                    "inquiry_duplicate", self._redu_duplicate_key(values), duplicate_minutes
                ):
                    _logger.info("Web inquiry from %s ignored: the same inquiry was just received", ip)
                    return {"status": "duplicate"}
                processes = self._redu_create_processes(values)
        except (SerializationFailure, LockNotAvailable, DeadlockDetected):
            # e.g. a simultaneous identical post committed first: Odoo retries the request
            # (the errors of odoo.service.model.PG_CONCURRENCY_EXCEPTIONS_TO_RETRY)
            raise
        except Exception:
            _logger.exception("Web inquiry from %s could not be saved", ip)
            return {
                "status": "error",
                "values": values,
                "errors": {"form": self.env._("The inquiry could not be saved. Please try again later.")},
            }
        return {"status": "ok", "processes": processes}

    @api.model
    def _redu_create_processes(self, values):
        organisation = self._redu_match_organisation(values)
        contact = self._redu_match_contact(organisation, values)
        services = values["services"]
        if not services:
            company = values["company"] or self.env["website"].get_current_website().company_id
            services = company._redu_get_intake_service()
        now = fields.Datetime.now()
        process_vals = []
        for service in services:
            user = service._redu_routed_user() or self.env.ref("base.user_admin")
            process_vals.append(
                {
                    "title": self.env._("Web inquiry: %s", service.name),
                    "partner_id": organisation.id,
                    "contact_id": contact.id,
                    "service_id": service.id,
                    "company_id": service.company_id.id,
                    "user_id": user.id,
                    "channel": "web",
                    "date_inquiry": now,
                }
            )
        # the acknowledgement posted below is the intake's (the superuser's: see the controller),
        # which is no first response
        Process = self.env["redu.service.process"].with_context(mail_create_nosubscribe=True)
        processes = Process.create(process_vals)
        self._redu_schedule_response_activities(processes)
        body = self._redu_inquiry_body(values)
        template = self.env.ref("redu_services_website.mail_template_web_inquiry_ack")
        for process in processes:
            process.message_post(
                body=body,
                author_id=contact.id,
                message_type="comment",
                subtype_xmlid="mail.mt_note",
            )
            process.message_post_with_source(
                template,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
        return processes

    @api.model
    def _redu_schedule_response_activities(self, processes):
        """The responsible's activity is due by the response target of the entity: the activity
        of the first stage where it has one, a to-do otherwise."""
        for process in processes:
            activities = process.activity_ids.filtered(lambda act, p=process: act.user_id == p.user_id)
            if activities:
                activities.write({"date_deadline": process.date_response_due})
            else:
                process.activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=process.date_response_due,
                    summary=self.env._("Answer the web inquiry"),
                    user_id=process.user_id.id,
                )

    @api.model
    def _redu_inquiry_body(self, values):
        rows = [
            (self.env._("Organisation"), values["organisation"]),
            (self.env._("Y-tunnus"), values["business_id"]),
            (self.env._("Contact person"), values["contact_name"]),
            (self.env._("Email"), values["email"]),
            (self.env._("Phone"), values["phone"]),
            (self.env._("Municipality"), values["municipality"]),
            (self.env._("Services of interest"), ", ".join(values["services"].mapped("name"))),
        ]
        items = Markup("").join(Markup("<li><b>%s:</b> %s</li>") % (label, value) for label, value in rows if value)
        return Markup("<p><b>%s</b></p><ul>%s</ul>%s") % (
            self.env._("Inquiry from the website"),
            items,
            plaintext2html(values["message"]),
        )

    # ------------------------------------------------------------------
    # partners
    # ------------------------------------------------------------------
    @api.model
    def _redu_match_organisation(self, values):
        """The organisation of the inquiry: the one with the Y-tunnus, else the one with the same
        name (case and spaces aside) and the email domain of the sender (on the organisation, its
        contacts or its website), else a new one. A partner with another Y-tunnus is no match."""
        Partner = self.env["res.partner"].with_context(active_test=True)
        business_id = values.get("business_id_normalised")
        if business_id:
            organisation = Partner.search(
                [("parent_id", "=", False), ("company_registry", "=", business_id)], order="id", limit=1
            )
            if organisation:
                return organisation
        name = _normalise_name(values["organisation"])
        domain = _email_domain(values["email"])
        candidates = Partner.search(
            [("parent_id", "=", False), ("is_company", "=", True), ("name", "=ilike", values["organisation"])],
            order="id",
        ).filtered(
            lambda p: (
                _normalise_name(p.name) == name
                and (not business_id or not p.company_registry or p.company_registry == business_id)
            )
        )
        if candidates and domain:
            children = Partner.search_read(
                [("parent_id", "in", candidates.ids), ("email", "!=", False)], ["parent_id", "email"]
            )
            domains = {partner.id: {_email_domain(partner.email)} for partner in candidates}
            for child in children:
                domains[child["parent_id"][0]].add(_email_domain(child["email"]))
            for partner in candidates:
                website = (partner.website or "").lower()
                host = website.split("//")[-1].split("/")[0].removeprefix("www.")
                if domain in domains[partner.id] or (host and host == domain):
                    return partner
        vals = {
            "name": values["organisation"],
            "is_company": True,
            "city": values["municipality"],
            "country_id": self.env.ref("base.fi").id,
        }
        if business_id:
            vals["company_registry"] = business_id
        return Partner.create(vals)

    @api.model
    def _redu_match_contact(self, organisation, values):
        """The contact person under the organisation with the sender's email, else a new one."""
        email = values["email_normalised"]
        contact = self.env["res.partner"].search(
            [("parent_id", "=", organisation.id), ("email", "=ilike", email)], order="id", limit=1
        )
        if contact:
            return contact
        lang = self.env.context.get("lang")
        return self.env["res.partner"].create(
            {
                "name": values["contact_name"],
                "parent_id": organisation.id,
                "type": "contact",
                "email": email,
                "phone": values["phone"] or False,
                "city": values["municipality"],
                "lang": lang if lang in dict(self.env["res.lang"].get_installed()) else False,
            }
        )
