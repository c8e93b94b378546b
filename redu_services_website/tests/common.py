# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.tests import new_test_user


class WebInquiryCommon:
    """Two group entities, a published service with a responsible user, an intake user."""

    @classmethod
    def _setup_web_inquiry(cls):
        Company = cls.env["res.company"]
        cls.entity_a, cls.entity_b = Company.create(
            [
                {"name": "Web Entity A", "is_redu_group_entity": True, "redu_response_days": 2},
                {"name": "Web Entity B", "is_redu_group_entity": True, "redu_response_days": 3},
            ]
        )
        entities = cls.entity_a + cls.entity_b
        cls.responsible = new_test_user(
            cls.env,
            "redu_web_responsible",
            name="Riitta Vastuullinen",
            email="riitta@redu.example",
            groups="redu_services.group_service_user",
            company_id=cls.entity_a.id,
            company_ids=[Command.set(entities.ids)],
        )
        cls.intake = new_test_user(
            cls.env,
            "redu_web_intake",
            name="Iida Intake",
            email="iida@redu.example",
            groups="redu_services.group_service_user",
            company_id=cls.entity_b.id,
            company_ids=[Command.set(entities.ids)],
        )
        cls.manager = new_test_user(
            cls.env,
            "redu_web_manager",
            name="Mikko Manageri",
            groups="redu_services.group_service_manager",
            company_id=cls.entity_a.id,
            company_ids=[Command.set(entities.ids)],
        )
        cls.entity_a.write({"redu_service_manager_id": cls.manager.id, "email": "info@entity-a.example"})
        cls.entity_b.write({"redu_web_intake_user_id": cls.intake.id, "redu_service_manager_id": cls.manager.id})
        category = cls.env.ref("redu_services.service_category_staff_training")
        cls.service_a, cls.service_b = cls.env["redu.service"].create(
            [
                {
                    "name": "Web staff training",
                    "category_id": category.id,
                    "company_id": cls.entity_a.id,
                    "funding": "public",
                    "responsible_user_id": cls.responsible.id,
                    "typical_duration": "2 days",
                    "is_published": True,
                },
                {
                    "name": "Web coaching",
                    "category_id": category.id,
                    "company_id": cls.entity_b.id,
                    "funding": "public",
                    "is_published": True,
                },
            ]
        )

    def _post(self, **overrides):
        post = {
            "organisation": "Tunturin Testi Oy",
            "business_id": "",
            "contact_name": "Tiina Testaaja",
            "email": "tiina@tunturintesti.fi",
            "phone": "+358 40 123 4567",
            "municipality": "Rovaniemi",
            "message": "We need training for ten people.",
            "consent": "1",
        }
        post.update(overrides)
        return post
