# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "REDU Services and Workplace Survey",
    "summary": "The workplace survey goes to the contact person of the account manager's latest service process",
    "version": "19.0.1.0.0",
    "category": "Sales/CRM",
    "website": "https://www.redu.fi",
    "author": "REDU",
    "license": "LGPL-3",
    "depends": ["redu_services", "redu_feedback_tpk"],
    "post_init_hook": "post_init_hook",
    # as sale_crm: installed with the two addons that it joins
    "auto_install": True,
}
