# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ReduContactRole(models.Model):
    """Role of a person at a working-life partner (e.g. workplace instructor)."""

    _name = "redu.contact.role"
    _description = "Contact role"
    _order = "sequence, name, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)

    _code_uniq = models.Constraint("UNIQUE(code)", "The code of a contact role must be unique.")
