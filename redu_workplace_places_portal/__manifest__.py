# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "REDU Workplace-learning Places from the Instructor's Link",
    "summary": "Workplace instructors offer places for workplace learning from their personal link, without an account",
    "version": "19.0.1.0.0",
    "category": "Sales/CRM",
    "website": "https://www.redu.fi",
    "author": "REDU",
    "license": "LGPL-3",
    "depends": ["redu_workplace_places", "redu_feedback_portal"],
    "data": [
        "views/portal_templates.xml",
    ],
    # the glue of the places and the instructor's personal link: installed when both are
    "auto_install": True,
}
