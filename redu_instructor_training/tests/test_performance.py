# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from .common import TrainingCase


@tagged("post_install", "-at_install")
class TestQueriesDoNotGrowWithTheSessions(TrainingCase):
    """The instructor's training page reads the sessions in batches: no query per session."""

    def _page_queries(self):
        """The queries of what the page reads, from a cold cache."""
        partner = self.landline_instructor
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        sessions = self.Event._redu_open_sessions(self.lapland)
        rows = [
            (s.name, s.date_begin, s.address_id.name, s.redu_region_id.name, s.event_registrations_open)
            for s in sessions
        ]
        registered = partner.redu_training_registration_ids.filtered(lambda r: r.state in ("open", "done")).event_id
        self.assertTrue(rows)
        self.assertFalse(registered)
        return self.env.cr.sql_log_count - before, len(sessions)

    def test_the_page_reads_the_sessions_in_batches(self):
        # warm the registry's caches (ir.rule domains, the session store) once
        self._page_queries()
        queries, count = self._page_queries()
        for days in range(30, 36):
            self._session(f"Lisäkoulutus {days}", days=days, venue=self.venue_uusimaa)
        more_queries, more_count = self._page_queries()
        self.assertEqual(more_count, count + 6)
        self.assertEqual(more_queries, queries)
