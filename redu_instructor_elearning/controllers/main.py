# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import http
from odoo.http import request

from odoo.addons.redu_instructor_training.controllers.main import InstructorTrainingController


class InstructorSupportCourseController(InstructorTrainingController):
    """The support course behind the instructor's personal link: read the contents, mark them done."""

    def _training_values(self, confirmation):
        values = super()._training_values(confirmation)
        courses = request.env["slide.channel"]._redu_support_courses()
        values["support_courses"] = courses
        values["support_completed_ids"] = set(confirmation.partner_id.redu_support_course_ids.ids)
        return values

    def _course_base(self, confirmation):
        return f"/feedback/instructor/{confirmation.id}/{confirmation.access_token}/course"

    def _render_course(self, confirmation, course, slide=None, status=200):
        if confirmation._link_closed():
            return self._render(confirmation)
        partner = confirmation.partner_id
        # sudo: the instructor's own completion rows of the course (the personal link is the authorisation)
        completed = (
            request.env["slide.slide.partner"]
            .sudo()
            .search([("partner_id", "=", partner.id), ("channel_id", "=", course.id), ("completed", "=", True)])
            .slide_id
        )
        contents = course._redu_contents()
        return request.render(
            "redu_instructor_elearning.instructor_course_page",
            {
                "confirmation": confirmation,
                "course": course,
                "contents": contents,
                "slide": slide,
                "completed_ids": set(completed.ids),
                "course_url": f"{self._course_base(confirmation)}/{course.id}",
                "training_url": f"/feedback/instructor/{confirmation.id}/{confirmation.access_token}/training",
                "course_completed": course in partner.redu_support_course_ids,
                "next_slide": contents.filtered(lambda s: slide and s.sequence >= slide.sequence and s != slide)[:1]
                if slide
                else contents[:1],
            },
            status=status,
        )

    def _course_and_slide(self, confirmation, course_id, slide_id=None):
        """The support course and its content, or (None, None): any other id gets the same 404."""
        course = request.env["slide.channel"]._redu_support_courses().filtered(lambda c: c.id == course_id)
        if not course:
            return None, None
        if slide_id is None:
            return course, None
        slide = course._redu_contents().filtered(lambda s: s.id == slide_id)
        return (course, slide) if slide else (None, None)

    @http.route(
        [
            "/feedback/instructor/<int:confirmation_id>/<string:token>/course/<int:course_id>",
            "/feedback/instructor/<int:confirmation_id>/<string:token>/course/<int:course_id>/<int:slide_id>",
        ],
        type="http",
        auth="public",
        website=True,
        methods=["GET"],
        sitemap=False,
    )
    def instructor_course(self, confirmation_id, token, course_id, slide_id=None, **kwargs):
        confirmation = self._confirmation(confirmation_id, token)
        if confirmation is None:
            return self._not_found()
        course, slide = self._course_and_slide(confirmation, course_id, slide_id)
        if course is None:
            return self._not_found()
        return self._render_course(confirmation, course, slide)

    @http.route(
        "/feedback/instructor/<int:confirmation_id>/<string:token>/course/<int:course_id>/<int:slide_id>",
        type="http",
        auth="public",
        website=True,
        methods=["POST"],
        csrf=True,
        sitemap=False,
    )
    def instructor_course_done(self, confirmation_id, token, course_id, slide_id, **post):
        limited = self._rate_limited(confirmation_id, token)
        if limited:
            return limited
        confirmation = self._confirmation(confirmation_id, token)
        if confirmation is None:
            return self._not_found()
        course, slide = self._course_and_slide(confirmation, course_id, slide_id)
        if course is None:
            return self._not_found()
        if confirmation._link_closed():
            return self._render(confirmation)
        course._redu_mark_completed(confirmation.partner_id, slide)
        return self._render_course(confirmation, course, slide)
