# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class ReduPartnershipLevelHistory(models.Model):
    """One change of the partnership level of a partner.

    Written only by the level-change hook of ``res.partner`` (with ``sudo()``);
    users read it but cannot create, edit or delete it (no such ACL).
    """

    _name = "redu.partnership.level.history"
    _description = "Partnership level history"
    _order = "date desc, id desc"
    _rec_name = "partner_id"

    partner_id = fields.Many2one("res.partner", required=True, index=True, ondelete="cascade", readonly=True)
    old_level_id = fields.Many2one(
        "redu.partnership.level", string="Previous level", ondelete="restrict", readonly=True
    )
    new_level_id = fields.Many2one("redu.partnership.level", string="New level", ondelete="restrict", readonly=True)
    date = fields.Datetime(default=fields.Datetime.now, required=True, index=True, readonly=True)
    user_id = fields.Many2one(
        "res.users",
        string="Changed by",
        default=lambda self: self.env.user,
        readonly=True,
        ondelete="set null",
    )
    note = fields.Char(readonly=True)
    change_direction = fields.Selection(
        [("initial", "First level"), ("up", "Raised"), ("down", "Lowered"), ("removed", "Removed")],
        string="Change",
        compute="_compute_change_direction",
        store=True,
    )
    partner_org_type = fields.Selection(
        related="partner_id.partner_org_type", string="Organisation type", store=True, readonly=True
    )

    @api.depends("old_level_id", "new_level_id")
    def _compute_change_direction(self):
        # Depends on the levels only, not on their sequence: the direction is the one
        # of the moment of the change, later re-ordering of levels does not rewrite history.
        for entry in self:
            if not entry.new_level_id:
                entry.change_direction = "removed"
            elif not entry.old_level_id:
                entry.change_direction = "initial"
            elif entry.new_level_id.sequence < entry.old_level_id.sequence:
                entry.change_direction = "up"
            else:
                entry.change_direction = "down"
