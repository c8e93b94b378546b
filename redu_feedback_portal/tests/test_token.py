# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from .common import PortalCase


class TestToken(PortalCase):
    def test_new_confirmation_has_a_random_token(self):
        other, _first = self.Confirmation._for_agreements(self._agreement(instructor_id=self.instructor.id))
        self.assertTrue(self.confirmation.access_token)
        self.assertGreaterEqual(len(self.confirmation.access_token), 32)
        self.assertNotEqual(self.confirmation.access_token, other.access_token)

    def test_one_confirmation_per_instructor(self):
        again, _first = self.Confirmation._for_agreements(self._agreement(instructor_id=self.landline_instructor.id))
        self.assertEqual(again, self.confirmation)

    def test_right_token_opens_the_link(self):
        found = self.Confirmation._from_link(self.confirmation.id, self.confirmation.access_token)
        self.assertEqual(found, self.confirmation)
        self.assertFalse(found._link_closed())

    def test_wrong_token_finds_nothing(self):
        self.assertIsNone(self.Confirmation._from_link(self.confirmation.id, "not-the-token"))
        self.assertIsNone(self.Confirmation._from_link(self.confirmation.id, ""))

    def test_other_id_with_a_valid_token_finds_nothing(self):
        other, _first = self.Confirmation._for_agreements(self._agreement(instructor_id=self.instructor.id))
        self.assertIsNone(self.Confirmation._from_link(other.id, self.confirmation.access_token))
        self.assertIsNone(self.Confirmation._from_link(999999999, self.confirmation.access_token))

    def test_link_expires_after_the_latest_fix_deadline(self):
        self.agreement.write(
            {"start_date": self.today - timedelta(days=90), "end_date": self.today - timedelta(days=10)}
        )
        self.confirmation.invalidate_recordset()
        self.assertLess(self.confirmation.deadline, self.today)
        self.assertTrue(self.confirmation.link_expired)
        # the token still identifies the link: the page says whom to contact instead of a 404
        found = self.Confirmation._from_link(self.confirmation.id, self.confirmation.access_token)
        self.assertTrue(found._link_closed())

    def test_latest_deadline_of_the_instructor_counts(self):
        self.agreement.write(
            {"start_date": self.today - timedelta(days=90), "end_date": self.today - timedelta(days=10)}
        )
        later = self._agreement(instructor_id=self.landline_instructor.id, end_date=self.today + timedelta(days=40))
        self.confirmation.invalidate_recordset()
        self.assertEqual(self.confirmation.deadline, later.national_fix_deadline or later.national_contact_deadline)
        self.assertFalse(self.confirmation.link_expired)

    def test_revoked_link_is_closed(self):
        self.as_teacher(self.confirmation).action_revoke()
        found = self.Confirmation._from_link(self.confirmation.id, self.confirmation.access_token)
        self.assertTrue(found._link_closed())

    def test_reissued_link_replaces_the_old_token(self):
        old_token = self.confirmation.access_token
        self.as_teacher(self.confirmation).action_revoke()
        self.as_teacher(self.confirmation).action_reissue()
        self.assertNotEqual(self.confirmation.access_token, old_token)
        self.assertIsNone(self.Confirmation._from_link(self.confirmation.id, old_token))
        found = self.Confirmation._from_link(self.confirmation.id, self.confirmation.access_token)
        self.assertFalse(found._link_closed())
