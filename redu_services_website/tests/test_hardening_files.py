# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Issue #16: out-of-range settings and dates never overflow the inquiry form or the response target."""

from datetime import date, datetime

from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestHardeningInquirySettings(TransactionCase):
    def test_huge_window_does_not_break_the_form(self):
        self.env["ir.config_parameter"].sudo().set_param("redu_services_website.inquiry_window_minutes", str(10**12))
        inquiry = self.env["redu.service.web.inquiry"]
        self.assertTrue(inquiry._redu_register_attempt("10.0.0.9"))
        self.env["redu.rate.limit"]._gc_ended_windows()
        self.assertEqual(inquiry._redu_get_limits()[1], 1_000_000)

    def test_response_target_stays_in_the_calendar(self):
        company = self.env["res.company"].create({"name": "Hostile Entity", "redu_response_days": 10**9})
        self.assertEqual(company._redu_response_due_date(datetime(2026, 1, 5, 8, 0)), date(2027, 1, 4))
        company.redu_response_days = 2
        user = new_test_user(
            self.env,
            "redu_web_hostile",
            groups="redu_services.group_service_user",
            company_id=company.id,
            company_ids=[company.id],
        )
        category = self.env.ref("redu_services.service_category_staff_training")
        service = self.env["redu.service"].create(
            {"name": "Hostile training", "category_id": category.id, "company_id": company.id, "funding": "public"}
        )
        process = (
            self.env["redu.service.process"]
            .with_user(user)
            .create(
                {
                    "partner_id": self.env["res.partner"].create({"name": "Hostile Oy", "is_company": True}).id,
                    "category_id": category.id,
                    "service_id": service.id,
                    "company_id": company.id,
                    "date_inquiry": datetime(9999, 12, 31, 23, 0),
                }
            )
        )
        self.assertFalse(process.date_response_due)
