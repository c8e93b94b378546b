# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The one rate limiter of the public routes, and the reservations of what a request may do once.

One counter row per (scope, hashed key), updated in place by a single
``INSERT ... ON CONFLICT DO UPDATE ... RETURNING count``: PostgreSQL takes the row lock of the
key for the statement, so simultaneous requests are counted one after another and each sees the
count of all the others, without a table lock and without a count-then-create race.

Counting runs in a short transaction of its own, in READ COMMITTED, committed at once:

* in Odoo's REPEATABLE READ a concurrent update of the same row would fail the request with a
  serialisation error (retried up to five times, then an error page) instead of waiting for it;
  READ COMMITTED re-reads the newest row version and adds one to it;
* the row lock is held for the statement only, not for the whole request;
* an attempt counts even when the request fails later or is retried.

A reservation (``_redu_reserve``) is the opposite: it lives in the request's transaction, with
what it reserves (e.g. the processes of an inquiry), so that a rolled-back request reserves
nothing. Two simultaneous reservations of the same key meet on the unique index: the second
waits for the first, then sees its row (or fails with a serialisation error when the first
committed after its snapshot; Odoo retries the request, which then sees the row).
"""

import hashlib
from contextlib import contextmanager
from datetime import timedelta

from odoo import api, fields, models
from odoo.modules import module
from odoo.tools import SQL

# a limit or window from a setting is kept within these bounds (a huge window would overflow)
MAX_SETTING = 1_000_000


def _hash_key(key):
    """The stored form of a key: no address or token is kept in clear."""
    return hashlib.sha256(str(key).encode()).hexdigest()[:32]


class ReduRateLimit(models.Model):
    _name = "redu.rate.limit"
    _description = "Rate limit counter of the public pages"
    _log_access = False
    _order = "window_end desc"

    scope = fields.Char(required=True, readonly=True)
    key_hash = fields.Char(required=True, readonly=True)
    window_start = fields.Datetime(required=True, readonly=True)
    window_end = fields.Datetime(required=True, readonly=True, index=True)
    count = fields.Integer(required=True, readonly=True)

    _scope_key_uniq = models.Constraint("UNIQUE(scope, key_hash)", "One counter per scope and key.")

    # ------------------------------------------------------------------ settings
    @api.model
    def _redu_int_param(self, name, default):
        """An integer setting (``ir.config_parameter``) between 1 and a million, else its default."""
        # sudo: the public routes read their limits, which are settings of the administrator
        value = self.env["ir.config_parameter"].sudo().get_param(name, default)
        try:
            return min(max(int(value), 1), MAX_SETTING)
        except (TypeError, ValueError):
            return default

    @api.model
    def _redu_client_key(self):
        """The key of the client of the current request: its address (as the proxy reports it
        when Odoo runs with ``proxy_mode``). Never taken from what the client sends in the form."""
        from odoo.http import request  # noqa: PLC0415 - only within a request

        return (request and request.httprequest.remote_addr) or "unknown"

    # ------------------------------------------------------------------ counting
    @contextmanager
    def _redu_counter_cursor(self):
        """A cursor of its own, READ COMMITTED, committed when the block ends.

        Under test the counter stays in the test's transaction instead (rolled back at the end of
        the test; a committed counter would outlive it)."""
        if module.current_test:
            yield self.env.cr
            return
        with self.env.registry.cursor() as cr:
            cr.execute(SQL("SET TRANSACTION ISOLATION LEVEL READ COMMITTED"))
            yield cr

    @api.model
    def _redu_hit(self, checks, window_minutes):
        """Count one attempt on each key; True when every count is within its limit.

        :param checks: [(scope, key, limit)]: the key in clear (hashed here), the limit of the
            scope; the attempt counts on every key, allowed or not
        :param int window_minutes: the length of a window, from its first attempt
        """
        with self._redu_counter_cursor() as cr:
            counts = self._redu_hit_in(cr, [(scope, key) for scope, key, _limit in checks], window_minutes)
        return all(counts[scope, _hash_key(key)] <= limit for scope, key, limit in checks)

    @api.model
    def _redu_hit_in(self, cr, keys, window_minutes):
        """Add one to the counters of ``keys`` in ``cr``: {(scope, key_hash): count}.

        A counter whose window has ended starts a new window at one. The rows are locked in the
        order of their keys, so two requests counting the same keys cannot deadlock."""
        now = fields.Datetime.now()
        end = now + timedelta(minutes=min(max(int(window_minutes), 1), MAX_SETTING))
        rows = sorted({(scope, _hash_key(key)) for scope, key in keys})
        cr.execute(
            SQL(
                """
                INSERT INTO redu_rate_limit AS counter (scope, key_hash, window_start, window_end, count)
                VALUES %s
                ON CONFLICT (scope, key_hash) DO UPDATE SET
                    count = CASE WHEN counter.window_end > %s THEN counter.count + 1 ELSE 1 END,
                    window_start = CASE WHEN counter.window_end > %s
                        THEN counter.window_start ELSE EXCLUDED.window_start END,
                    window_end = CASE WHEN counter.window_end > %s
                        THEN counter.window_end ELSE EXCLUDED.window_end END
                RETURNING scope, key_hash, count
                """,
                SQL(", ").join(SQL("(%s, %s, %s, %s, 1)", scope, key_hash, now, end) for scope, key_hash in rows),
                now,
                now,
                now,
            ),
            # raised to the caller; under test (REPEATABLE READ) a concurrency error is expected
            log_exceptions=False,
        )
        return {(scope, key_hash): count for scope, key_hash, count in cr.fetchall()}

    # ------------------------------------------------------------------ reservations
    @api.model
    def _redu_reserve(self, scope, key, window_minutes):
        """Reserve ``key`` for the window, in the current transaction: False when it is already
        reserved (by a committed request, or by a simultaneous one that then commits)."""
        self.env.flush_all()
        now = fields.Datetime.now()
        end = now + timedelta(minutes=min(max(int(window_minutes), 1), MAX_SETTING))
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO redu_rate_limit AS counter (scope, key_hash, window_start, window_end, count)
                VALUES (%s, %s, %s, %s, 1)
                ON CONFLICT (scope, key_hash) DO UPDATE SET
                    window_start = EXCLUDED.window_start, window_end = EXCLUDED.window_end, count = 1
                WHERE counter.window_end <= %s
                RETURNING id
                """,
                scope,
                _hash_key(key),
                now,
                end,
                now,
            ),
            # a serialisation failure is expected (and retried by Odoo), not a bad query
            log_exceptions=False,
        )
        return bool(self.env.cr.fetchall())

    # ------------------------------------------------------------------ cleaning
    @api.autovacuum
    def _gc_ended_windows(self):
        """Daily: drop the counters and reservations whose window has ended."""
        self.env.cr.execute(SQL("DELETE FROM redu_rate_limit WHERE window_end < %s", fields.Datetime.now()))
