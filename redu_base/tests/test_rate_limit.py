# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The one rate limiter: sequential counting, windows, cleaning, and real concurrency.

The concurrent tests open real cursors of their own (committed; what they commit is deleted at
the end): the test transaction cannot show a race, as every request of a test shares it.
"""

import threading
import time
import uuid
from datetime import timedelta
from unittest.mock import patch

from psycopg2.errors import SerializationFailure

from odoo import fields
from odoo.modules import module
from odoo.tests import TransactionCase, tagged
from odoo.tools import SQL

# at most this many of the test's threads hold a database connection at once (the server is shared)
MAX_CONNECTIONS = 20


def run_simultaneously(count, target):
    """Run ``target(index)`` in ``count`` threads released at the same moment; their results."""
    barrier = threading.Barrier(count)
    results, errors = [None] * count, []

    def run(index):
        try:
            barrier.wait(timeout=60)
            results[index] = target(index)
        except Exception as error:  # noqa: BLE001 - reported by the test
            errors.append(error)

    threads = [threading.Thread(target=run, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    if errors:
        raise errors[0]
    return results


@tagged("post_install", "-at_install")
class TestRateLimit(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.limiter = cls.env["redu.rate.limit"]

    def test_counts_up_to_the_limit_per_key_and_scope(self):
        hits = [self.limiter._redu_hit([("test_scope", "10.0.0.1", 3)], 60) for _i in range(5)]
        self.assertEqual(hits, [True, True, True, False, False], "refused attempts count too, and stay refused")
        self.assertTrue(self.limiter._redu_hit([("test_scope", "10.0.0.2", 3)], 60), "another address")
        self.assertTrue(self.limiter._redu_hit([("other_scope", "10.0.0.1", 3)], 60), "another scope")
        # several keys: refused when one of them is over its limit
        self.assertFalse(self.limiter._redu_hit([("other_scope", "10.0.0.4", 3), ("test_scope", "10.0.0.1", 3)], 60))

    def test_keys_are_stored_hashed(self):
        self.limiter._redu_hit([("test_scope", "10.0.0.1", 3)], 60)
        counter = self.limiter.search([("scope", "=", "test_scope")])
        self.assertEqual(len(counter), 1)
        self.assertNotIn("10.0.0.1", counter.key_hash)
        self.assertEqual(len(counter.key_hash), 32)

    def test_a_new_window_starts_after_the_end_and_ended_windows_are_vacuumed(self):
        for _i in range(3):
            self.limiter._redu_hit([("test_scope", "10.0.0.1", 3)], 60)
        self.assertFalse(self.limiter._redu_hit([("test_scope", "10.0.0.1", 3)], 60))
        with patch.object(fields.Datetime, "now", return_value=fields.Datetime.now() + timedelta(minutes=61)):
            self.assertTrue(self.limiter._redu_hit([("test_scope", "10.0.0.1", 3)], 60))
        self.limiter._redu_hit([("test_scope", "10.0.0.2", 3)], 60)
        self.limiter._redu_reserve("test_reserve", "same", 10)
        with patch.object(fields.Datetime, "now", return_value=fields.Datetime.now() + timedelta(minutes=200)):
            self.limiter._gc_ended_windows()
        self.assertFalse(self.limiter.search([("scope", "in", ("test_scope", "test_reserve"))]))

    def test_reservation_once_per_window(self):
        self.assertTrue(self.limiter._redu_reserve("test_reserve", "same", 10))
        self.assertFalse(self.limiter._redu_reserve("test_reserve", "same", 10))
        self.assertTrue(self.limiter._redu_reserve("test_reserve", "other", 10))
        with patch.object(fields.Datetime, "now", return_value=fields.Datetime.now() + timedelta(minutes=11)):
            self.assertTrue(self.limiter._redu_reserve("test_reserve", "same", 10))

    def test_huge_window_is_bounded(self):
        self.assertTrue(self.limiter._redu_hit([("test_scope", "a", 1)], 10**12))
        self.assertTrue(self.limiter._redu_reserve("test_reserve", "a", 10**12))
        self.env["ir.config_parameter"].set_param("redu_base.test_limit", str(10**12))
        self.assertEqual(self.limiter._redu_int_param("redu_base.test_limit", 5), 1_000_000)
        self.env["ir.config_parameter"].set_param("redu_base.test_limit", "many")
        self.assertEqual(self.limiter._redu_int_param("redu_base.test_limit", 5), 5)


@tagged("post_install", "-at_install")
class TestRateLimitConcurrency(TransactionCase):
    """N simultaneous attempts at the limit L from one address: exactly L accepted."""

    def setUp(self):
        super().setUp()
        self.scope = f"test_{uuid.uuid4().hex[:12]}"
        self.addCleanup(self._delete_committed)

    def _delete_committed(self):
        with self.registry.cursor() as cr:
            cr.execute(SQL("DELETE FROM redu_rate_limit WHERE scope = %s", self.scope))

    def _simultaneous_hits(self, count, limit):
        connections = threading.BoundedSemaphore(MAX_CONNECTIONS)
        limiter = self.env["redu.rate.limit"]

        def hit(_index):
            with connections:
                # as in production: the counter in a transaction of its own (not the test's)
                return limiter._redu_hit([(self.scope, "203.0.113.7", limit)], 60)

        with patch.object(module, "current_test", False):
            return run_simultaneously(count, hit)

    def test_10_50_100_simultaneous_attempts_accept_exactly_the_limit(self):
        for count in (10, 50, 100):
            with self.subTest(count=count):
                self._delete_committed()
                results = self._simultaneous_hits(count, 5)
                self.assertEqual(results.count(True), 5)
                self.assertEqual(results.count(False), count - 5)
                with self.registry.cursor() as cr:
                    cr.execute(SQL("SELECT count FROM redu_rate_limit WHERE scope = %s", self.scope))
                    self.assertEqual(cr.fetchall(), [(count,)], "every attempt counted once")

    def test_simultaneous_reservations_reserve_once(self):
        """Two requests reserving the same key at once, each in its own REPEATABLE READ
        transaction as Odoo runs them, retried on a serialisation failure as Odoo does."""
        started = threading.Barrier(2)
        # the environments are made here: a thread may not wait for the registry's lock
        envs = [self.env(cr=self.registry.cursor()) for _i in range(2)]
        for env in envs:
            self.addCleanup(env.cr.close)

        def reserve(index):
            cr = envs[index].cr
            cr.execute(SQL("SELECT 1"))  # the snapshot of the request is taken early
            started.wait(timeout=30)
            for _try in range(5):
                try:
                    reserved = envs[index]["redu.rate.limit"]._redu_reserve(self.scope, "same inquiry", 10)
                    time.sleep(0.2)  # the request goes on: both transactions are open at once
                    # a cursor of its own, as a request's: what it commits is deleted at the end
                    cr.commit()  # pylint: disable=invalid-commit
                    return reserved
                except SerializationFailure:
                    cr.rollback()
            raise AssertionError("not reserved after five tries")

        results = run_simultaneously(2, reserve)
        self.assertEqual(sorted(results), [False, True])
