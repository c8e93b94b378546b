# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import AccessError

SERVICE_MANAGER = "redu_services.group_service_manager"
# what the stage gates of a process judge of its items besides ``done``: only a services manager
# (or the template) decides them
MANAGER_FIELDS = frozenset({"required", "stage_id", "process_id", "template_line_id"})


class ReduServiceProcessChecklistLine(models.Model):
    _name = "redu.service.process.checklist.line"
    _description = "Service process checklist item"
    _inherit = ["redu.company.check.mixin"]
    _order = "process_id, sequence, id"

    process_id = fields.Many2one("redu.service.process", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="process_id.company_id", store=True)
    template_line_id = fields.Many2one(
        "redu.service.checklist.template.line", string="Template line", ondelete="set null"
    )
    name = fields.Char(string="Item", required=True)
    sequence = fields.Integer(default=10)
    required = fields.Boolean(default=True)
    stage_id = fields.Many2one("redu.service.stage", string="Done by stage", ondelete="restrict")
    done = fields.Boolean(copy=False)
    done_by = fields.Many2one("res.users", string="Done by", readonly=True, copy=False, redu_system=True)
    done_date = fields.Datetime(string="Done on", readonly=True, copy=False, redu_system=True)

    @api.model
    def _redu_company_fields(self):
        # the entity is the process's
        return super()._redu_company_fields() | {"process_id"}

    def _redu_is_manager(self):
        return self.env.su or self.env.user.has_group(SERVICE_MANAGER)

    def _stamp_done(self, done):
        """Stamp who ticked the items and when (cleared when unticked)."""
        stamp = {"done_by": self.env.uid, "done_date": fields.Datetime.now()} if done else {}
        # sudo: the stamp is the system's record of who ticked the item; users cannot write it
        self.sudo().write(stamp or {"done_by": False, "done_date": False})

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        done = lines.filtered("done")
        if done:
            done._stamp_done(True)
        return lines

    def write(self, vals):
        changed = MANAGER_FIELDS.intersection(vals)
        if changed and not self.env.su:
            touched = self.filtered(
                lambda line: any(
                    line._fields[fname].convert_to_write(line[fname], line) != vals[fname] for fname in changed
                )
            )
            if touched and not self._redu_is_manager():
                raise AccessError(
                    self.env._(
                        "Only a services administrator can change whether, or by which stage, the checklist "
                        "items %(items)s are required: the stage gates of the service process depend on it.",
                        items=", ".join(touched.mapped("name")),
                    )
                )
        result = super().write(vals)
        if "done" in vals:
            self._stamp_done(vals["done"])
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_required_for_members(self):
        required = self.filtered("required")
        if required and not self._redu_is_manager():
            raise AccessError(
                self.env._(
                    "Only a services administrator can delete the required checklist items %(items)s: the "
                    "stage gates of the service process depend on them.",
                    items=", ".join(required.mapped("name")),
                )
            )
