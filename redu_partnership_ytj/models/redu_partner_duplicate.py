# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict
from itertools import combinations

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain
from odoo.tools import SQL

REASON_BUSINESS_ID = "business_id"
REASON_NAME_CITY = "name_city"
REASON_NAME_EMAIL = "name_email"
REASON_NAME_CITY_EMAIL = "name_city_email"
REASONS = [
    (REASON_BUSINESS_ID, "Same Y-tunnus"),
    (REASON_NAME_CITY_EMAIL, "Same name, municipality and email domain"),
    (REASON_NAME_CITY, "Same name and municipality"),
    (REASON_NAME_EMAIL, "Same name and email domain"),
]
SCORES = {REASON_BUSINESS_ID: 100, REASON_NAME_CITY_EMAIL: 90, REASON_NAME_CITY: 80, REASON_NAME_EMAIL: 70}
# Email domains shared by unrelated people: the same name at one of them proves nothing.
FREE_MAIL_DOMAINS = (
    "gmail.com",
    "hotmail.com",
    "outlook.com",
    "live.com",
    "yahoo.com",
    "icloud.com",
    "luukku.com",
    "suomi24.fi",
    "kolumbus.fi",
    "welho.com",
    "elisanet.fi",
    "netti.fi",
    "pp.inet.fi",
)


class ReduPartnerDuplicate(models.Model):
    """A pair of company partners that are probably one organisation.

    Found in batch by ``_detect_duplicates`` (nightly job and a button): the same Y-tunnus
    however it is written (``res.partner.redu_business_id_key``, normalised with python-stdnum whatever
    the partner's country: certain), or the same normalised name (``res.partner.redu_name_key``) with the same
    municipality or email domain (probable). A dismissed pair is kept so that it is not
    proposed again.
    """

    _name = "redu.partner.duplicate"
    _description = "Possible duplicate partners"
    _inherit = []
    _order = "state, score desc, id desc"
    _rec_name = "partner_id"

    partner_id = fields.Many2one("res.partner", required=True, index=True, ondelete="cascade", redu_system=True)
    other_partner_id = fields.Many2one(
        "res.partner", string="Other partner", required=True, index=True, ondelete="cascade", redu_system=True
    )
    reason = fields.Selection(REASONS, required=True, redu_system=True)
    certainty = fields.Selection(
        [("certain", "Certain"), ("probable", "Probable")],
        compute="_compute_certainty",
        store=True,
        redu_system=True,
    )
    score = fields.Integer(
        help="100 for the same Y-tunnus; 70-90 for the same name with the same municipality or email domain.",
        redu_system=True,
    )
    state = fields.Selection(
        [("open", "To check"), ("dismissed", "Not a duplicate")],
        default="open",
        required=True,
        index=True,
    )
    dismissed_by_id = fields.Many2one("res.users", string="Dismissed by", readonly=True, redu_system=True)
    dismissed_date = fields.Datetime(string="Dismissed on", readonly=True, redu_system=True)
    partner_business_id = fields.Char(related="partner_id.company_registry", string="Y-tunnus")
    other_business_id = fields.Char(related="other_partner_id.company_registry", string="Other Y-tunnus")
    partner_city = fields.Char(related="partner_id.city", string="City")
    other_city = fields.Char(related="other_partner_id.city", string="Other city")

    _pair_uniq = models.Constraint("UNIQUE(partner_id, other_partner_id)", "A pair of partners is listed once.")
    _pair_order = models.Constraint(
        "CHECK(partner_id < other_partner_id)", "The partners of a pair are stored in the order of their ids."
    )

    @api.depends("reason")
    def _compute_certainty(self):
        for pair in self:
            pair.certainty = "certain" if pair.reason == REASON_BUSINESS_ID else "probable"

    # ------------------------------------------------------------------
    # Detection
    # ------------------------------------------------------------------
    @api.model
    def _candidate_pairs(self):
        """{(id, other id): reason} over the active company partners: three grouped queries."""
        Partner = self.env["res.partner"]
        Partner.flush_model(
            ["active", "is_company", "parent_id", "redu_business_id_key", "redu_name_key", "city", "email"]
        )
        pairs = {}
        for _registry, ids in Partner._read_group(
            Domain("is_company", "=", True)
            & Domain("parent_id", "=", False)
            & Domain("redu_business_id_key", "!=", False),
            ["redu_business_id_key"],
            ["id:array_agg"],
            having=[("__count", ">", 1)],
        ):
            for pair in combinations(sorted(ids), 2):
                pairs[pair] = REASON_BUSINESS_ID
        by_name = defaultdict(set)  # {pair: {"city", "email"}}
        for kind, key in (
            ("city", SQL("lower(btrim(city))")),
            ("email", SQL("lower(split_part(btrim(email), '@', 2))")),
        ):
            self.env.cr.execute(
                SQL(
                    """
                SELECT array_agg(id ORDER BY id), array_agg(redu_business_id_key ORDER BY id)
                  FROM res_partner
                 WHERE active AND is_company AND parent_id IS NULL AND redu_name_key IS NOT NULL AND %(key)s != ''
                   AND NOT (%(key)s = ANY(%(free)s))
                 GROUP BY redu_name_key, %(key)s
                HAVING count(*) > 1
                """,
                    key=key,
                    free=list(FREE_MAIL_DOMAINS) if kind == "email" else [],
                )
            )
            for ids, registries in self.env.cr.fetchall():
                registry_by_id = dict(zip(ids, registries, strict=True))
                for left, right in combinations(ids, 2):
                    # two different Y-tunnus values are two legal entities, whatever their names
                    if registry_by_id[left] and registry_by_id[right] and registry_by_id[left] != registry_by_id[right]:
                        continue
                    by_name[(left, right)].add(kind)
        for pair, kinds in by_name.items():
            if pair in pairs:
                continue
            if kinds == {"city", "email"}:
                pairs[pair] = REASON_NAME_CITY_EMAIL
            else:
                pairs[pair] = REASON_NAME_CITY if "city" in kinds else REASON_NAME_EMAIL
        return pairs

    @api.model
    def _detect_duplicates(self):
        """Refresh the list: add the new pairs, update the open ones, drop the open pairs that no
        longer match; dismissed pairs stay dismissed. Returns the number of open pairs."""
        pairs = self._candidate_pairs()
        existing = {(pair.partner_id.id, pair.other_partner_id.id): pair for pair in self.search([])}
        to_create = []
        to_drop = self.browse()
        updates = defaultdict(lambda: self.browse())
        for key, pair in existing.items():
            reason = pairs.get(key)
            if pair.state != "open":
                continue
            if not reason:
                to_drop |= pair
            elif pair.reason != reason:
                updates[reason] |= pair
        for key, reason in pairs.items():
            if key not in existing:
                to_create.append(
                    {"partner_id": key[0], "other_partner_id": key[1], "reason": reason, "score": SCORES[reason]}
                )
        for reason, records in updates.items():
            records.write({"reason": reason, "score": SCORES[reason]})
        to_drop.unlink()
        self.create(to_create)
        return self.search_count([("state", "=", "open")])

    @api.model
    def _cron_detect_duplicates(self):
        self._detect_duplicates()

    @api.model
    def action_detect_duplicates(self):
        self.check_access("create")
        # sudo: the pairs are the detection's, written as by the nightly job; the user may add pairs
        count = self.sudo()._detect_duplicates()
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "info",
                "message": self.env._("%(count)s possible duplicates to check.", count=count),
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

    # ------------------------------------------------------------------
    # Actions on a pair
    # ------------------------------------------------------------------
    def action_dismiss(self):
        self.check_access("write")
        # sudo: who dismissed the pair and when is the system's stamp (write access checked above)
        self.sudo().write(
            {"state": "dismissed", "dismissed_by_id": self.env.uid, "dismissed_date": fields.Datetime.now()}
        )
        return True

    def action_reopen(self):
        self.check_access("write")
        # sudo: clears the system's stamp of the dismissal (write access checked above)
        self.sudo().write({"state": "open", "dismissed_by_id": False, "dismissed_date": False})
        return True

    def action_merge(self):
        """Odoo's merge dialog with the two partners; the kept one is the one with a Y-tunnus,
        else the older one."""
        self.ensure_one()
        if self.state != "open":
            raise UserError(self.env._("This pair was dismissed: reopen it before merging."))
        partners = self.partner_id | self.other_partner_id
        keep = partners.filtered("company_registry")[:1] or self.partner_id
        wizard = (
            self.env["base.partner.merge.automatic.wizard"]
            .with_context(active_model="res.partner", active_ids=partners.ids)
            .create({"dst_partner_id": keep.id})
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Merge partners"),
            "res_model": "base.partner.merge.automatic.wizard",
            "res_id": wizard.id,
            "view_mode": "form",
            "target": "new",
        }
