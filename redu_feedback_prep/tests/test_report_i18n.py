# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import new_test_user, tagged

from .common import FeedbackCase


@tagged("post_install", "-at_install")
class TestReportAndFinnish(FeedbackCase):
    def test_pdf_per_teacher_with_fix_hints(self):
        other_teacher = new_test_user(
            self.env,
            login="fb_teacher2",
            name="Olli Opettaja",
            groups="redu_feedback_prep.group_feedback_user",
            company_id=self.company.id,
            company_ids=[self.company.id],
        )
        first = self._agreement(part_time_percent=0)
        second = self._agreement(agreement_type="apprenticeship", teacher_id=other_teacher.id)
        ready = self._agreement(instructor_id=self._instructor().id)
        html, _format = self.env["ir.actions.report"]._render_qweb_html(
            "redu_feedback_prep.redu_workplace_agreement_report_fix_list",
            (first | second | ready).ids,
        )
        html = html.decode()
        self.assertIn("Tiina Opettaja", html)
        self.assertIn("Olli Opettaja", html)
        self.assertLess(html.index("Olli Opettaja"), html.index("Tiina Opettaja"))
        self.assertIn(first.name, html)
        self.assertIn(second.name, html)
        self.assertNotIn(ready.name, html, "ready agreements have nothing to fix")
        self.assertIn("Enter the part-time percentage", html)
        self.assertIn("Choose the basis of the apprenticeship", html)

    def test_finnish(self):
        self.env["res.lang"]._activate_lang("fi_FI")
        self.env["ir.module.module"]._load_module_terms(["redu_feedback_prep"], ["fi_FI"])
        agreement = self._agreement(part_time_percent=0)
        fi = agreement.with_context(lang="fi_FI")
        self.assertEqual(fi._fields["readiness"].get_description(fi.env)["string"], "Valmius")
        issue = fi.issue_ids
        self.assertIn("osa-aika", issue.message.lower())
        self.assertIn("prosent", issue.fix_hint.lower())
        self.assertNotEqual(issue.message, agreement.issue_ids.message)
        self.assertEqual(dict(fi._fields["readiness"]._description_selection(fi.env))["blocked"], "Estetty")
        menu = self.env.ref("redu_feedback_prep.redu_contact_validation_menu").with_context(lang="fi_FI")
        self.assertEqual(menu.name, "Yhteystietojen tarkistus")
