# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "REDU Background Tasks",
    "summary": "Long operations as background tasks on Odoo's batched scheduled actions, "
    "visible to their user and to the managers of their operation",
    "version": "19.0.1.1.0",
    "category": "Hidden/Tools",
    "website": "https://www.redu.fi",
    "author": "REDU",
    "license": "LGPL-3",
    "depends": ["redu_base", "mail"],
    "data": [
        "security/redu_background_security.xml",
        "security/ir.model.access.csv",
        "data/ir_cron_data.xml",
        "views/redu_background_job_views.xml",
    ],
}
