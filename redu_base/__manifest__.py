# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "REDU Base",
    "summary": "Group entities, fields only the system writes, entity moves checked, business ID and "
    "spreadsheet safety helpers shared by the REDU addons",
    "version": "19.0.1.0.6",
    "category": "Hidden/Tools",
    "website": "https://www.redu.fi",
    "author": "REDU",
    "license": "LGPL-3",
    "depends": ["mail"],
    "external_dependencies": {"python": ["python-stdnum", "openpyxl", "python-calamine"]},
    "data": [
        "security/ir.model.access.csv",
        "views/res_company_views.xml",
    ],
}
