# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "REDU Services on the Website",
    "summary": "Public service catalogue and inquiry form that open routed service processes, "
    "with the first response measured",
    "version": "19.0.1.1.0",
    "category": "Website",
    "website": "https://www.redu.fi",
    "author": "REDU",
    "license": "LGPL-3",
    "depends": ["redu_base", "redu_services", "website"],
    "data": [
        "data/redu_service_category_data.xml",
        "data/mail_activity_type_data.xml",
        "data/mail_template_data.xml",
        "data/ir_cron_data.xml",
        "views/redu_service_views.xml",
        "views/redu_service_process_views.xml",
        "views/res_company_views.xml",
        "views/res_config_settings_views.xml",
        "views/website_templates.xml",
        "data/website_data.xml",
    ],
    "demo": [
        "demo/redu_services_website_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "redu_services_website/static/tests/tours/*.js",
        ],
    },
}
