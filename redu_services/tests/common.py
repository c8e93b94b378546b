# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command, fields
from odoo.tests import TransactionCase, new_test_user


class ReduServicesCommon(TransactionCase):
    """Two group entities with a chart of accounts, users of each, a catalogue and an organisation."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, mail_create_nolog=True))
        cls.company_a = cls.env.company
        cls.company_b = cls.env["res.company"].create(
            {"name": "REDU Test Entity B", "currency_id": cls.company_a.currency_id.id}
        )
        for company in cls.company_a + cls.company_b:
            if not company.chart_template:
                cls.env["account.chart.template"].try_loading("generic_coa", company, install_demo=False)

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
            company_id=cls.company_a.id,
            company_ids=[Command.set(cls.company_a.ids)],
        )
        cls.user_b = new_test_user(
            cls.env,
            "redu_srv_user_b",
            groups="redu_services.group_service_user",
            company_id=cls.company_b.id,
            company_ids=[Command.set(cls.company_b.ids)],
        )
        cls.manager = new_test_user(
            cls.env,
            "redu_srv_manager",
            groups="redu_services.group_service_manager",
            company_id=cls.company_a.id,
            company_ids=[Command.set((cls.company_a + cls.company_b).ids)],
        )
        cls.finance_a = new_test_user(
            cls.env,
            "redu_srv_finance_a",
            groups="redu_services.group_service_finance",
            company_id=cls.company_a.id,
            company_ids=[Command.set(cls.company_a.ids)],
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
                        {
                            "name": "Map the needs",
                            "sequence": 1,
                            "stage_id": cls.stage_needs.id,
                            "required": True,
                        }
                    ),
                    Command.create(
                        {
                            "name": "Optional call",
                            "sequence": 2,
                            "stage_id": cls.stage_offer.id,
                            "required": False,
                        }
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
        cls.service_paid = cls.env["redu.service"].create(
            {
                "name": "Customer service training",
                "category_id": cls.category.id,
                "company_id": cls.company_a.id,
                "funding": "paid",
                "product_id": cls.product.id,
                "checklist_template_id": cls.template.id,
            }
        )
        cls.service_public = cls.env["redu.service"].create(
            {
                "name": "Workplace instructor training",
                "category_id": cls.env.ref("redu_services.service_category_workplace_instructor_training").id,
                "company_id": cls.company_a.id,
                "funding": "public",
            }
        )
        cls.service_b = cls.env["redu.service"].create(
            {
                "name": "Ski coaching",
                "category_id": cls.category.id,
                "company_id": cls.company_b.id,
                "funding": "public",
            }
        )
        cls.organisation = cls.env["res.partner"].create({"name": "Lapin Testi Oy", "is_company": True})
        cls.contact = cls.env["res.partner"].create(
            {
                "name": "Maija Meikäläinen",
                "parent_id": cls.organisation.id,
                "email": "maija@example.com",
            }
        )

    @classmethod
    def _setup_levels_and_forms(cls):
        """The partnership levels and a strategic, a training and an occasional cooperation form."""
        cls.level_a = cls.env.ref("redu_partnership.partnership_level_a")
        cls.level_b = cls.env.ref("redu_partnership.partnership_level_b")
        cls.level_c = cls.env.ref("redu_partnership.partnership_level_c")
        cls.level_d = cls.env.ref("redu_partnership.partnership_level_d")
        Form = cls.env["redu.cooperation.form"]
        cls.form_strategic = Form.create({"name": "Joint R&D", "knowledge_sharing": 9, "knowledge_renewal": 9})
        cls.form_training = Form.create({"name": "Work placement", "knowledge_sharing": 7, "knowledge_renewal": 2})
        cls.form_occasional = Form.create({"name": "Guest lecture", "knowledge_sharing": 1, "knowledge_renewal": 1})

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

    @classmethod
    def _invoice(cls, process, amount, move_type="out_invoice", invoice_date=None, post=True):
        move = (
            cls.env["account.move"]
            .with_company(process.company_id)
            .create(
                {
                    "move_type": move_type,
                    "partner_id": process.partner_id.id,
                    "invoice_date": invoice_date or fields.Date.today(),
                    "service_process_id": process.id,
                    "invoice_line_ids": [
                        Command.create(
                            {
                                "product_id": cls.product.id,
                                "quantity": 1.0,
                                "price_unit": amount,
                                "tax_ids": [Command.clear()],
                            }
                        )
                    ],
                }
            )
        )
        if post:
            move.action_post()
        return move
