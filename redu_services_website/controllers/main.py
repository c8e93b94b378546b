# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import SUPERUSER_ID, http
from odoo.fields import Domain
from odoo.http import request
from odoo.tools import format_date

from ..models.redu_service_web_inquiry import TEXT_FIELDS


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

    def _funding_labels(self):
        return dict(self._services_sudo()._fields["funding"]._description_selection(request.env))

    def _entities(self):
        services = self._services_sudo().search([("is_published", "=", True)])
        return services.company_id.sorted("name")

    def _form_values(self, service=None, values=None, errors=None):
        labels = {
            "organisation": request.env._("Organisation"),
            "business_id": request.env._("Y-tunnus (optional)"),
            "contact_name": request.env._("Contact person"),
            "email": request.env._("Email"),
            "phone": request.env._("Phone"),
            "municipality": request.env._("Municipality"),
            "message": request.env._("What do you need?"),
        }
        return {
            "service": service,
            "values": values or {},
            "errors": errors or {},
            "text_fields": [(name, labels[name], size, required) for name, (size, required) in TEXT_FIELDS.items()],
            "all_services": self._services_sudo().search([("is_published", "=", True)]),
            "entities": self._entities(),
            "funding_labels": self._funding_labels(),
        }

    @http.route("/palvelut", type="http", auth="public", website=True, sitemap=True)
    def catalogue(self, search="", entity="", funding="", **kw):
        Service = self._services_sudo()
        domain = Domain("is_published", "=", True)
        search = (search or "")[:100].strip()
        if search:
            domain &= Domain("name", "ilike", search) | Domain("website_summary", "ilike", search)
        current_entity = request.env["res.company"]
        if entity and entity.isdigit():
            current_entity = self._entities().filtered(lambda company: company.id == int(entity))
            domain &= Domain("company_id", "=", current_entity.id or 0)
        fundings = list(Service._fields["funding"]._description_selection(request.env))
        current_funding = funding if funding in dict(fundings) else ""
        if current_funding:
            domain &= Domain("funding", "=", current_funding)
        services = Service.search(domain)
        groups = [
            (category, services.filtered(lambda s, c=category: s.category_id == c))
            for category in services.category_id.sorted()
        ]
        return request.render(
            "redu_services_website.services_catalogue",
            {
                "groups": groups,
                "entities": self._entities(),
                "current_entity": current_entity,
                "fundings": fundings,
                "current_funding": current_funding,
                "funding_labels": dict(fundings),
                "search": search,
            },
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
        return request.render(
            "redu_services_website.service_page",
            dict(self._form_values(service), main_object=service),
        )

    @http.route("/palvelut/yhteydenotto", type="http", auth="public", website=True, methods=["GET"], sitemap=True)
    def inquiry_page(self, **kw):
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
