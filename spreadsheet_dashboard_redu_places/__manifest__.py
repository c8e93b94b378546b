# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "REDU Dashboard of Equal Access to Workplace Learning",
    "summary": "Students placed by the start of their period, the wait, the places offered and used",
    "version": "19.0.1.1.0",
    "category": "Productivity/Dashboard",
    "website": "https://www.redu.fi",
    "author": "REDU",
    "license": "LGPL-3",
    "depends": ["spreadsheet_dashboard_redu", "redu_workplace_places"],
    "data": [
        "data/dashboards.xml",
    ],
    # as spreadsheet_dashboard_redu_portal: installed when both of its dependencies are
    "auto_install": True,
}
