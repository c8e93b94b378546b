# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError
from odoo.fields import Domain

from odoo.addons.redu_base.tools.business_id import normalize_business_id
from odoo.addons.redu_base.tools.dates import redu_today

from .redu_cooperation_form import COOPERATION_TYPES, cooperation_type_from_axes
from .redu_partnership_level import DEFAULT_REVIEW_INTERVAL_MONTHS

PARTNERSHIP_USER = "redu_partnership.group_partnership_user"
PARTNERSHIP_MANAGER = "redu_partnership.group_partnership_manager"

# Suggested partnership level (by level code) for each cooperation type. The one definition of
# the rule: other code reads it with res.partner._get_suggested_level_code_by_type().
SUGGESTED_LEVEL_CODE_BY_TYPE = {
    "strategic": "A",
    "developer": "B",
    "training": "C",
    "occasional": "D",
}
# A review activity is scheduled when the review date is at most this many days ahead.
REVIEW_HORIZON_DAYS = 14

PARTNER_ORG_TYPES = [
    ("company", "Company"),
    ("public", "Public sector"),
    ("association", "Association"),
    ("third_sector", "Third sector"),
    ("individual", "Individual"),
]


class ResPartner(models.Model):
    _inherit = "res.partner"

    partnership_level_id = fields.Many2one(
        "redu.partnership.level",
        string="Partnership level",
        # no tracking: the level history (redu.partnership.level.history) is the one record of its
        # changes, with who, when, how and the note; the chatter would repeat it
        index="btree_not_null",
        ondelete="restrict",
        group_expand="_read_group_expand_full",
        groups=PARTNERSHIP_USER,
        help="Partnership level A-D of the working-life partner; a change is kept in the level history.",
    )
    # the level's code kept on the partner: the Contacts list and kanban show it without reading the
    # levels (a many2one column costs one more query per list read)
    partnership_level_code = fields.Char(
        string="Level",
        related="partnership_level_id.code",
        store=True,
        groups=PARTNERSHIP_USER,
        redu_system=True,
    )
    cooperation_form_ids = fields.Many2many(
        "redu.cooperation.form",
        "redu_partner_cooperation_form_rel",
        "partner_id",
        "form_id",
        string="Cooperation forms",
        groups=PARTNERSHIP_USER,
    )
    cooperation_type = fields.Selection(
        COOPERATION_TYPES,
        string="Cooperation type",
        compute="_compute_cooperation_type",
        store=True,
        groups=PARTNERSHIP_USER,
        help="Quadrant of the partner from the highest knowledge sharing and the highest knowledge "
        "renewal of its cooperation forms; empty without cooperation forms.",
        redu_system=True,
    )
    partner_org_type = fields.Selection(PARTNER_ORG_TYPES, string="Organisation type", groups=PARTNERSHIP_USER)
    group_company_ids = fields.Many2many(
        "res.company",
        "redu_partner_group_company_rel",
        "partner_id",
        "company_id",
        string="Group entities",
        domain=[("is_redu_group_entity", "=", True)],
        groups=PARTNERSHIP_USER,
        help="The entities of the REDU group that cooperate with this partner.",
    )
    partnership_review_date = fields.Date(
        string="Next partnership review",
        compute="_compute_partnership_review_date",
        store=True,
        readonly=False,
        copy=True,
        tracking=True,
        index="btree_not_null",
        groups=PARTNERSHIP_USER,
        help="Set from the review interval when the partner gets its first level. A review activity is "
        "scheduled for the salesperson 14 days before this date; marking it done moves the date forward "
        "by the review interval of the level.",
    )
    partnership_level_history_ids = fields.One2many(
        "redu.partnership.level.history",
        "partner_id",
        string="Level history",
        readonly=True,
        groups=PARTNERSHIP_USER,
    )
    suggested_partnership_level_id = fields.Many2one(
        "redu.partnership.level",
        string="Suggested level",
        compute="_compute_suggested_partnership_level",
        groups=PARTNERSHIP_USER,
        help="Level suggested by the cooperation type: strategic A, developer B, training C, occasional D.",
    )
    suggested_level_differs = fields.Boolean(
        string="Suggested level differs",
        compute="_compute_suggested_level_differs",
        search="_search_suggested_level_differs",
        groups=PARTNERSHIP_USER,
    )
    contact_role_ids = fields.Many2many(
        "redu.contact.role",
        "redu_partner_contact_role_rel",
        "partner_id",
        "role_id",
        string="Contact roles",
        domain=[("kind", "=", "partner")],
        groups="base.group_user",
        help="Roles of the person at the working-life partner, e.g. workplace instructor.",
    )
    # binding goal 2 of the dashboards (spreadsheet_dashboard_redu)
    partnership_level_percent = fields.Float(
        string="Level set (%)",
        compute="_compute_partnership_level_percent",
        store=True,
        aggregator="avg",
        groups=PARTNERSHIP_USER,
        help="100 when the partner has a partnership level, else 0: averaged, the share of partners with a level "
        "(binding goal 2).",
        redu_system=True,
    )

    # the company ID is indexed: a CHECK refuses a hostile long value before PostgreSQL builds the index
    # entry (any registry number, Finnish or foreign, is far shorter)
    _company_registry_length = models.Constraint(
        "CHECK(char_length(company_registry) <= 64)",
        "The company ID is too long: at most 64 characters.",
    )

    # ------------------------------------------------------------------
    # Commercial entity
    # ------------------------------------------------------------------
    @api.model
    def _commercial_fields(self):
        # The partnership lives on the commercial entity: Odoo copies these fields to
        # the contacts of a company (as it does for the VAT number).
        return super()._commercial_fields() + [
            "partnership_level_id",
            "cooperation_form_ids",
            "partner_org_type",
            "group_company_ids",
            "partnership_review_date",
        ]

    def _is_partnership_entity(self):
        """True for the commercial entity (a company or a person without a company)."""
        self.ensure_one()
        return self.is_company or not self.parent_id

    @api.model
    def _partnership_entity_domain(self):
        return Domain("is_company", "=", True) | Domain("parent_id", "=", False)

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("cooperation_form_ids.knowledge_sharing", "cooperation_form_ids.knowledge_renewal")
    def _compute_cooperation_type(self):
        for partner in self:
            forms = partner.cooperation_form_ids
            if not forms:
                partner.cooperation_type = False
                continue
            partner.cooperation_type = cooperation_type_from_axes(
                max(forms.mapped("knowledge_sharing")), max(forms.mapped("knowledge_renewal"))
            )

    @api.depends("partnership_level_id")
    def _compute_partnership_review_date(self):
        """The first level of a partner sets its first review date: today plus the review interval of
        the level. A date that is set (given, or moved by a done review) is kept on a level change."""
        today = redu_today(self)
        for partner in self:
            level = partner.partnership_level_id
            if level and not partner.partnership_review_date:
                partner.partnership_review_date = today + relativedelta(months=level.review_interval_months)

    @api.depends("cooperation_type")
    def _compute_suggested_partnership_level(self):
        """Suggest a level from the cooperation type.

        Extended by redu_services (revenue may raise the suggestion): an override
        calls super() first, then may replace ``suggested_partnership_level_id``.
        """
        levels = self._get_suggested_level_by_type() if any(self.mapped("cooperation_type")) else {}
        no_level = self.env["redu.partnership.level"]
        for partner in self:
            partner.suggested_partnership_level_id = levels.get(partner.cooperation_type, no_level)

    @api.depends("partnership_level_id")
    def _compute_partnership_level_percent(self):
        for partner in self:
            partner.partnership_level_percent = 100.0 if partner.partnership_level_id else 0.0

    @api.depends("suggested_partnership_level_id", "partnership_level_id")
    def _compute_suggested_level_differs(self):
        for partner in self:
            partner.suggested_level_differs = bool(
                partner.suggested_partnership_level_id
                and partner.suggested_partnership_level_id != partner.partnership_level_id
            )

    def _search_suggested_level_differs(self, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        wanted = set(value) if operator == "in" else {True, False} - set(value)
        if wanted == {True, False}:
            return Domain.TRUE
        if not wanted:
            return Domain.FALSE
        differs = Domain.OR(
            Domain("cooperation_type", "=", ctype) & Domain("partnership_level_id", "!=", level.id)
            for ctype, level in self._get_suggested_level_by_type().items()
        )
        return differs if True in wanted else ~differs

    @api.model
    def _get_suggested_level_code_by_type(self):
        """The rule of the suggested level: {cooperation type: code of the suggested partnership level}.

        The API for other modules (redu_services raises the suggestion with revenue).
        """
        return dict(SUGGESTED_LEVEL_CODE_BY_TYPE)

    @api.model
    def _get_suggested_level_by_type(self):
        """{cooperation type: suggested level} over the active levels, in one query that also reads
        what the display name of the levels needs."""
        code_by_type = self._get_suggested_level_code_by_type()
        levels = self.env["redu.partnership.level"].search_fetch(
            [("code", "in", list(set(code_by_type.values())))], ["code", "name"]
        )
        level_by_code = {level.code: level for level in levels}
        return {ctype: level_by_code[code] for ctype, code in code_by_type.items() if code in level_by_code}

    # ------------------------------------------------------------------
    # CRUD: business ID, level history, level rights
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        Country = self.env["res.country"]
        normalized = {}  # each business ID once: an import's contacts carry their company's
        for vals in vals_list:
            registry = vals.get("company_registry")
            if registry:
                country = Country.browse(vals.get("country_id"))
                if not country and vals.get("parent_id"):
                    country = self.browse(vals["parent_id"]).country_id
                if country.code == "FI":
                    if registry not in normalized:
                        normalized[registry] = self._redu_normalize_business_id(registry, vals.get("name"))
                    vals["company_registry"] = normalized[registry]
        partners = super().create(vals_list)
        if any(vals.get("company_registry") for vals in vals_list):
            # the IDs normalised above are not checked again
            partners._redu_check_company_registry(valid=set(normalized.values()))
        # The level comes with the values, or as a default (context or ir.default) that the values lack.
        if any(vals.get("partnership_level_id") for vals in vals_list) or self.default_get(["partnership_level_id"]):
            # sudo: the level is set by the creation the caller was allowed to do, whatever its groups
            # (contacts get the level of their company through the synchronisation).
            with_level = partners.filtered(lambda p: p._is_partnership_entity() and p.sudo().partnership_level_id)
            if with_level:
                with_level._redu_log_level_changes(
                    {partner: partner.env["redu.partnership.level"] for partner in with_level}
                )
        return partners

    def write(self, vals):
        if "user_id" in vals:
            self._redu_check_salesperson_change_access(vals["user_id"])
        level_change = "partnership_level_id" in vals
        if level_change:
            self._redu_check_level_change_access()
            # sudo: read the level before the change even when the caller is the sync of
            # commercial fields; the access to the field was checked above.
            old_levels = {
                partner: partner.sudo().partnership_level_id for partner in self if partner._is_partnership_entity()
            }
        if vals.get("company_registry") and self:
            if "country_id" in vals:
                in_finland = self.env["res.country"].browse(vals["country_id"]).code == "FI"
            else:
                in_finland = all(partner.country_id.code == "FI" for partner in self)
            if in_finland:
                vals = dict(
                    vals,
                    company_registry=self._redu_normalize_business_id(vals["company_registry"], self[0].name),
                )
        result = super().write(vals)
        if "company_registry" in vals or "country_id" in vals:
            self._redu_check_company_registry()
        if level_change:
            changed = {
                partner: old for partner, old in old_levels.items() if partner.sudo().partnership_level_id != old
            }
            if changed:
                self.browse([partner.id for partner in changed])._redu_log_level_changes(changed)
        return result

    def _redu_check_level_change_access(self):
        """Partnership users change the level of their own partners (or of partners without a
        salesperson); managers change the level of any partner.

        Checked before the write (as ``hr.leave`` checks an approval before writing its state):
        the rule depends on the partner's salesperson, which a field attribute of the write guard
        of redu_base (``redu_write_groups``: who writes the field, whatever the record) cannot say.
        Who may write the field at all is its ``groups``.
        """
        if self.env.su or self.env.user.has_group(PARTNERSHIP_MANAGER):
            return
        if not self.env.user.has_group(PARTNERSHIP_USER):
            # The field's groups make the ORM refuse the write with an AccessError.
            return
        foreign = self.filtered(
            lambda p: p.commercial_partner_id.user_id and p.commercial_partner_id.user_id != self.env.user
        )
        if foreign:
            raise AccessError(
                self.env._(
                    "Only a partnership manager can change the partnership level of %(partners)s: "
                    "another salesperson manages them.",
                    partners=", ".join(foreign.mapped("display_name")),
                )
            )

    def _redu_check_salesperson_change_access(self, user_id):
        """A partnership user hands over only their own partners (and takes unassigned ones):
        otherwise making oneself the salesperson would be a way around the level rule above."""
        if self.env.su or self.env.user.has_group(PARTNERSHIP_MANAGER) or not self.env.user.has_group(PARTNERSHIP_USER):
            return
        foreign = self.filtered(
            lambda p: (
                p == p.commercial_partner_id and p.user_id and p.user_id != self.env.user and p.user_id.id != user_id
            )
        )
        if foreign:
            raise AccessError(
                self.env._(
                    "Only a partnership manager can change the salesperson of %(partners)s: "
                    "another salesperson manages them.",
                    partners=", ".join(foreign.mapped("display_name")),
                )
            )

    def _redu_log_level_changes(self, old_levels):
        """Write one history line per partner whose level changed.

        :param dict old_levels: {partner: previous level (possibly empty)}
        """
        note = self.env.context.get("partnership_level_change_note")
        if not note and self.env.context.get("import_file"):
            note = self.env._("Imported")
        history_vals = [
            {
                "partner_id": partner.id,
                "old_level_id": old_levels[partner].id,
                # sudo: the new level, also when the change comes from the sync of commercial fields
                "new_level_id": partner.sudo().partnership_level_id.id,
                "user_id": self.env.uid,
                "note": note,
            }
            for partner in self
        ]
        # sudo: the history is an audit trail that users can read but not write; the only
        # way to add to it is this hook, run for every level change the caller was allowed to do.
        self.env["redu.partnership.level.history"].sudo().create(history_vals)

    @api.model
    def _redu_normalize_business_id(self, value, partner_name=None):
        try:
            return normalize_business_id(value)
        except ValueError:
            raise ValidationError(
                self.env._(
                    "%(value)s is not a valid Finnish business ID (Y-tunnus) for %(partner)s. "
                    "Enter it as 1234567-8; the last digit is a check digit.",
                    value=value,
                    partner=partner_name or self.env._("the partner"),
                )
            ) from None

    def _redu_check_company_registry(self, valid=()):
        """Normalise, or refuse, the business ID of the partners located in Finland.

        Partners without a country or abroad are not checked, nor those whose ID is one of ``valid`` (IDs the
        caller has just normalised).
        """
        to_fix = defaultdict(list)
        valid = {registry: registry for registry in valid}  # {ID: normalised}: each business ID normalised once
        for partner in self:
            registry = partner.company_registry
            if not registry or partner.country_id.code != "FI":
                continue
            normalized = valid.get(registry)
            if normalized is None:
                try:
                    normalized = valid[registry] = normalize_business_id(registry)
                except ValueError:
                    # the partner's name only for the message (an import creates thousands of partners)
                    normalized = self._redu_normalize_business_id(registry, partner.display_name)
            if normalized != registry:
                to_fix[normalized].append(partner.id)
        for normalized, partner_ids in to_fix.items():
            self.browse(partner_ids).write({"company_registry": normalized})

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_apply_suggested_level(self):
        for partner in self:
            if not partner.suggested_partnership_level_id:
                raise ValidationError(
                    self.env._(
                        "%(partner)s has no suggested partnership level: add its cooperation forms first.",
                        partner=partner.display_name,
                    )
                )
        note = self.env._("Suggested level applied")
        for level, partners in self.grouped("suggested_partnership_level_id").items():
            partners.commercial_partner_id.with_context(partnership_level_change_note=note).write(
                {"partnership_level_id": level.id}
            )
        return True

    def action_view_partnership_level_history(self):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id("redu_partnership.redu_partnership_level_history_action")
        action["domain"] = [("partner_id", "=", self.commercial_partner_id.id)]
        action["context"] = {}
        return action

    # ------------------------------------------------------------------
    # Review cadence
    # ------------------------------------------------------------------
    @api.model
    def _cron_schedule_partnership_reviews(self):
        """Schedule a "Partnership review" activity for the salesperson of every partner whose
        review date is within REVIEW_HORIZON_DAYS and that has no open one; keep the deadline and
        the assignee of an open one in line with the partner (rescheduling)."""
        activity_type = self.env.ref("redu_partnership.mail_activity_type_partnership_review", raise_if_not_found=False)
        if not activity_type:
            return
        today = redu_today(self)
        horizon = today + relativedelta(days=REVIEW_HORIZON_DAYS)
        partners = self.search_fetch(
            Domain("partnership_review_date", "!=", False)
            & Domain("partnership_review_date", "<=", horizon)
            & self._partnership_entity_domain(),
            ["partnership_review_date", "user_id"],
        )
        if not partners:
            return
        # One search for all open review activities of these partners.
        open_activities = self.env["mail.activity"].search_fetch(
            [
                ("res_model", "=", self._name),
                ("res_id", "in", partners.ids),
                ("activity_type_id", "=", activity_type.id),
            ],
            ["res_id", "date_deadline", "user_id"],
        )
        activities_by_partner = defaultdict(lambda: self.env["mail.activity"])
        for activity in open_activities:
            activities_by_partner[activity.res_id] |= activity
        res_model_id = self.env["ir.model"]._get_id(self._name)
        to_create = []
        to_update = defaultdict(lambda: self.env["mail.activity"])
        for partner in partners:
            user = partner.user_id or activity_type.default_user_id
            activities = activities_by_partner.get(partner.id)
            if activities:
                for activity in activities:
                    target_user = user or activity.user_id
                    if (activity.date_deadline, activity.user_id) != (
                        partner.partnership_review_date,
                        target_user,
                    ):
                        to_update[(partner.partnership_review_date, target_user.id)] |= activity
                continue
            if not user:
                continue
            to_create.append(
                {
                    "res_model_id": res_model_id,
                    "res_id": partner.id,
                    "activity_type_id": activity_type.id,
                    "summary": activity_type.summary or activity_type.name,
                    "date_deadline": partner.partnership_review_date,
                    "user_id": user.id,
                }
            )
        for (deadline, user_id), activities in to_update.items():
            activities.write({"date_deadline": deadline, "user_id": user_id})
        if to_create:
            self.env["mail.activity"].create(to_create)

    def _redu_set_next_review_date(self):
        """Move the review date forward by the review interval of the partner's level."""
        today = redu_today(self)
        by_date = defaultdict(list)
        for partner in self:
            months = partner.partnership_level_id.review_interval_months or DEFAULT_REVIEW_INTERVAL_MONTHS
            by_date[today + relativedelta(months=months)].append(partner.id)
        for review_date, partner_ids in by_date.items():
            self.browse(partner_ids).write({"partnership_review_date": review_date})
