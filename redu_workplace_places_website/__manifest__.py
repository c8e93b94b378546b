# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "REDU Workplace-learning Places on the Website",
    "summary": "Employers offer places for workplace learning from the public website, without an account",
    "version": "19.0.1.0.0",
    "category": "Website",
    "website": "https://www.redu.fi",
    "author": "REDU",
    "license": "LGPL-3",
    "depends": ["redu_workplace_places", "redu_services_website"],
    "data": [
        "views/website_templates.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "redu_workplace_places_website/static/tests/tours/*.js",
        ],
    },
    # the glue of the places and the public website: installed when both are
    "auto_install": True,
}
