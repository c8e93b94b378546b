# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
import csv
import io

from odoo import api, fields, models

from odoo.addons.redu_base.tools.dates import redu_today
from odoo.addons.redu_base.tools.spreadsheet import PHONE_RE, neutralise_row

from ..tools.national_rules import java_trim

# The column order of the transfer file (documented in readme/USAGE.md).
EXPORT_COLUMNS = [
    "agreement_ref",
    "source_ref",
    "agreement_type",
    "student_ref",
    "workplace_name",
    "business_id",
    "instructor_name",
    "instructor_email",
    "instructor_phone",
    "start_date",
    "end_date",
    "part_time_percent",
    "apprenticeship_basis",
    "qualification",
    "qualification_unit",
    "warning",
    "warning_codes",
]
# formula injection: a cell beginning with = + - @ tab or CR gets a leading apostrophe, except the data a
# column legitimately holds (a phone number of the phone charset, a plain number): see readme/USAGE.md
EXPORT_DATA_PATTERNS = {EXPORT_COLUMNS.index("instructor_phone"): PHONE_RE}


class ReduTransferExportWizard(models.TransientModel):
    _name = "redu.transfer.export.wizard"
    _description = "Transfer export to the national working-life feedback system"

    agreement_ids = fields.Many2many(
        "redu.workplace.agreement",
        string="Agreements",
        help="Leave empty to export every agreement of the selected entities.",
    )
    include_ended = fields.Boolean(
        string="Include ended periods",
        help="Also export agreements whose end date has come; the national system ignores them.",
    )
    file_data = fields.Binary(string="File", readonly=True, attachment=False)
    file_name = fields.Char(string="File name", readonly=True)
    exported_count = fields.Integer(string="Exported", readonly=True)
    warning_count = fields.Integer(string="Exported with warnings", readonly=True)
    blocked_count = fields.Integer(string="Left out (blocked)", readonly=True)
    state = fields.Selection([("draft", "Draft"), ("done", "Done")], default="draft")

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if self.env.context.get("active_model") == "redu.workplace.agreement" and self.env.context.get("active_ids"):
            values["agreement_ids"] = [fields.Command.set(self.env.context["active_ids"])]
        return values

    def _get_agreements(self):
        agreements = self.agreement_ids
        if not agreements:
            agreements = self.env["redu.workplace.agreement"].search([("company_id", "in", self.env.companies.ids)])
        if not self.include_ended:
            today = redu_today(self)
            agreements = agreements.filtered(lambda a: not a.end_date or a.end_date > today)
        return agreements

    def _export_rows(self, agreements):
        """Rows of the agreements the survey reaches, normalised; the others are never exported.

        Nothing eHOKS would reject is exported (a rejected HOKS never reaches the survey), and the
        contacts are exported as they were judged: as written, without the surrounding spaces that
        eHOKS trims too. Rewriting them (lower case, E.164) would change the survey bundles that the
        national system forms from them (heratepalvelu tep/tepCommon.clj:38-43 compares raw strings).
        """
        rows = []
        for agreement in agreements.filtered(lambda a: a.national_survey_reaches and not a.national_hoks_rejected):
            instructor = agreement.instructor_id
            warnings = sorted({issue.rule_code for issue in agreement.issue_ids if issue.severity == "warning"})
            rows.append(
                [
                    agreement.name,
                    agreement.source_ref or "",
                    agreement.agreement_type,
                    agreement.student_ref or "",
                    " ".join((agreement.workplace_name or "").split()),
                    agreement.employer_id.company_registry or "",
                    " ".join((instructor.name or "").split()),
                    java_trim(instructor.email) or "",
                    java_trim(instructor.phone) or "",
                    fields.Date.to_string(agreement.start_date) or "",
                    fields.Date.to_string(agreement.end_date) or "",
                    agreement.part_time_percent or "",
                    agreement.apprenticeship_basis or "",
                    agreement.qualification or "",
                    agreement.qualification_unit or "",
                    1 if agreement.readiness == "warning" else 0,
                    ";".join(warnings),
                ]
            )
        return rows

    def action_export(self):
        self.ensure_one()
        agreements = self._get_agreements()
        # export what is true now, not what was true at the last nightly run
        agreements._validate_contacts()
        rows = self._export_rows(agreements)
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=";", lineterminator="\n")
        writer.writerow(EXPORT_COLUMNS)
        writer.writerows(neutralise_row(row, EXPORT_DATA_PATTERNS) for row in rows)
        self.write(
            {
                "file_data": base64.b64encode(buffer.getvalue().encode("utf-8-sig")),
                "file_name": f"tyoelamapalaute_{redu_today(self)}.csv",
                "exported_count": len(rows),
                "warning_count": sum(1 for row in rows if row[-2]),
                "blocked_count": len(agreements.filtered(lambda a: a.readiness == "blocked")),
                "state": "done",
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }
