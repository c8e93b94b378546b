# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestFinanceSeesTheGroup(HttpCase):
    """A finance user's web client opens with every group entity active: the revenue report is not
    empty because the revenue happens to be booked in another entity than the user's own."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        companies = cls.env["res.company"].create(
            [{"name": f"Konserni-yksikkö {n}", "is_redu_group_entity": True} for n in range(3)]
        )
        cls.outside = cls.env["res.company"].create({"name": "Konsernin ulkopuolinen"})
        cls.home = companies[0]
        cls.entities = companies
        allowed = (companies | cls.outside).ids
        cls.finance = new_test_user(
            cls.env,
            login="redu_finance_cids",
            groups="base.group_user,redu_services.group_service_finance",
            company_id=cls.home.id,
            company_ids=allowed,
        )
        cls.teacher = new_test_user(
            cls.env,
            login="redu_teacher_cids",
            groups="base.group_user,redu_services.group_service_user",
            company_id=cls.home.id,
            company_ids=allowed,
        )

    def _cids(self, login):
        self.authenticate(login, login)
        self.opener.cookies.pop("cids", None)
        response = self.url_open("/odoo")
        self.assertEqual(response.status_code, 200)
        return response.cookies.get("cids")

    def test_finance_user_starts_with_every_group_entity(self):
        expected = [self.home.id, *sorted((self.entities - self.home).ids)]
        self.assertEqual(self._cids(self.finance.login), "-".join(map(str, expected)))
        self.assertEqual(self.finance._redu_default_active_company_ids(), expected)

    def test_a_company_outside_the_group_is_not_activated(self):
        self.assertNotIn(str(self.outside.id), self._cids(self.finance.login).split("-"))

    def test_other_users_keep_odoos_default(self):
        self.assertIsNone(self._cids(self.teacher.login))

    def test_the_users_own_choice_is_kept(self):
        self.authenticate(self.finance.login, self.finance.login)
        self.opener.cookies.set("cids", str(self.home.id))
        response = self.url_open("/odoo")
        self.assertIsNone(response.cookies.get("cids"), "an existing choice is not overwritten")
