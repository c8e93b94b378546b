# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Query budgets of Contacts: what the web client reads for the partner list and form.

The fields read are those of base's partner list and form views with the extensions of this
addon only (other installed addons extend them too), as the web client asks for them
(``web_search_read`` / ``web_read`` with a specification built from the view).
"""

from lxml import etree

from odoo import Command
from odoo.tests import tagged
from odoo.tests.common import warmup

from .common import PartnershipCase

SUBVIEW_TAGS = ("list", "kanban", "form")


def fields_spec(node, model):
    """Specification of the fields of a view node that the model's user may read, as the web
    client builds it (sub-views of x2many fields included, fields of other sub-views skipped)."""
    spec = {}
    for field_node in node.iter("field"):
        ancestor = field_node.getparent()
        while ancestor is not None and ancestor is not node and ancestor.tag not in SUBVIEW_TAGS:
            ancestor = ancestor.getparent()
        if ancestor is not node:
            continue  # the field of a sub-view
        fname = field_node.get("name")
        field = model._fields[fname]
        if fname in spec or not model._has_field_access(field, "read"):
            continue
        invisible = field_node.get("invisible") in ("1", "True")
        if field.type == "many2one":
            spec[fname] = {} if invisible else {"fields": {"display_name": {}}}
        elif field.type in ("one2many", "many2many"):
            subview = next((child for child in field_node if child.tag in ("list", "kanban")), None)
            if invisible:
                spec[fname] = {}
            elif subview is not None:
                spec[fname] = {"fields": fields_spec(subview, model.env[field.comodel_name]), "limit": 40}
            else:
                spec[fname] = {"fields": {"display_name": {}}}
        else:
            spec[fname] = {}
    return spec


# at_install: the budgets are those of this addon on top of its dependencies, before other addons
# extend the partner (redu_services, for one, raises the suggested level with the revenue).
@tagged("at_install", "-post_install")
class TestContactsQueryCount(PartnershipCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.admin = cls.env.ref("base.user_admin")
        entities = cls.env["res.company"].create(
            [{"name": f"Entity {i}", "is_redu_group_entity": True} for i in range(2)]
        )
        levels = cls.level_a | cls.level_b | cls.level_c | cls.level_d
        forms = cls.form_training | cls.form_developer | cls.form_strategic | cls.form_occasional
        cls.partners = cls.Partner.create(
            [
                {
                    "name": f"Budget {i:02d} Oy",
                    "is_company": True,
                    "email": f"info{i}@budget.example.com",
                    "phone": f"+358 40 000 00{i:02d}",
                    "city": "Rovaniemi",
                    "country_id": cls.finland.id,
                    "user_id": cls.partnership_user.id,
                    "partner_org_type": "company",
                    "partnership_level_id": levels[i % 4].id,
                    "cooperation_form_ids": [Command.set(forms[i % 4 : i % 4 + 2].ids)],
                    "group_company_ids": [Command.set(entities[: 1 + i % 2].ids)],
                }
                for i in range(20)
            ]
        )
        cls.company = cls.partners[0]
        cls.Partner.create(
            [{"name": f"Person {i}", "parent_id": cls.company.id, "function": "Employee"} for i in range(3)]
        )

    def _spec(self, user, base_view, extension=None):
        """Specification of base's view extended by this addon's view (None: base's view alone),
        with the fields that the user may read (the groups of the addon's fields)."""
        View = self.env["ir.ui.view"]
        arch = etree.fromstring(self.env.ref(base_view).arch)
        if extension:
            arch = View.apply_inheritance_specs(arch, etree.fromstring(self.env.ref(extension).arch))
        return dict(fields_spec(arch, self.Partner.with_user(user)), display_name={})

    def _list_spec(self, user, extended=True):
        extension = "redu_partnership.res_partner_view_list" if extended else None
        return self._spec(user, "base.view_partner_tree", extension)

    def _form_spec(self, user):
        return self._spec(user, "base.view_partner_form", "redu_partnership.res_partner_view_form")

    def _read_list(self, user, spec):
        return self.Partner.with_user(user).web_search_read(
            [("id", "in", self.partners.ids)], spec, limit=80, order="complete_name ASC, id DESC"
        )

    @warmup
    def test_contacts_list_base_fields_cost_the_same_for_a_sales_user(self):
        """The fields of base's partner list: a partnership (sales) user reads them with no query
        more than a Contacts user without the partnership groups."""
        plain_spec = self._list_spec(self.internal_user)
        base_spec = self._list_spec(self.partnership_user, extended=False)
        self.assertEqual(base_spec, plain_spec, "a user without the partnership groups gets no column of the addon")
        # 10 queries: the search, the partners, their related records (salesperson, country,
        # tags...) and the user's access checks
        self.env.invalidate_all()
        with self.assertQueryCount(10):
            records = self._read_list(self.internal_user, plain_spec)["records"]
        self.assertEqual(len(records), 20)
        self.env.invalidate_all()
        with self.assertQueryCount(10):
            records = self._read_list(self.partnership_user, base_spec)["records"]
        self.assertEqual(len(records), 20)

    @warmup
    def test_contacts_list_level_column_costs_no_query(self):
        """The level column of a partnership user is the level's code kept on the partner: read with the
        partners, no query more."""
        spec = self._list_spec(self.partnership_user)
        self.assertEqual(set(spec) - set(self._list_spec(self.internal_user)), {"partnership_level_code"})
        self.env.invalidate_all()
        with self.assertQueryCount(10):
            records = self._read_list(self.partnership_user, spec)["records"]
        self.assertEqual(
            {record["partnership_level_code"] for record in records},
            set((self.level_a | self.level_b | self.level_c | self.level_d).mapped("code")),
        )

    @warmup
    def test_contacts_form_read_budget(self):
        """One company with its contacts, as the admin (partnership fields shown) and as a Contacts
        user without the partnership groups."""
        admin_spec = self._form_spec(self.admin)
        self.assertIn("cooperation_form_ids", admin_spec)
        # the queries of the plain user's form below, and 5 for the partnership page: the relation
        # tables of the cooperation forms and of the group entities, their records, and the levels
        # (the suggested level and the level itself come with one query). 22 and 17 with this addon
        # alone; one more each when the addons loaded before it in the full suite (portal, product,
        # sales_team...) are installed too.
        self.env.invalidate_all()
        with self.assertQueryCount(23):
            values = self.company.with_user(self.admin).web_read(admin_spec)[0]
        self.assertEqual(len(values["cooperation_form_ids"]), 2)
        self.assertEqual(len(values["child_ids"]), 3)

        plain_spec = self._form_spec(self.internal_user)
        self.assertNotIn("cooperation_form_ids", plain_spec)
        self.env.invalidate_all()
        with self.assertQueryCount(18):
            values = self.company.with_user(self.internal_user).web_read(plain_spec)[0]
        self.assertEqual(len(values["child_ids"]), 3)
