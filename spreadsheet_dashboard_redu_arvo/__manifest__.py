# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "REDU Dashboard of the Working-life Feedback Answers",
    "summary": "Predicted and actual reach per entity and year, answer rate and funding-model scores from Arvo",
    "version": "19.0.1.1.0",
    "category": "Productivity/Dashboard",
    "website": "https://www.redu.fi",
    "author": "REDU",
    "license": "LGPL-3",
    "depends": ["spreadsheet_dashboard_redu", "redu_feedback_arvo"],
    "data": [
        "data/dashboards.xml",
    ],
    # as spreadsheet_dashboard_sale_timesheet: installed when both of its dependencies are
    "auto_install": True,
}
