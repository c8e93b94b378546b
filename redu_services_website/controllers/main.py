# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from markupsafe import Markup

from odoo import SUPERUSER_ID, http
from odoo.http import request
from odoo.tools import format_date

from ..models.redu_service import CSRF_PLACEHOLDER


def sitemap_services(env, rule, qs):
    if not qs or qs.lower() in "/palvelut":
        # sudo: the published services of every group entity are public
        for service in env["redu.service"].sudo().search([("is_published", "=", True)]):
            yield {"loc": service.website_url}


class ReduServicesWebsite(http.Controller):
    """The public catalogue and the inquiry form.

    The catalogue and the processes are not readable by visitors: the published services are read
    in sudo, and the inquiry is handled by ``redu.service.web.inquiry`` in sudo, which checks
    everything the visitor sends and returns nothing of the partners.
    """

    def _services_sudo(self):
        # sudo: visitors read the published services of every group entity, and only them
        return request.env["redu.service"].sudo()

    def _form_values(self, service=None, values=None, errors=None):
        return self._services_sudo()._redu_form_values(service, values, errors)

    @staticmethod
    def _cached_for_visitor():
        """The content is the same for every anonymous visitor (a logged-in user gets it fresh)."""
        return request.env.user._is_public()

    @staticmethod
    def _with_csrf(html):
        """A cached content with the visitor's own CSRF token."""
        return Markup(html.replace(CSRF_PLACEHOLDER, request.csrf_token()))

    @http.route("/palvelut", type="http", auth="public", website=True, sitemap=True)
    def catalogue(self, search="", entity="", funding="", **kw):
        Service = self._services_sudo()
        search = (search or "")[:100].strip()
        entity_id = int(entity) if (entity or "").isdigit() and len(entity) < 10 else 0
        if not search and self._cached_for_visitor():
            version = Service._redu_web_version()
            # only valid filters make a cache entry: anything else shows the whole catalogue
            if entity_id not in Service._redu_web_entity_ids(version):
                entity_id = 0
            if funding not in dict(Service._redu_funding_options()):
                funding = ""
            content = Service._redu_catalogue_html(version, request.website.id, entity_id, funding)
            return request.render("redu_services_website.services_catalogue", {"content_html": content})
        return request.render(
            "redu_services_website.services_catalogue", Service._redu_catalogue_values(search, entity_id, funding)
        )

    @http.route("/palvelut/<string:slug>", type="http", auth="public", website=True, sitemap=sitemap_services)
    def service_page(self, slug, **kw):
        # The visitor cannot read the catalogue (the services of every entity are shown, which the
        # record rules of a public user would not allow): the slug is resolved here, in sudo.
        service_id = request.env["ir.http"]._unslug(slug)[1]
        service = self._services_sudo().browse(service_id).exists() if service_id else None
        if not service or not (service.is_published or request.env.user.has_group("redu_services.group_service_user")):
            raise request.not_found()
        if slug != request.env["ir.http"]._slug(service):
            return request.redirect(service.website_url, code=301)
        if service.is_published and self._cached_for_visitor():
            services = self._services_sudo()
            content = self._with_csrf(
                services._redu_service_page_html(services._redu_web_version(), request.website.id, service.id)
            )
            return request.render(
                "redu_services_website.service_page",
                {"service": service, "main_object": service, "content_html": content},
            )
        return request.render(
            "redu_services_website.service_page",
            dict(self._form_values(service), main_object=service),
        )

    @http.route("/palvelut/yhteydenotto", type="http", auth="public", website=True, methods=["GET"], sitemap=True)
    def inquiry_page(self, **kw):
        if self._cached_for_visitor():
            services = self._services_sudo()
            version = services._redu_web_version()
            content = self._with_csrf(services._redu_inquiry_page_html(version, request.website.id))
            return request.render("redu_services_website.inquiry_page", {"content_html": content})
        return request.render("redu_services_website.inquiry_page", self._form_values())

    @http.route("/palvelut/yhteydenotto", type="http", auth="public", website=True, methods=["POST"], sitemap=False)
    def inquiry_post(self, **post):
        service_ids = request.httprequest.form.getlist("service_ids")
        # sudo: the visitor creates the organisation, the contact and the process through the
        # checks of redu.service.web.inquiry only; as the superuser (not the public user), whom
        # the users of the other group entities could not read as the creator of the records
        Inquiry = request.env["redu.service.web.inquiry"].with_user(SUPERUSER_ID).sudo()
        result = Inquiry._redu_submit(post, service_ids=service_ids, ip=request.httprequest.remote_addr)
        if result["status"] == "limited":
            return request.render("redu_services_website.inquiry_limited", status=429)
        if result["status"] == "error":
            origin = self._services_sudo()
            if (post.get("origin_service_id") or "").isdigit():
                origin = origin.search([("id", "=", int(post["origin_service_id"])), ("is_published", "=", True)])
            values = {key: value for key, value in result["values"].items() if key not in ("services", "company")}
            form_values = self._form_values(origin or None, values, result["errors"])
            template = "redu_services_website.service_page" if origin else "redu_services_website.inquiry_page"
            if origin:
                form_values["main_object"] = origin
            return request.render(template, form_values, status=400)
        answers = [
            {
                "service": process.service_id.name,
                "user": process.user_id.name,
                "due": format_date(request.env, process.date_response_due),
            }
            for process in result.get("processes", [])
        ]
        return request.render("redu_services_website.inquiry_thanks", {"answers": answers})
