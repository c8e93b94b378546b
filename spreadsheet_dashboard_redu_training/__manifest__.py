# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "REDU Dashboard of the Instructor Training",
    "summary": "Share of active workplace instructors with valid training per entity and year, fill rate of the "
    "training sessions",
    "version": "19.0.1.1.0",
    "category": "Productivity/Dashboard",
    "website": "https://www.redu.fi",
    "author": "REDU",
    "license": "LGPL-3",
    "depends": ["spreadsheet_dashboard_redu", "redu_instructor_training"],
    "data": [
        "data/dashboards.xml",
    ],
    # as spreadsheet_dashboard_sale_timesheet: installed when both of its dependencies are
    "auto_install": True,
}
