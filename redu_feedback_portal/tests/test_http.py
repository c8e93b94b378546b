# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import re
from datetime import timedelta

from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT
from odoo.addons.redu_base.tools.dates import redu_today


class PortalHttpData:
    """An instructor with a landline, guiding one student's period, and their personal link."""

    def _setup_data(self):
        self.env = self.env(context=dict(self.env.context, **DISABLED_MAIL_CONTEXT))
        self.teacher = new_test_user(
            self.env,
            login="portal_http_teacher",
            name="Tiina Linkki-Opettaja",
            email="tiina.linkki@redu.example",
            groups="redu_feedback_prep.group_feedback_user",
        )
        employer = self.env["res.partner"].create(
            {
                "name": "Kemin Linkkikone Oy",
                "is_company": True,
                "company_registry": "0737546-2",
                "country_id": self.env.ref("base.fi").id,
            }
        )
        self.instructor = self.env["res.partner"].create(
            {
                "name": "Pertti Puutteellinen",
                "parent_id": employer.id,
                "type": "contact",
                "email": "pertti.puutteellinen@kemintesti.fi",
                "phone": "016 123 456",
            }
        )
        today = redu_today(self.env["redu.workplace.agreement"])
        self.agreement = self.env["redu.workplace.agreement"].create(
            {
                "agreement_type": "training_agreement",
                "student_name": "Aino Salainen-Opiskelija",
                "qualification": "Talotekniikan perustutkinto",
                "employer_id": employer.id,
                "instructor_id": self.instructor.id,
                "start_date": today - timedelta(days=60),
                "end_date": today + timedelta(days=20),
                "part_time_percent": 100,
                "qualification_code": "351101",
                "teacher_id": self.teacher.id,
            }
        )
        confirmations, first = self.env["redu.instructor.confirmation"]._for_agreements(self.agreement)
        self.confirmation = confirmations
        self.confirmation._send_requests(first_by_partner=first)
        self.url = f"/feedback/instructor/{self.confirmation.id}/{self.confirmation.access_token}"


@tagged("post_install", "-at_install")
class TestInstructorPage(PortalHttpData, HttpCase):
    def setUp(self):
        super().setUp()
        self._setup_data()

    def csrf_token(self):
        response = self.url_open(self.url)
        self.assertEqual(response.status_code, 200)
        return re.search(r'name="csrf_token" value="([^"]+)"', response.text).group(1)

    def post(self, **data):
        return self.url_open(self.url, data={"csrf_token": self.csrf_token(), "action": "save", **data})

    def test_page_shows_the_periods_and_the_details_on_record(self):
        response = self.url_open(self.url)
        self.assertEqual(response.status_code, 200)
        self.assertIn("Kemin Linkkikone Oy", response.text)
        self.assertIn("Talotekniikan perustutkinto", response.text)
        self.assertIn("016 123 456", response.text)
        self.assertIn("Aino S.", response.text)

    def test_page_in_finnish_with_the_catalogue_hint(self):
        self.env["res.lang"]._activate_lang("fi_FI")
        self.env["ir.module.module"]._load_module_terms(["redu_feedback_prep", "redu_feedback_portal"], ["fi_FI"])
        self.instructor.lang = "fi_FI"
        response = self.post(name="Pertti Puutteellinen", email="pertti.p@kemintesti.fi", phone="016 123 456")
        self.assertIn("Tarkista yhteystietosi", response.text)
        self.assertIn("Tiedot ovat oikein", response.text)
        self.assertIn("Kirjaa lankapuhelinnumeron sijaan työpaikkaohjaajan matkapuhelinnumero.", response.text)

    def test_student_full_name_never_in_the_page(self):
        for response in (self.url_open(self.url), self.post(name="Pertti Puutteellinen", phone="016 123 456")):
            self.assertNotIn("Salainen-Opiskelija", response.text)

    def test_wrong_token_and_other_id_are_plain_404(self):
        other = self.env["redu.instructor.confirmation"].create({"partner_id": self.teacher.partner_id.id})
        other._portal_ensure_token()
        for url in (
            f"/feedback/instructor/{self.confirmation.id}/wrong-token",
            f"/feedback/instructor/{other.id}/{self.confirmation.access_token}",
            f"/feedback/instructor/999999/{self.confirmation.access_token}",
        ):
            response = self.url_open(url)
            self.assertEqual(response.status_code, 404, url)
            self.assertNotIn("Pertti", response.text)

    def test_revoked_link_names_only_the_teacher(self):
        self.confirmation.action_revoke()
        response = self.url_open(self.url)
        self.assertEqual(response.status_code, 403)
        self.assertIn("Tiina Linkki-Opettaja", response.text)
        self.assertIn("tiina.linkki@redu.example", response.text)
        self.assertNotIn("Pertti", response.text)
        self.assertNotIn("016 123 456", response.text)

    def test_expired_link_names_only_the_teacher(self):
        today = redu_today(self.agreement)
        self.agreement.write({"start_date": today - timedelta(days=90), "end_date": today - timedelta(days=5)})
        response = self.url_open(self.url)
        self.assertEqual(response.status_code, 403)
        self.assertIn("Tiina Linkki-Opettaja", response.text)
        self.assertNotIn("Pertti", response.text)

    @mute_logger("odoo.http")
    def test_post_without_csrf_token_is_refused(self):
        response = self.url_open(self.url, data={"action": "save", "name": "X Y", "phone": "040 765 4321"})
        self.assertEqual(response.status_code, 400)
        self.assertEqual(self.instructor.phone, "016 123 456")

    def test_landline_refused_with_the_typed_values_kept(self):
        response = self.post(name="Pertti Puutteellinen", email="pertti.p@kemintesti.fi", phone="016 999 888")
        self.assertIn("o_redu_error_phone", response.text)
        self.assertIn('value="016 999 888"', response.text)
        self.assertIn('value="pertti.p@kemintesti.fi"', response.text)
        self.instructor.invalidate_recordset()
        self.assertEqual(self.instructor.email, "pertti.puutteellinen@kemintesti.fi")
        self.assertFalse(self.instructor.contact_confirmed_date)

    def test_valid_mobile_saved_and_agreement_ready(self):
        response = self.post(
            name="Pertti Puutteellinen", email="pertti.puutteellinen@kemintesti.fi", phone="040 765 4321"
        )
        self.assertIn("o_redu_saved", response.text)
        self.instructor.invalidate_recordset()
        self.agreement.invalidate_recordset()
        self.assertEqual(self.instructor.phone, "+358407654321")
        self.assertEqual(self.agreement.readiness, "ready")

    def test_injection_is_escaped_in_the_page(self):
        response = self.post(
            name='<img src=x onerror="alert(1)"> Pertti',
            email="pertti.puutteellinen@kemintesti.fi",
            phone="040 765 4321",
        )
        self.assertNotIn("<img src=x", response.text)
        self.instructor.invalidate_recordset()
        # refused as a name (digits), nothing written
        self.assertEqual(self.instructor.name, "Pertti Puutteellinen")
        response = self.post(
            name="<b>Pertti</b> Puutteellinen", email="pertti.puutteellinen@kemintesti.fi", phone="040 765 4321"
        )
        self.assertNotIn("<b>Pertti</b>", response.text)
        self.assertIn("&lt;b&gt;Pertti&lt;/b&gt;", response.text)

    def test_rate_limit_per_token(self):
        self.env["ir.config_parameter"].set_param("redu_feedback_portal.rate_max_per_token", "2")
        for _attempt in range(2):
            self.assertEqual(self.post(name="Pertti Puutteellinen", phone="016 123 456").status_code, 200)
        response = self.post(
            name="Pertti Puutteellinen", email="pertti.puutteellinen@kemintesti.fi", phone="040 765 4321"
        )
        self.assertEqual(response.status_code, 429)
        self.instructor.invalidate_recordset()
        self.assertEqual(self.instructor.phone, "016 123 456")

    def test_rate_limit_per_ip_counts_wrong_tokens_too(self):
        self.env["ir.config_parameter"].set_param("redu_feedback_portal.rate_max_per_ip", "2")
        token = self.csrf_token()
        for guess in ("guess-1", "guess-2"):
            response = self.url_open(
                f"/feedback/instructor/{self.confirmation.id}/{guess}", data={"csrf_token": token, "action": "confirm"}
            )
            self.assertEqual(response.status_code, 404)
        response = self.url_open(self.url, data={"csrf_token": token, "action": "confirm"})
        self.assertEqual(response.status_code, 429)
        self.assertFalse(self.instructor.contact_confirmed_date)

    def test_posts_are_counted_by_the_one_limiter_without_clear_keys(self):
        self.post(name="Pertti Puutteellinen", phone="016 123 456")
        counters = self.env["redu.rate.limit"].search([("scope", "in", ("portal_token", "portal_ip"))])
        self.assertEqual(sorted(counters.mapped("scope")), ["portal_ip", "portal_token"])
        self.assertEqual(counters.mapped("count"), [1, 1])
        for counter in counters:
            self.assertNotIn(self.confirmation.access_token, counter.key_hash)
            self.assertNotIn("127.0.0.1", counter.key_hash)
