# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""A place for workplace learning offered by a workplace instructor from the personal link (no account).

Called by the controller on the confirmation of a checked link (sudo, as the personal page): the link
names the instructor and the employer, so the form asks only for the place; its checks are the place's
own (``redu.workplace.place._redu_offer_validate``, shared with the website's form). The posts are
counted by the personal page's rate limit before this is called.
"""

import json

from odoo import models

SCOPE_DUPLICATE = "place_offer_link_duplicate"
MESSAGE_LIMIT = 4000
# the same offer again within the personal page's rate window (its setting, this default) is a duplicate
DEFAULT_DUPLICATE_MINUTES = 10


class ReduInstructorConfirmation(models.Model):
    _inherit = "redu.instructor.confirmation"

    def _redu_offer_employer(self):
        """The employer the instructor offers places for: the company of the instructor's contact (an
        empty recordset for an instructor who belongs to no company)."""
        self.ensure_one()
        partner = self.partner_id
        return partner.commercial_partner_id if partner.parent_id else partner.browse()

    def _redu_offer_company(self):
        """The group entity of the offer: the entity that sent the link, else that of its latest period."""
        self.ensure_one()
        return self.company_id or self.agreement_ids.sorted("start_date", reverse=True)[:1].company_id

    def _redu_offer_form_values(self, values=None, errors=None):
        self.ensure_one()
        values = dict(values or {})
        if "municipality_id" not in values:
            # the municipality of the employer's address, chosen for the instructor (a suggestion)
            city = (self._redu_offer_employer().city or "").strip()
            municipality = city and self.env["redu.municipality"].search([("name", "=ilike", city)], limit=1)
            values["municipality_id"] = municipality.id if municipality else False
        return dict(
            self.env["redu.workplace.place"]._redu_offer_form_lists(),
            employer=self._redu_offer_employer(),
            values=values,
            errors=errors or {},
        )

    def _redu_offer_place(self, post):
        """Handle an offer posted on the personal link: ``{"status": "no_employer" | "error" | "duplicate" |
        "ok", ...}``; nothing is created unless "ok"."""
        self.ensure_one()
        employer = self._redu_offer_employer()
        if not employer:
            return {"status": "no_employer"}
        Place = self.env["redu.workplace.place"]
        values, errors = Place._redu_offer_validate(post)
        message = str(post.get("message") or "").strip()
        values["message"] = message
        if not message:
            errors["message"] = self.env._("Required.")
        elif len(message) > MESSAGE_LIMIT:
            errors["message"] = self.env._("At most %s characters.", MESSAGE_LIMIT)
        if errors:
            return {"status": "error", "values": values, "errors": errors}
        limiter = self.env["redu.rate.limit"]
        window = limiter._redu_int_param("redu_feedback_portal.rate_window_minutes", DEFAULT_DUPLICATE_MINUTES)
        key = json.dumps([self.id, values["qualification_id"], str(values["date_start"]), str(values["date_end"])])
        with self.env.cr.savepoint():
            # the same offer sent twice (a second tap, the back button) is kept once
            if not limiter._redu_reserve(SCOPE_DUPLICATE, key, window):
                return {"status": "duplicate"}
            place = Place._redu_offer_create(
                values, employer, self.partner_id, self._redu_offer_company(), "personal_link", note=message
            )
        place.message_post(
            body=self.env._("Offered by the workplace instructor %s through the personal link.", self.partner_id.name),
            author_id=self.partner_id.id,
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )
        return {"status": "ok", "place": place}
