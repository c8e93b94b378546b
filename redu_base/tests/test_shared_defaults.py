# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import itertools
from unittest.mock import patch

from odoo.tests import TransactionCase


class TestSharedDefaults(TransactionCase):
    """A batch of creations made by ``_redu_shared_defaults`` asks for the defaults once per model and set of
    fields; the records get the values a creation one by one gives them."""

    def _counting_default(self, values):
        """Make the partners' ``ref`` default to the next of ``values``; return the list of the values drawn."""
        drawn = []
        values = iter(values)

        def default(model):
            drawn.append(next(values))
            return drawn[-1]

        patcher = patch.object(self.env["res.partner"]._fields["ref"], "default", default)
        patcher.start()
        self.addCleanup(patcher.stop)
        return drawn

    def _vals(self, count):
        return [{"name": f"Ohjaaja {index}", "email": f"ohjaaja{index}@example.com"} for index in range(count)]

    def test_same_values_as_one_by_one(self):
        self.env["ir.default"].set("res.partner", "function", "Imported")
        partners = self.env["res.partner"].with_context(default_lang="en_US", default_type="contact")
        shared = partners._redu_shared_defaults().create(self._vals(5))
        single = partners.concat(*(partners.create(vals) for vals in self._vals(2)))
        names = ["active", "type", "lang", "tz", "color", "function", "company_id", "is_company", "category_id"]
        expected = single[:1].read(names)[0]
        del expected["id"]
        for record in shared.read(names) + single.read(names):
            del record["id"]
            self.assertEqual(record, expected)
        self.assertEqual(shared.mapped("function"), ["Imported"] * 5)

    def test_defaults_asked_once(self):
        drawn = self._counting_default(itertools.repeat("SAME"))
        partners = self.env["res.partner"]._redu_shared_defaults().create(self._vals(6))
        self.assertEqual(partners.mapped("ref"), ["SAME"] * 6)
        # asked twice for the first record (a default drawn anew each time is not shared), then kept
        self.assertEqual(len(drawn), 2)

    def test_default_drawn_per_record_is_not_shared(self):
        # a token or a sequence number: each record gets its own, as when created one by one
        drawn = self._counting_default(f"REF-{number}" for number in itertools.count())
        partners = self.env["res.partner"]._redu_shared_defaults().create(self._vals(4))
        self.assertEqual(len(set(partners.mapped("ref"))), 4)
        self.assertEqual(len(drawn), 5)

    def test_each_batch_asks_again(self):
        drawn = self._counting_default(itertools.cycle(["FIRST", "FIRST", "SECOND", "SECOND"]))
        first = self.env["res.partner"]._redu_shared_defaults().create(self._vals(3))
        second = self.env["res.partner"]._redu_shared_defaults().create(self._vals(3))
        self.assertEqual(first.mapped("ref"), ["FIRST"] * 3)
        self.assertEqual(second.mapped("ref"), ["SECOND"] * 3)
        self.assertEqual(len(drawn), 4)

    def test_context_from_a_client_shares_nothing(self):
        # an RPC client sends JSON: a context value it can make is never a batch
        drawn = self._counting_default(itertools.repeat("SAME"))
        self.env["res.partner"].with_context(redu_shared_defaults={"values": {}}).create(self._vals(4))
        self.assertEqual(len(drawn), 4)
