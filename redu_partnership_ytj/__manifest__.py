# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "REDU Partners: Business Register and Duplicates",
    "summary": "One partner per organisation: enrichment from the Finnish business register (YTJ) "
    "by Y-tunnus, industry, duplicate detection and merge",
    "version": "19.0.1.2.0",
    "category": "Sales/CRM",
    "website": "https://www.redu.fi",
    "author": "REDU",
    "license": "LGPL-3",
    "depends": ["redu_base", "redu_background", "redu_partnership"],
    "external_dependencies": {"python": ["requests", "ijson", "python-stdnum"]},
    "data": [
        "security/ir.model.access.csv",
        "data/mail_activity_type_data.xml",
        "data/ir_cron_data.xml",
        "views/res_partner_industry_views.xml",
        "views/res_partner_views.xml",
        "views/redu_partner_duplicate_views.xml",
        "views/res_config_settings_views.xml",
        "wizards/redu_ytj_review_wizard_views.xml",
        "wizards/redu_ytj_import_wizard_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/res_partner_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "redu_partnership_ytj/static/tests/tours/*.js",
        ],
    },
}
