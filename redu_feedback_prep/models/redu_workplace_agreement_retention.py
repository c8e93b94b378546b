# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta

from odoo import api, models

from odoo.addons.redu_base.tools.dates import redu_today


class ReduWorkplaceAgreement(models.Model):
    """Data retention: the student's name and ID are cleared once the retention period is over."""

    _inherit = "redu.workplace.agreement"

    @api.model
    def _get_retention_years(self):
        value = self.env["ir.config_parameter"].sudo().get_param("redu_feedback_prep.retention_years", "3")
        try:
            # at most a century: a larger value would take the limit date before year 1
            return min(max(int(value), 0), 100)
        except ValueError:
            return 3

    @api.model
    def _cron_anonymise_students(self):
        """Clear the student's name and ID once the retention period after the end date is over.

        The verdict of the agreement stays the one the national system gave the period: removing the
        student ID from an ended period years later (it no longer joins the student's HOKS) changes
        nothing that happened, so the agreements are not revalidated.
        """
        limit = redu_today(self) - relativedelta(years=self._get_retention_years())
        # sudo: the retention applies to every agreement of every entity, whoever runs the cron
        agreements = (
            self.sudo()
            .with_context(active_test=False)
            .search(
                [
                    ("end_date", "<", limit),
                    ("student_anonymised", "=", False),
                ]
            )
        )
        with agreements._validation_batch(validate=False) as batched:
            batched.write(
                {
                    "student_name": False,
                    "student_ref": False,
                    "student_anonymised": True,
                }
            )
        return agreements
