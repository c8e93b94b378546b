# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain

CHANNEL_SELECTION = [
    ("web", "Web"),
    ("phone", "Phone"),
    ("email", "Email"),
    ("event", "Event"),
    ("referral", "Referral"),
    ("visit", "Visit"),
    ("other", "Other"),
]


class ReduServiceProcess(models.Model):
    _name = "redu.service.process"
    _description = "Service process"
    _inherit = ["mail.thread", "mail.activity.mixin", "redu.company.check.mixin"]
    _order = "priority desc, date_inquiry desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Reference",
        required=True,
        copy=False,
        readonly=True,
        index="trigram",
        default=lambda self: self.env._("New"),
    )
    title = fields.Char(string="Subject", tracking=True)
    priority = fields.Selection([("0", "Normal"), ("1", "High")], default="0")
    color = fields.Integer()
    partner_id = fields.Many2one(
        "res.partner",
        string="Organisation",
        required=True,
        tracking=True,
        index=True,
        check_company=True,
        domain="['|', ('is_company', '=', True), ('parent_id', '=', False)]",
        help="The working-life organisation (or person) the service is for.",
    )
    contact_id = fields.Many2one(
        "res.partner",
        string="Contact person",
        tracking=True,
        check_company=True,
        domain="[('commercial_partner_id', '=', partner_id)]",
    )
    service_id = fields.Many2one(
        "redu.service",
        required=True,
        tracking=True,
        index=True,
        check_company=True,
    )
    category_id = fields.Many2one(related="service_id.category_id", store=True, string="Category")
    funding = fields.Selection(related="service_id.funding", store=True)
    company_id = fields.Many2one(
        "res.company",
        string="Group entity",
        required=True,
        index=True,
        tracking=True,
        compute="_compute_company_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        tracking=True,
        index=True,
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
    )
    member_ids = fields.One2many("redu.service.process.member", "process_id", string="Team", copy=True)
    stage_id = fields.Many2one(
        "redu.service.stage",
        tracking=True,
        index=True,
        copy=False,
        ondelete="restrict",
        group_expand="_read_group_expand_full",
        default=lambda self: self._default_stage_id(),
    )
    stage_kind = fields.Selection(related="stage_id.kind")
    is_closed = fields.Boolean(related="stage_id.is_closed", store=True)
    checklist_line_ids = fields.One2many(
        "redu.service.process.checklist.line", "process_id", string="Checklist", copy=True
    )
    checklist_progress = fields.Float(string="Checklist progress", compute="_compute_checklist_progress")
    checklist_manageable = fields.Boolean(
        string="May manage the checklist",
        compute="_compute_checklist_manageable",
        help="Whether the current user may decide which checklist items are required and by which stage.",
    )
    channel = fields.Selection(CHANNEL_SELECTION, string="Contact channel", default="email", tracking=True)
    date_inquiry = fields.Datetime(string="Inquiry received", required=True, default=fields.Datetime.now, tracking=True)
    date_first_response = fields.Datetime(
        string="First response",
        compute="_compute_date_first_response",
        store=True,
        readonly=False,
        tracking=True,
        copy=False,
        help="When the organisation was first answered: the process left the inquiry stage, or (with "
        "the website inquiries) a message was sent or a call logged; a date recorded by hand is kept.",
    )
    date_response_due = fields.Date(
        string="First response due",
        compute="_compute_date_response_due",
        store=True,
        readonly=False,
        index=True,
        help="The inquiry date plus the response target of the group entity, in working days.",
    )
    response_on_time_percent = fields.Float(
        string="First response on time (%)",
        compute="_compute_response_on_time_percent",
        store=True,
        aggregator="avg",
        redu_system=True,
        help="100 when the first response came by its due date (the entity's response target), else 0: "
        "averaged over the answered inquiries, the share answered within the target.",
    )
    response_hours = fields.Float(
        string="Response time (hours)",
        compute="_compute_response_hours",
        store=True,
        aggregator="avg",
        help="Hours from the inquiry to the first response (reachability, critical point 1).",
        redu_system=True,
    )
    date_agreement = fields.Date(string="Agreement date", tracking=True, copy=False)
    date_start = fields.Date(string="Start date")
    date_end = fields.Date(string="End date")
    expected_revenue = fields.Monetary(string="Expected revenue", currency_field="currency_id", tracking=True)
    sale_order_ids = fields.One2many("sale.order", "service_process_id", string="Sale orders", check_company=True)
    sale_order_count = fields.Integer(string="Sale order count", compute="_compute_sale_order_count")
    invoice_ids = fields.One2many("account.move", "service_process_id", string="Invoices", check_company=True)
    invoice_count = fields.Integer(string="Invoice count", compute="_compute_invoice_count")
    invoiced_revenue = fields.Monetary(
        string="Invoiced revenue",
        currency_field="currency_id",
        compute="_compute_invoiced_revenue",
        store=True,
        compute_sudo=True,
        help="Untaxed amount of the posted customer invoices linked to the process, minus credit notes, "
        "in the currency of the group entity.",
        redu_system=True,
    )
    feedback_score = fields.Selection(
        string="Feedback score",
        selection=[
            ("1", "1 - Poor"),
            ("2", "2 - Fair"),
            ("3", "3 - Good"),
            ("4", "4 - Very good"),
            ("5", "5 - Excellent"),
        ],
        tracking=True,
        copy=False,
    )
    feedback_note = fields.Text(string="Feedback note", copy=False)
    cancel_reason = fields.Text(string="Cancellation reason", tracking=True, copy=False)
    description = fields.Html(string="Notes")

    _dates_check = models.Constraint(
        "CHECK(date_end IS NULL OR date_start IS NULL OR date_end >= date_start)",
        "The end date of a service process cannot be before its start date.",
    )

    # ------------------------------------------------------------------
    # defaults and computes
    # ------------------------------------------------------------------
    def _mail_get_partners(self, introspect_fields=False):
        """The customer the chatter suggests writing to: the contact person when the process has one
        (an organisation created from an inquiry has no email of its own, and a recipient without an
        email stops the chatter's Send), else the organisation."""
        return {process.id: process.contact_id or process.partner_id for process in self}

    @api.model
    def _default_stage_id(self):
        return self.env["redu.service.stage"].search([], limit=1)

    @api.model
    def _redu_company_fields(self):
        # the entity is computed from the service
        return super()._redu_company_fields() | {"service_id"}

    @api.depends("service_id")
    def _compute_company_id(self):
        for process in self:
            if process.service_id:
                process.company_id = process.service_id.company_id
            elif not process.company_id:
                process.company_id = self.env.company

    @api.depends("stage_id")
    def _compute_date_first_response(self):
        """A process past the inquiry stage has been answered: stamped when it gets there, kept
        afterwards (also when it moves back)."""
        now = fields.Datetime.now()
        for process in self:
            answered = process.stage_id and process.stage_id.kind != "inquiry"
            process.date_first_response = process.date_first_response or (now if answered else False)

    @api.depends("date_inquiry", "company_id")
    def _compute_date_response_due(self):
        for process in self:
            if process.date_inquiry and process.company_id:
                process.date_response_due = process.company_id._redu_response_due_date(process.date_inquiry)
            else:
                process.date_response_due = False

    @api.depends("date_first_response", "date_response_due")
    def _compute_response_on_time_percent(self):
        for process in self:
            on_time = (
                process.date_first_response
                and process.date_response_due
                and process.company_id._redu_local_date(process.date_first_response) <= process.date_response_due
            )
            process.response_on_time_percent = 100.0 if on_time else 0.0

    @api.depends("date_inquiry", "date_first_response")
    def _compute_response_hours(self):
        for process in self:
            if process.date_inquiry and process.date_first_response:
                delta = process.date_first_response - process.date_inquiry
                process.response_hours = max(delta.total_seconds(), 0.0) / 3600.0
            else:
                process.response_hours = 0.0

    @api.depends_context("uid")
    def _compute_checklist_manageable(self):
        manageable = self.env["redu.service.process.checklist.line"]._redu_is_manager()
        self.checklist_manageable = manageable

    @api.depends("checklist_line_ids.done")
    def _compute_checklist_progress(self):
        for process in self:
            lines = process.checklist_line_ids
            process.checklist_progress = 100.0 * len(lines.filtered("done")) / len(lines) if lines else 0.0

    @api.depends("sale_order_ids")
    def _compute_sale_order_count(self):
        # sudo: the count is shown to back-office users without sales rights too (the button
        # that opens the orders is only for sales users).
        counts = dict(
            self.env["sale.order"]
            .sudo()
            ._read_group([("service_process_id", "in", self.ids)], ["service_process_id"], ["__count"])
        )
        for process in self:
            process.sale_order_count = counts.get(process, 0)

    @api.depends("invoice_ids")
    def _compute_invoice_count(self):
        # sudo: as for the sale orders, the button that opens the invoices is for invoicing users.
        counts = dict(
            self.env["account.move"]
            .sudo()
            ._read_group(
                [
                    ("service_process_id", "in", self.ids),
                    ("move_type", "in", self.env["account.move"].get_sale_types()),
                ],
                ["service_process_id"],
                ["__count"],
            )
        )
        for process in self:
            process.invoice_count = counts.get(process, 0)

    @api.depends(
        "invoice_ids.state",
        "invoice_ids.move_type",
        "invoice_ids.amount_untaxed_signed",
        "invoice_ids.company_id",
    )
    def _compute_invoiced_revenue(self):
        """One grouped query for the whole batch: the revenue moves (posted customer invoices minus
        credit notes, see ``account.move._redu_revenue_domain``).

        amount_untaxed_signed is in company currency and negative for credit notes.
        """
        ids = [pid for pid in self.ids if pid]
        totals = {}
        if ids:
            Move = self.env["account.move"]
            totals = {
                process.id: amount
                for process, amount in Move._read_group(
                    Domain("service_process_id", "in", ids) & Move._redu_revenue_domain(),
                    ["service_process_id"],
                    ["amount_untaxed_signed:sum"],
                )
            }
        for process in self:
            process.invoiced_revenue = totals.get(process.id, 0.0)

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not vals.get("name") or vals["name"] == self.env._("New"):
                company = self.env["res.company"].browse(vals.get("company_id")) or self.env.company
                vals["name"] = self.env["ir.sequence"].with_company(company).next_by_code(
                    "redu.service.process"
                ) or self.env._("New")
        processes = super().create(vals_list)
        processes._copy_checklist_from_template()
        processes._check_stage_gates()
        processes._schedule_stage_activity()
        return processes

    def write(self, vals):
        if "stage_id" not in vals:
            res = super().write(vals)
            if "service_id" in vals:
                self._copy_checklist_from_template()
            return res
        new_stage = self.env["redu.service.stage"].browse(vals["stage_id"])
        moving = self.filtered(lambda p: p.stage_id != new_stage)
        old_stages = {process.id: process.stage_id for process in moving}
        res = super().write(vals)
        if "service_id" in vals:
            self._copy_checklist_from_template()
        # The gates judge each process as the whole save leaves it (e.g. with the checklist items
        # ticked in the same save); a refusal raises out of the write, and the request is rolled
        # back with everything the save wrote.
        moving._check_stage_gates(old_stages)
        # the first response is the time of the move, not of the next flush
        moving._recompute_recordset(["date_first_response"])
        backwards = moving.filtered(lambda p: old_stages[p.id] and old_stages[p.id].sequence > new_stage.sequence)
        for process in backwards:
            process.message_post(
                body=Markup("<p>%s</p>")
                % self.env._(
                    "Moved back from stage %(old)s to %(new)s.",
                    old=old_stages[process.id].name,
                    new=new_stage.name,
                ),
                message_type="notification",
                subtype_xmlid="mail.mt_note",
            )
        moving._close_stage_activities(old_stages)
        moving._schedule_stage_activity()
        return res

    def copy_data(self, default=None):
        vals_list = super().copy_data(default=default)
        for vals in vals_list:
            vals.pop("name", None)
            vals.setdefault("stage_id", self._default_stage_id().id)
        return vals_list

    def copy(self, default=None):
        """The items of the checklist are copied as the system: whether they are required and by
        which stage is what a services administrator (or the template) decided, which the write
        guard refuses to the other users, who may duplicate the process."""
        default = dict(default or {})
        if "checklist_line_ids" in default:
            return super().copy(default)
        copies = super().copy(dict(default, checklist_line_ids=[]))
        # the copy got the template's items on creation: those the original has are copied from it
        Line = self.env["redu.service.process.checklist.line"]
        from_template = Line
        lines_vals = []
        for process, copied in zip(self, copies, strict=True):
            templated = process.checklist_line_ids.template_line_id
            from_template |= copied.checklist_line_ids.filtered(
                lambda line, templated=templated: line.template_line_id in templated
            )
            lines_vals += process.checklist_line_ids.copy_data({"process_id": copied.id})
        # sudo: see the docstring; the copies are the user's (their entity and rules were checked)
        from_template.sudo().unlink()
        if lines_vals:
            Line.sudo().create(lines_vals)
        return copies

    def _copy_checklist_from_template(self):
        """Copy the items of the service's checklist template that the process does not have yet.

        Items given with the process do not keep the template's items out: a process created with
        a checklist of its own still gets the template's required items that its gates check.
        """
        lines_vals = []
        for process in self:
            template = process.service_id.checklist_template_id
            if not template:
                continue
            present = set(process.checklist_line_ids.template_line_id.ids)
            for line_vals in template._prepare_process_checklist_vals():
                if line_vals["template_line_id"] not in present:
                    lines_vals.append(dict(line_vals, process_id=process.id))
        if lines_vals:
            # sudo: the items, whether they are required and by which stage, are the template's
            # (a services administrator's decision), not the user's who created the process or
            # chose its service; the process is theirs (its entity and rules were checked)
            self.env["redu.service.process.checklist.line"].sudo().create(lines_vals)

    # ------------------------------------------------------------------
    # stage gates and activities
    # ------------------------------------------------------------------
    def _check_stage_gates(self, old_stages=None):
        """Refuse (UserError) a process whose stage has a gate that it does not pass.

        Each process is judged as it is now, after the write or create that put it in its stage:
        every gate of the stage calls its rule ``_gate_<code>``, which returns what is missing.
        Gates that are only for forward moves are skipped when the process moved back.

        :param dict old_stages: {process id: stage before the move} (none on creation)
        """
        old_stages = old_stages or {}
        for process in self:
            stage = process.stage_id
            gates = stage.gate_ids
            old_stage = old_stages.get(process.id)
            if old_stage and old_stage.sequence >= stage.sequence:
                gates = gates.filtered(lambda gate: not gate.forward_only)
            missing = [message for gate in gates if (message := getattr(process, f"_gate_{gate.code}")())]
            if missing:
                raise UserError(
                    self.env._(
                        "The service process %(process)s cannot enter the stage %(stage)s. Missing: %(missing)s.",
                        process=process.name,
                        stage=stage.name,
                        missing="; ".join(missing),
                    )
                )

    # One rule per gate (redu.service.stage.gate, by its code): what the process misses to pass
    # the gate, or an empty string.
    def _gate_agreement_date(self):
        self.ensure_one()
        return "" if self.date_agreement else self.env._("the agreement date")

    def _gate_confirmed_sale_order(self):
        """A paid service needs a confirmed sale order."""
        self.ensure_one()
        if self.service_id.funding != "paid":
            return ""
        # sudo: back-office users may have no sales rights; the gate only checks that a
        # confirmed order of this process exists.
        if self.sudo().sale_order_ids.filtered(lambda order: order.state == "sale"):
            return ""
        return self.env._("a confirmed sale order (the service is paid)")

    def _gate_required_checklist(self):
        """Every required checklist item done."""
        self.ensure_one()
        undone = self.checklist_line_ids.filtered(lambda line: line.required and not line.done)
        if not undone:
            return ""
        return self.env._("the required checklist items: %s", ", ".join(undone.mapped("name")))

    def _gate_checklist_passed_stages(self):
        """The required checklist items of the stages before the process's stage done."""
        self.ensure_one()
        passed = self.checklist_line_ids.filtered(
            lambda line: (
                line.required and not line.done and line.stage_id and line.stage_id.sequence < self.stage_id.sequence
            )
        )
        if not passed:
            return ""
        return self.env._(
            "the required checklist items of the stages already passed: %s", ", ".join(passed.mapped("name"))
        )

    def _gate_feedback_score(self):
        self.ensure_one()
        return "" if self.feedback_score else self.env._("a feedback score")

    def _gate_cancel_reason(self):
        self.ensure_one()
        return "" if (self.cancel_reason or "").strip() else self.env._("a cancellation reason")

    def _close_stage_activities(self, old_stages):
        """Mark done the open activities that the stages just left had scheduled."""
        activities = self.env["mail.activity"]
        for process in self:
            activity_type = old_stages[process.id].activity_type_id
            if activity_type:
                activities |= process.activity_ids.filtered(
                    lambda act, activity_type=activity_type: act.activity_type_id == activity_type
                )
        if activities:
            activities.action_feedback()

    def _schedule_stage_activity(self):
        for process in self:
            activity_type = process.stage_id.activity_type_id
            if not activity_type:
                continue
            process.activity_schedule(
                activity_type_id=activity_type.id,
                user_id=(process.user_id or self.env.user).id,
            )

    # ------------------------------------------------------------------
    # actions
    # ------------------------------------------------------------------
    def action_create_quotation(self):
        """Create a quotation for the process, pre-filled with the organisation and the service product."""
        self.ensure_one()
        if self.is_closed:
            raise UserError(self.env._("The service process %s is closed: no new quotation.", self.name))
        order_vals = {
            "partner_id": self.partner_id.id,
            "company_id": self.company_id.id,
            "service_process_id": self.id,
            "user_id": self.user_id.id,
            "origin": self.name,
        }
        product = self.service_id.product_id
        if product:
            order_vals["order_line"] = [fields.Command.create({"product_id": product.id, "product_uom_qty": 1.0})]
        order = self.env["sale.order"].with_company(self.company_id).create(order_vals)
        return {
            "type": "ir.actions.act_window",
            "res_model": "sale.order",
            "res_id": order.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }

    def action_view_sale_orders(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("sale.action_quotations_with_onboarding")
        action["domain"] = [("service_process_id", "=", self.id)]
        action["context"] = {
            "default_service_process_id": self.id,
            "default_partner_id": self.partner_id.id,
            "default_company_id": self.company_id.id,
        }
        return action

    def action_view_invoices(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("account.action_move_out_invoice_type")
        action["domain"] = [
            ("service_process_id", "=", self.id),
            ("move_type", "in", self.env["account.move"].get_sale_types()),
        ]
        action["context"] = {
            "default_service_process_id": self.id,
            "default_partner_id": self.partner_id.id,
            "default_move_type": "out_invoice",
        }
        return action
