# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Browser tours (headless Chromium) of a back-office user and a finance user, both in Finnish.

The tours are in static/tests/tours/; they assert what the user sees, these tests then assert
what the database holds.
"""

from odoo import Command, fields
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.env["res.lang"]._activate_lang("fi_FI")
        cls.env["ir.module.module"]._load_module_terms(["redu_partnership", "redu_services"], ["fi_FI"], overwrite=True)
        cls.stage_inquiry = cls.env.ref("redu_services.stage_inquiry")
        cls.stage_needs = cls.env.ref("redu_services.stage_needs_assessment")
        cls.stage_delivery = cls.env.ref("redu_services.stage_delivery")
        cls.stage_done = cls.env.ref("redu_services.stage_done")

        cls.organisation = cls.env["res.partner"].create({"name": "Tunturin Kiertue Oy", "is_company": True})
        cls.category = cls.env["redu.service.category"].create({"name": "Tour services", "code": "tour_services"})
        cls.category.update_field_translations("name", {"fi_FI": "Kiertueen palvelut"})

    def _new_user(self, login, name, groups):
        return new_test_user(
            self.env,
            login,
            name=name,
            groups=groups,
            lang="fi_FI",
            company_id=self.company.id,
            company_ids=[Command.set(self.company.ids)],
        )

    def test_process_tour(self):
        """A back-office user is stopped by the Done gate, completes the checklist and closes the process."""
        template = self.env["redu.service.checklist.template"].create(
            {
                "name": "Kiertueen tarkistuslista",
                "line_ids": [
                    Command.create(
                        {"name": "Kartoita tarpeet", "sequence": 1, "stage_id": self.stage_needs.id, "required": True}
                    ),
                    Command.create(
                        {
                            "name": "Lähetä materiaali",
                            "sequence": 2,
                            "stage_id": self.stage_delivery.id,
                            "required": True,
                        }
                    ),
                ],
            }
        )
        self.env["redu.service"].create(
            {
                "name": "Kiertueen työpaikkaohjaajakoulutus",
                "category_id": self.category.id,
                "company_id": self.company.id,
                "funding": "public",
                "checklist_template_id": template.id,
            }
        )
        user = self._new_user("redu_tour_backoffice", "Tiina Taustatoimisto", "redu_services.group_service_user")

        self.start_tour("/odoo", "redu_services_process_tour", login=user.login)

        process = self.env["redu.service.process"].search([("partner_id", "=", self.organisation.id)])
        self.assertEqual(len(process), 1, "the tour created one service process")
        self.assertEqual(process.title, "Työpaikkaohjaajien koulutus keväälle")
        self.assertEqual(process.stage_id, self.stage_done)
        self.assertTrue(process.is_closed)
        self.assertEqual(process.feedback_score, "4")
        self.assertEqual(process.user_id, user)
        self.assertTrue(process.date_first_response, "leaving the inquiry stage stamps the first response")
        lines = process.checklist_line_ids
        self.assertEqual(sorted(lines.mapped("name")), ["Kartoita tarpeet", "Lähetä materiaali"])
        self.assertTrue(all(lines.mapped("done")))
        self.assertEqual(lines.done_by, user, "the ticks are stamped with the user who clicked them")
        self.assertTrue(all(lines.mapped("done_date")))

    def test_revenue_tour(self):
        """A finance user reads a category's revenue (invoices minus credit notes) in the pivot."""
        if not self.company.chart_template:
            self.env["account.chart.template"].try_loading("generic_coa", self.company, install_demo=False)
        service = self.env["redu.service"].create(
            {
                "name": "Kiertueen opastus",
                "category_id": self.category.id,
                "company_id": self.company.id,
                "funding": "public",
            }
        )
        Process = self.env["redu.service.process"]
        process_1 = Process.create({"partner_id": self.organisation.id, "service_id": service.id})
        process_2 = Process.create({"partner_id": self.organisation.id, "service_id": service.id})

        def invoice(process, amount, move_type="out_invoice", post=True):
            move = (
                self.env["account.move"]
                .with_company(self.company)
                .create(
                    {
                        "move_type": move_type,
                        "partner_id": process.partner_id.id,
                        "invoice_date": fields.Date.today(),
                        "service_process_id": process.id,
                        "invoice_line_ids": [
                            Command.create(
                                {"name": "Opastus", "quantity": 1.0, "price_unit": amount, "tax_ids": [Command.clear()]}
                            )
                        ],
                    }
                )
            )
            if post:
                move.action_post()
            return move

        invoice(process_1, 600.0)
        invoice(process_2, 230.5)
        invoice(process_1, 80.0, move_type="out_refund")
        invoice(process_2, 1000.0, post=False)
        self.assertEqual(process_1.invoiced_revenue + process_2.invoiced_revenue, 750.5)
        user = self._new_user("redu_tour_finance", "Fredrik Talous", "redu_services.group_service_finance")

        self.start_tour("/odoo", "redu_services_revenue_tour", login=user.login)
