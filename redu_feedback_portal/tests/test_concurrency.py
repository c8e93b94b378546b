# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Issue #28: two simultaneous answers on one personal link (a double click) apply once.

Real concurrency: two cursors of their own (as two requests of two workers), each in REPEATABLE
READ, retried on a serialisation failure as Odoo retries a request. The demo confirmation they
answer is restored at the end.
"""

import threading
import time

from psycopg2.errors import SerializationFailure

from odoo.tests import TransactionCase, tagged
from odoo.tools import SQL

from odoo.addons.redu_base.tests.test_rate_limit import run_simultaneously


@tagged("post_install", "-at_install")
class TestAnswerConcurrency(TransactionCase):
    def test_two_simultaneous_confirmations_apply_once(self):
        confirmation = self.env.ref("redu_feedback_portal.demo_confirmation_office")  # demo data: committed
        self.assertEqual(confirmation.state, "requested")
        partner = confirmation.partner_id
        self.env.cr.execute(SQL("SELECT max(id) FROM mail_message"))
        last_message = self.env.cr.fetchone()[0] or 0
        self.env.cr.execute(SQL("SELECT max(id) FROM mail_activity"))
        last_activity = self.env.cr.fetchone()[0] or 0

        def restore():
            with self.registry.cursor() as cr:
                cr.execute(SQL("DELETE FROM mail_message WHERE id > %s", last_message))
                cr.execute(SQL("DELETE FROM mail_activity WHERE id > %s", last_activity))
                cr.execute(
                    SQL(
                        "UPDATE redu_instructor_confirmation SET state = 'requested', answer_date = NULL WHERE id = %s",
                        confirmation.id,
                    )
                )
                cr.execute(
                    SQL(
                        "UPDATE res_partner SET contact_confirmed_date = %s WHERE id = %s",
                        partner.contact_confirmed_date or None,
                        partner.id,
                    )
                )

        self.addCleanup(restore)
        # the environments are made here: a thread may not wait for the registry's lock
        envs = [self.env(cr=self.registry.cursor(), su=True) for _i in range(2)]
        for env in envs:
            self.addCleanup(env.cr.close)
        started = threading.Barrier(2)

        def answer(index):
            cr = envs[index].cr
            record = confirmation.with_env(envs[index])
            record.read(["state"])  # the request reads the link first, as the page does
            started.wait(timeout=30)
            for _try in range(5):
                try:
                    record._portal_answer()
                    time.sleep(0.2)  # both transactions are open at once
                    # a cursor of its own, as a request's: what it commits is deleted at the end
                    cr.commit()  # pylint: disable=invalid-commit
                    return True
                except SerializationFailure:
                    cr.rollback()
            raise AssertionError("not saved after five tries")

        run_simultaneously(2, answer)
        with self.registry.cursor() as cr:
            cr.execute(
                SQL(
                    """SELECT count(*) FROM mail_message
                       WHERE model = 'redu.instructor.confirmation' AND res_id = %s AND id > %s
                         AND body LIKE %s""",
                    confirmation.id,
                    last_message,
                    "%confirmed by the instructor%",
                )
            )
            self.assertEqual(cr.fetchone()[0], 1, "one answer logged")
            cr.execute(SQL("SELECT state FROM redu_instructor_confirmation WHERE id = %s", confirmation.id))
            self.assertEqual(cr.fetchone()[0], "confirmed")
