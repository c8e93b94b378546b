# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ReduServiceCategory(models.Model):
    _name = "redu.service.category"
    _description = "Service category"
    _order = "sequence, name, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, help="Technical code, unique.")
    sequence = fields.Integer(default=10)
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)
    service_ids = fields.One2many("redu.service", "category_id", string="Services")

    _code_unique = models.Constraint("UNIQUE(code)", "The code of a service category must be unique.")
