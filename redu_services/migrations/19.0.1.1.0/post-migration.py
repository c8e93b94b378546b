# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The gates of a stage became records (redu.service.stage.gate) listed on the stage, where the
kind of the stage implied them before: give the existing stages (noupdate data or made by hand)
the gates that their kind implied."""

from odoo import SUPERUSER_ID, api
from odoo.fields import Command

GATES_BY_KIND = {
    "agreement": ["agreement_date", "confirmed_sale_order", "checklist_passed_stages"],
    "done": ["required_checklist", "feedback_score"],
    "cancelled": ["cancel_reason"],
}
OTHER_STAGES = ["checklist_passed_stages"]


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    gates = {gate.code: gate.id for gate in env["redu.service.stage.gate"].search([])}
    for stage in env["redu.service.stage"].search([("gate_ids", "=", False)]):
        codes = GATES_BY_KIND.get(stage.kind, OTHER_STAGES)
        stage.gate_ids = [Command.set([gates[code] for code in codes])]
