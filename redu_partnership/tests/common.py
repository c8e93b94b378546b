# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import TransactionCase, new_test_user


class PartnershipCase(TransactionCase):
    """Levels, cooperation forms and users shared by the tests (no demo data needed)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True, mail_notrack=True))
        cls.Partner = cls.env["res.partner"]
        cls.Form = cls.env["redu.cooperation.form"]
        cls.History = cls.env["redu.partnership.level.history"]
        cls.level_a = cls.env.ref("redu_partnership.partnership_level_a")
        cls.level_b = cls.env.ref("redu_partnership.partnership_level_b")
        cls.level_c = cls.env.ref("redu_partnership.partnership_level_c")
        cls.level_d = cls.env.ref("redu_partnership.partnership_level_d")
        # Fixed review intervals: managers may change the data defaults in a real database.
        (cls.level_a | cls.level_b | cls.level_c | cls.level_d).write({"review_interval_months": 12})
        cls.level_a.review_interval_months = 6
        cls.level_d.review_interval_months = 24
        # One form per quadrant, far from the thresholds, and two at the boundaries.
        cls.form_training = cls.Form.create({"name": "T form", "knowledge_sharing": 8, "knowledge_renewal": 2})
        cls.form_developer = cls.Form.create({"name": "D form", "knowledge_sharing": 2, "knowledge_renewal": 8})
        cls.form_strategic = cls.Form.create({"name": "S form", "knowledge_sharing": 9, "knowledge_renewal": 9})
        cls.form_occasional = cls.Form.create({"name": "O form", "knowledge_sharing": 1, "knowledge_renewal": 1})
        cls.finland = cls.env.ref("base.fi")
        cls.sweden = cls.env.ref("base.se")
        cls.internal_user = new_test_user(
            cls.env, login="redu_internal", groups="base.group_user,base.group_partner_manager"
        )
        cls.partnership_user = new_test_user(
            cls.env, login="redu_sales", groups="base.group_user,redu_partnership.group_partnership_user"
        )
        cls.partnership_user_2 = new_test_user(
            cls.env, login="redu_sales_2", groups="base.group_user,redu_partnership.group_partnership_user"
        )
        cls.partnership_manager = new_test_user(
            cls.env, login="redu_manager", groups="base.group_user,redu_partnership.group_partnership_manager"
        )

    @classmethod
    def _company(cls, name="Partner Oy", **vals):
        return cls.Partner.create(dict({"name": name, "is_company": True}, **vals))
