# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

SURVEY_ROLE_CODE = "workplace_survey_contact"


class ResPartner(models.Model):
    _inherit = "res.partner"

    tpk_contact_id = fields.Many2one(
        "res.partner",
        string="Workplace survey contact",
        domain="[('parent_id', '=', id), ('is_company', '=', False)]",
        help="The person who receives the link of the workplace survey (työpaikkakysely). Empty: the contact "
        "with the role Workplace survey contact, else the contact person of the account manager's latest "
        "service process with the employer.",
    )
    tpk_recipient_id = fields.Many2one(
        "res.partner",
        string="Survey recipient",
        compute="_compute_tpk_recipient_id",
        help="Who gets the workplace survey link now.",
    )
    tpk_bundle_ids = fields.One2many("redu.tpk.bundle", "employer_id", string="Workplace surveys", readonly=True)
    tpk_bundle_count = fields.Integer(string="Workplace survey count", compute="_compute_tpk_bundle_count")

    @api.depends("tpk_contact_id", "child_ids.contact_role_ids", "user_id")
    def _compute_tpk_recipient_id(self):
        recipients = self._tpk_recipients()
        for partner in self:
            partner.tpk_recipient_id = recipients.get(partner.id, False)

    def _compute_tpk_bundle_count(self):
        counts = dict(
            self.env["redu.tpk.bundle"]._read_group([("employer_id", "in", self.ids)], ["employer_id"], ["__count"])
        )
        for partner in self:
            partner.tpk_bundle_count = counts.get(partner, 0)

    def _tpk_recipients(self):
        """{employer id: recipient} of the workplace survey, in a few queries for any number of employers:
        the chosen contact; else the child contact with the role "Workplace survey contact"; else the
        contact that ``_tpk_fallback_recipients`` proposes (with redu_services: the contact person of the
        account manager's latest service process with the employer). Never the employer itself, never a
        person outside it."""
        employers = self.filtered("id")
        result = {}
        if not employers:
            return result
        for employer in employers:
            if employer.tpk_contact_id and employer.tpk_contact_id.parent_id == employer:
                result[employer.id] = employer.tpk_contact_id
        rest = employers.filtered(lambda e: e.id not in result)
        if not rest:
            return result
        with_role = self.search(
            [
                ("parent_id", "in", rest.ids),
                ("is_company", "=", False),
                ("contact_role_ids.code", "=", SURVEY_ROLE_CODE),
            ],
            order="id",
        )
        for contact in with_role:
            result.setdefault(contact.parent_id.id, contact)
        rest = rest.filtered(lambda e: e.id not in result)
        if rest:
            for employer_id, contact in rest._tpk_fallback_recipients().items():
                if contact.parent_id.id == employer_id and not contact.is_company:
                    result[employer_id] = contact
        return result

    def _tpk_fallback_recipients(self):
        """{employer id: contact} for the employers ``self`` that have neither a chosen contact nor a
        contact with the role: none here; an addon that knows another source of contacts extends it."""
        return {}

    def action_view_tpk_bundles(self):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id("redu_feedback_tpk.redu_tpk_bundle_action")
        action["domain"] = [("employer_id", "=", self.commercial_partner_id.id)]
        action["context"] = {"search_default_group_period": 0}
        return action
