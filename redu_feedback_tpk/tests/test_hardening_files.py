# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Issue #16: a hostile very long workplace name keeps a short, distinct bundle key."""

from datetime import date

from .common import TpkCase


class TestHardeningBundleKey(TpkCase):
    def test_long_workplace_names_keep_short_distinct_keys(self):
        long_name = "Työmaa " * 10_000
        first = self._agreement(workplace_name=long_name + "A")
        second = self._agreement(workplace_name=long_name + "B", student_name="Toinen Opiskelija")
        bundles = self.Bundle._tpk_predict(date(2026, 7, 1), self.company)["bundles"]
        mine = bundles.filtered(lambda b: first in b.agreement_ids or second in b.agreement_ids)
        self.assertEqual(len(mine), 2, "one bundle per workplace name")
        self.assertEqual({len(name) for name in mine.mapped("name")}, {500})
        again = self.Bundle._tpk_predict(date(2026, 7, 1), self.company)["bundles"]
        self.assertEqual(mine, again & mine, "a second prediction finds the same bundles")
