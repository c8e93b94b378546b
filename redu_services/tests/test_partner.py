# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.tests import tagged

from .common import ReduServicesInvoicingCommon

# the grouped revenue read, the levels (here and in redu_partnership's cooperation-type rule, which
# reads them instead of keeping them in a registry cache), the partners found (whatever their number)
QUERIES_OF_THE_FILTER = 5


@tagged("post_install", "-at_install")
class TestPartnerRevenue(ReduServicesInvoicingCommon):
    """The revenue of a partner, the level it suggests and the "Suggested level differs" filter."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.level_a = cls.env.ref("redu_partnership.partnership_level_a")
        cls.level_b = cls.env.ref("redu_partnership.partnership_level_b")
        cls.level_c = cls.env.ref("redu_partnership.partnership_level_c")
        cls.level_d = cls.env.ref("redu_partnership.partnership_level_d")
        Form = cls.env["redu.cooperation.form"]
        cls.form_strategic = Form.create({"name": "Joint R&D", "knowledge_sharing": 9, "knowledge_renewal": 9})
        cls.form_training = Form.create({"name": "Work placement", "knowledge_sharing": 7, "knowledge_renewal": 2})
        cls.form_occasional = Form.create({"name": "Guest lecture", "knowledge_sharing": 1, "knowledge_renewal": 1})
        cls.process = cls._create_process()
        cls.partners = cls.env["res.partner"]

    def _suggested(self, partner):
        partner.invalidate_recordset()
        return partner.suggested_partnership_level_id

    def test_revenue_counts_the_last_12_months_only(self):
        today = fields.Date.today()
        self._invoice(self.process, 800.0, invoice_date=today - relativedelta(months=2))
        self._invoice(self.process, 5000.0, invoice_date=today - relativedelta(months=13))
        self.assertEqual(self.organisation.revenue_last_12_months, 800.0)

    def test_revenue_is_posted_invoices_minus_credit_notes(self):
        self._invoice(self.process, 800.0)
        self._invoice(self.process, 300.0, move_type="out_refund")
        self._invoice(self.process, 999.0, post=False)
        self.assertEqual(self.organisation.revenue_last_12_months, 500.0)

    def test_contact_shows_the_revenue_of_its_company(self):
        self._invoice(self.process, 800.0)
        self.assertEqual(self.contact.revenue_last_12_months, 800.0)

    def test_service_processes_button_opens_the_processes_of_the_organisation(self):
        self.assertEqual(self.organisation.service_process_count, 1)
        self.assertEqual(self.contact.service_process_count, 1)
        action = self.contact.action_view_service_processes()
        self.assertEqual(self.env["redu.service.process"].search(action["domain"]), self.process)

    def test_revenue_button_opens_the_revenue_of_the_organisation(self):
        self._invoice(self.process, 250.0)
        self._invoice(self._create_process(partner_id=self.partner_a.id, contact_id=False), 90.0)
        action = self.contact.with_user(self.finance_a).action_view_service_revenue()
        rows = self.env["redu.service.revenue.report"].with_user(self.finance_a).search(action["domain"])
        self.assertEqual(rows.mapped("amount"), [250.0])

    def test_suggested_level_from_revenue(self):
        self.assertFalse(self._suggested(self.organisation))
        self._invoice(self.process, 1200.0)
        self.assertEqual(self._suggested(self.organisation), self.level_c)
        self._invoice(self.process, 10000.0)
        self.assertEqual(self._suggested(self.organisation), self.level_b)
        self._invoice(self.process, 40000.0)
        self.assertEqual(self._suggested(self.organisation), self.level_a)

    def test_suggested_level_higher_of_revenue_and_cooperation_type(self):
        # occasional cooperation suggests D, revenue 12,000 suggests B: B wins
        self.organisation.cooperation_form_ids = [Command.set(self.form_occasional.ids)]
        self.assertEqual(self._suggested(self.organisation), self.level_d)
        self._invoice(self.process, 12000.0)
        self.assertEqual(self._suggested(self.organisation), self.level_b)
        # strategic cooperation suggests A: the cooperation type wins over revenue B
        self.organisation.cooperation_form_ids = [Command.set(self.form_strategic.ids)]
        self.assertEqual(self._suggested(self.organisation), self.level_a)

    def test_thresholds_from_settings(self):
        settings = self.env["res.config.settings"].create({})
        self.assertEqual(
            (settings.redu_revenue_threshold_a, settings.redu_revenue_threshold_b, settings.redu_revenue_threshold_c),
            (50000.0, 10000.0, 1000.0),
        )
        settings.redu_revenue_threshold_a = 2000.0
        settings.execute()
        self.assertEqual(
            self.env["ir.config_parameter"].sudo().get_param("redu_services.revenue_threshold_a"), "2000.0"
        )
        self._invoice(self.process, 2500.0)
        self.assertEqual(self._suggested(self.organisation), self.level_a)

    def test_threshold_that_is_not_a_number_is_the_default(self):
        self.env["ir.config_parameter"].sudo().set_param("redu_services.revenue_threshold_b", "ten thousand")
        self.assertEqual(
            self.env["res.config.settings"]._get_redu_revenue_thresholds(), {"A": 50000.0, "B": 10000.0, "C": 1000.0}
        )

    # ------------------------------------------------------------------
    # the "Suggested level differs" filter follows the suggestion raised by revenue
    # ------------------------------------------------------------------
    def _organisation(self, name, level=None, form=None, revenue=0.0, invoice_date=None):
        vals = {"name": name, "is_company": True}
        if level:
            vals["partnership_level_id"] = level.id
        if form:
            vals["cooperation_form_ids"] = [Command.set(form.ids)]
        organisation = self.env["res.partner"].create(vals)
        if revenue:
            process = self._create_process(partner_id=organisation.id, contact_id=False)
            self._invoice(process, revenue, invoice_date=invoice_date)
        self.partners |= organisation
        return organisation

    def _differs(self, value=True):
        return self.env["res.partner"].search(
            [("id", "in", self.partners.ids), ("suggested_level_differs", "=", value)]
        )

    def _assert_filter_matches_field(self):
        self.partners.invalidate_recordset()
        self.assertEqual(self._differs(True), self.partners.filtered("suggested_level_differs"))
        self.assertEqual(self._differs(False), self.partners - self.partners.filtered("suggested_level_differs"))

    def test_found_when_revenue_raises_the_suggestion(self):
        # occasional cooperation suggests D, the level is D: no difference without revenue
        raised = self._organisation("Raised Oy", level=self.level_d, form=self.form_occasional)
        self.assertFalse(self._differs(True))
        # 12,000 EUR in 12 months suggests B: the partner (and its contact) now differ
        process = self._create_process(partner_id=raised.id, contact_id=False)
        self._invoice(process, 12000.0)
        contact = self.env["res.partner"].create({"name": "Raised contact", "parent_id": raised.id})
        self.partners |= contact
        self.assertEqual(self._differs(True), raised | contact)
        self.assertFalse(self._differs(False))
        self._assert_filter_matches_field()
        # revenue alone, without cooperation forms nor a level, also gives a suggestion
        revenue_only = self._organisation("Revenue only Oy", revenue=1500.0)
        self.assertEqual(revenue_only.suggested_partnership_level_id, self.level_c)
        self.assertIn(revenue_only, self._differs(True))
        self.assertIn(revenue_only, self.env["res.partner"].search([("suggested_level_differs", "!=", False)]))
        self.assertNotIn(revenue_only, self.env["res.partner"].search([("suggested_level_differs", "=", False)]))
        self._assert_filter_matches_field()

    def test_not_found_when_level_equals_the_revenue_suggestion(self):
        # occasional cooperation alone would suggest D; revenue 12,000 raises it to B = the level
        same = self._organisation("Same Oy", level=self.level_b, form=self.form_occasional, revenue=12000.0)
        same_no_forms = self._organisation("Same no forms Oy", level=self.level_c, revenue=2000.0)
        self.assertEqual(same.suggested_partnership_level_id, self.level_b)
        self.assertFalse(self._differs(True))
        self.assertEqual(self._differs(False), same | same_no_forms)
        self.assertEqual(
            self.env["res.partner"].search(
                [("id", "in", self.partners.ids), ("suggested_level_differs", "not in", [True])]
            ),
            same | same_no_forms,
        )
        self._assert_filter_matches_field()

    def test_cooperation_type_above_revenue_still_wins(self):
        # strategic suggests A, revenue 12,000 only B: the suggestion stays A
        level_a = self._organisation("Strategic A Oy", level=self.level_a, form=self.form_strategic, revenue=12000.0)
        level_b = self._organisation("Strategic B Oy", level=self.level_b, form=self.form_strategic, revenue=12000.0)
        self.assertEqual(self._differs(True), level_b)
        self.assertEqual(self._differs(False), level_a)
        self._assert_filter_matches_field()

    def test_revenue_outside_the_period_or_below_thresholds_is_ignored(self):
        old = self._organisation(
            "Old revenue Oy",
            level=self.level_c,
            form=self.form_training,
            revenue=60000.0,
            invoice_date=fields.Date.today() - relativedelta(months=13),
        )
        small = self._organisation("Small revenue Oy", level=self.level_c, form=self.form_training, revenue=500.0)
        self.assertFalse(self._differs(True))
        self.assertEqual(self._differs(False), old | small)
        self._assert_filter_matches_field()

    def test_without_revenue_behaves_as_before(self):
        same = self._organisation("Same", level=self.level_c, form=self.form_training)
        other = self._organisation("Other", level=self.level_d, form=self.form_training)
        unset = self._organisation("Unset", form=self.form_strategic)
        no_forms = self._organisation("No forms", level=self.level_a)
        nothing = self._organisation("Nothing")
        self.assertEqual(self._differs(True), other | unset)
        self.assertEqual(self._differs(False), same | no_forms | nothing)
        self._assert_filter_matches_field()

    def test_thresholds_from_settings_apply_to_the_filter(self):
        partner = self._organisation("Threshold Oy", level=self.level_c, form=self.form_training, revenue=2500.0)
        self.assertFalse(self._differs(True))
        self.env["ir.config_parameter"].sudo().set_param("redu_services.revenue_threshold_a", "2000.0")
        self.assertEqual(self._differs(True), partner)
        self._assert_filter_matches_field()

    def test_filter_query_count_does_not_grow_with_the_partners(self):
        for count in (2, 8):
            while len(self.partners) < count:
                self._organisation(
                    f"Org {len(self.partners)}", level=self.level_d, form=self.form_occasional, revenue=1500.0
                )
            self._differs(True)  # warm the caches (thresholds, field access) before counting
            self.env.invalidate_all()
            with self.assertQueryCount(QUERIES_OF_THE_FILTER):
                self.assertEqual(len(self._differs(True)), count)
