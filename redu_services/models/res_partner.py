# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

# Default revenue thresholds (12 months, company currency) per partnership level code.
DEFAULT_REVENUE_THRESHOLDS = {"A": 50000.0, "B": 10000.0, "C": 1000.0}


class ResPartner(models.Model):
    _inherit = "res.partner"

    service_process_ids = fields.One2many("redu.service.process", "partner_id", string="Service Processes")
    service_process_count = fields.Integer(compute="_compute_service_process_count")
    revenue_last_12_months = fields.Monetary(
        string="Revenue (12 months)",
        compute="_compute_revenue_last_12_months",
        currency_field="revenue_currency_id",
        help="Untaxed revenue of the posted customer invoices linked to service processes of the "
        "organisation in the last 12 months, minus credit notes, over every group entity.",
    )
    revenue_currency_id = fields.Many2one("res.currency", compute="_compute_revenue_last_12_months")

    def _compute_service_process_count(self):
        commercial = self.commercial_partner_id
        counts = dict(
            self.env["redu.service.process"]._read_group(
                [("partner_id.commercial_partner_id", "in", commercial.ids)],
                ["partner_id"],
                ["__count"],
            )
        )
        per_commercial = {}
        for partner, count in counts.items():
            key = partner.commercial_partner_id.id
            per_commercial[key] = per_commercial.get(key, 0) + count
        for partner in self:
            partner.service_process_count = per_commercial.get(partner.commercial_partner_id.id, 0)

    @api.model
    def _revenue_period_start(self):
        return fields.Date.context_today(self) - relativedelta(months=12)

    def _compute_revenue_last_12_months(self):
        commercial = self.commercial_partner_id.filtered("id")
        totals = {}
        if commercial:
            # sudo: the revenue of a partner is a group-wide figure (partners are shared by every
            # group entity and the partnership level is group-wide), so it sums the invoices of
            # every entity, also those the current user cannot open. Only the total is exposed.
            moves = self.env["account.move"].sudo()
            for partner, amount in moves._read_group(
                [
                    ("commercial_partner_id", "in", commercial.ids),
                    ("service_process_id", "!=", False),
                    ("state", "=", "posted"),
                    ("move_type", "in", ("out_invoice", "out_refund")),
                    ("invoice_date", ">=", self._revenue_period_start()),
                ],
                ["commercial_partner_id"],
                ["amount_untaxed_signed:sum"],
            ):
                totals[partner.id] = amount
        currency = self.env.company.currency_id
        for partner in self:
            partner.revenue_last_12_months = totals.get(partner.commercial_partner_id.id, 0.0)
            partner.revenue_currency_id = currency

    @api.model
    def _get_revenue_thresholds(self):
        """Revenue thresholds per level code, from Settings (system parameters)."""
        params = self.env["ir.config_parameter"].sudo()
        thresholds = {}
        for code, default in DEFAULT_REVENUE_THRESHOLDS.items():
            raw = params.get_param(f"redu_services.revenue_threshold_{code.lower()}")
            try:
                thresholds[code] = float(raw) if raw not in (None, False, "") else default
            except ValueError:
                thresholds[code] = default
        return thresholds

    def _get_revenue_suggested_level(self, levels_by_code, thresholds):
        """The level suggested by the revenue of the last 12 months (empty if below every threshold)."""
        self.ensure_one()
        revenue = self.revenue_last_12_months
        # the highest level first: a lower sequence is a higher level
        for level in levels_by_code.values():
            threshold = thresholds.get(level.code)
            if threshold is not None and revenue >= threshold and revenue > 0:
                return level
        return self.env["redu.partnership.level"]

    @api.depends("revenue_last_12_months")
    def _compute_suggested_partnership_level(self):
        """Raise the cooperation-type suggestion of redu_partnership with the revenue suggestion:
        the higher of the two levels (lower sequence) wins."""
        super()._compute_suggested_partnership_level()
        levels = self.env["redu.partnership.level"].search([], order="sequence, id")
        levels_by_code = {level.code: level for level in levels}
        thresholds = self._get_revenue_thresholds()
        for partner in self:
            by_revenue = partner.commercial_partner_id._get_revenue_suggested_level(levels_by_code, thresholds)
            current = partner.suggested_partnership_level_id
            if by_revenue and (not current or by_revenue.sequence < current.sequence):
                partner.suggested_partnership_level_id = by_revenue

    def action_view_service_processes(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("redu_services.redu_service_process_action")
        action["domain"] = [("partner_id", "child_of", self.commercial_partner_id.id)]
        action["context"] = {"default_partner_id": self.commercial_partner_id.id}
        return action

    def action_view_service_revenue(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("redu_services.redu_service_revenue_report_action")
        action["domain"] = [("partner_id", "=", self.commercial_partner_id.id)]
        action["context"] = {"search_default_filter_last_12_months": 1}
        return action
