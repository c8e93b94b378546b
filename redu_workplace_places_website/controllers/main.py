# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import SUPERUSER_ID, http
from odoo.http import request
from odoo.tools import format_date


class ReduWorkplacePlacesWebsite(http.Controller):
    """The public form on which an employer offers places for workplace learning (no account).

    CSRF: Odoo's check of every POST of a ``type="http"`` route (the form carries the token); the rate
    limit, the honeypot and the duplicate guard are the inquiry form's (redu.place.web.offer)."""

    def _offer_sudo(self):
        # sudo: the visitor reads the lists of the form and creates the offer only through the checks
        # of redu.place.web.offer; as the superuser, as the inquiry form (see redu_services_website)
        return request.env["redu.place.web.offer"].with_user(SUPERUSER_ID).sudo()

    @http.route("/palvelut/tyopaikka", type="http", auth="public", website=True, methods=["GET"], sitemap=True)
    def offer_page(self, **kw):
        return request.render("redu_workplace_places_website.offer_page", self._offer_sudo()._redu_form_values())

    @http.route("/palvelut/tyopaikka", type="http", auth="public", website=True, methods=["POST"], sitemap=False)
    def offer_post(self, **post):
        Offer = self._offer_sudo()
        result = Offer._redu_submit(post, request.httprequest.remote_addr)
        if result["status"] == "limited":
            return request.render("redu_services_website.inquiry_limited", status=429)
        if result["status"] == "error":
            values = {
                key: value
                for key, value in result["values"].items()
                if key not in ("company", "municipality", "qualification")
            }
            return request.render(
                "redu_workplace_places_website.offer_page",
                Offer._redu_form_values(values, result["errors"]),
                status=400,
            )
        place = result.get("place")
        return request.render(
            "redu_workplace_places_website.offer_thanks",
            {
                "offer": place
                and {
                    "qualification": place.qualification_id.name,
                    "period": "%s – %s"
                    % (format_date(request.env, place.date_start), format_date(request.env, place.date_end)),
                    "capacity": place.capacity,
                },
            },
        )
