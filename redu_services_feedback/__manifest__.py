# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "REDU Services and Working-life Feedback",
    "summary": "Link the workplace agreements to the service processes; the service users read the agreements",
    "version": "19.0.1.0.0",
    "category": "Sales/CRM",
    "website": "https://www.redu.fi",
    "author": "REDU",
    "license": "LGPL-3",
    "depends": ["redu_services", "redu_feedback_prep"],
    "data": [
        "security/ir.model.access.csv",
        "views/redu_workplace_agreement_views.xml",
    ],
    # as sale_crm: installed with the two addons that it joins
    "auto_install": True,
}
