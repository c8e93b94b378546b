# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The response time per month: the median and the 90th percentile of each month, entity and channel."""

import datetime

from odoo import Command
from odoo.tests import TransactionCase, new_test_user, tagged

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT


@tagged("post_install", "-at_install")
class TestResponseTimeMonthReport(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **DISABLED_MAIL_CONTEXT))
        cls.entity_a, cls.entity_b = cls.env["res.company"].create(
            [
                {"name": "Month Report Entity A", "is_redu_group_entity": True},
                {"name": "Month Report Entity B", "is_redu_group_entity": True},
            ]
        )
        category = cls.env["redu.service.category"].create({"name": "Month report", "code": "month_report"})
        cls.service_a, cls.service_b = cls.env["redu.service"].create(
            [
                {"name": "A", "category_id": category.id, "company_id": cls.entity_a.id, "funding": "public"},
                {"name": "B", "category_id": category.id, "company_id": cls.entity_b.id, "funding": "public"},
            ]
        )
        cls.organisation = cls.env["res.partner"].create({"name": "Month Report Oy", "is_company": True})
        cls.user_a = new_test_user(
            cls.env,
            "redu_month_report_user",
            groups="redu_services.group_service_user",
            company_id=cls.entity_a.id,
            company_ids=[Command.set(cls.entity_a.ids)],
        )

    def _answered(self, service, inquiry, hours, channel="email"):
        self.env["redu.service.process"].create(
            {
                "partner_id": self.organisation.id,
                "service_id": service.id,
                "channel": channel,
                "date_inquiry": inquiry,
                "date_first_response": inquiry + datetime.timedelta(hours=hours),
            }
        )

    def _rows(self, env, entity):
        Report = env["redu.response.time.month.report"]
        rows = Report.search_read(
            [("company_id", "=", entity.id)], ["date", "channel", "statistic", "hours", "process_count"]
        )
        return {
            (row["date"], row["channel"], row["statistic"]): (round(row["hours"], 6), row["process_count"])
            for row in rows
        }

    def test_median_and_90th_percentile_per_month_entity_and_channel(self):
        march, april = datetime.datetime(2025, 3, 3, 8, 0), datetime.datetime(2025, 4, 7, 8, 0)
        for hours in (1, 2, 3, 4, 10):
            self._answered(self.service_a, march, hours)
        self._answered(self.service_a, march, 6, channel="phone")
        self._answered(self.service_a, april, 30)
        self._answered(self.service_b, march, 100)
        # an inquiry not answered yet is left out
        self.env["redu.service.process"].create(
            {"partner_id": self.organisation.id, "service_id": self.service_a.id, "date_inquiry": march}
        )
        m, a = datetime.date(2025, 3, 1), datetime.date(2025, 4, 1)
        self.assertEqual(
            self._rows(self.env, self.entity_a),
            {
                # percentile_cont interpolates: the 90th percentile of 1, 2, 3, 4, 10 is 4 + 0.6 * (10 - 4)
                (m, "email", "median"): (3.0, 5),
                (m, "email", "p90"): (7.6, 5),
                (m, "phone", "median"): (6.0, 1),
                (m, "phone", "p90"): (6.0, 1),
                (m, "all", "median"): (3.5, 6),
                (m, "all", "p90"): (8.0, 6),
                (a, "email", "median"): (30.0, 1),
                (a, "email", "p90"): (30.0, 1),
                (a, "all", "median"): (30.0, 1),
                (a, "all", "p90"): (30.0, 1),
            },
        )
        # per month and statistic, as the dashboard's chart groups it
        groups = self.env["redu.response.time.month.report"]._read_group(
            [("channel", "=", "all"), ("company_id", "=", self.entity_a.id)], ["date:month", "statistic"], ["hours:max"]
        )
        self.assertEqual(
            [(month.month, statistic, round(hours, 6)) for month, statistic, hours in groups],
            [(3, "median", 3.5), (3, "p90", 8.0), (4, "median", 30.0), (4, "p90", 30.0)],
        )
        # the record rule: a user of entity A does not see the rows of entity B
        self.assertEqual(self._rows(self.env(user=self.user_a), self.entity_b), {})
        self.assertEqual(len(self._rows(self.env(user=self.user_a), self.entity_a)), 10)
