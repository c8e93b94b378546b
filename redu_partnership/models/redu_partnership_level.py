# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

# Review interval of a new level, and of a partner whose level has none.
DEFAULT_REVIEW_INTERVAL_MONTHS = 12
# The longest review interval (ten years).
REVIEW_INTERVAL_MAX_MONTHS = 120


class ReduPartnershipLevel(models.Model):
    """Partnership level (kumppanuustaso) A-D of a working-life partner.

    A lower ``sequence`` is a higher level: A (partner customers) = 10 ... D (a
    customer relationship exists) = 40.
    """

    _name = "redu.partnership.level"
    _description = "Partnership level"
    _order = "sequence, code, id"
    _rec_names_search = ["name", "code"]

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, help="Short unique code of the level, e.g. A, B, C or D.")
    sequence = fields.Integer(
        default=10,
        help="Order of the levels: a lower sequence is a higher partnership level.",
    )
    review_interval_months = fields.Integer(
        string="Review interval (months)",
        default=DEFAULT_REVIEW_INTERVAL_MONTHS,
        required=True,
        help="How often the partnership of a partner at this level is reviewed.",
    )
    description = fields.Text(translate=True)
    color = fields.Integer()
    active = fields.Boolean(default=True)
    # the levels of the partners are for the partnership groups only (the field's groups on the partner)
    partner_count = fields.Integer(
        string="Partners", compute="_compute_partner_count", groups="redu_partnership.group_partnership_user"
    )

    _code_uniq = models.Constraint("UNIQUE(code)", "The code of a partnership level must be unique.")

    @api.depends("code", "name")
    def _compute_display_name(self):
        for level in self:
            level.display_name = f"{level.code} – {level.name}" if level.code else level.name or ""

    def _compute_partner_count(self):
        counts = dict(
            self.env["res.partner"]._read_group(
                [("partnership_level_id", "in", self.ids)], ["partnership_level_id"], ["__count"]
            )
        )
        for level in self:
            level.partner_count = counts.get(level, 0)

    @api.model
    def _normalize_code_vals(self, vals):
        if vals.get("code"):
            vals["code"] = vals["code"].strip().upper()
        return vals

    @api.model_create_multi
    def create(self, vals_list):
        vals_list = [self._normalize_code_vals(dict(vals)) for vals in vals_list]
        self._check_code_free([vals["code"] for vals in vals_list if vals.get("code")])
        return super().create(vals_list)

    def write(self, vals):
        vals = self._normalize_code_vals(dict(vals))
        if vals.get("code"):
            self._check_code_free([vals["code"]] * len(self), exclude=self)
        return super().write(vals)

    @api.model
    def _check_code_free(self, codes, exclude=None):
        """Refuse, before anything is written, a code that is already used (the SQL
        unique constraint stays as the last guard)."""
        if not codes:
            return
        domain = [("code", "in", codes)]
        if exclude:
            domain.append(("id", "not in", exclude.ids))
        used = set(self.with_context(active_test=False).search_fetch(domain, ["code"]).mapped("code"))
        used |= {code for code in codes if codes.count(code) > 1}
        if used:
            raise ValidationError(
                self.env._(
                    "A partnership level with the code %(code)s already exists: the code must be unique.",
                    code=", ".join(sorted(used)),
                )
            )

    @api.constrains("review_interval_months")
    def _check_review_interval_max(self):
        # the review date adds the interval to today: a huge interval would overflow the calendar
        for level in self:
            if level.review_interval_months > REVIEW_INTERVAL_MAX_MONTHS:
                raise ValidationError(
                    self.env._(
                        "The review interval of the partnership level %(level)s is at most %(max)s months.",
                        level=level.display_name,
                        max=REVIEW_INTERVAL_MAX_MONTHS,
                    )
                )

    @api.constrains("review_interval_months")
    def _check_review_interval(self):
        for level in self:
            if level.review_interval_months < 1:
                raise ValidationError(
                    self.env._(
                        "The review interval of the partnership level %(level)s must be at least one month.",
                        level=level.display_name,
                    )
                )

    def action_view_partners(self):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id("redu_partnership.res_partner_action_partnership")
        action["domain"] = [("partnership_level_id", "=", self.id)]
        action["context"] = {"default_partnership_level_id": self.id, "default_is_company": True}
        return action
