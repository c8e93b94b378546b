# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "REDU Working-life Feedback Preparation",
    "summary": "Workplace agreements and instructor-contact validation for the working-life feedback",
    "version": "19.0.1.5.0",
    "category": "Sales/CRM",
    "website": "https://www.redu.fi",
    "author": "REDU",
    "license": "LGPL-3",
    "depends": ["redu_base", "redu_background", "redu_partnership"],
    "external_dependencies": {"python": ["phonenumbers", "python-stdnum", "openpyxl"]},
    "data": [
        "security/redu_feedback_prep_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "data/ir_cron_data.xml",
        "views/redu_workplace_agreement_views.xml",
        "views/redu_contact_issue_views.xml",
        "views/res_config_settings_views.xml",
        "views/res_company_views.xml",
        "wizards/redu_contact_fix_wizard_views.xml",
        "wizards/redu_transfer_export_wizard_views.xml",
        "wizards/redu_agreement_import_wizard_views.xml",
        "report/report_agreement_fix_list.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/redu_feedback_prep_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "redu_feedback_prep/static/tests/tours/*.js",
        ],
    },
    "application": True,
}
