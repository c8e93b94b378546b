# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The inquiry form behind the website: partner matching, routing, acknowledgement, abuse."""

import re

from freezegun import freeze_time
from lxml import etree

from odoo.tests import Form, TransactionCase, tagged
from odoo.tools import file_path

from .common import WebInquiryCommon


@tagged("post_install", "-at_install")
class TestWebInquiry(WebInquiryCommon, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_web_inquiry()
        cls.Inquiry = cls.env["redu.service.web.inquiry"]
        cls.Partner = cls.env["res.partner"]

    def _submit(self, services=None, ip="10.0.0.1", **overrides):
        return self.Inquiry._redu_submit(
            self._post(**overrides), service_ids=[str(s.id) for s in (services or [])], ip=ip
        )

    def _counts(self):
        return (
            self.Partner.with_context(active_test=False).search_count([]),
            self.env["redu.service.process"].search_count([]),
            self.env["mail.message"].search_count([("model", "=", "redu.service.process")]),
        )

    # ------------------------------------------------------------------ partners
    def test_new_organisation_and_contact_are_created_and_process_routed_to_service_responsible(self):
        result = self._submit(services=self.service_a, business_id="2345678 0")
        self.assertEqual(result["status"], "ok", result.get("errors"))
        process = result["processes"]
        self.assertEqual(len(process), 1)
        self.assertEqual(process.partner_id.name, "Tunturin Testi Oy")
        self.assertTrue(process.partner_id.is_company)
        self.assertEqual(process.partner_id.company_registry, "2345678-0", "the Y-tunnus is stored normalised")
        self.assertEqual(process.contact_id.parent_id, process.partner_id)
        self.assertEqual(process.contact_id.email, "tiina@tunturintesti.fi")
        self.assertEqual(process.service_id, self.service_a)
        self.assertEqual(process.company_id, self.entity_a)
        self.assertEqual(process.channel, "web")
        self.assertEqual(process.user_id, self.responsible)
        self.assertEqual(process.stage_id, self.env.ref("redu_services.stage_inquiry"))
        self.assertTrue(process.date_inquiry)
        self.assertFalse(process.date_first_response, "the acknowledgement is no first response")

    def test_existing_organisation_is_matched_by_business_id(self):
        existing = self.Partner.create({"name": "Tunturi Group", "is_company": True, "company_registry": "1234567-1"})
        result = self._submit(services=self.service_a, business_id="1234567-1", organisation="Tunturi Oy")
        self.assertEqual(result["processes"].partner_id, existing)
        self.assertEqual(existing.name, "Tunturi Group", "the visitor changes nothing of a partner found")
        self.assertEqual(
            self.Partner.search_count([("company_registry", "=", "1234567-1"), ("parent_id", "=", False)]), 1
        )

    def test_existing_organisation_is_matched_by_name_and_email_domain(self):
        existing = self.Partner.create({"name": "Tunturin testi OY", "is_company": True})
        self.Partner.create({"name": "Other person", "parent_id": existing.id, "email": "other@tunturintesti.fi"})
        result = self._submit(services=self.service_a, organisation="  Tunturin   Testi Oy ")
        self.assertEqual(result["processes"].partner_id, existing)
        self.assertEqual(
            self.Partner.search_count([("name", "=ilike", "tunturin testi oy"), ("parent_id", "=", False)]), 1
        )
        self.assertEqual(len(existing.child_ids), 2, "the sender is added as a contact of the organisation")

        again = self._submit(services=self.service_b, organisation="Tunturin Testi Oy")
        self.assertEqual(again["processes"].partner_id, existing)
        self.assertEqual(
            again["processes"].contact_id, result["processes"].contact_id, "the same sender is the same contact"
        )

    def test_same_name_with_other_email_domain_is_a_new_organisation(self):
        existing = self.Partner.create({"name": "Tunturin Testi Oy", "is_company": True, "email": "x@elsewhere.fi"})
        result = self._submit(services=self.service_a)
        self.assertNotEqual(result["processes"].partner_id, existing)

    # ------------------------------------------------------------------ routing
    def test_inquiry_without_service_goes_to_the_entity_intake_queue(self):
        result = self._submit(company_id=str(self.entity_b.id))
        process = result["processes"]
        self.assertEqual(process.company_id, self.entity_b)
        self.assertEqual(process.user_id, self.intake)
        self.assertEqual(process.service_id, self.entity_b.redu_web_intake_service_id)
        self.assertFalse(process.service_id.is_published, "the intake service is not in the catalogue")
        second = self._submit(company_id=str(self.entity_b.id), email="someone@else.fi")
        self.assertEqual(second["processes"].service_id, process.service_id, "one intake service per entity")

    def test_service_without_responsible_goes_to_the_entity_intake_user(self):
        process = self._submit(services=self.service_b)["processes"]
        self.assertEqual(process.user_id, self.intake)

    def test_several_services_open_one_process_each_routed_separately(self):
        processes = self._submit(services=self.service_a + self.service_b)["processes"]
        self.assertEqual(processes.mapped("user_id"), self.responsible + self.intake)
        self.assertEqual(len(processes.partner_id), 1)

    @freeze_time("2026-03-05 10:00:00")  # a Thursday
    def test_responsible_activity_is_due_after_two_working_days_skipping_the_weekend(self):
        process = self._submit(services=self.service_a)["processes"]
        self.assertEqual(str(process.date_response_due), "2026-03-09", "Thursday + 2 working days = Monday")
        activities = process.activity_ids.filtered(lambda act: act.user_id == self.responsible)
        self.assertEqual(len(activities), 1)
        self.assertEqual(str(activities.date_deadline), "2026-03-09")

    @freeze_time("2026-03-05 10:00:00")
    def test_response_target_is_per_entity(self):
        process = self._submit(services=self.service_b)["processes"]
        self.assertEqual(str(process.date_response_due), "2026-03-10", "entity B answers in 3 working days")

    # ------------------------------------------------------------------ acknowledgement
    @freeze_time("2026-03-05 10:00:00")
    def test_acknowledgement_email_names_the_responsible_and_the_date(self):
        process = self._submit(services=self.service_a)["processes"]
        mails = self.env["mail.mail"].search([("model", "=", "redu.service.process"), ("res_id", "=", process.id)])
        ack = mails.filtered(lambda m: process.contact_id in m.recipient_ids)
        self.assertEqual(len(ack), 1, "one acknowledgement to the sender")
        self.assertIn("Riitta Vastuullinen", ack.body_html)
        self.assertIn("03/09/2026", ack.body_html)
        self.assertIn("Web staff training", ack.subject)
        self.assertIn("info@entity-a.example", ack.email_from)

    def test_inquiry_text_is_in_the_chatter_html_escaped(self):
        process = self._submit(services=self.service_a, message="<script>alert(1)</script>\n<b>bold</b>")["processes"]
        note = process.message_ids.filtered(lambda m: "Inquiry from the website" in (m.body or ""))
        self.assertEqual(len(note), 1)
        self.assertIn("&lt;script&gt;alert(1)&lt;/script&gt;", note.body)
        self.assertNotIn("<script>", note.body)
        self.assertNotIn("<b>bold</b>", note.body)
        self.assertEqual(note.author_id, process.contact_id)

    # ------------------------------------------------------------------ bad input, abuse
    def test_wrong_business_id_creates_nothing_keeps_values_and_says_it_in_finnish(self):
        self.env["res.lang"]._activate_lang("fi_FI")
        self.env["ir.module.module"]._load_module_terms(["redu_services_website"], ["fi_FI"], overwrite=True)
        before = self._counts()
        result = self.Inquiry.with_context(lang="fi_FI")._redu_submit(
            self._post(business_id="1234567-2"), service_ids=[str(self.service_a.id)], ip="10.0.0.2"
        )
        self.assertEqual(result["status"], "error")
        self.assertEqual(set(result["errors"]), {"business_id"})
        self.assertIn("Y-tunnus 1234567-2 ei ole kelvollinen", result["errors"]["business_id"])
        self.assertEqual(result["values"]["organisation"], "Tunturin Testi Oy")
        self.assertEqual(result["values"]["message"], "We need training for ten people.")
        self.assertEqual(self._counts(), before)

    def test_missing_consent_oversized_field_and_bad_email_are_refused(self):
        before = self._counts()
        result = self._submit(services=self.service_a, consent="", organisation="x" * 201, email="not-an-email")
        self.assertEqual(result["status"], "error")
        self.assertEqual(set(result["errors"]), {"consent", "organisation", "email"})
        self.assertEqual(self._counts(), before)

    def test_unpublished_service_cannot_be_asked_about(self):
        self.service_b.is_published = False
        before = self._counts()
        result = self._submit(services=self.service_b)
        self.assertEqual(set(result["errors"]), {"service_ids"})
        self.assertEqual(self._counts(), before)

    def test_honeypot_filled_creates_nothing(self):
        before = self._counts()
        result = self._submit(services=self.service_a, homepage="http://spam.example")
        self.assertEqual(result["status"], "spam")
        self.assertEqual(self._counts(), before)

    def test_limits_are_settings(self):
        settings = Form(self.env["res.config.settings"])
        self.assertEqual(
            (
                settings.redu_inquiry_max_attempts,
                settings.redu_inquiry_window_minutes,
                settings.redu_inquiry_duplicate_minutes,
            ),
            (5, 60, 10),
        )
        settings.redu_inquiry_max_attempts = 1
        settings.save().execute()
        self.assertEqual(self._submit(services=self.service_a, ip="10.9.9.8")["status"], "ok")
        self.assertEqual(self._submit(services=self.service_b, ip="10.9.9.8")["status"], "limited")

    def test_the_same_inquiry_twice_opens_one_process(self):
        self.assertEqual(self._submit(services=self.service_a)["status"], "ok")
        before = self._counts()
        result = self._submit(services=self.service_a, message="  we NEED training for ten people. ")
        self.assertEqual(result["status"], "duplicate", "case and spaces aside")
        self.assertEqual(self._counts(), before)
        self.assertEqual(self._submit(services=self.service_b)["status"], "ok", "another service is another inquiry")

    def test_rate_limit_per_ip_address(self):
        self.env["ir.config_parameter"].set_param("redu_services_website.inquiry_max_attempts", "2")
        statuses = [self._submit(services=self.service_a, ip="10.9.9.9", consent="")["status"] for _i in range(3)]
        self.assertEqual(statuses, ["error", "error", "limited"], "failed attempts count too")
        before = self._counts()
        self.assertEqual(self._submit(services=self.service_a, ip="10.9.9.9")["status"], "limited")
        self.assertEqual(self._counts(), before)
        self.assertEqual(self._submit(services=self.service_a, ip="10.9.9.10")["status"], "ok", "other addresses pass")


@tagged("post_install", "-at_install")
class TestDemoCatalogue(TransactionCase):
    def test_the_demo_publishes_every_demo_service(self):
        """The demo data publish the whole demo catalogue of redu_services (each service by its id: an
        XML ``<value search>`` would yield only the first one)."""
        services = etree.parse(file_path("redu_services/demo/redu_services_demo.xml"))
        demo_ids = {f"redu_services.{node.get('id')}" for node in services.iterfind("//record[@model='redu.service']")}
        website = etree.parse(file_path("redu_services_website/demo/redu_services_website_demo.xml"))
        publish = website.find("//function[@model='redu.service'][@name='write']")
        published = set(re.findall(r"ref\('([^']+)'\)", publish[0].get("eval")))
        self.assertEqual(publish[1].get("eval"), "{'is_published': True}")
        self.assertEqual(published, demo_ids)
