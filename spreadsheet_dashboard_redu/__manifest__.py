# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "REDU Dashboards of the Development Plan",
    "summary": "Spreadsheet dashboards of the binding goals, critical points and income financing",
    "version": "19.0.1.2.0",
    "category": "Productivity/Dashboard",
    "website": "https://www.redu.fi",
    "author": "REDU",
    "license": "LGPL-3",
    "depends": ["spreadsheet_dashboard", "redu_partnership", "redu_services", "redu_feedback_prep"],
    "data": [
        "data/dashboards.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "spreadsheet_dashboard_redu/static/tests/tours/*.js",
        ],
    },
    # as spreadsheet_dashboard_sale: installed with the addons whose figures it shows
    "auto_install": ["redu_partnership", "redu_services", "redu_feedback_prep"],
}
