# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from contextlib import contextmanager


class RefusalAssertions:
    """Test helper of the REDU addons (mixed into their test cases)."""

    @contextmanager
    def assertRefused(self, exception, regex, msg=None):
        """``assertRaisesRegex`` in a savepoint rolled back with the error (Odoo's ``assertRaises``),
        as the request is: a write refused after writing (a stage gate, a move to another entity)
        raises out of ``write``, and the request's rollback undoes what it wrote."""
        with self.assertRaises(exception, msg=msg) as catcher:
            yield catcher
        self.assertRegex(str(catcher.exception), regex, msg=msg)
