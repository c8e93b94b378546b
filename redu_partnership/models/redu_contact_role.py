# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

ROLE_KINDS = [
    ("partner", "At a working-life partner"),
    ("cooperation", "In the group's cooperation"),
]


class ReduContactRole(models.Model):
    """A role in working-life cooperation: of a person at a partner (workplace instructor, HR contact)
    or of the group's people in a service process (teacher, account manager, expert).

    One model for both: the services add theirs as roles of the kind *In the group's cooperation*.
    """

    _name = "redu.contact.role"
    _description = "Role in working-life cooperation"
    _order = "sequence, name, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    kind = fields.Selection(
        ROLE_KINDS,
        required=True,
        default="partner",
        help="At a working-life partner: a role of the partner's people, set on their contact. In the group's "
        "cooperation: a role of the group's people in the services and their processes.",
    )
    sequence = fields.Integer(default=10)
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)

    _code_uniq = models.Constraint("UNIQUE(code)", "The code of a role must be unique.")
