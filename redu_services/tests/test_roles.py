# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import Form, tagged
from odoo.tools.safe_eval import safe_eval

from .common import ReduServicesCommon


@tagged("post_install", "-at_install")
class TestOneRoleModel(ReduServicesCommon):
    """The roles of the services and the roles of the partners' people are one model, told apart by
    their kind (issue #20: core-like models before parallel ones)."""

    def _offered(self, model, fname):
        """The domain of the roles a form offers in the field, as the web client gets it."""
        domain = self.env[model].fields_get([fname], ["domain"])[fname]["domain"]
        return safe_eval(domain) if isinstance(domain, str) else domain

    def test_services_configure_their_roles_in_the_one_role_model(self):
        action = self.env.ref("redu_services.redu_service_role_action")
        self.assertEqual(action.res_model, "redu.contact.role")
        role_model = self.env[action.res_model].with_user(self.manager).with_context(**safe_eval(action.context))
        with Form(role_model) as form:
            form.name = "Mentor"
            form.code = "mentor_services"
        role = form.record
        self.assertEqual(role.kind, "cooperation")
        self.assertIn(role, self.env["redu.contact.role"].search(safe_eval(action.domain)))
        partner_roles = self.env.ref("redu_partnership.redu_contact_role_action")
        self.assertNotIn(role, self.env["redu.contact.role"].search(safe_eval(partner_roles.domain)))

    def test_a_process_member_takes_a_group_role_only(self):
        teacher = self.env.ref("redu_services.service_role_teacher")
        instructor = self.env.ref("redu_partnership.contact_role_workplace_instructor")
        self.assertEqual(teacher.kind, "cooperation")
        self.assertEqual(instructor.kind, "partner")
        offered = self.env["redu.contact.role"].search(self._offered("redu.service.process.member", "role_id"))
        self.assertIn(teacher, offered)
        self.assertNotIn(instructor, offered)
        partner_offered = self.env["redu.contact.role"].search(self._offered("res.partner", "contact_role_ids"))
        self.assertNotIn(teacher, partner_offered)
        self.assertIn(instructor, partner_offered)
