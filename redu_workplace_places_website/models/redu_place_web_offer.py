# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""A place for workplace learning offered from the public website.

Called by the public controller in sudo; the organisation, the contact, the consent and the group
entity are checked, matched and created by the inquiry form's own methods (redu.service.web.inquiry),
the rest here. Nothing of the partners found is returned to the visitor.
"""

import json
import logging

from odoo import api, models

_logger = logging.getLogger(__name__)

SCOPE_IP = "place_offer_ip"
SCOPE_DUPLICATE = "place_offer_duplicate"


class ReduPlaceWebOffer(models.AbstractModel):
    _name = "redu.place.web.offer"
    _description = "Workplace-learning place offered on the website"

    @api.model
    def _redu_form_values(self, values=None, errors=None):
        return dict(
            self.env["redu.workplace.place"]._redu_offer_form_lists(),
            values=values or {},
            errors=errors or {},
            entities=self.env["res.company"].search([("is_redu_group_entity", "=", True)]),
        )

    @api.model
    def _redu_validate(self, post):
        """(values, errors) of a posted offer: the inquiry's checks of the sender, then the place's own
        (redu.workplace.place, shared with the instructor's personal link)."""
        place_values, place_errors = self.env["redu.workplace.place"]._redu_offer_validate(post)
        post = dict(post, municipality=place_values["municipality"].name or "", message=post.get("message") or "")
        values, errors = self.env["redu.service.web.inquiry"]._redu_validate(post, [])
        values.pop("services", None)
        errors.pop("municipality", None)  # the inquiry's text field: here the list of the place's checks
        values.update(place_values)
        errors.update(place_errors)
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
        place = self.env["redu.workplace.place"]._redu_offer_create(
            values, organisation, contact, company, "website", note=values["message"]
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
