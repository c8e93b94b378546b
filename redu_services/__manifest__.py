# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "REDU Services to Working Life",
    "summary": "Service catalogue, service processes with stage gates and checklists, revenue per service",
    "version": "19.0.1.0.0",
    "category": "Sales/CRM",
    "website": "https://www.redu.fi",
    "author": "REDU",
    "license": "LGPL-3",
    "depends": ["redu_partnership", "sale_management", "account"],
    "data": [
        "security/ir.model.access.csv",
    ],
    "installable": True,
    "application": False,
}
