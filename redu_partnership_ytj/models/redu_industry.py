# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class ReduIndustry(models.Model):
    """Main line of business of a partner: a class of the Finnish standard industrial
    classification TOL 2008, as the business register gives it (code and text)."""

    _name = "redu.industry"
    _description = "Industry (TOL 2008)"
    _order = "code"
    _rec_names_search = ["code", "name"]

    code = fields.Char(required=True, index=True, help="TOL 2008 code, e.g. 41200.")
    name = fields.Char(required=True, help="Text of the class, as the business register gives it.")
    partner_count = fields.Integer(string="Partners", compute="_compute_partner_count")

    _code_uniq = models.Constraint("UNIQUE(code)", "The TOL 2008 code of an industry must be unique.")

    @api.depends("code", "name")
    def _compute_display_name(self):
        for industry in self:
            industry.display_name = f"{industry.code} {industry.name}" if industry.code else industry.name or ""

    def _compute_partner_count(self):
        counts = dict(
            self.env["res.partner"]._read_group([("ytj_industry_id", "in", self.ids)], ["ytj_industry_id"], ["__count"])
        )
        for industry in self:
            industry.partner_count = counts.get(industry, 0)

    @api.model
    def _get_or_create(self, names_by_code):
        """{code: industry} for ``names_by_code`` ({code: text}), creating the missing ones in one
        create; one search for all codes."""
        if not names_by_code:
            return {}
        found = {industry.code: industry for industry in self.search([("code", "in", list(names_by_code))])}
        missing = [
            {"code": code, "name": name or code} for code, name in names_by_code.items() if code and code not in found
        ]
        if missing:
            # sudo: industries are reference data created from the register by whoever enriches a partner
            found.update({industry.code: industry for industry in self.sudo().create(missing).sudo(False)})
        return found

    def action_view_partners(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("contacts.action_contacts")
        action["domain"] = [("ytj_industry_id", "=", self.id)]
        action["context"] = {}
        return action
