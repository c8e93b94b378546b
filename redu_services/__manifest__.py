# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "REDU Services to Working Life",
    "summary": "Service catalogue, service processes with stage gates and checklists, revenue per service",
    "version": "19.0.1.2.0",
    "category": "Sales/CRM",
    "website": "https://www.redu.fi",
    "author": "REDU",
    "license": "LGPL-3",
    "depends": ["redu_base", "redu_partnership", "sale_management", "account"],
    "data": [
        "security/redu_services_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "data/redu_service_category_data.xml",
        "data/redu_contact_role_data.xml",
        "data/mail_activity_type_data.xml",
        "data/redu_service_stage_gate_data.xml",
        "data/redu_service_stage_data.xml",
        "data/redu_service_checklist_template_data.xml",
        "views/redu_service_process_views.xml",
        "views/redu_service_views.xml",
        "views/redu_service_category_views.xml",
        "views/redu_contact_role_views.xml",
        "views/redu_service_stage_views.xml",
        "views/redu_service_checklist_template_views.xml",
        "report/redu_service_revenue_report_views.xml",
        "views/res_partner_views.xml",
        "views/sale_order_views.xml",
        "views/account_move_views.xml",
        "views/res_config_settings_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/redu_services_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "redu_services/static/tests/tours/*.js",
        ],
    },
    "application": True,
}
