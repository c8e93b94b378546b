# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The confirmation request's template gained a hook (``_request_extra_html``: the training
invitation of redu_instructor_training). The template is noupdate data: let this update reload it
from the data file once, then post-migrate makes it noupdate again."""

TEMPLATE = "mail_template_confirmation_request"


def migrate(cr, version):
    cr.execute(
        "UPDATE ir_model_data SET noupdate = false WHERE module = 'redu_feedback_portal' AND name = %s",
        [TEMPLATE],
    )
