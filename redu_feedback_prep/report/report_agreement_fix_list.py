# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from odoo import api, models


class ReportAgreementFixList(models.AbstractModel):
    """The PDF list per teacher of the agreements to fix, with the fix hints."""

    _name = "report.redu_feedback_prep.report_agreement_fix_list"
    _description = "Agreements to fix per teacher"

    @api.model
    def _get_report_values(self, docids, data=None):
        agreements = self.env["redu.workplace.agreement"].browse(docids).filtered("issue_ids")
        by_teacher = defaultdict(lambda: self.env["redu.workplace.agreement"])
        for agreement in agreements.sorted(lambda a: (a.end_date or a.create_date.date(), a.id)):
            by_teacher[agreement.teacher_id] |= agreement
        teachers = sorted(by_teacher, key=lambda teacher: teacher.name or "")
        return {
            "doc_ids": docids,
            "doc_model": "redu.workplace.agreement",
            "docs": agreements,
            "teachers": [(teacher, by_teacher[teacher]) for teacher in teachers],
        }
