# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import AccessError

SERVICE_MANAGER = "redu_services.group_service_manager"


class ReduServiceProcessChecklistLine(models.Model):
    _name = "redu.service.process.checklist.line"
    _description = "Service process checklist item"
    _inherit = ["redu.company.check.mixin"]
    _order = "process_id, sequence, id"

    # What the stage gates of a process judge of its items besides ``done`` (whether an item is
    # required, by which stage, which template item it is) is a services administrator's decision
    # (or the template's): the write guard of redu_base refuses these fields to the other users,
    # when they create an item too. A team member's own items are optional.
    process_id = fields.Many2one("redu.service.process", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="process_id.company_id", store=True)
    template_line_id = fields.Many2one(
        "redu.service.checklist.template.line",
        string="Template line",
        ondelete="set null",
        redu_write_groups=SERVICE_MANAGER,
    )
    name = fields.Char(string="Item", required=True)
    sequence = fields.Integer(default=10)
    required = fields.Boolean(default=lambda self: self._redu_is_manager(), redu_write_groups=SERVICE_MANAGER)
    stage_id = fields.Many2one(
        "redu.service.stage",
        string="Done by stage",
        ondelete="restrict",
        redu_write_groups=SERVICE_MANAGER,
    )
    done = fields.Boolean(copy=False)
    done_by = fields.Many2one(
        "res.users",
        string="Done by",
        compute="_compute_done_stamp",
        store=True,
        copy=False,
        redu_system=True,
    )
    done_date = fields.Datetime(
        string="Done on",
        compute="_compute_done_stamp",
        store=True,
        copy=False,
        redu_system=True,
    )

    @api.model
    def _redu_company_fields(self):
        # the entity is the process's
        return super()._redu_company_fields() | {"process_id"}

    def _redu_is_manager(self):
        return self.env.su or self.env.user.has_group(SERVICE_MANAGER)

    @api.depends("done")
    def _compute_done_stamp(self):
        """Who ticked the item and when; cleared when it is unticked.

        The user is the author of the write that ticked the item (``write_uid``), not the user of
        the environment that happens to compute the stamp: the computation waits for the next
        flush, which may run in another environment.
        """
        now = fields.Datetime.now()
        for line in self:
            if not line.done:
                line.done_by = line.done_date = False
            elif not line.done_date:
                line.done_by = line.write_uid
                line.done_date = now

    def write(self, vals):
        if "process_id" in vals:
            self._check_process_update(vals["process_id"])
        return super().write(vals)

    def _check_process_update(self, process_id):
        """Only a services administrator moves items to another process.

        A team member gives an item its process when they create it; moving a required item out
        of a process would take it away from the gates of the process as deleting it would. The
        rule depends on the item's process as it is, which the write guard of redu_base (a field's
        attribute) does not know: it is checked before the write.
        """
        moved = self.filtered(lambda line: line.process_id.id != process_id)
        if moved and not self._redu_is_manager():
            raise AccessError(
                self.env._(
                    "Only a services administrator can move the checklist items %(items)s to another service "
                    "process: the stage gates of the process depend on them.",
                    items=", ".join(moved.mapped("name")),
                )
            )

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
