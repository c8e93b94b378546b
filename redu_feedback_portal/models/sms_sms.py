# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class SmsSms(models.Model):
    _inherit = "sms.sms"

    def _send(self, unlink_failed=False, unlink_sent=True, raise_exception=False):
        """Send per company when the queue's batch mixes the group's entities.

        Odoo's queue cron (``_process_queue``) sends one batch of whatever is queued, while ``_send``
        takes the SMS provider of one company (``company.ensure_one()``): the confirmation requests of
        several entities queued together would make every run of the cron fail and no SMS would go.
        """
        if self.env.context.get("sms_api"):
            return super()._send(unlink_failed=unlink_failed, unlink_sent=unlink_sent, raise_exception=raise_exception)
        by_company = self.grouped(lambda sms: sms.mail_message_id.record_company_id)
        if len(by_company) <= 1:
            return super()._send(unlink_failed=unlink_failed, unlink_sent=unlink_sent, raise_exception=raise_exception)
        # an SMS of no company goes with the provider of the current company, as in Odoo
        for batch in by_company.values():
            super(SmsSms, batch)._send(
                unlink_failed=unlink_failed, unlink_sent=unlink_sent, raise_exception=raise_exception
            )
        return None
