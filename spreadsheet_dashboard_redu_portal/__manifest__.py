# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "REDU Dashboard of the Instructor Confirmations",
    "summary": "Confirmation requests sent to workplace instructors and answered, per entity and teacher",
    "version": "19.0.1.1.0",
    "category": "Productivity/Dashboard",
    "website": "https://www.redu.fi",
    "author": "REDU",
    "license": "LGPL-3",
    "depends": ["spreadsheet_dashboard_redu", "redu_feedback_portal"],
    "data": [
        "data/dashboards.xml",
    ],
    # as spreadsheet_dashboard_sale_timesheet: installed when both of its dependencies are
    "auto_install": True,
}
