# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import re

from odoo import api, fields, models, tools
from odoo.fields import Domain
from odoo.tools import SQL

from .redu_service_web_inquiry import TEXT_FIELDS

# In a cached page, the places of the visitor's own CSRF tokens: the forms' (request.csrf_token())
# and the session information's of web.layout (web/views/webclient_templates.xml:26,
# request.csrf_token(None)), found as website.page's cache finds them
# (website/models/website_page.py, _post_process_response_from_cache).
FORM_TOKEN_RE = re.compile(r'(name="csrf_token" value=")[^"]*(")')
SESSION_TOKEN_RE = re.compile(r'(csrf_token: ")[^"]*(")')
FORM_TOKEN = "__redu_form_csrf_token__"
SESSION_TOKEN = "__redu_session_csrf_token__"
# the PostgreSQL sequence whose value is the version of the public pages' cached content
CATALOGUE_VERSION = "redu_services_website_catalogue_version"


class ReduService(models.Model):
    _name = "redu.service"
    _inherit = ["redu.service", "website.published.mixin", "website.seo.metadata"]

    responsible_user_id = fields.Many2one(
        "res.users",
        string="Responsible user",
        domain="[('share', '=', False), ('company_ids', 'in', company_id)]",
        tracking=True,
        help="Receives the web inquiries about the service. Without one, the intake user of the group entity.",
    )
    typical_duration = fields.Char(
        string="Typical duration",
        translate=True,
        help='Shown on the service page, e.g. "2 days" or "6-12 months".',
    )
    website_summary = fields.Text(
        string="Summary",
        translate=True,
        help="One or two sentences shown in the public catalogue.",
    )

    def _compute_website_url(self):
        result = super()._compute_website_url()
        for service in self:
            if service.id:
                service.website_url = f"/palvelut/{self.env['ir.http']._slug(service)}"
        return result

    def _redu_routed_user(self):
        """Who answers a web inquiry about the service: its responsible user, else the intake user
        of its entity, else the group-level intake user (the website's company), else the entity's
        service manager."""
        self.ensure_one()
        company = self.company_id
        return (
            self.responsible_user_id
            or company.redu_web_intake_user_id
            or self.env["website"].get_current_website().company_id.redu_web_intake_user_id
            or company.redu_service_manager_id
        )

    # ------------------------------------------------------------------ public pages
    # Called on the sudo model: visitors read the published services of every group entity, and
    # only them. A page that is the same for every anonymous visitor is rendered once per worker,
    # language, website and version of the catalogue (ormcache), the layout included; only the
    # visitor's CSRF tokens are set per request. Nothing clears a cache on a write: a change of a
    # service, a category or an entity's name (or a translation, which Odoo writes) moves the
    # version on, and the entries of older versions age out of the LRU.

    def init(self):
        result = super().init()
        self.env.cr.execute(SQL("CREATE SEQUENCE IF NOT EXISTS %s", SQL.identifier(CATALOGUE_VERSION)))
        return result

    @api.model
    def _redu_web_version(self):
        """The version of what the public pages show: one cheap read of a sequence that every change
        of a service, a category or an entity's name moves on (``_redu_web_changed``)."""
        # (a new sequence's first nextval() leaves last_value as it was and sets is_called)
        self.env.cr.execute(SQL("SELECT last_value, is_called FROM %s", SQL.identifier(CATALOGUE_VERSION)))
        return self.env.cr.fetchone()

    @api.model
    def _redu_web_changed(self):
        """What the public pages show changed: a new version (a sequence is not transactional, so a
        change rolled back only costs a cache miss; no cache is cleared)."""
        self.env.cr.execute(SQL("SELECT nextval(%s)", CATALOGUE_VERSION))

    @api.model_create_multi
    def create(self, vals_list):
        self._redu_web_changed()
        return super().create(vals_list)

    def write(self, vals):
        if vals:
            self._redu_web_changed()
        return super().write(vals)

    def unlink(self):
        self._redu_web_changed()
        return super().unlink()

    @api.model
    def _redu_web_entities(self):
        return self.search([("is_published", "=", True)]).company_id.sorted("name")

    @api.model
    @tools.ormcache("version")
    def _redu_web_entity_ids(self, version):
        return frozenset(self._redu_web_entities().ids)

    @api.model
    def _redu_funding_options(self):
        return list(self._fields["funding"]._description_selection(self.env))

    @api.model
    def _redu_catalogue_values(self, search="", entity_id=0, funding=""):
        """The values of the catalogue's content: the published services matching the search
        (at most 100 characters), the entity and the funding model, by category."""
        domain = Domain("is_published", "=", True)
        search = (search or "")[:100].strip()
        if search:
            domain &= Domain("name", "ilike", search) | Domain("website_summary", "ilike", search)
        entities = self._redu_web_entities()
        current_entity = self.env["res.company"]
        if entity_id:
            current_entity = entities.filtered(lambda company: company.id == entity_id)
            domain &= Domain("company_id", "=", current_entity.id or 0)
        fundings = self._redu_funding_options()
        current_funding = funding if funding in dict(fundings) else ""
        if current_funding:
            domain &= Domain("funding", "=", current_funding)
        services = self.search(domain)
        groups = [
            (category, services.filtered(lambda s, c=category: s.category_id == c))
            for category in services.category_id.sorted()
        ]
        return {
            "groups": groups,
            "entities": entities,
            "current_entity": current_entity,
            "fundings": fundings,
            "current_funding": current_funding,
            "funding_labels": dict(fundings),
            "search": search,
        }

    @api.model
    def _redu_form_values(self, service=None, values=None, errors=None):
        """The values of the inquiry form (on a service's page when ``service`` is given)."""
        labels = {
            "organisation": self.env._("Organisation"),
            "business_id": self.env._("Y-tunnus (optional)"),
            "contact_name": self.env._("Contact person"),
            "email": self.env._("Email"),
            "phone": self.env._("Phone"),
            "municipality": self.env._("Municipality"),
            "message": self.env._("What do you need?"),
        }
        return {
            "service": service,
            "values": values or {},
            "errors": errors or {},
            "text_fields": [(name, labels[name], size, required) for name, (size, required) in TEXT_FIELDS.items()],
            "all_services": self.search([("is_published", "=", True)]),
            "entities": self._redu_web_entities(),
            "funding_labels": dict(self._redu_funding_options()),
        }

    @api.model
    @tools.ormcache("version", "key", cache="templates.cached_values")
    def _redu_public_page(self, version, key, render):
        """A public page as every anonymous visitor gets it, rendered by ``render()`` once per
        worker, version of the catalogue and ``key`` (the website, language, address, template and
        filters the controller gives), with placeholders for the visitor's own CSRF tokens.

        The cache is Odoo's cache of rendered website pages (``website.page``'s
        ``_get_response_cached``): a change of the layout (views, menus, assets) clears it."""
        html = FORM_TOKEN_RE.sub(rf"\g<1>{FORM_TOKEN}\g<2>", str(render()))
        return SESSION_TOKEN_RE.sub(rf"\g<1>{SESSION_TOKEN}\g<2>", html)
