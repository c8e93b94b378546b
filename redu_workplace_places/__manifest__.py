# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "REDU Workplace-learning Places",
    "summary": "Places offered by employers matched to the students who need one, confirmed into agreements, "
    "equal access measured",
    "version": "19.0.1.1.0",
    "category": "Sales/CRM",
    "website": "https://www.redu.fi",
    "author": "REDU",
    "license": "LGPL-3",
    "depends": ["redu_feedback_prep", "redu_partnership"],
    "external_dependencies": {"python": ["requests"]},
    "data": [
        "security/redu_workplace_places_security.xml",
        "security/ir.model.access.csv",
        "data/redu_municipality_data.xml",
        "data/ir_sequence_data.xml",
        "views/redu_qualification_views.xml",
        "views/redu_municipality_views.xml",
        "views/redu_workplace_place_views.xml",
        "views/redu_placement_need_views.xml",
        "views/redu_place_match_views.xml",
        "report/redu_place_access_report_views.xml",
        "wizards/redu_qualification_load_wizard_views.xml",
        "wizards/redu_need_import_wizard_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/redu_workplace_places_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "redu_workplace_places/static/tests/tours/*.js",
        ],
    },
}
