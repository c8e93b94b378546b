# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import Form, tagged

from .common import ReduServicesCommon


@tagged("post_install", "-at_install")
class TestViews(ReduServicesCommon):
    def _load_action_views(self, user, xmlid):
        action = self.env.ref(xmlid)
        env = self.env(user=user)
        views = [(False, mode) for mode in action.view_mode.split(",")] + [(False, "search")]
        result = env[action.res_model].get_views(views)
        self.assertEqual(set(result["views"]), {mode for __, mode in views})
        return result

    def test_views_load_for_each_group(self):
        for user in (self.user_a, self.manager, self.finance_a):
            self._load_action_views(user, "redu_services.redu_service_process_action")
            self._load_action_views(user, "redu_services.redu_service_action")
        for user in (self.manager, self.finance_a):
            self._load_action_views(user, "redu_services.redu_service_revenue_report_action")

    def test_menus_per_group(self):
        def visible(user):
            menus = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
            return {
                xmlid
                for xmlid in (
                    "redu_services.redu_services_menu_root",
                    "redu_services.redu_service_revenue_report_menu",
                    "redu_services.redu_services_config_menu",
                )
                if self.env.ref(xmlid).id in menus
            }

        self.assertEqual(visible(self.user_a), {"redu_services.redu_services_menu_root"})
        self.assertEqual(
            visible(self.finance_a),
            {"redu_services.redu_services_menu_root", "redu_services.redu_service_revenue_report_menu"},
        )
        self.assertEqual(
            visible(self.manager),
            {
                "redu_services.redu_services_menu_root",
                "redu_services.redu_service_revenue_report_menu",
                "redu_services.redu_services_config_menu",
            },
        )

    def test_process_form_as_back_office_user(self):
        env = self.env(user=self.user_a)
        with Form(env["redu.service.process"]) as form:
            form.partner_id = self.organisation
            form.contact_id = self.contact
            form.service_id = self.service_paid
            form.channel = "phone"
        process = form.record
        self.assertEqual(process.company_id, self.company_a)
        self.assertEqual(len(process.checklist_line_ids), 3)
        with Form(process) as form:
            with form.checklist_line_ids.edit(0) as line:
                line.done = True
            form.stage_id = self.stage_offer
        self.assertEqual(process.stage_id, self.stage_offer)
        self.assertEqual(process.checklist_line_ids[0].done_by, self.user_a)

    def test_partner_form_has_the_smart_buttons_for_finance(self):
        arch = self.env["res.partner"].with_user(self.finance_a).get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertIn("action_view_service_processes", arch)
        self.assertIn("action_view_service_revenue", arch)

    def test_stage_list_shows_the_gates(self):
        arch = (
            self.env["redu.service.stage"].with_user(self.manager).get_views([(False, "list")])["views"]["list"]["arch"]
        )
        self.assertIn('name="gate_ids"', arch)
