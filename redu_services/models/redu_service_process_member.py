# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ReduServiceProcessMember(models.Model):
    _name = "redu.service.process.member"
    _description = "Service process team member"
    _inherit = ["redu.company.check.mixin"]
    _check_company_auto = True
    _order = "process_id, role_id, id"

    process_id = fields.Many2one("redu.service.process", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="process_id.company_id", store=True)
    user_id = fields.Many2one("res.users", domain="[('share', '=', False)]")
    partner_id = fields.Many2one(
        "res.partner",
        check_company=True,
        string="Person",
        help="A person without a user, e.g. the student or a partner's contact.",
    )
    role_id = fields.Many2one(
        "redu.contact.role", required=True, ondelete="restrict", domain=[("kind", "=", "cooperation")]
    )
    note = fields.Char()

    @api.model
    def _redu_company_fields(self):
        # the entity is the process's
        return super()._redu_company_fields() | {"process_id"}

    @api.constrains("user_id", "partner_id")
    def _check_user_or_partner(self):
        for member in self:
            if not member.user_id and not member.partner_id:
                raise ValidationError(self.env._("A team member needs a user or a person."))
