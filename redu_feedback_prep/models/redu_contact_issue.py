# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.tools import LazyTranslate

_lt = LazyTranslate(__name__)

# rule code -> (severity, message, fix hint); the texts are translated when shown
RULES = {
    "instructor_missing": (
        "blocking",
        _lt("The agreement has no workplace instructor."),
        _lt("Choose the workplace instructor (a person at the employer) on the agreement."),
    ),
    "instructor_name_missing": (
        "blocking",
        _lt("The workplace instructor has no name."),
        _lt("Enter the instructor's first and last name on the contact."),
    ),
    "instructor_name_not_person": (
        "warning",
        _lt("The instructor's name looks like a company, a department or a mailbox, not a person."),
        _lt("Replace it with the name of the person who instructs the student."),
    ),
    "workplace_name_missing": (
        "blocking",
        _lt("The workplace name is missing."),
        _lt("Enter the workplace name on the agreement (it defaults to the employer's name)."),
    ),
    "business_id_missing": (
        "blocking",
        _lt("The employer's business ID (Y-tunnus) is missing."),
        _lt("Choose the employer and enter its business ID in the form 1234567-8."),
    ),
    "business_id_invalid": (
        "blocking",
        _lt("The employer's business ID (Y-tunnus) is not valid."),
        _lt("Check the business ID in the business information system (ytj.fi); the form is 1234567-8."),
    ),
    "email_missing": (
        "warning",
        _lt("The instructor has no email address."),
        _lt("Ask the instructor for a personal work email address and enter it."),
    ),
    "email_invalid": (
        "warning",
        _lt("The instructor's email address is not valid."),
        _lt("Correct the address: exactly one address such as firstname.lastname@company.fi."),
    ),
    "email_generic": (
        "warning",
        _lt("The instructor's email address is a shared mailbox (info@, toimisto@, noreply@...)."),
        _lt("Replace it with the instructor's personal work email address."),
    ),
    "email_mismatch": (
        "blocking",
        _lt("Agreements with the same instructor and business ID have different email addresses."),
        _lt("Use the same email address for this instructor on every agreement with this employer."),
    ),
    "phone_missing": (
        "warning",
        _lt("The instructor has no phone number."),
        _lt("Enter the instructor's mobile phone number, e.g. +358 40 123 4567."),
    ),
    "phone_invalid": (
        "warning",
        _lt("The instructor's phone number is not valid."),
        _lt("Correct the number: digits only, e.g. 040 123 4567 or +358 40 123 4567."),
    ),
    "phone_not_mobile": (
        "warning",
        _lt("The instructor's phone number is not a mobile number, no text message can be sent."),
        _lt("Enter the instructor's mobile phone number instead of a landline."),
    ),
    "phone_mismatch": (
        "warning",
        _lt("Agreements with the same instructor and business ID have different phone numbers."),
        _lt("Use the same mobile number for this instructor on every agreement with this employer."),
    ),
    "no_valid_contact": (
        "blocking",
        _lt("Neither the email address nor the mobile number is usable: no survey can be sent."),
        _lt("Enter a valid personal email address or a valid mobile number for the instructor."),
    ),
    "instructor_not_at_employer": (
        "warning",
        _lt("The workplace instructor is not a contact of the employer."),
        _lt("Link the instructor to the employer (Company field of the contact) or choose the right person."),
    ),
    "dates_invalid": (
        "blocking",
        _lt("The workplace period dates are invalid (start missing, end before start or longer than 5 years)."),
        _lt("Correct the start and end dates of the workplace period."),
    ),
    "end_date_missing": (
        "blocking",
        _lt("The end date of the workplace period is missing."),
        _lt("Enter the end date of the workplace period."),
    ),
    "part_time_missing": (
        "blocking",
        _lt("The part-time percentage (1-100) is missing; it is required for periods ending after 30 June 2023."),
        _lt("Enter the part-time percentage of the workplace period, 100 for full time."),
    ),
    "apprenticeship_basis_missing": (
        "blocking",
        _lt("The basis of the apprenticeship is missing."),
        _lt("Choose the basis of the apprenticeship: employment relationship or entrepreneur."),
    ),
    "deadline_passed": (
        "warning",
        _lt("The workplace period has ended with blocking issues: the feedback is lost."),
        _lt("Fix the data anyway for the records; next time correct it before the day before the end date."),
    ),
}

RULE_SELECTION = [
    ("instructor_missing", "Instructor missing"),
    ("instructor_name_missing", "Instructor name missing"),
    ("instructor_name_not_person", "Instructor name not a person"),
    ("workplace_name_missing", "Workplace name missing"),
    ("business_id_missing", "Business ID missing"),
    ("business_id_invalid", "Business ID invalid"),
    ("email_missing", "Email missing"),
    ("email_invalid", "Email invalid"),
    ("email_generic", "Email is a shared mailbox"),
    ("email_mismatch", "Email mismatch in bundle"),
    ("phone_missing", "Phone missing"),
    ("phone_invalid", "Phone invalid"),
    ("phone_not_mobile", "Phone not mobile"),
    ("phone_mismatch", "Phone mismatch in bundle"),
    ("no_valid_contact", "No valid contact channel"),
    ("instructor_not_at_employer", "Instructor not at employer"),
    ("dates_invalid", "Dates invalid"),
    ("end_date_missing", "End date missing"),
    ("part_time_missing", "Part-time percentage missing"),
    ("apprenticeship_basis_missing", "Apprenticeship basis missing"),
    ("deadline_passed", "Deadline passed"),
]

URGENCY_SELECTION = [
    ("overdue", "Deadline passed"),
    ("week", "Within 7 days"),
    ("two_weeks", "Within 14 days"),
    ("later", "Later"),
    ("no_date", "No end date"),
]


def urgency_of(days):
    """Urgency bucket of a number of days to the deadline (None: no end date)."""
    if days is None:
        return "no_date"
    if days < 0:
        return "overdue"
    if days < 7:
        return "week"
    if days < 14:
        return "two_weeks"
    return "later"


class ReduContactIssue(models.Model):
    _name = "redu.contact.issue"
    _description = "Contact validation issue"
    _order = "end_date, agreement_id, severity, rule_code"

    agreement_id = fields.Many2one(
        "redu.workplace.agreement", required=True, ondelete="cascade", index=True,
    )
    instructor_id = fields.Many2one("res.partner", string="Workplace instructor", index="btree_not_null")
    employer_id = fields.Many2one("res.partner", index="btree_not_null")
    rule_code = fields.Selection(RULE_SELECTION, string="Rule", required=True, index=True)
    severity = fields.Selection(
        [("blocking", "Blocking"), ("warning", "Warning")], required=True, index=True,
    )
    detail = fields.Char(string="Value", help="The value that was checked, as it is in the data.")
    message = fields.Char(string="Problem", compute="_compute_texts")
    fix_hint = fields.Char(string="How to fix", compute="_compute_texts")
    teacher_id = fields.Many2one("res.users", index="btree_not_null")
    company_id = fields.Many2one("res.company", string="Entity", required=True, index=True)
    end_date = fields.Date(string="End date")
    urgency = fields.Selection(
        URGENCY_SELECTION, index=True,
        help="Urgency at the last validation (refreshed every night).",
    )
    days_to_deadline = fields.Integer(
        string="Days to deadline", compute="_compute_days_to_deadline",
        help="Days left until the deadline, the day before the end date; negative when passed.",
    )

    @api.depends("rule_code")
    @api.depends_context("lang")
    def _compute_texts(self):
        for issue in self:
            rule = RULES.get(issue.rule_code)
            issue.message = self.env._(rule[1]) if rule else False
            issue.fix_hint = self.env._(rule[2]) if rule else False

    @api.depends("end_date")
    def _compute_days_to_deadline(self):
        today = fields.Date.context_today(self)
        for issue in self:
            issue.days_to_deadline = (issue.end_date - today).days - 1 if issue.end_date else 0

    def action_open_fix_wizard(self):
        return self.agreement_id.action_open_fix_wizard()
