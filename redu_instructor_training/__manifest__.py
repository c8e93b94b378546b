# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "REDU Workplace Instructor Training",
    "summary": "Workplace instructor training sessions as Odoo events, the instructors' competence record and "
    "who still needs training",
    "version": "19.0.1.0.0",
    "category": "Marketing/Events",
    "website": "https://www.redu.fi",
    "author": "REDU",
    "license": "LGPL-3",
    "depends": ["redu_feedback_portal", "redu_services", "website_event"],
    "data": [
        "security/redu_instructor_training_security.xml",
        "security/ir.model.access.csv",
        "data/mail_template_data.xml",
        "data/mail_activity_type_data.xml",
        "views/event_event_views.xml",
        "views/res_partner_views.xml",
        "views/redu_workplace_agreement_views.xml",
        "views/res_config_settings_views.xml",
        "views/portal_templates.xml",
        "wizards/redu_training_invite_wizard_views.xml",
        "report/redu_training_competence_report_views.xml",
        "report/redu_training_session_report_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/redu_instructor_training_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "redu_instructor_training/static/tests/tours/*.js",
        ],
    },
}
