# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.tests import tagged

from .common import ReduServicesCommon


@tagged("post_install", "-at_install")
class TestSuggestedLevelDiffersSearch(ReduServicesCommon):
    """The "Suggested Level Differs" filter follows the suggestion raised by revenue."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_levels_and_forms()
        cls.partners = cls.env["res.partner"]

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

    def test_query_count_does_not_grow_with_the_partners(self):
        for index in range(2):
            self._organisation(f"First {index}", level=self.level_d, form=self.form_occasional, revenue=1500.0)
        self._differs(True)  # warm the caches (thresholds, field access) before counting
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        self.assertEqual(len(self._differs(True)), 2)
        queries_few = self.cr.sql_log_count - before
        for index in range(6):
            self._organisation(f"More {index}", level=self.level_d, form=self.form_occasional, revenue=1500.0)
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        self.assertEqual(len(self._differs(True)), 8)
        self.assertEqual(self.cr.sql_log_count - before, queries_few)
