# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""A place for workplace learning offered from the public website.

Called by the public controller in sudo; the organisation, the contact, the consent and the group
entity are checked, matched and created by the inquiry form's own methods (redu.service.web.inquiry),
the rest here. Nothing of the partners found is returned to the visitor.
"""

import datetime
import json
import logging

from odoo import api, models

_logger = logging.getLogger(__name__)

MAX_CAPACITY = 20
# how far ahead a period may start, in days
MAX_DAYS_AHEAD = 730
TEXT_LIMITS = {"languages": 200, "accessibility_note": 1000}
SCOPE_IP = "place_offer_ip"
SCOPE_DUPLICATE = "place_offer_duplicate"


class ReduPlaceWebOffer(models.AbstractModel):
    _name = "redu.place.web.offer"
    _description = "Workplace-learning place offered on the website"

    @api.model
    def _redu_form_values(self, values=None, errors=None):
        return {
            "values": values or {},
            "errors": errors or {},
            "municipalities": self.env["redu.municipality"].search([("active", "=", True)]),
            "qualifications": self.env["redu.qualification"].search([("active", "=", True)]),
            "entities": self.env["res.company"].search([("is_redu_group_entity", "=", True)]),
        }

    @api.model
    def _redu_parse_date(self, value):
        try:
            return datetime.date.fromisoformat(str(value or "").strip()[:10])
        except ValueError:
            return None

    @api.model
    def _redu_validate(self, post):
        """(values, errors) of a posted offer: the inquiry's checks, then the place's own."""
        inquiry = self.env["redu.service.web.inquiry"]
        municipality = self.env["redu.municipality"]
        if str(post.get("municipality_id") or "").isdigit() and len(post["municipality_id"]) < 10:
            municipality = municipality.search([("id", "=", int(post["municipality_id"]))])
        post = dict(post, municipality=municipality.name or "", message=post.get("message") or "")
        values, errors = inquiry._redu_validate(post, [])
        values.pop("services", None)
        errors.pop("municipality", None)  # the inquiry's text field: here the list below
        if not municipality:
            errors["municipality_id"] = self.env._("Choose the municipality from the list.")
        values["municipality"] = municipality
        values["municipality_id"] = municipality.id
        qualification = self.env["redu.qualification"]
        if str(post.get("qualification_id") or "").isdigit() and len(post["qualification_id"]) < 10:
            qualification = qualification.search([("id", "=", int(post["qualification_id"]))])
        if not qualification:
            errors["qualification_id"] = self.env._("Choose the qualification from the list.")
        values["qualification"] = qualification
        values["qualification_id"] = qualification.id
        start, end = self._redu_parse_date(post.get("date_start")), self._redu_parse_date(post.get("date_end"))
        today = datetime.date.today()
        values["date_start"], values["date_end"] = start, end
        if not start:
            errors["date_start"] = self.env._("Enter the first day, e.g. 2026-09-01.")
        elif not today <= start <= today + datetime.timedelta(days=MAX_DAYS_AHEAD):
            errors["date_start"] = self.env._("The period starts today at the earliest and within two years.")
        if not end:
            errors["date_end"] = self.env._("Enter the last day, e.g. 2026-10-31.")
        elif (
            start and "date_start" not in errors and not start <= end <= start + datetime.timedelta(days=MAX_DAYS_AHEAD)
        ):
            errors["date_end"] = self.env._("The period ends after it starts and within two years.")
        capacity = str(post.get("capacity") or "").strip()
        values["capacity"] = int(capacity) if capacity.isdigit() and len(capacity) < 4 else 0
        if not 1 <= values["capacity"] <= MAX_CAPACITY:
            errors["capacity"] = self.env._("From 1 to %s students.", MAX_CAPACITY)
        values["accepts_training_agreement"] = bool(post.get("accepts_training_agreement"))
        values["accepts_apprenticeship"] = bool(post.get("accepts_apprenticeship"))
        if not (values["accepts_training_agreement"] or values["accepts_apprenticeship"]):
            errors["contract_types"] = self.env._("Choose a training agreement, an apprenticeship or both.")
        for name, size in TEXT_LIMITS.items():
            values[name] = (
                " ".join(str(post.get(name) or "").split())
                if name == "languages"
                else str(post.get(name) or "").strip()
            )
            if len(values[name]) > size:
                errors[name] = self.env._("At most %s characters.", size)
        return values, errors

    @api.model
    def _redu_submit(self, post, ip):
        """Handle a posted offer: ``{"status": "limited" | "spam" | "error" | "duplicate" | "ok", ...}``
        (the same statuses as the inquiry); nothing is created unless "ok"."""
        inquiry = self.env["redu.service.web.inquiry"]
        limiter = self.env["redu.rate.limit"]
        max_attempts, minutes, duplicate_minutes = inquiry._redu_get_limits()
        if not limiter._redu_hit([(SCOPE_IP, ip or "unknown", max_attempts)], minutes):
            return {"status": "limited"}
        if post.get("homepage"):
            _logger.info("Place offer from %s ignored: the honeypot field is filled", ip)
            return {"status": "spam"}
        values, errors = self._redu_validate(post)
        if errors:
            return {"status": "error", "values": values, "errors": errors}
        key = json.dumps(
            [
                values["email_normalised"],
                values.get("business_id_normalised") or values["organisation"].casefold(),
                values["qualification_id"],
                str(values["date_start"]),
                str(values["date_end"]),
            ]
        )
        with self.env.cr.savepoint():
            if not limiter._redu_reserve(SCOPE_DUPLICATE, key, duplicate_minutes):
                return {"status": "duplicate"}
            place = self._redu_create_place(values)
        return {"status": "ok", "place": place}

    @api.model
    def _redu_create_place(self, values):
        inquiry = self.env["redu.service.web.inquiry"]
        organisation = inquiry._redu_match_organisation(values)
        contact = inquiry._redu_match_contact(organisation, values)
        company = values["company"] or self.env["website"].get_current_website().company_id
        place = self.env["redu.workplace.place"].create(
            {
                "state": "proposed",
                "source": "website",
                "employer_id": organisation.id,
                "company_id": company.id,
                "municipality_id": values["municipality_id"],
                "qualification_id": values["qualification_id"],
                "date_start": values["date_start"],
                "date_end": values["date_end"],
                "capacity": values["capacity"],
                "accepts_training_agreement": values["accepts_training_agreement"],
                "accepts_apprenticeship": values["accepts_apprenticeship"],
                "languages": values["languages"] or False,
                "accessibility_note": values["accessibility_note"] or False,
                "note": values["message"] or False,
                "instructor_ids": [(6, 0, contact.ids)],
            }
        )
        place.message_post(
            body=self.env._(
                "Offered on the website by %(name)s (%(email)s).", name=contact.name, email=values["email_normalised"]
            ),
            author_id=contact.id,
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )
        return place
