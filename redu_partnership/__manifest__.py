# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "REDU Working-life Partnership",
    "summary": "Partnership levels A-D, cooperation types and customer management of working-life partners",
    "version": "19.0.1.0.2",
    "category": "Sales/CRM",
    "website": "https://www.redu.fi",
    "author": "REDU",
    "license": "LGPL-3",
    "depends": ["redu_base", "redu_background", "contacts"],
    "external_dependencies": {"python": ["python-stdnum"]},
    "data": [
        "security/redu_partnership_security.xml",
        "security/ir.model.access.csv",
        "data/redu_partnership_level_data.xml",
        "data/redu_cooperation_form_data.xml",
        "data/redu_contact_role_data.xml",
        "data/mail_activity_type_data.xml",
        "data/ir_cron_data.xml",
        "views/redu_partnership_level_views.xml",
        "views/redu_cooperation_form_views.xml",
        "views/redu_contact_role_views.xml",
        "views/redu_partnership_level_history_views.xml",
        "views/res_partner_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/res_company_demo.xml",
        "demo/res_partner_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "redu_partnership/static/tests/tours/*.js",
        ],
    },
}
