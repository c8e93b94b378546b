# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

FUNDING_SELECTION = [
    ("public", "Publicly funded"),
    ("paid", "Paid service"),
    ("project", "Project funded"),
]


class ReduService(models.Model):
    _name = "redu.service"
    _description = "Service to working life"
    _inherit = ["mail.thread", "redu.company.check.mixin"]
    _order = "category_id, name, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True, tracking=True)
    category_id = fields.Many2one(
        "redu.service.category",
        required=True,
        ondelete="restrict",
        index=True,
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company",
        string="Group entity",
        required=True,
        index=True,
        default=lambda self: self.env.company,
        tracking=True,
        help="The group entity that provides the service.",
    )
    funding = fields.Selection(FUNDING_SELECTION, required=True, default="paid", tracking=True)
    product_id = fields.Many2one(
        "product.product",
        check_company=True,
        ondelete="restrict",
        domain="[('type', '=', 'service'), ('sale_ok', '=', True)]",
        help="The service product used on quotations and invoices. Required for paid services.",
    )
    description = fields.Html(translate=True)
    checklist_template_id = fields.Many2one(
        "redu.service.checklist.template", string="Checklist template", ondelete="restrict"
    )
    responsible_role_ids = fields.Many2many(
        "redu.contact.role",
        string="Responsible roles",
        domain=[("kind", "=", "cooperation")],
        help="The roles that take part in delivering the service.",
    )
    active = fields.Boolean(default=True)
    process_ids = fields.One2many("redu.service.process", "service_id", string="Processes", check_company=True)
    process_count = fields.Integer(string="Process count", compute="_compute_process_count")

    @api.constrains("funding", "product_id")
    def _check_product_for_paid(self):
        for service in self:
            if service.funding == "paid" and not service.product_id:
                raise ValidationError(
                    self.env._("The paid service “%s” needs a product to be quoted and invoiced.", service.name)
                )

    def _compute_process_count(self):
        counts = dict(
            self.env["redu.service.process"]._read_group([("service_id", "in", self.ids)], ["service_id"], ["__count"])
        )
        for service in self:
            service.process_count = counts.get(service, 0)

    def action_view_processes(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("redu_services.redu_service_process_action")
        action["domain"] = [("service_id", "=", self.id)]
        action["context"] = {"default_service_id": self.id, "default_company_id": self.company_id.id}
        return action
