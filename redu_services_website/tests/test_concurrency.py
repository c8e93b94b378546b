# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Issue #28: a double-clicked inquiry, sent twice at the same moment, opens one process; ten
inquiries sent at the same moment from one address open at most the limit's number.

Real concurrency: two cursors of their own (as two requests of two workers), each in REPEATABLE
READ, retried on a serialisation failure as Odoo retries a request. What they commit (on the
demo service) is deleted at the end.
"""

import threading
import time
import uuid
from unittest.mock import patch

from psycopg2.errors import SerializationFailure

from odoo.modules import module
from odoo.tests import TransactionCase, tagged
from odoo.tools import SQL

from odoo.addons.redu_base.tests.test_rate_limit import run_simultaneously


@tagged("post_install", "-at_install")
class TestInquiryConcurrency(TransactionCase):
    def setUp(self):
        super().setUp()
        self.organisation = f"Tuplaklikki {uuid.uuid4().hex[:8]} Oy"
        self.addCleanup(self._delete_committed)

    def _delete_committed(self):
        with self.registry.cursor() as cr:
            env = self.env(cr=cr, su=True)
            partners = env["res.partner"].with_context(active_test=False).search([("name", "=", self.organisation)])
            partners |= partners.child_ids
            env["redu.service.process"].search([("partner_id", "in", partners.ids)]).unlink()
            partners.unlink()
            cr.execute(SQL("DELETE FROM redu_rate_limit WHERE scope IN ('inquiry_ip', 'inquiry_duplicate')"))

    def _post(self, message):
        return {
            "organisation": self.organisation,
            "contact_name": "Tiina Tuplaklikki",
            "email": "tiina@tuplaklikki.example",
            "municipality": "Rovaniemi",
            "message": message,
            "consent": "1",
        }

    def _processes(self):
        with self.registry.cursor() as cr:
            cr.execute(
                SQL(
                    """SELECT count(*) FROM redu_service_process process
                       JOIN res_partner partner ON partner.id = process.partner_id WHERE partner.name = %s""",
                    self.organisation,
                )
            )
            return cr.fetchone()[0]

    def test_ten_simultaneous_inquiries_from_one_address_open_at_most_the_limit(self):
        """As in production, the address's counter in a transaction of its own (committed)."""
        service = self.env.ref("redu_services.service_staff_training_edu")  # demo data: committed
        # the acknowledgements queued, not sent after the commit (in the thread, outside the test mode)
        envs = [
            self.env(cr=self.registry.cursor(), su=True, context={"mail_notify_force_send": False}) for _i in range(10)
        ]
        for env in envs:
            self.addCleanup(env.cr.close)
        started = threading.Barrier(10)

        def submit(index):
            cr = envs[index].cr
            cr.execute(SQL("SELECT 1"))
            started.wait(timeout=30)
            for _try in range(5):
                try:
                    result = envs[index]["redu.service.web.inquiry"]._redu_submit(
                        self._post(f"Inquiry number {index}."), service_ids=[str(service.id)], ip="198.51.100.99"
                    )
                    time.sleep(0.2)  # every transaction is open at once
                    # a cursor of its own, as a request's: what it commits is deleted at the end
                    cr.commit()  # pylint: disable=invalid-commit
                    return result["status"]
                except SerializationFailure:
                    cr.rollback()
            raise AssertionError("not saved after five tries")

        with patch.object(module, "current_test", False):
            statuses = run_simultaneously(10, submit)
        self.assertLessEqual(statuses.count("ok"), 5)
        self.assertEqual(statuses.count("ok") + statuses.count("limited"), 10)
        self.assertEqual(self._processes(), statuses.count("ok"))
        self.assertGreaterEqual(self._processes(), 1)

    def test_two_simultaneous_identical_inquiries_open_one_process(self):
        service = self.env.ref("redu_services.service_staff_training_edu")  # demo data: committed
        self.assertTrue(service.is_published)
        post = self._post("Koulutusta kymmenelle.")
        # the environments are made here: a thread may not wait for the registry's lock
        envs = [self.env(cr=self.registry.cursor(), su=True) for _i in range(2)]
        for env in envs:
            self.addCleanup(env.cr.close)
        started = threading.Barrier(2)

        def submit(index):
            cr = envs[index].cr
            cr.execute(SQL("SELECT 1"))  # the snapshot of the request is taken early
            started.wait(timeout=30)
            for _try in range(5):
                try:
                    # two addresses: under test the address's counter is in the request's transaction
                    # (in production in one of its own), where it would serialise the two first
                    result = envs[index]["redu.service.web.inquiry"]._redu_submit(
                        dict(post), service_ids=[str(service.id)], ip=f"198.51.100.{index + 7}"
                    )
                    time.sleep(0.2)  # both transactions are open at once
                    # a cursor of its own, as a request's: what it commits is deleted at the end
                    cr.commit()  # pylint: disable=invalid-commit
                    return result["status"]
                except SerializationFailure:
                    cr.rollback()
            raise AssertionError("not saved after five tries")

        statuses = run_simultaneously(2, submit)
        self.assertEqual(sorted(statuses), ["duplicate", "ok"])
        self.assertEqual(self._processes(), 1)
