# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta
from unittest.mock import patch

from odoo.tests import RecordCapturer, tagged
from odoo.tools import mute_logger

from ..models import redu_workplace_agreement as agreement_module
from ..wizards import redu_agreement_import_wizard as import_module
from .common import BID_A, BID_C, HEADER, FeedbackCase, counting_file_reads

WIZARD_LOGGER = "odoo.addons.redu_feedback_prep.wizards.redu_agreement_import_wizard"
JOB_LOGGER = "odoo.addons.redu_background.models.redu_background_job"


@tagged("post_install", "-at_install")
class TestImportParts(FeedbackCase):
    """A file of more than one batch is imported in parts side by side; the result is the one-worker import's."""

    maxDiff = None

    def _rows(self):
        start = self.today - timedelta(days=30)
        end = self.today + timedelta(days=60)

        def row(ref, employer, business_id, instructor, email, student, kind="training_agreement"):
            return (
                f"{ref};{kind};Opiskelija {ref};{student};{employer};{business_id};;{instructor};{email};0401234567;"
                f"{start};{end};100;;;;"
            )

        return [
            # the existing employer by its name, and again by its business ID under another name, its existing
            # instructor by her email, and again by her name: rows the parts cannot link, whose agreements are one
            # national bundle (judged together when the parts have ended)
            row("P1", "Lapin Testirakennus Oy", "", "M. Mäkelä", "maija.makela@lapintesti.fi", "S-P1"),
            row("P2", "LTR Oy", BID_A, "Maija Mäkelä", "maija.m@lapintesti.fi", "S-P2"),
            # a new employer, one instructor, one student with two periods
            row("P3", "Uusi Testi Oy", BID_C, "Outi Ohjaaja", "outi@uusitesti.fi", "S-P3"),
            row("P4", "Uusi Testi Oy", BID_C, "Outi Ohjaaja", "outi@uusitesti.fi", "S-P3"),
            row("P5", "", "", "", "", "S-P5", kind="harjoittelu"),
            row("P3", "Uusi Testi Oy", BID_C, "Outi Ohjaaja", "outi@uusitesti.fi", "S-P3"),
            # a new employer by its name only, an instructor without an email
            row("P6", "Nimetön Testi Ky", "", "Pekka Puro", "", "S-P6"),
            row("P7", "Nimetön Testi Ky", "", "Pekka Puro", "", "S-P7"),
        ]

    def _queue(self):
        return self._queue_import(self._rows(), "parts.csv")

    def _run_to_the_end(self, job):
        """The long channel's worker, as often as the task needs (its waits for its parts let pass)."""
        for _attempt in range(10):
            if job.state not in ("queued", "running"):
                return
            (job | job.part_ids).sudo().date_next_try = False
            self.env["redu.background.job"]._cron_run_jobs("long")

    def _result(self, job):
        agreements = self.Agreement.search([("source_ref", "in", [f"P{i}" for i in range(1, 8)])], order="source_ref")
        partners = self.Partner.with_context(active_test=False).search(
            [("name", "in", ["Uusi Testi Oy", "Nimetön Testi Ky", "Maija Mäkelä", "Outi Ohjaaja", "Pekka Puro"])]
        )
        return {
            "agreements": [
                (
                    agreement.source_ref,
                    agreement.employer_id.id if agreement.employer_id == self.employer else agreement.employer_id.name,
                    agreement.instructor_id.name,
                    agreement.instructor_id.email,
                    agreement.bundle_key,
                    bool(agreement.last_validated),
                )
                for agreement in agreements
            ],
            "verdicts": list(self.outcome_and_issues(agreements).values()),
            "partners": sorted((p.name, p.email or "", p.parent_id.name or "") for p in partners),
            "counts": job.counts,
            "lines": [(line.ref, line.message) for line in job.line_ids],
            "state": (job.state, job.done, job.total),
        }

    def _imported(self, parts):
        with (
            patch.object(import_module, "IMPORT_BATCH", 2),
            patch.object(import_module, "IMPORT_PARTS", parts),
            mute_logger(WIZARD_LOGGER, JOB_LOGGER),
        ):
            job = self._queue()
            self._run_to_the_end(job)
        return job

    def test_linked_rows_stay_in_one_part_and_the_parts_are_balanced(self):
        wizard = self.env["redu.agreement.import.wizard"].with_user(self.manager)
        rows = [
            (number, dict(zip(HEADER.split(";"), row.split(";"), strict=True)))
            for number, row in enumerate(self._rows(), start=2)
        ]
        # rows 2 (P1) 3 (P2) 4-5 and 7 (P3, P4 and P3 again: one employer, instructor and student) 6 (refused)
        # 8-9 (P6, P7: one employer by its name)
        self.assertEqual(wizard._import_parts(rows, 2), [[3, 4, 5, 7], [2, 6, 8, 9]])
        self.assertEqual(wizard._import_parts(rows, 1), [[2, 3, 4, 5, 6, 7, 8, 9]])
        self.assertEqual(wizard._import_parts([rows[2], rows[3], rows[5]], 2), [[4, 5, 7]], "one employer: one part")

    def test_a_split_import_ends_as_the_one_worker_import(self):
        serial = {}
        try:
            with self.env.cr.savepoint():
                job = self._imported(parts=1)
                self.assertFalse(job.part_ids, "one part: the file is imported as it always was")
                serial = self._result(job)
                raise InterruptedError  # roll the serial import back
        except InterruptedError:
            self.env.invalidate_all()
        self.assertFalse(self.Agreement.search([("source_ref", "=", "P1")]), "rolled back")

        job = self._imported(parts=2)
        part = job.part_ids
        self.assertEqual(len(part), 1)
        self.assertEqual(
            (part.user_id, part.attachment_id, part.channel, part.total, part.state),
            (self.manager, job.attachment_id, "long", 4, "done"),
        )
        self.assertEqual(part.name, f"{job.name}, part 2 of 2")
        split = self._result(job)
        self.assertEqual(split, serial)
        self.assertEqual(split["state"], ("done", 8, 8))
        self.assertEqual(split["counts"], {"created": 6, "updated": 0, "unchanged": 0, "errors": 2})
        self.assertEqual(
            [ref for ref, _message in split["lines"]], ["Row 6 (P5)", "Row 7 (P3)"], "the part's rows in row order"
        )
        self.assertTrue(all(validated for *_values, validated in split["agreements"]), "every agreement validated")
        # the rows of two parts that reach one employer and one instructor are one bundle, judged together
        bundles = {values[0]: values[4] for values in split["agreements"]}
        self.assertEqual(bundles["P1"], bundles["P2"])
        p1 = self.Agreement.search([("source_ref", "=", "P1")])
        self.assertEqual((p1.employer_id, p1.instructor_id), (self.employer, self.instructor))
        self.assertFalse(part.message_ids.filtered("partner_ids"), "a part tells nobody")
        self.assertTrue(job.message_ids.filtered(lambda m: self.manager.partner_id in m.partner_ids))

    def test_the_task_waits_for_its_parts_then_judges_their_agreements_again(self):
        with (
            patch.object(import_module, "IMPORT_BATCH", 2),
            patch.object(import_module, "IMPORT_PARTS", 2),
            mute_logger(WIZARD_LOGGER, JOB_LOGGER),
        ):
            job = self._queue()
            self.assertEqual(job.part_ids.state, "queued", "the parts are queued with the task")
            # each part reads its rows from the copy kept with it (JSON), not from the file
            copies = self.env["ir.attachment"].browse([job.payload["rows_copy"], job.part_ids.payload["rows_copy"]])
            self.assertEqual(copies.mapped("res_id"), [job.id, job.part_ids.id])
            # one worker: the task runs first (the oldest); its own rows imported, it waits for its part without a
            # timer, and the worker goes on with the part
            with (
                RecordCapturer(self.env["ir.cron.trigger"].sudo(), []) as triggers,
                counting_file_reads() as reads,
            ):
                self.env["redu.background.job"]._cron_run_jobs("long")
                self.assertEqual((job.state, job.done, job.date_next_try), ("running", 4, False))
                self.assertEqual(job.part_ids.state, "done")
            self.assertEqual(reads, [], "the file is not read again")
            self.assertEqual(len(job._channel_crons()), 2, "the long channel has two workers")
            self.assertEqual(triggers.records.cron_id, job._channel_crons(), "the end of the part wakes them up")
            judged = []
            original = agreement_module.ReduWorkplaceAgreement._validate_contacts

            def validate_contacts(agreements, *args, **kwargs):
                judged.extend(agreements.ids)
                return original(agreements, *args, **kwargs)

            with patch.object(agreement_module.ReduWorkplaceAgreement, "_validate_contacts", validate_contacts):
                self.env["redu.background.job"]._cron_run_jobs("long")
        self.assertEqual((job.state, job.done), ("done", 8))
        written = self.Agreement.search([("source_ref", "in", ["P1", "P2", "P3", "P4", "P6", "P7"])])
        self.assertEqual(sorted(judged), sorted(written.ids), "the agreements of every part judged again, together")

    def test_cancelling_a_split_import_cancels_its_parts(self):
        with patch.object(import_module, "IMPORT_BATCH", 2), patch.object(import_module, "IMPORT_PARTS", 2):
            job = self._queue()
            with patch.object(self.registry["redu.background.job"], "_commit_batch", return_value=0):
                self.env["redu.background.job"]._run_jobs("long")  # the first batch only: split
        self.assertEqual((job.state, job.part_ids.state), ("running", "queued"))
        job.with_user(self.manager).action_cancel()
        self.assertEqual((job.state, job.part_ids.state), ("cancelled", "cancelled"))
