# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "REDU Working-life Feedback Preparation",
    "summary": "Workplace agreements and instructor-contact validation for the working-life feedback",
    "version": "19.0.1.0.0",
    "category": "Sales/CRM",
    "website": "https://www.redu.fi",
    "author": "REDU",
    "license": "LGPL-3",
    "depends": ["redu_partnership", "redu_services"],
    "data": [
        "security/ir.model.access.csv",
    ],
    "installable": True,
    "application": False,
}
