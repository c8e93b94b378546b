# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import http
from odoo.http import request
from odoo.tools import format_date

from odoo.addons.redu_feedback_portal.controllers.main import InstructorConfirmationController


class InstructorPlaceOfferController(InstructorConfirmationController):
    """The instructor offers places for workplace learning behind the same personal link: the link's
    token (the same 404 for a wrong id or token), Odoo's CSRF check of every POST, the personal page's
    rate limit (per link and per address, ``redu.rate.limit``), the same offer twice kept once, and an
    acknowledgement naming the offer."""

    @staticmethod
    def _place_urls(confirmation):
        page_url = f"/feedback/instructor/{confirmation.id}/{confirmation.access_token}"
        return {"page_url": page_url, "action_url": f"{page_url}/place"}

    def _render_place(self, confirmation, status=200, values=None, errors=None, **extra):
        if confirmation._link_closed():
            return self._render(confirmation)
        qcontext = dict(confirmation._redu_offer_form_values(values, errors), confirmation=confirmation, offer=False)
        qcontext.update(self._place_urls(confirmation), **extra)
        return request.render("redu_workplace_places_portal.instructor_place_page", qcontext, status=status)

    @http.route(
        "/feedback/instructor/<int:confirmation_id>/<string:token>/place",
        type="http",
        auth="public",
        website=True,
        methods=["GET"],
        sitemap=False,
    )
    def instructor_place_page(self, confirmation_id, token, **kwargs):
        confirmation = self._confirmation(confirmation_id, token)
        if confirmation is None:
            return self._not_found()
        return self._render_place(confirmation)

    @http.route(
        "/feedback/instructor/<int:confirmation_id>/<string:token>/place",
        type="http",
        auth="public",
        website=True,
        methods=["POST"],
        csrf=True,
        sitemap=False,
    )
    def instructor_place_offer(self, confirmation_id, token, **post):
        limited = self._rate_limited(confirmation_id, token)
        if limited:
            return limited
        confirmation = self._confirmation(confirmation_id, token)
        if confirmation is None:
            return self._not_found()
        if confirmation._link_closed():
            return self._render(confirmation)
        result = confirmation._redu_offer_place(post)
        if result["status"] == "error":
            values = {
                key: value for key, value in result["values"].items() if key not in ("municipality", "qualification")
            }
            return self._render_place(confirmation, status=400, values=values, errors=result["errors"])
        place = result.get("place")
        offer = {"status": result["status"]}
        if place:
            offer.update(
                qualification=place.qualification_id.name,
                period="%s – %s"
                % (format_date(request.env, place.date_start), format_date(request.env, place.date_end)),
                capacity=place.capacity,
            )
        return self._render_place(confirmation, offer=offer)
