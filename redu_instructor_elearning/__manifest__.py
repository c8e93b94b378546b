# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "REDU Workplace Instructor Support Course",
    "summary": "The workplace instructors' support material as an eLearning course, opened from the personal link "
    "without an account, completion recorded on the instructor",
    "version": "19.0.1.0.0",
    "category": "Website/eLearning",
    "website": "https://www.redu.fi",
    "author": "REDU",
    "license": "LGPL-3",
    "depends": ["redu_instructor_training", "website_slides"],
    "data": [
        "views/slide_channel_views.xml",
        "views/res_partner_views.xml",
        "views/portal_templates.xml",
    ],
    "demo": [
        "demo/redu_instructor_elearning_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "redu_instructor_elearning/static/tests/tours/*.js",
        ],
    },
}
