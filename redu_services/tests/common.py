# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

from odoo import Command
from odoo.tests import TransactionCase, new_test_user

from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT
from odoo.addons.redu_base.tests.common import RefusalAssertions


class ReduServicesSetup(RefusalAssertions):
    """The set-up that the test classes share: stages, a catalogue of two group entities, an
    organisation with a contact, and the users of each group."""

    @classmethod
    def _setup_redu_services(cls, company_a, company_b):
        cls.company_a = company_a
        cls.company_b = company_b
        cls.stage_inquiry = cls.env.ref("redu_services.stage_inquiry")
        cls.stage_needs = cls.env.ref("redu_services.stage_needs_assessment")
        cls.stage_offer = cls.env.ref("redu_services.stage_offer")
        cls.stage_agreement = cls.env.ref("redu_services.stage_agreement")
        cls.stage_delivery = cls.env.ref("redu_services.stage_delivery")
        cls.stage_feedback = cls.env.ref("redu_services.stage_feedback")
        cls.stage_done = cls.env.ref("redu_services.stage_done")
        cls.stage_cancelled = cls.env.ref("redu_services.stage_cancelled")

        cls.user_a = new_test_user(
            cls.env,
            "redu_srv_user_a",
            groups="redu_services.group_service_user,sales_team.group_sale_salesman",
            company_id=company_a.id,
            company_ids=[Command.set(company_a.ids)],
        )
        cls.user_b = new_test_user(
            cls.env,
            "redu_srv_user_b",
            groups="redu_services.group_service_user",
            company_id=company_b.id,
            company_ids=[Command.set(company_b.ids)],
        )
        cls.manager = new_test_user(
            cls.env,
            "redu_srv_manager",
            groups="redu_services.group_service_manager",
            company_id=company_a.id,
            company_ids=[Command.set((company_a + company_b).ids)],
        )
        cls.finance_a = new_test_user(
            cls.env,
            "redu_srv_finance_a",
            groups="redu_services.group_service_finance",
            company_id=company_a.id,
            company_ids=[Command.set(company_a.ids)],
        )

        cls.category = cls.env.ref("redu_services.service_category_staff_training")
        cls.product = cls.env["product.product"].create(
            {
                "name": "Staff training day",
                "type": "service",
                "sale_ok": True,
                "list_price": 1000.0,
                "invoice_policy": "order",
                "taxes_id": [Command.clear()],
            }
        )
        cls.template = cls.env["redu.service.checklist.template"].create(
            {
                "name": "Test checklist",
                "line_ids": [
                    Command.create(
                        {"name": "Map the needs", "sequence": 1, "stage_id": cls.stage_needs.id, "required": True}
                    ),
                    Command.create(
                        {"name": "Optional call", "sequence": 2, "stage_id": cls.stage_offer.id, "required": False}
                    ),
                    Command.create(
                        {
                            "name": "Send the material",
                            "sequence": 3,
                            "stage_id": cls.stage_delivery.id,
                            "required": True,
                        }
                    ),
                ],
            }
        )
        cls.service_paid, cls.service_public, cls.service_b = cls.env["redu.service"].create(
            [
                {
                    "name": "Customer service training",
                    "category_id": cls.category.id,
                    "company_id": company_a.id,
                    "funding": "paid",
                    "product_id": cls.product.id,
                    "checklist_template_id": cls.template.id,
                },
                {
                    "name": "Workplace instructor training",
                    "category_id": cls.env.ref("redu_services.service_category_workplace_instructor_training").id,
                    "company_id": company_a.id,
                    "funding": "public",
                },
                {
                    "name": "Ski coaching",
                    "category_id": cls.category.id,
                    "company_id": company_b.id,
                    "funding": "public",
                },
            ]
        )
        cls.organisation = cls.env["res.partner"].create({"name": "Lapin Testi Oy", "is_company": True})
        cls.contact = cls.env["res.partner"].create(
            {"name": "Maija Meikäläinen", "parent_id": cls.organisation.id, "email": "maija@example.com"}
        )

    @classmethod
    def _create_process(cls, service=None, **vals):
        values = {
            "partner_id": cls.organisation.id,
            "contact_id": cls.contact.id,
            "service_id": (service or cls.service_public).id,
            "user_id": cls.user_a.id,
        }
        values.update(vals)
        return cls.env["redu.service.process"].create(values)


class ReduServicesCommon(ReduServicesSetup, TransactionCase):
    """Without accounting: for the processes, the gates, the views and the access rules."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # mail is not what these tests are about (see test_process_chatter for what it does)
        cls.env = cls.env(context=dict(cls.env.context, **DISABLED_MAIL_CONTEXT))
        company_b = cls.env["res.company"].create(
            {"name": "REDU Test Entity B", "currency_id": cls.env.company.currency_id.id}
        )
        cls._setup_redu_services(cls.env.company, company_b)


class ReduServicesInvoicingCommon(ReduServicesSetup, AccountTestInvoicingCommon):
    """With a group entity that invoices (Odoo's accounting test set-up): for the revenue.

    The second entity invoices too where ``invoicing_company_b`` is set (a second chart of
    accounts: only where a test needs it).
    """

    invoicing_company_b = False

    @classmethod
    def get_default_groups(cls):
        # the user of the tests also runs the service processes and reads the partnership levels
        return (
            super().get_default_groups()
            | cls.quick_ref("redu_services.group_service_manager")
            | cls.quick_ref("redu_partnership.group_partnership_manager")
            | cls.quick_ref("sales_team.group_sale_manager")
        )

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if cls.invoicing_company_b:
            company_b = cls.setup_other_company(name="REDU Test Entity B")["company"]
        else:
            company_b = cls.env["res.company"].create({"name": "REDU Test Entity B"})
            cls.env.user.company_ids = [Command.link(company_b.id)]
        cls._setup_redu_services(cls.company_data["company"], company_b)

    @classmethod
    def _invoice(cls, process, amount, move_type="out_invoice", invoice_date=None, post=True):
        """A customer invoice (or credit note) of the process: one untaxed line of ``amount``."""
        return cls._create_invoice_one_line(
            move_type=move_type,
            company_id=process.company_id,
            partner_id=process.partner_id,
            service_process_id=process,
            product_id=cls.product,
            price_unit=amount,
            tax_ids=cls.env["account.tax"],
            invoice_date=invoice_date,
            post=post,
        )
