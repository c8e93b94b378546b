# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Query budgets of Contacts: what the web client reads for the partner list and form.

The fields read are those of the views as the user gets them, as the web client asks for
them (``web_search_read`` / ``web_read`` with a specification built from the view).
"""

from lxml import etree

from odoo import Command
from odoo.tests import tagged
from odoo.tests.common import warmup

from .common import PartnershipCase

SUBVIEW_TAGS = ("list", "kanban", "form")


def fields_spec(node, model):
    """Specification of the fields of a view node, as the web client builds it (sub-views of
    x2many fields included, fields of other sub-views skipped)."""
    spec = {}
    for field_node in node.iter("field"):
        ancestor = field_node.getparent()
        while ancestor is not None and ancestor is not node and ancestor.tag not in SUBVIEW_TAGS:
            ancestor = ancestor.getparent()
        if ancestor is not node:
            continue  # the field of a sub-view
        fname = field_node.get("name")
        field = model._fields[fname]
        if fname in spec:
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


@tagged("post_install", "-at_install")
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

    def _specs(self, user):
        """{view type: specification} of the Contacts list and form, as the user gets the views."""
        action = self.env.ref("contacts.action_contacts")
        view_ids = {view.view_mode: view.view_id.id for view in action.view_ids}
        Partner = self.Partner.with_user(user)
        views = Partner.get_views([(view_ids.get("list"), "list"), (view_ids.get("form"), "form")])["views"]
        return {
            view_type: dict(fields_spec(etree.fromstring(views[view_type]["arch"]), Partner), display_name={})
            for view_type in ("list", "form")
        }

    def _read_list(self, user, spec):
        return self.Partner.with_user(user).web_search_read(
            [("id", "in", self.partners.ids)], spec, limit=80, order="complete_name ASC, id DESC"
        )

    @warmup
    def test_contacts_list_base_fields_cost_the_same_for_a_sales_user(self):
        """The fields of base's partner list: a partnership (sales) user reads them with no query
        more than a Contacts user without the partnership groups."""
        plain_spec = self._specs(self.internal_user)["list"]
        sales_spec = self._specs(self.partnership_user)["list"]
        base_spec = {fname: spec for fname, spec in sales_spec.items() if fname != "partnership_level_id"}
        self.assertEqual(base_spec, plain_spec, "the only list column of the addon is the level")
        # 12 queries: the search, the partners, their related records (salesperson, country, tags...)
        # and the user's access checks
        self.env.invalidate_all()
        with self.assertQueryCount(12):
            records = self._read_list(self.internal_user, plain_spec)["records"]
        self.assertEqual(len(records), 20)
        self.env.invalidate_all()
        with self.assertQueryCount(12):
            records = self._read_list(self.partnership_user, base_spec)["records"]
        self.assertEqual(len(records), 20)

    @warmup
    def test_contacts_list_level_column_costs_one_query(self):
        """The level column of a partnership user: one query for the names of the levels."""
        spec = self._specs(self.partnership_user)["list"]
        self.assertIn("partnership_level_id", spec)
        # the 12 queries of the base fields, and one for the code and name of the levels
        self.env.invalidate_all()
        with self.assertQueryCount(13):
            records = self._read_list(self.partnership_user, spec)["records"]
        self.assertEqual(
            {record["partnership_level_id"]["display_name"] for record in records},
            set((self.level_a | self.level_b | self.level_c | self.level_d).mapped("display_name")),
        )

    @warmup
    def test_contacts_form_read_budget(self):
        """One company with its contacts, as the admin (partnership fields shown) and as a Contacts
        user without the partnership groups."""
        admin_spec = self._specs(self.admin)["form"]
        self.assertIn("cooperation_form_ids", admin_spec)
        # 21 queries of the plain user's form, and 5 for the partnership page: the relation tables
        # of the cooperation forms and of the group entities, their records, and the levels (the
        # suggested level and the level itself come with one query)
        self.env.invalidate_all()
        with self.assertQueryCount(26):
            values = self.company.with_user(self.admin).web_read(admin_spec)[0]
        self.assertEqual(len(values["cooperation_form_ids"]), 2)
        self.assertEqual(len(values["child_ids"]), 3)

        plain_spec = self._specs(self.internal_user)["form"]
        self.assertNotIn("cooperation_form_ids", plain_spec)
        self.env.invalidate_all()
        with self.assertQueryCount(21):
            values = self.company.with_user(self.internal_user).web_read(plain_spec)[0]
        self.assertEqual(len(values["child_ids"]), 3)
