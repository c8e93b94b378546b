# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from odoo import Command, api, fields, models
from odoo.exceptions import UserError

from ..tools.contact_checks import check_business_id, check_email, check_phone
from ..tools.rule_catalogue import RULE_BY_CODE, codes_of

# what a line of the wizard can fix, from the one catalogue of rules
INSTRUCTOR_RULES = codes_of(target="instructor")
EMPLOYER_RULES = codes_of(target="employer")
# values the wizard refuses: eHOKS would reject the HOKS, or they are no address or number at all
REFUSED_ERRORS = frozenset({"invalid", "rejected_by_hoks"})


class ReduContactFixWizard(models.TransientModel):
    _name = "redu.contact.fix.wizard"
    _description = "Fix instructor contacts and business IDs"

    agreement_ids = fields.Many2many("redu.workplace.agreement", string="Agreements")
    line_ids = fields.One2many("redu.contact.fix.wizard.line", "wizard_id", string="Contacts")
    issue_ids = fields.Many2many(
        "redu.contact.issue",
        string="Open issues",
        compute="_compute_issue_ids",
    )
    open_issue_count = fields.Integer(string="Open issues count", compute="_compute_issue_ids")
    result_message = fields.Char(string="Result", readonly=True)

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        context = self.env.context
        agreements = self.env["redu.workplace.agreement"]
        if context.get("active_model") == "redu.workplace.agreement":
            agreements = agreements.browse(context.get("active_ids") or [])
        elif context.get("active_model") == "redu.contact.issue":
            agreements = self.env["redu.contact.issue"].browse(context.get("active_ids") or []).agreement_id
        if not agreements:
            raise UserError(self.env._("Select the agreements whose contacts you want to fix."))
        values["agreement_ids"] = [Command.set(agreements.ids)]
        values["line_ids"] = [Command.create(vals) for vals in self._prepare_lines(agreements)]
        return values

    @api.depends("agreement_ids")
    def _compute_issue_ids(self):
        for wizard in self:
            wizard.issue_ids = wizard.agreement_ids.issue_ids
            wizard.open_issue_count = len(wizard.issue_ids)

    @api.model
    def _prepare_lines(self, agreements):
        issues_by_partner = defaultdict(list)
        agreements_by_partner = defaultdict(set)
        for issue in agreements.issue_ids:
            if issue.rule_code in INSTRUCTOR_RULES and issue.instructor_id:
                issues_by_partner[issue.instructor_id].append(issue)
            elif issue.rule_code in EMPLOYER_RULES and issue.employer_id:
                issues_by_partner[issue.employer_id].append(issue)
        for agreement in agreements:
            for partner in agreement.instructor_id | agreement.employer_id:
                agreements_by_partner[partner].add(agreement.id)
        lines = []
        for partner in agreements.instructor_id:
            lines.append(
                {
                    "line_type": "instructor",
                    "partner_id": partner.id,
                    "name": partner.name,
                    "email": partner.email,
                    "phone": partner.phone,
                    "agreement_count": len(agreements_by_partner[partner]),
                    "issue_summary": self._summary(issues_by_partner[partner]),
                }
            )
        for partner in agreements.employer_id:
            lines.append(
                {
                    "line_type": "employer",
                    "partner_id": partner.id,
                    "name": partner.name,
                    "business_id": partner.company_registry,
                    "agreement_count": len(agreements_by_partner[partner]),
                    "issue_summary": self._summary(issues_by_partner[partner]),
                }
            )
        return lines

    @api.model
    def _summary(self, issues):
        texts = []
        for issue in issues:
            if issue.message not in texts:
                texts.append(issue.message)
        return "\n".join(texts)

    def _line_changes(self, line):
        """Return the normalised values of a line to write on its partner, and the errors.

        Only the values the user changed are checked: an invalid value already on the contact
        stays as it is (the validation reports it) unless it is edited.
        """
        partner = line.partner_id
        changes = {}
        errors = []
        name = " ".join((line.name or "").split())
        label = name or partner.name
        if name and name != partner.name:
            changes["name"] = name
        if line.line_type == "instructor":
            fields_to_check = (("email", check_email), ("phone", check_phone))
        else:
            fields_to_check = (("business_id", check_business_id),)
        for field_name, check in fields_to_check:
            partner_field = "company_registry" if field_name == "business_id" else field_name
            typed = (line[field_name] or "").strip()
            current = partner[partner_field] or ""
            if typed == current.strip():
                continue
            value = False
            if typed:
                value, error = check(typed)
                if error in REFUSED_ERRORS:
                    errors.append(
                        self.env._(
                            "%(name)s: %(value)s is not a valid %(what)s. %(hint)s",
                            name=label,
                            value=typed,
                            what=line._fields[field_name].get_description(self.env)["string"],
                            hint=self.env._(RULE_BY_CODE[f"{field_name}_{error}"].hint),
                        )
                    )
            if (value or False) != (partner[partner_field] or False):
                changes[partner_field] = value or False
        return changes, errors

    def action_save(self):
        self.ensure_one()
        writes = []
        errors = []
        for line in self.line_ids:
            changes, line_errors = self._line_changes(line)
            errors += line_errors
            if changes:
                writes.append((line.partner_id, changes))
        if errors:
            raise UserError(self.env._("Nothing was saved:\n%s", "\n".join(errors)))
        # the edited partners revalidate their open agreements (of any teacher or entity), and the
        # wizard's own agreements are revalidated too: all of them in one run, at the end
        with self.agreement_ids._validation_batch() as batched:
            for partner, changes in writes:
                partner.with_env(batched.env).write(changes)
            batched._revalidate()
        agreements = self.agreement_ids
        agreements.invalidate_recordset()
        self.line_ids.unlink()
        self.write(
            {
                "line_ids": [Command.create(vals) for vals in self._prepare_lines(agreements)],
                "result_message": self.env._(
                    "%(partners)s contact(s) updated; %(open)s issue(s) still open.",
                    partners=len(writes),
                    open=len(agreements.issue_ids),
                ),
            }
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Fix contact details"),
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }
