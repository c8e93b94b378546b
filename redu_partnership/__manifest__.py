# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "REDU Working-life Partnership",
    "summary": "Partnership levels A-D, cooperation types and customer management of working-life partners",
    "version": "19.0.1.0.0",
    "category": "Sales/CRM",
    "website": "https://www.redu.fi",
    "author": "REDU",
    "license": "LGPL-3",
    "depends": ["contacts", "mail"],
    "data": [
        "security/ir.model.access.csv",
    ],
    "installable": True,
    "application": False,
}
