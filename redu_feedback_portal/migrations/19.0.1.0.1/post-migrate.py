# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The confirmation request's template is noupdate data again (see pre-migrate)."""

TEMPLATE = "mail_template_confirmation_request"


def migrate(cr, version):
    cr.execute(
        "UPDATE ir_model_data SET noupdate = true WHERE module = 'redu_feedback_portal' AND name = %s",
        [TEMPLATE],
    )
