# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import SUPERUSER_ID, http
from odoo.http import request
from odoo.tools import format_date

from ..models.redu_service import FORM_TOKEN, SESSION_TOKEN


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
    def _cached_for_visitor(canonical):
        """Whether the page is the one every anonymous visitor gets: a GET by the public user, out
        of debug mode, whose query is the ``canonical`` arguments (an empty value: absent or empty).
        Any other query, which the layout's links repeat, is rendered for the visitor alone; a
        logged-in user gets the page fresh."""
        httprequest = request.httprequest
        given = [(key, value) for key, value in httprequest.args.items(multi=True) if value or key not in canonical]
        return (
            httprequest.method in ("GET", "HEAD")
            and request.env.user._is_public()
            and not request.session.debug
            and sorted(given) == sorted((key, value) for key, value in canonical.items() if value)
        )

    def _render_public(self, template, values, key=(), canonical=None):
        """``template`` rendered with ``values()``; for an anonymous visitor, from the cache of the
        public pages (``redu.service._redu_public_page``) with the visitor's own CSRF tokens."""
        if not self._cached_for_visitor(canonical or {}):
            return request.render(template, values())
        services = self._services_sudo()
        # website.page's key (website, language, path), and what the layout makes of the address the
        # visitor sends instead of the address itself: whether it is the canonical one and, when the
        # website has a domain, whether it is indexed (website/models/website.py _is_canonical_url,
        # website/views/website_templates.xml no_index), so a forged Host header neither enters a
        # shared page nor multiplies it
        website = request.website
        website.fetch(["domain"])  # only the field both read (a read of the whole website costs more)
        address = (
            website._is_canonical_url(),
            bool(website.domain) and website._is_indexable_url(request.httprequest.url_root),
        )
        html = services._redu_public_page(
            services._redu_web_version(),
            (website.id, request.lang.code, request.httprequest.path, address, template, key),
            lambda: request.render(template, values(), lazy=False),
        )
        html = html.replace(FORM_TOKEN, request.csrf_token()).replace(SESSION_TOKEN, request.csrf_token(None))
        return request.make_response(html, headers=[("Content-Type", "text/html; charset=utf-8")])

    @http.route("/palvelut", type="http", auth="public", website=True, sitemap=True, readonly=True)
    def catalogue(self, search="", entity="", funding="", **kw):
        Service = self._services_sudo()
        search = (search or "")[:100].strip()
        entity_id = int(entity) if (entity or "").isdigit() and len(entity) < 10 else 0
        if entity_id not in Service._redu_web_entity_ids(Service._redu_web_version()):
            entity_id = 0  # an unknown entity shows the whole catalogue, uncached
        if funding not in dict(Service._redu_funding_options()):
            funding = ""
        return self._render_public(
            "redu_services_website.services_catalogue",
            lambda: Service._redu_catalogue_values(search, entity_id, funding),
            (entity_id, funding),
            # a search is rendered for the visitor alone
            {"search": "", "entity": str(entity_id or ""), "funding": funding},
        )

    @http.route(
        "/palvelut/<string:slug>", type="http", auth="public", website=True, sitemap=sitemap_services, readonly=True
    )
    def service_page(self, slug, **kw):
        # The visitor cannot read the catalogue (the services of every entity are shown, which the
        # record rules of a public user would not allow): the slug is resolved here, in sudo.
        service_id = request.env["ir.http"]._unslug(slug)[1]
        service = self._services_sudo().browse(service_id).exists() if service_id else None
        if not service or not (service.is_published or request.env.user.has_group("redu_services.group_service_user")):
            raise request.not_found()
        if slug != request.env["ir.http"]._slug(service):
            return request.redirect(service.website_url, code=301)
        if not service.is_published:
            return request.render(
                "redu_services_website.service_page", dict(self._form_values(service), main_object=service)
            )
        return self._render_public(
            "redu_services_website.service_page",
            lambda: dict(self._form_values(service), main_object=service),
            (service.id,),
        )

    @http.route(
        "/palvelut/yhteydenotto",
        type="http",
        auth="public",
        website=True,
        methods=["GET"],
        sitemap=True,
        readonly=True,
    )
    def inquiry_page(self, **kw):
        return self._render_public("redu_services_website.inquiry_page", self._form_values)

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
