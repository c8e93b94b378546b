# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "REDU Workplace-learning Places and the Instructor Training",
    "summary": "A place whose workplace instructor's training is valid ranks higher",
    "version": "19.0.1.0.0",
    "category": "Sales/CRM",
    "website": "https://www.redu.fi",
    "author": "REDU",
    "license": "LGPL-3",
    "depends": ["redu_workplace_places", "redu_instructor_training"],
    "data": [
        "views/redu_place_match_views.xml",
    ],
    # the glue of the places and the instructor training: installed when both are
    "auto_install": True,
}
