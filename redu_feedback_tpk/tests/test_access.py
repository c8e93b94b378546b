# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError

from .common import STUDENTS, TpkCase


class TestAccess(TpkCase):
    def test_a_teacher_sees_only_the_bundles_of_its_entity(self):
        self._agreement()
        self._agreement(company_id=self.other_company.id, student_name=STUDENTS[1])
        bundles = self._predict()["bundles"]
        own = bundles.filtered(lambda b: b.company_id == self.company)
        teacher_bundles = self.Bundle.with_user(self.teacher).with_context(allowed_company_ids=[self.company.id])
        self.assertEqual(teacher_bundles.search([]), own)
        with self.assertRaises(AccessError):
            teacher_bundles.browse((bundles - own).ids).read(["name"])

    def test_a_teacher_cannot_predict_import_or_change_bundles(self):
        self._agreement()
        bundle = self._predict()["bundles"]
        env = self.env(user=self.teacher, context=dict(self.env.context, allowed_company_ids=[self.company.id]))
        with self.assertRaises(AccessError):
            bundle.with_env(env).write({"answer_count": 5})
        with self.assertRaises(AccessError):
            env["redu.tpk.import.wizard"].create({"file": self._csv([])})
        with self.assertRaises(AccessError):
            env["redu.tpk.predict.wizard"].create({"period": "2026-07-01"})
