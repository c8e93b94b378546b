# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Two teachers confirm the last place at the same moment: exactly one agreement.

Real concurrency: two cursors of their own (two requests of two workers), each retried on a
serialisation failure as Odoo retries a request. Both teachers have read the place (one place left)
before either confirms, as two users looking at the same list. Under Odoo's REPEATABLE READ, and under
READ COMMITTED where no serialisation failure rescues a check of the seats read before: the reservation
itself must be atomic (a read-then-write of ``seats_taken`` passes the first test and fails the second).
The data are committed (the other cursor must see them) and deleted at the end.
"""

import threading
import uuid

from psycopg2.errors import SerializationFailure
from psycopg2.extensions import ISOLATION_LEVEL_READ_COMMITTED

from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged

from odoo.addons.redu_base.tests.test_rate_limit import run_simultaneously

from .common import day


@tagged("post_install", "-at_install")
class TestConfirmConcurrency(TransactionCase):
    def setUp(self):
        super().setUp()
        self.tag = f"Rinnakkain {uuid.uuid4().hex[:8]}"
        with self.registry.cursor() as cr:
            env = self.env(cr=cr, su=True)
            qualification = env["redu.qualification"].create({"name": self.tag, "code": self.tag[-8:]})
            employer = env["res.partner"].create({"name": f"{self.tag} Oy", "is_company": True})
            instructor = env["res.partner"].create(
                {"name": "Ville Viimeinen", "parent_id": employer.id, "email": "ville.viimeinen@example.com"}
            )
            rovaniemi = env.ref("redu_workplace_places.municipality_rovaniemi")
            place = env["redu.workplace.place"].create(
                {
                    "employer_id": employer.id,
                    "municipality_id": rovaniemi.id,
                    "qualification_id": qualification.id,
                    "date_start": day(0),
                    "date_end": day(60),
                    "capacity": 1,
                    "instructor_ids": [(6, 0, instructor.ids)],
                }
            )
            needs = env["redu.placement.need"].create(
                [
                    {
                        "student_ref": f"C{index}",
                        "qualification_id": qualification.id,
                        "municipality_id": rovaniemi.id,
                        "date_start": day(0),
                        "date_end": day(60),
                    }
                    for index in range(2)
                ]
            )
            self.ids = {
                "qualification": qualification.id,
                "employer": employer.id,
                "instructor": instructor.id,
                "place": place.id,
                "needs": needs.ids,
            }
        self.addCleanup(self._delete_committed)

    def _delete_committed(self):
        with self.registry.cursor() as cr:
            env = self.env(cr=cr, su=True)
            needs = env["redu.placement.need"].browse(self.ids["needs"])
            agreements = needs.agreement_id | env["redu.workplace.agreement"].search(
                [("employer_id", "=", self.ids["employer"])]
            )
            needs.unlink()
            agreements.unlink()
            env["redu.workplace.place"].browse(self.ids["place"]).unlink()
            env["res.partner"].browse([self.ids["instructor"], self.ids["employer"]]).unlink()
            env["redu.qualification"].browse(self.ids["qualification"]).unlink()

    def _confirm_at_once(self, isolation_level=None):
        """Both teachers read the place, then confirm it at the same moment: their results."""
        envs = [self.env(cr=self.registry.cursor(), su=True) for _i in range(2)]
        for env in envs:
            self.addCleanup(env.cr.close)
            if isolation_level is not None:
                env.cr.connection.set_isolation_level(isolation_level)
        both_read = threading.Barrier(2)

        def confirm(index):
            env = envs[index]
            for attempt in range(5):
                try:
                    need = env["redu.placement.need"].browse(self.ids["needs"][index])
                    place = env["redu.workplace.place"].browse(self.ids["place"])
                    instructor = env["res.partner"].browse(self.ids["instructor"])
                    if not attempt:
                        # both see one place left before either confirms
                        self.assertEqual(place.capacity_left, 1)
                        both_read.wait(timeout=60)
                    need._redu_confirm_place(place, instructor)
                    env.cr.commit()
                    return "placed"
                except SerializationFailure:
                    # Odoo retries a request that failed to serialise: the retry reads anew
                    env.cr.rollback()
                    env.invalidate_all()
                except UserError:
                    env.cr.rollback()
                    return "refused"
            return "gave up"

        return run_simultaneously(2, confirm)

    def _assert_one_agreement(self, results):
        self.assertEqual(sorted(results), ["placed", "refused"])
        with self.registry.cursor() as cr:
            env = self.env(cr=cr, su=True)
            self.assertEqual(
                env["redu.workplace.agreement"].search_count([("employer_id", "=", self.ids["employer"])]), 1
            )
            self.assertEqual(env["redu.workplace.place"].browse(self.ids["place"]).seats_taken, 1)
            needs = env["redu.placement.need"].browse(self.ids["needs"])
            self.assertEqual(sorted(needs.mapped("state")), ["open", "placed"])

    def test_two_confirmations_of_the_last_place_leave_one_agreement(self):
        self._assert_one_agreement(self._confirm_at_once())

    def test_the_reservation_is_atomic_without_serialisation_failures(self):
        self._assert_one_agreement(self._confirm_at_once(ISOLATION_LEVEL_READ_COMMITTED))
