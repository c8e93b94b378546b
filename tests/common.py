# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Shared set-up of the cross-addon tests (run by pytest-odoo on the database that
setup/test.sh created with the three addons installed)."""

from stdnum.fi import ytunnus

from odoo.tests import TransactionCase, new_test_user

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT


def valid_business_id(body):
    """The Y-tunnus with the 7-digit ``body`` and the check digit python-stdnum accepts."""
    for digit in "0123456789":
        if ytunnus.is_valid(f"{body}-{digit}"):
            return f"{body}-{digit}"
    raise ValueError(f"{body} has no valid check digit")


class CrossAddonCase(TransactionCase):
    """A TransactionCase outside an addon: Odoo derives its tags from the module path
    only for odoo.addons.*, so they are given here."""

    test_tags = {"standard", "post_install"}
    test_module = "redu_cross_addon"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **DISABLED_MAIL_CONTEXT))
        cls.fi = cls.env.ref("base.fi")
        cls.company = cls.env["res.company"].create(
            {
                "name": "REDU Edu Oy (test)",
                "country_id": cls.fi.id,
                "currency_id": cls.env.ref("base.EUR").id,
                "is_redu_group_entity": True,
                "redu_funding_model": "paid",
            }
        )
        cls.other_company = cls.env["res.company"].create(
            {
                "name": "Lapin koulutuskeskus REDU (test)",
                "country_id": cls.fi.id,
                "currency_id": cls.env.ref("base.EUR").id,
                "is_redu_group_entity": True,
                "redu_funding_model": "public",
            }
        )
        cls.env["account.chart.template"].try_loading("generic_coa", company=cls.company, install_demo=False)
        cls.env = cls.env(context=dict(cls.env.context, allowed_company_ids=[cls.company.id]))
        cls.business_id = valid_business_id("2345678")
        cls.org = cls.env["res.partner"].create(
            {
                "name": "Rovaniemen Rakennus Oy",
                "is_company": True,
                "country_id": cls.fi.id,
                "company_registry": "FI" + cls.business_id.replace("-", ""),
                "partner_org_type": "company",
                "group_company_ids": [(6, 0, [cls.company.id])],
            }
        )
        cls.instructor = cls.env["res.partner"].create(
            {
                "name": "Kaisa Keskitalo",
                "parent_id": cls.org.id,
                "type": "contact",
                "email": "Kaisa.Keskitalo@rovaniemenrakennus.fi",
                "phone": "040 123 4567",
                "contact_role_ids": [(6, 0, [cls.env.ref("redu_partnership.contact_role_workplace_instructor").id])],
            }
        )
        cls.product = cls.env["product.product"].create(
            {
                "name": "Henkilöstökoulutus, työturvallisuus",
                "type": "service",
                "list_price": 12000.0,
                "invoice_policy": "order",
                "company_id": cls.company.id,
            }
        )
        cls.service = cls.env["redu.service"].create(
            {
                "name": "Työturvallisuuskorttikoulutus",
                "company_id": cls.company.id,
                "funding": "paid",
                "category_id": cls.env.ref("redu_services.service_category_staff_training").id,
                "product_id": cls.product.id,
            }
        )
        cls.teacher = new_test_user(
            cls.env,
            login="cross_teacher",
            company_id=cls.company.id,
            company_ids=[(6, 0, cls.company.ids)],
            groups="base.group_user,redu_services.group_service_user,redu_feedback_prep.group_feedback_user",
        )
