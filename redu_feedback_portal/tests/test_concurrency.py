# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Issue #28: two simultaneous answers on one personal link (a double click) apply once; 10, 50
and 100 simultaneous posts on it from one address are accepted at most the limit's number of
times and log one confirmation.

Real concurrency: cursors of their own (as the requests of several workers), each in REPEATABLE
READ, retried on a serialisation failure as Odoo retries a request; the posts' counters in
transactions of their own, committed, as in production. The demo confirmation they answer and
the counters are restored at the end.
"""

import queue
import threading
import time
from unittest.mock import patch

from psycopg2.errors import SerializationFailure

from odoo.modules import module
from odoo.tests import TransactionCase, tagged
from odoo.tools import SQL

from odoo.addons.redu_base.models.redu_rate_limit import _hash_key
from odoo.addons.redu_base.tests.test_rate_limit import MAX_CONNECTIONS, run_simultaneously

CONFIRMED_BODY = "%confirmed by the instructor%"


class ConfirmationRestoreCase(TransactionCase):
    """The demo confirmation (committed), restored as it was after each answer the test commits."""

    def setUp(self):
        super().setUp()
        self.confirmation = self.env.ref("redu_feedback_portal.demo_confirmation_office")
        self.assertEqual(self.confirmation.state, "requested")
        self.partner_confirmed = self.confirmation.partner_id.contact_confirmed_date
        self.env.cr.execute(SQL("SELECT max(id) FROM mail_message"))
        self.last_message = self.env.cr.fetchone()[0] or 0
        self.env.cr.execute(SQL("SELECT max(id) FROM mail_activity"))
        self.last_activity = self.env.cr.fetchone()[0] or 0
        self.addCleanup(self.restore)

    def restore(self):
        with self.registry.cursor() as cr:
            cr.execute(SQL("DELETE FROM mail_message WHERE id > %s", self.last_message))
            cr.execute(SQL("DELETE FROM mail_activity WHERE id > %s", self.last_activity))
            cr.execute(
                SQL(
                    "UPDATE redu_instructor_confirmation SET state = 'requested', answer_date = NULL WHERE id = %s",
                    self.confirmation.id,
                )
            )
            cr.execute(
                SQL(
                    "UPDATE res_partner SET contact_confirmed_date = %s WHERE id = %s",
                    self.partner_confirmed or None,
                    self.confirmation.partner_id.id,
                )
            )

    def confirmations_logged(self):
        with self.registry.cursor() as cr:
            cr.execute(
                SQL(
                    """SELECT count(*) FROM mail_message
                       WHERE model = 'redu.instructor.confirmation' AND res_id = %s AND id > %s
                         AND body LIKE %s""",
                    self.confirmation.id,
                    self.last_message,
                    CONFIRMED_BODY,
                )
            )
            return cr.fetchone()[0]

    def answer_committed(self, env, confirmation_id, token):
        """What a post's request does with the link, in ``env``'s cursor: the answer, committed,
        retried on a serialisation failure as Odoo retries a request."""
        cr = env.cr
        for _try in range(5):
            try:
                record = env["redu.instructor.confirmation"]._from_link(confirmation_id, token)
                record._portal_answer()
                time.sleep(0.2)  # the request goes on: every transaction is open at once
                # a cursor of its own, as a request's: what it commits is restored at the end
                cr.commit()  # pylint: disable=invalid-commit
                return True
            except SerializationFailure:
                cr.rollback()
        raise AssertionError("not saved after five tries")


@tagged("post_install", "-at_install")
class TestAnswerConcurrency(ConfirmationRestoreCase):
    def test_two_simultaneous_confirmations_apply_once(self):
        confirmation = self.confirmation
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
        self.assertEqual(self.confirmations_logged(), 1, "one answer logged")
        with self.registry.cursor() as cr:
            cr.execute(SQL("SELECT state FROM redu_instructor_confirmation WHERE id = %s", confirmation.id))
            self.assertEqual(cr.fetchone()[0], "confirmed")


@tagged("post_install", "-at_install")
class TestPostsConcurrency(ConfirmationRestoreCase):
    """N simultaneous posts of "confirm" on one personal link from one address (a bot, or a
    double-clicking browser): each counted by the controller's limiter (``_redu_count_post``, in a
    transaction of its own), the accepted ones answering in a request transaction of their own."""

    LIMITS = {
        "redu_feedback_portal.rate_window_minutes": 10,
        "redu_feedback_portal.rate_max_per_token": 3,
        "redu_feedback_portal.rate_max_per_ip": 30,
    }

    def _delete_counters(self, keys):
        with self.registry.cursor() as cr:
            cr.execute(
                SQL(
                    "DELETE FROM redu_rate_limit WHERE scope IN ('portal_token', 'portal_ip') AND key_hash IN %s",
                    tuple(_hash_key(key) for key in keys),
                )
            )

    def _simultaneous_posts(self, count, address):
        confirmation, token = self.confirmation, self.confirmation.access_token
        self._delete_counters([f"{confirmation.id}/{token}", address])
        self.addCleanup(self._delete_counters, [f"{confirmation.id}/{token}", address])
        limit = self.LIMITS["redu_feedback_portal.rate_max_per_token"]
        # the request cursors of the accepted posts, made here (a thread may not wait for the
        # registry's lock); a post accepted past the limit finds none left. The teacher's
        # notification queued, not sent after the commit (in the thread, outside the test mode)
        request_envs = queue.SimpleQueue()
        for _i in range(limit):
            env = self.env(cr=self.registry.cursor(), su=True, context={"mail_notify_force_send": False})
            self.addCleanup(env.cr.close)
            request_envs.put(env)
        connections = threading.BoundedSemaphore(MAX_CONNECTIONS)
        Confirmation = self.env["redu.instructor.confirmation"]

        def post(_index):
            with connections:
                allowed = Confirmation._redu_count_post(confirmation.id, token, address)
            if not allowed:
                return 429
            try:
                env = request_envs.get_nowait()
            except queue.Empty:
                return "accepted past the limit"
            return 200 if self.answer_committed(env, confirmation.id, token) else None

        Limiter = type(self.env["redu.rate.limit"])
        with (
            patch.object(module, "current_test", False),
            patch.object(Limiter, "_redu_int_param", lambda _self, name, default: self.LIMITS[name]),
        ):
            return run_simultaneously(count, post)

    def test_10_50_100_simultaneous_posts_from_one_address(self):
        limit = self.LIMITS["redu_feedback_portal.rate_max_per_token"]
        for count in (10, 50, 100):
            with self.subTest(count=count):
                self.restore()
                statuses = self._simultaneous_posts(count, f"203.0.113.{count}")
                self.assertEqual(statuses.count(200), limit, "the limit's number accepted, no more")
                self.assertEqual(statuses.count(429), count - limit, "every other post refused")
                self.assertEqual(self.confirmations_logged(), 1, "one confirmation logged")
                with self.registry.cursor() as cr:
                    cr.execute(
                        SQL("SELECT state FROM redu_instructor_confirmation WHERE id = %s", self.confirmation.id)
                    )
                    self.assertEqual(cr.fetchone()[0], "confirmed")
