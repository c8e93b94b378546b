# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

from ..tools.contact_checks import check_business_id
from ..tools.national_rules import java_trim, phone_problem

# the partner fields the national validation reads (the commercial partner follows parent_id and
# is_company): a change of one revalidates the open agreements of the partner
CONTACT_FIELDS = frozenset({"name", "email", "phone", "company_registry", "parent_id", "is_company"})
# a change of these moves the commercial partner of the partner's contacts too
HIERARCHY_FIELDS = frozenset({"parent_id", "is_company"})


class ResPartner(models.Model):
    _inherit = "res.partner"

    redu_phone_verdict = fields.Char(
        string="Text message verdict",
        compute="_compute_redu_phone_verdict",
        store=True,
        help="Whether the national survey's text message can be sent to the phone as written: ok, or why not "
        "(national_rules.phone_problem). Kept with the phone, so that the validation parses no number.",
    )

    @api.depends("phone")
    def _compute_redu_phone_verdict(self):
        # the verdict of the number as the validation judges it (tools/national_judge.py: the trimmed string),
        # each distinct number parsed once
        verdicts = {}
        for partner in self:
            phone = java_trim(partner.phone) if partner.phone else None
            if phone is None:
                partner.redu_phone_verdict = False
                continue
            if phone not in verdicts:
                verdicts[phone] = phone_problem(phone) or "ok"
            partner.redu_phone_verdict = verdicts[phone]

    def write(self, vals):
        changed, names = self._redu_contact_changes(vals)
        if not changed:
            return super().write(vals)
        # The partner may be edited by someone who cannot read workplace agreements
        # (a sales user); the agreements concerned must be revalidated all the same.
        agreement_model = self.env["redu.workplace.agreement"].sudo().with_context(active_test=False)
        partner_op = "child_of" if names & HIERARCHY_FIELDS else "in"
        agreements = agreement_model.search(
            agreement_model._open_domain()
            + [
                "|",
                ("instructor_id", partner_op, changed.ids),
                ("employer_id", partner_op, changed.ids),
            ]
        )
        if not agreements:
            return super().write(vals)
        old_bundles = agreements._national_bundles()
        result = super().write(vals)
        # at once, or with the rest of the operation (an agreement form, the fix wizard, an import)
        agreements._revalidate(old_bundles)
        return result

    def _redu_contact_changes(self, vals):
        """The partners of ``self`` whose validated fields ``vals`` changes, and the names of these fields."""
        names = CONTACT_FIELDS.intersection(vals)
        changed = self.browse()
        changed_names = set()
        for name in names:
            field = self._fields[name]
            for partner in self:
                new = field.convert_to_record(field.convert_to_cache(vals[name], partner), partner)
                if new != partner[name]:
                    changed |= partner
                    changed_names.add(name)
        return changed, changed_names

    # ------------------------------------------------------ import matching
    @api.model
    def _redu_employer_key(self, values, normalized=None):
        """The key matching the employer of an imported row: its business ID (compact) or its name; kept in
        ``values`` (the row's parsed values), as the import asks for it at each step.

        :param normalized: the dict the caller keeps for a batch of rows
            (:meth:`_redu_import_business_id_key`): each business ID checked once however many rows name it
        """
        key = values.get("employer_key")
        if key is None:
            business_id = values["employer_business_id"]
            if business_id:
                key = self._redu_import_business_id_key(business_id, {} if normalized is None else normalized)[0]
            else:
                name = values["employer_name"] or values["workplace_name"]
                key = ("name", name.casefold()) if name else False
            values["employer_key"] = key
        return key

    @api.model
    def _redu_import_business_id_key(self, business_id, normalized):
        """(``("bid", the business ID normalised, or as written when it is not valid)``, whether it is valid);
        ``normalized`` is the caller's dict for a batch: each ID is checked once."""
        result = normalized.get(business_id)
        if result is None:
            compact, error = check_business_id(business_id)
            result = normalized[business_id] = (("bid", compact or business_id), not error)
        return result

    @api.model
    def _redu_match_employers(self, values_list):
        """The employers of imported agreement rows: {employer key: partner id}, found by business ID or
        name with one search, the missing ones created at once (the agreement import's matching)."""
        partner_model = self.with_context(active_test=False)
        normalized = {}
        keys = {self._redu_employer_key(values, normalized): values for values in values_list}
        keys.pop(False, None)
        business_ids = [key[1] for key in keys if key[0] == "bid"]
        names = [
            values["employer_name"] or values["workplace_name"] for key, values in keys.items() if key[0] == "name"
        ]
        found = {}
        if keys:
            partners = partner_model.search(
                [
                    ("is_company", "=", True),
                    "|",
                    ("company_registry", "in", business_ids),
                    ("name", "in", names),
                ],
                order="id",
            )
            for partner in partners:
                if partner.company_registry:
                    found.setdefault(
                        self._redu_import_business_id_key(partner.company_registry, normalized)[0], partner.id
                    )
                found.setdefault(("name", partner.name.casefold()), partner.id)
        finland = self.env.ref("base.fi")
        to_create = []
        for key, values in keys.items():
            if key in found:
                continue
            vals = {"name": values["employer_name"] or values["workplace_name"] or key[1], "is_company": True}
            if key[0] == "bid":
                vals["company_registry"] = key[1]
                if self._redu_import_business_id_key(key[1], normalized)[1]:
                    # a valid Y-tunnus: a Finnish company (an invalid one stays without a country,
                    # redu_partnership refuses it on Finnish partners and the validation reports it)
                    vals["country_id"] = finland.id
            to_create.append((key, vals))
        if to_create:
            created = partner_model._redu_create_batch([vals for _key, vals in to_create])
            for (key, _vals), partner in zip(to_create, created, strict=True):
                found[key] = partner.id
        return found

    @api.model
    def _redu_match_instructors(self, values_list, employers):
        """The instructors of imported agreement rows: {(employer id, email or name): partner id}, found
        among the employers' contacts or by email with one search, the missing ones created at once."""
        partner_model = self.with_context(active_test=False)
        wanted = [values for values in values_list if values["instructor_name"] or values["instructor_email"]]
        employer_ids = list({employers.get(self._redu_employer_key(values)) for values in wanted} - {None, False})
        emails = list({v["instructor_email"] for v in wanted} - {"", False})
        by_email, by_name = {}, {}
        if wanted:
            partners = partner_model.search(
                [
                    ("is_company", "=", False),
                    "|",
                    ("parent_id", "in", employer_ids),
                    ("email", "in", emails),
                ],
                order="id",
            )
            for partner in partners:
                parent = partner.parent_id.id or False
                if partner.email:
                    by_email.setdefault((parent, java_trim(partner.email)), partner.id)
                by_name.setdefault((parent, java_trim(partner.name or "")), partner.id)
        result = {}
        to_create = {}
        for values in wanted:
            employer = employers.get(self._redu_employer_key(values)) or False
            email = values["instructor_email"]
            name = values["instructor_name"]
            key = self._redu_instructor_key(values, employer)
            partner_id = (email and by_email.get((employer, email))) or (name and by_name.get((employer, name)))
            if partner_id:
                result[key] = partner_id
            elif key not in to_create:
                # the phone as written: a number eHOKS would refuse must stay visible as it is
                phone = values["instructor_phone"]
                to_create[key] = {
                    "name": values["instructor_name"] or values["instructor_email"],
                    "parent_id": employer,
                    "type": "contact",
                    "email": email or False,
                    "phone": phone or False,
                }
        if to_create:
            created = partner_model._redu_create_batch(list(to_create.values()))
            for key, partner in zip(to_create, created, strict=True):
                result[key] = partner.id
        return result

    @api.model
    def _redu_create_batch(self, vals_list):
        """Create the partners of an import at once, their company's values included.

        Core's ``create`` synchronises each new contact with its company one by one: a write of the
        commercial fields (``_commercial_sync_from_company``), one of the address
        (``_update_address``) and one of the language (``_compute_lang``) per contact
        (odoo/addons/base/models/res_partner.py ``create``, ``_fields_sync``). The same values are
        given here in the creation, and core's sync is skipped with its own context key (as its
        ``_load_records_create`` does): the partners come out as core makes them, without a write
        each. A new contact has no children to sync, nor an address its company lacks.

        The salesperson (``user_id``) is given too, as core computes it (``_compute_user_id``: a person gets
        their company's): it is the only field core precomputes for a partner, and for it core builds a new
        record of each partner before the insert (models.py ``_add_precomputed_values``), about 2 s of processor
        time for the 12,000 partners of an import (a py-spy profile).
        """
        self.check_access("create")
        parents = self.browse({vals["parent_id"] for vals in vals_list if vals.get("parent_id")})
        default_lang = None
        synced = {}
        salespersons = {}
        # sudo: core's sync reads the company's commercial fields as superuser too (_fields_sync), and core
        # computes the salesperson as superuser (a stored computed field)
        for parent in parents.sudo():
            values = parent.commercial_partner_id._get_commercial_values()
            values.update(parent._get_address_values())
            if parent.lang:
                values["lang"] = parent.lang
            else:
                if default_lang is None:
                    default_lang = self.default_get(["lang"]).get("lang") or self.env.lang
                values["lang"] = default_lang
            synced[parent.id] = values
            salespersons[parent.id] = parent.user_id.id
        create_list = []
        for vals in vals_list:
            vals = {**vals, **synced.get(vals.get("parent_id"), {})}
            if "user_id" not in vals:
                vals["user_id"] = (not vals.get("is_company") and salespersons.get(vals.get("parent_id"))) or False
            create_list.append(vals)
        # sudo: the synced values are written by core as superuser (the user may not write a company's
        # partnership fields); the user's right to create the partners is checked before and after
        partners = (
            self.sudo()
            .with_context(_partners_skip_fields_sync=True)
            ._redu_shared_defaults()
            .create(create_list)
            .with_env(self.env)
        )
        partners.check_access("create")
        # their computed fields (commercial partner, complete name, sanitized phone...) written now in one
        # UPDATE per batch, not in one per set of fields a later query reads
        partners.flush_recordset()
        return partners

    @api.model
    def _redu_instructor_key(self, values, employer):
        email = values["instructor_email"]
        return (employer, email) if email else (employer, "name:" + values["instructor_name"])
