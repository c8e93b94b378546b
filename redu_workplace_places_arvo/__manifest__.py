# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "REDU Workplace-learning Places and the Arvo Feedback",
    "summary": "The employer's working-life feedback from Arvo ranks its workplace-learning places",
    "version": "19.0.1.0.0",
    "category": "Sales/CRM",
    "website": "https://www.redu.fi",
    "author": "REDU",
    "license": "LGPL-3",
    "depends": ["redu_workplace_places", "redu_feedback_arvo"],
    "data": [
        "views/redu_place_match_views.xml",
    ],
    # the glue of the places and the feedback answers: installed when both are
    "auto_install": True,
}
