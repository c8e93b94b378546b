# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""A user who may read a record reads every field that the views of the addons show them.

For each group of the addons, a user of that group (in one entity) opens every form and list view
of the addons, as the web client would: the view as computed for the user (fields of other groups
removed), then a read of the fields of each model of the view on records the user can read. An
AccessError in a computed field (a count over records the user cannot open, a related field
through a model the user has no right on) fails the test with the group, view and fields.
"""

from datetime import timedelta

from lxml import etree

from odoo import Command, fields
from odoo.exceptions import AccessError
from odoo.tests import new_test_user

from .common import CrossAddonCase

MODULES = (
    "redu_background",
    "redu_partnership",
    "redu_partnership_ytj",
    "redu_services",
    "redu_services_website",
    "redu_feedback_prep",
    "redu_services_feedback",
    "redu_feedback_portal",
    "redu_feedback_tpk",
    "redu_services_feedback_tpk",
    "spreadsheet_dashboard_redu",
    "spreadsheet_dashboard_redu_portal",
)
GROUPS = (
    "redu_partnership.group_partnership_user",
    "redu_partnership.group_partnership_manager",
    "redu_services.group_service_user",
    "redu_services.group_service_finance",
    "redu_services.group_service_manager",
    "redu_feedback_prep.group_feedback_user",
    "redu_feedback_prep.group_feedback_manager",
    "sales_team.group_sale_salesman",
    "account.group_account_invoice",
)


class TestAccessFields(CrossAddonCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        today = fields.Date.today()
        cls.process = cls.env["redu.service.process"].create(
            {
                "partner_id": cls.org.id,
                "contact_id": cls.instructor.id,
                "service_id": cls.service.id,
                "checklist_line_ids": [Command.create({"name": "Sopimus", "required": False})],
            }
        )
        cls.agreement = cls.env["redu.workplace.agreement"].create(
            {
                "source_ref": "KOSKI-ACCESS-1",
                "student_name": "Eetu Esimerkki",
                "employer_id": cls.org.id,
                "instructor_id": cls.instructor.id,
                "start_date": today - timedelta(days=30),
                "end_date": today + timedelta(days=60),
                "teacher_id": cls.teacher.id,
                "company_id": cls.company.id,
                "service_process_id": cls.process.id,
            }
        )
        cls.env["redu.instructor.confirmation"]._for_agreements(cls.agreement)
        cls.org.partnership_level_id = cls.env.ref("redu_partnership.partnership_level_b")
        cls.env["redu.tpk.bundle"].create(
            {
                "name": "access/2345678/entity/2026-1",
                "period_start": "2026-01-01",
                "period_end": "2026-06-30",
                "company_id": cls.company.id,
                "employer_id": cls.org.id,
                "agreement_ids": [Command.set(cls.agreement.ids)],
            }
        )
        data = cls.env["ir.model.data"].search([("module", "in", MODULES), ("model", "=", "ir.ui.view")])
        views = cls.env["ir.ui.view"].browse(data.mapped("res_id")).filtered(lambda v: v.type in ("form", "list"))
        # the views of the addons, and the views of other modules that the addons extend (the partner
        # form, the sale order form...), as their primary view
        primaries = cls.env["ir.ui.view"]
        for view in views:
            while view.mode != "primary" and view.inherit_id:
                view = view.inherit_id
            primaries |= view
        cls.views = primaries

    def test_every_field_shown_is_readable(self):
        self.assertTrue(self.agreement.issue_ids, "the agreement has issues to count")
        failures = []
        for xmlid in GROUPS:
            user = new_test_user(
                self.env,
                login=f"access_{xmlid.replace('.', '_')}",
                company_id=self.company.id,
                company_ids=[Command.set(self.company.ids)],
                groups=f"base.group_user,{xmlid}",
            )
            for view in self.views:
                Model = self.env[view.model].with_user(user)
                if not Model.has_access("read") or view.group_ids and not (view.group_ids & user.all_group_ids):
                    continue
                result = Model.get_view(view.id, view.type)
                shown = dict(result["models"])
                # the fields of the record itself: those left in the arch computed for the user (the
                # nodes of other groups are removed), outside the sub-views of its one2many fields
                arch = etree.fromstring(result["arch"])
                shown[view.model] = {
                    node.get("name")
                    for node in arch.iter("field")
                    if not any(ancestor.tag == "field" for ancestor in node.iterancestors())
                }
                for model, fnames in shown.items():
                    Comodel = self.env[model].with_user(user)
                    if model != view.model and not model.startswith("redu."):
                        continue  # the lines of other modules' one2many fields are theirs
                    if not Comodel.has_access("read"):
                        continue
                    records = Comodel.search([], limit=3, order="id desc")
                    # the view as computed for the user leaves out the fields of other groups: the
                    # web client does not read them
                    names = [
                        fname
                        for fname in fnames
                        if fname in Comodel._fields and Comodel._has_field_access(Comodel._fields[fname], "read")
                    ]
                    try:
                        records.read(names)
                    except AccessError as error:
                        failures.append(f"{xmlid} / {view.xml_id or view.name} / {model}: {error}")
        self.assertFalse(failures, "\n".join(failures))
