# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "REDU Instructor Contact Confirmation",
    "summary": "Workplace instructors confirm and correct their own contact details through a personal link",
    "version": "19.0.1.0.2",
    "category": "Sales/CRM",
    "website": "https://www.redu.fi",
    "author": "REDU",
    "license": "LGPL-3",
    "depends": ["redu_feedback_prep", "portal", "sms"],
    "data": [
        "security/redu_feedback_portal_security.xml",
        "security/ir.model.access.csv",
        "data/mail_template_data.xml",
        "data/mail_activity_type_data.xml",
        "data/ir_cron_data.xml",
        "views/redu_instructor_confirmation_views.xml",
        "views/redu_workplace_agreement_views.xml",
        "views/redu_contact_issue_views.xml",
        "views/res_partner_views.xml",
        "views/res_config_settings_views.xml",
        "views/portal_templates.xml",
        "views/digest_templates.xml",
        "wizards/redu_confirmation_send_wizard_views.xml",
        "report/redu_confirmation_report_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/redu_feedback_portal_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "redu_feedback_portal/static/tests/tours/*.js",
        ],
    },
}
