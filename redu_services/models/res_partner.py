# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.fields import Domain

from odoo.addons.redu_base.tools.dates import redu_today


class ResPartner(models.Model):
    _inherit = "res.partner"

    service_process_ids = fields.One2many("redu.service.process", "partner_id", string="Service processes")
    service_process_count = fields.Integer(string="Service process count", compute="_compute_service_process_count")
    revenue_last_12_months = fields.Monetary(
        string="Revenue (12 months)",
        compute="_compute_revenue_last_12_months",
        currency_field="revenue_currency_id",
        help="Untaxed revenue of the posted customer invoices linked to service processes of the "
        "organisation in the last 12 months, minus credit notes, over every group entity.",
    )
    revenue_currency_id = fields.Many2one(
        "res.currency", string="Revenue currency", compute="_compute_revenue_last_12_months"
    )

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
        return redu_today(self) - relativedelta(months=12)

    @api.model
    def _read_revenue_last_12_months(self, commercial_ids=None, min_amount=None):
        """Untaxed revenue of the last 12 months per commercial partner, in one grouped read.

        The revenue moves (``account.move._redu_revenue_domain``: posted customer invoices minus
        credit notes) linked to a service process, over every group entity. The single source of
        ``revenue_last_12_months`` and of the search on ``suggested_level_differs``.

        :param list commercial_ids: restrict to these commercial partners (None: every partner)
        :param float min_amount: keep only the partners whose revenue is at least this amount
        :return: {commercial partner id: revenue}
        """
        domain = (
            Domain("service_process_id", "!=", False)
            & self.env["account.move"]._redu_revenue_domain()
            & Domain("invoice_date", ">=", self._revenue_period_start())
        )
        if commercial_ids is not None:
            domain &= Domain("commercial_partner_id", "in", commercial_ids)
        having = [("amount_untaxed_signed:sum", ">=", min_amount)] if min_amount is not None else ()
        # sudo: the revenue of a partner is a group-wide figure (partners are shared by every
        # group entity and the partnership level is group-wide), so it sums the invoices of
        # every entity, also those the current user cannot open. Only the totals are exposed.
        return {
            partner.id: amount
            for partner, amount in self.env["account.move"]
            .sudo()
            ._read_group(domain, ["commercial_partner_id"], ["amount_untaxed_signed:sum"], having=having)
        }

    def _compute_revenue_last_12_months(self):
        commercial = self.commercial_partner_id.filtered("id")
        totals = self._read_revenue_last_12_months(commercial.ids) if commercial else {}
        currency = self.env.company.currency_id
        for partner in self:
            partner.revenue_last_12_months = totals.get(partner.commercial_partner_id.id, 0.0)
            partner.revenue_currency_id = currency

    @api.model
    def _revenue_level(self, revenue, levels, thresholds):
        """The level suggested by an amount of revenue: the highest level whose threshold it reaches.

        :param levels: the levels, the highest first (a lower sequence is a higher level)
        """
        for level in levels:
            threshold = thresholds.get(level.code)
            if threshold is not None and revenue >= threshold and revenue > 0:
                return level
        return self.env["redu.partnership.level"]

    @api.depends("revenue_last_12_months")
    def _compute_suggested_partnership_level(self):
        """Raise the cooperation-type suggestion of redu_partnership with the revenue suggestion:
        the higher of the two levels (lower sequence) wins."""
        result = super()._compute_suggested_partnership_level()
        # the configured levels (A-D): a handful of rows
        levels = self.env["redu.partnership.level"].search([], order="sequence, id")  # pylint: disable=no-search-all
        thresholds = self.env["res.config.settings"]._get_redu_revenue_thresholds()
        for partner in self:
            # revenue_last_12_months is the revenue of the commercial partner
            by_revenue = self._revenue_level(partner.revenue_last_12_months, levels, thresholds)
            current = partner.suggested_partnership_level_id
            if by_revenue and (not current or by_revenue.sequence < current.sequence):
                partner.suggested_partnership_level_id = by_revenue
        return result

    def _search_suggested_level_differs(self, operator, value):
        """Find the partners whose suggestion, raised by revenue as in the compute, differs from
        their level."""
        if operator not in ("in", "not in"):
            return NotImplemented
        wanted = set(value) if operator == "in" else {True, False} - set(value)
        if wanted in ({True, False}, set()):
            return super()._search_suggested_level_differs(operator, value)
        differs = self._suggested_level_differs_domain()
        return differs if True in wanted else ~differs

    @api.model
    def _suggested_level_differs_domain(self):
        """Domain of the partners whose suggested level (the higher of the cooperation-type and the
        revenue suggestions) is set and differs from their level.

        One grouped read of the revenue per commercial partner, keeping only those that reach a
        threshold; their partners are split by revenue level, the others keep the
        cooperation-type rule of redu_partnership.
        """
        by_type = super()._search_suggested_level_differs("in", [True])  # pylint: disable=W8164
        # sudo: the filter is available to users who may not read the level configuration
        levels = self.env["redu.partnership.level"].sudo().search_fetch([], ["code", "sequence"], order="sequence, id")
        thresholds = self.env["res.config.settings"]._get_redu_revenue_thresholds()
        reachable = [thresholds[code] for code in levels.mapped("code") if code in thresholds]
        if not reachable:
            return by_type
        revenues = self._read_revenue_last_12_months(min_amount=max(min(reachable), 0.0))
        ids_by_revenue_level = defaultdict(list)
        for commercial_id, revenue in revenues.items():
            level = self._revenue_level(revenue, levels, thresholds)
            if level:
                ids_by_revenue_level[level].append(commercial_id)
        if not ids_by_revenue_level:
            return by_type

        levels_by_code = {level.code: level for level in levels}
        type_levels = {
            ctype: levels_by_code[code]
            for ctype, code in self._get_suggested_level_code_by_type().items()
            if code in levels_by_code
        }
        raised_ids = [commercial_id for ids in ids_by_revenue_level.values() for commercial_id in ids]
        parts = [Domain("commercial_partner_id", "not in", raised_ids) & by_type]
        for revenue_level, commercial_ids in ids_by_revenue_level.items():
            # cooperation types whose suggestion stays above the revenue level (as in the compute,
            # revenue replaces the suggestion only when strictly higher)
            types_by_level = defaultdict(list)
            for ctype, type_level in type_levels.items():
                if type_level.sequence <= revenue_level.sequence:
                    types_by_level[type_level].append(ctype)
            kept_types = [ctype for ctypes in types_by_level.values() for ctype in ctypes]
            differs = Domain.OR(
                [
                    Domain("cooperation_type", "not in", kept_types)
                    & Domain("partnership_level_id", "!=", revenue_level.id),
                    *(
                        Domain("cooperation_type", "in", ctypes) & Domain("partnership_level_id", "!=", level.id)
                        for level, ctypes in types_by_level.items()
                    ),
                ]
            )
            parts.append(Domain("commercial_partner_id", "in", commercial_ids) & differs)
        return Domain.OR(parts)

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
