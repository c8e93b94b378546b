# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "REDU Working-life Feedback Answers from Arvo",
    "summary": "The national working-life feedback's answers from Arvo on partners, agreements and entities",
    "version": "19.0.1.0.1",
    "category": "Sales/CRM",
    "website": "https://www.redu.fi",
    "author": "REDU",
    "license": "LGPL-3",
    "depends": ["redu_background", "redu_feedback_prep", "redu_feedback_tpk", "redu_partnership", "mail"],
    "external_dependencies": {"python": ["requests"]},
    "data": [
        "security/ir.model.access.csv",
        "security/redu_feedback_arvo_security.xml",
        "data/mail_activity_type_data.xml",
        "data/ir_cron_data.xml",
        "views/redu_arvo_target_views.xml",
        "views/redu_arvo_answer_views.xml",
        "views/redu_arvo_report_views.xml",
        "views/res_partner_views.xml",
        "views/redu_workplace_agreement_views.xml",
        "views/res_config_settings_views.xml",
        "wizards/redu_arvo_import_wizard_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/redu_feedback_arvo_demo.xml",
    ],
}
