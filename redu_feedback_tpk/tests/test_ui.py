# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.redu_base.tools.dates import redu_today

from ..tools import tpk_rules


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
    """Tour: a training manager predicts the bundles of the next collection period and opens one."""

    def setUp(self):
        super().setUp()
        self.company = self.env["res.company"].create(
            {"name": "Lapin koulutuskeskus TPK Tour", "redu_provider_oid": "1.2.246.562.10.33333333333"}
        )
        self.manager = new_test_user(
            self.env,
            login="tpk_tour_manager",
            name="Kaisa Koulutuspäällikkö",
            groups="redu_feedback_prep.group_feedback_manager",
            company_id=self.company.id,
            company_ids=[self.company.id],
            lang="en_US",
        )
        employer = self.env["res.partner"].create(
            {
                "name": "Kierrostesti Oy",
                "is_company": True,
                "company_registry": "0737546-2",
                "country_id": self.env.ref("base.fi").id,
            }
        )
        instructor = self.env["res.partner"].create(
            {"name": "Pertti Ohjaaja", "parent_id": employer.id, "email": "pertti.ohjaaja@kierrostesti.fi"}
        )
        today = redu_today(self.env["redu.workplace.agreement"])
        period_start = tpk_rules.current_collection_period(today)[0]
        self.env["redu.workplace.agreement"].with_company(self.company).create(
            {
                "agreement_type": "training_agreement",
                "student_name": "Aino Opiskelija",
                "employer_id": employer.id,
                "instructor_id": instructor.id,
                "start_date": period_start - timedelta(days=30),
                "end_date": period_start + timedelta(days=20),
                "part_time_percent": 100,
                "qualification": "Rakennusalan perustutkinto",
                "qualification_code": "351101",
                "company_id": self.company.id,
            }
        )

    def test_predict_bundles_tour(self):
        self.start_tour("/odoo", "redu_feedback_tpk_predict_tour", login=self.manager.login)
        bundle = self.env["redu.tpk.bundle"].search([("company_id", "=", self.company.id)])
        self.assertEqual(bundle.workplace_name, "Kierrostesti Oy")
        self.assertEqual(bundle.period_count, 1)
