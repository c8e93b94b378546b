# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).


class RetryLater(Exception):  # noqa: N818 - the name says what the runner does with it
    """Raised by a ``_job_`` method: the batch is rolled back and the task waits ``seconds``.

    The task stays queued and is taken up again by its channel's scheduled action, which is
    triggered for that moment (a rate limit: no ``time.sleep`` in a worker).
    """

    def __init__(self, seconds=60, reason=None):
        self.seconds = max(int(seconds or 0), 1)
        self.reason = reason
        super().__init__(reason or f"retry in {self.seconds} seconds")


class RetryWhenWoken(RetryLater):
    """Raised by a ``_job_`` method that waits for other tasks (its parts): the batch is rolled back and the
    task stays queued, without a date, until its channel's workers are next woken up (the end of one of its
    parts triggers them). The worker is not held, and no timer runs: a task woken too early waits again."""

    def __init__(self, reason=None):
        super().__init__(1, reason)
        self.seconds = 0
