# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "REDU Workplace Survey",
    "summary": "The half-yearly workplace survey (työpaikkakysely): bundles, Arvo links, sending, reminders",
    "version": "19.0.1.0.1",
    "category": "Sales/CRM",
    "website": "https://www.redu.fi",
    "author": "REDU",
    "license": "LGPL-3",
    "depends": ["redu_base", "redu_feedback_prep", "mail"],
    "data": [
        "security/redu_feedback_tpk_security.xml",
        "security/ir.model.access.csv",
        "data/redu_contact_role_data.xml",
        "data/mail_template_data.xml",
        "data/ir_cron_data.xml",
        "views/redu_tpk_bundle_views.xml",
        "views/res_partner_views.xml",
        "wizards/redu_tpk_predict_wizard_views.xml",
        "wizards/redu_tpk_import_wizard_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/redu_feedback_tpk_demo.xml",
    ],
    # the example file of Arvo's links, imported by hand (USAGE)
    "oca_data_manual": ["demo/arvo_tpk_links_example.csv"],
    "assets": {
        "web.assets_tests": [
            "redu_feedback_tpk/static/tests/tours/*.js",
        ],
    },
}
