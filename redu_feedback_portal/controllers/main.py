# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from werkzeug.exceptions import NotFound

from odoo import http
from odoo.http import request

# the page is in Finnish; English for the instructors whose language is English
PAGE_LANGS = ("fi_FI", "en_US")


class InstructorConfirmationController(http.Controller):
    @staticmethod
    def _not_found():
        """A plain 404, returned rather than raised so that the rate-limit count of the post is kept."""
        error = NotFound()
        return request.make_response(error.get_body(), headers=error.get_headers(), status=error.code)

    def _confirmation(self, confirmation_id, token):
        """The confirmation of the link, or None (wrong id or wrong token: the same 404)."""
        confirmation = request.env["redu.instructor.confirmation"]._from_link(confirmation_id, token)
        if confirmation is None:
            return None
        lang = "en_US" if (confirmation.partner_id.lang or "").startswith("en") else "fi_FI"
        installed = {code for code, _name in request.env["res.lang"].get_installed()}
        if lang not in installed:
            lang = next((code for code in PAGE_LANGS if code in installed), request.env.lang)
        request.update_context(lang=lang)
        return confirmation.with_context(lang=lang)

    def _rate_limited(self, confirmation_id, token):
        """Count a post of the personal link; the 429 page when over a limit (per link or per address), else None."""
        # sudo: the public user counts its own posts (the limiter reads its settings)
        limiter = request.env["redu.rate.limit"].sudo()
        Confirmation = request.env["redu.instructor.confirmation"].sudo()
        if not Confirmation._redu_count_post(confirmation_id, token, limiter._redu_client_key()):
            return request.render("redu_feedback_portal.instructor_page_rate_limited", {}, status=429)
        return None

    @staticmethod
    def _student_label(agreement):
        """First name and the first letter of the surname: no other student data on the page."""
        parts = (agreement.student_name or "").split()
        if not parts:
            return ""
        return f"{parts[0]} {parts[-1][0]}." if len(parts) > 1 else parts[0]

    def _render(self, confirmation, status=200, **values):
        if confirmation._link_closed():
            teacher = confirmation.teacher_id
            return request.render(
                "redu_feedback_portal.instructor_page_closed",
                {"teacher_name": teacher.name or "", "teacher_email": teacher.email or ""},
                status=403,
            )
        partner = confirmation.partner_id
        agreements = confirmation.agreement_ids
        periods = [
            {
                "qualification": agreement.qualification or "",
                "student": self._student_label(agreement),
                "start": agreement.start_date,
                "end": agreement.end_date,
                "employer": agreement.employer_id.name or agreement.workplace_name or "",
            }
            for agreement in agreements
        ]
        qcontext = {
            "confirmation": confirmation,
            "partner": partner,
            "employer": partner.commercial_partner_id.name if partner.parent_id else "",
            "periods": periods,
            "form": {"name": partner.name or "", "email": partner.email or "", "phone": partner.phone or ""},
            "errors": {},
            "saved": False,
            "action_url": f"/feedback/instructor/{confirmation.id}/{confirmation.access_token}",
            "deadline": confirmation.deadline,
        }
        qcontext.update(values)
        return request.render("redu_feedback_portal.instructor_page", qcontext, status=status)

    @http.route(
        "/feedback/instructor/<int:confirmation_id>/<string:token>",
        type="http",
        auth="public",
        website=True,
        methods=["GET"],
        sitemap=False,
    )
    def instructor_page(self, confirmation_id, token, **kwargs):
        confirmation = self._confirmation(confirmation_id, token)
        if confirmation is None:
            return self._not_found()
        return self._render(confirmation)

    @http.route(
        "/feedback/instructor/<int:confirmation_id>/<string:token>",
        type="http",
        auth="public",
        website=True,
        methods=["POST"],
        csrf=True,
        sitemap=False,
    )
    def instructor_page_post(self, confirmation_id, token, **post):
        limited = self._rate_limited(confirmation_id, token)
        if limited:
            return limited
        confirmation = self._confirmation(confirmation_id, token)
        if confirmation is None:
            return self._not_found()
        if confirmation._link_closed():
            return self._render(confirmation)
        if post.get("action") == "confirm":
            confirmation._portal_answer()
            return self._render(confirmation, saved="confirmed")
        form = {name: (post.get(name) or "")[:256] for name in ("name", "email", "phone")}
        values, errors = confirmation._validate_form(form)
        if errors:
            # keep what was typed; nothing is written
            return self._render(confirmation, form=form, errors=errors)
        corrected, _problems = confirmation._portal_answer(values)
        return self._render(confirmation, saved="corrected" if corrected else "confirmed")
