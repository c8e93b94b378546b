# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The one catalogue of the contact-validation rules.

Every rule code the validation can report, with its severity, what it is about
(``kind``), whose data a fix changes (``target``), its label, message and fix
hint (translated when shown) and the national code it follows (``source``).
The issue model's selection, the validation, the fix wizard, the PDF and the
transfer export all read this table.
"""

from collections import namedtuple

from odoo.tools import LazyTranslate

_lt = LazyTranslate(__name__)

Rule = namedtuple("Rule", "code severity kind target label message hint source")

EHOKS = "Opetushallitus/ehoks"
HERATE = "Opetushallitus/heratepalvelu"

# kind: "hoks" (eHOKS rejects the HOKS), "exclusion" (no survey for the period), "email", "sms",
# "contact" (both channels), "attention" (the survey goes, but something looks wrong), "deadline"
# target: "instructor" (the instructor's contact), "employer" (the employer's business ID), "agreement"
RULES = [
    # ------------------------------------------------ eHOKS rejects the HOKS
    Rule(
        "start_date_missing",
        "blocking",
        "hoks",
        "agreement",
        "Start date missing",
        _lt("The start date of the workplace period is missing: eHOKS rejects the student's HOKS."),
        _lt("Enter the start date of the workplace period."),
        f"{EHOKS} src/oph/ehoks/hoks/schema.clj:380-382",
    ),
    Rule(
        "end_date_missing",
        "blocking",
        "hoks",
        "agreement",
        "End date missing",
        _lt("The end date of the workplace period is missing: eHOKS rejects the student's HOKS."),
        _lt("Enter the end date of the workplace period."),
        f"{EHOKS} src/oph/ehoks/hoks/schema.clj:383-385",
    ),
    Rule(
        "instructor_missing",
        "blocking",
        "hoks",
        "agreement",
        "Instructor missing",
        _lt("The agreement has no workplace instructor: eHOKS rejects the student's HOKS."),
        _lt("Choose the workplace instructor (a person at the employer) on the agreement."),
        f"{EHOKS} src/oph/ehoks/hoks/schema.clj:219-223",
    ),
    Rule(
        "instructor_name_missing",
        "blocking",
        "hoks",
        "instructor",
        "Instructor name missing",
        _lt("The workplace instructor has no name: eHOKS rejects the student's HOKS."),
        _lt("Enter the instructor's first and last name on the contact."),
        f"{EHOKS} src/oph/ehoks/hoks/schema.clj:170-178",
    ),
    Rule(
        "workplace_name_missing",
        "blocking",
        "hoks",
        "agreement",
        "Workplace name missing",
        _lt("The workplace name is missing: eHOKS rejects the student's HOKS."),
        _lt("Enter the workplace name on the agreement (it defaults to the employer's name)."),
        f"{EHOKS} src/oph/ehoks/hoks/schema.clj:224-226",
    ),
    Rule(
        "phone_rejected_by_hoks",
        "blocking",
        "hoks",
        "instructor",
        "Phone refused by eHOKS",
        _lt(
            "The instructor's phone number has characters other than digits, spaces, +, - and brackets "
            "(or is over 256 characters): eHOKS rejects the student's whole HOKS."
        ),
        _lt("Write the number with digits only, e.g. 040 123 4567 or +358 40 123 4567 (no dots, slashes or letters)."),
        f"{EHOKS} src/oph/ehoks/hoks/schema.clj:192-196",
    ),
    Rule(
        "business_id_missing",
        "blocking",
        "hoks",
        "employer",
        "Business ID missing",
        _lt(
            "The employer's business ID (Y-tunnus) is missing: eHOKS rejects the HOKS of periods ending after "
            "25 August 2021."
        ),
        _lt("Choose the employer and enter its business ID in the form 1234567-8."),
        f"{EHOKS} src/oph/ehoks/hoks/osaamisen_hankkimistapa.clj:47-58",
    ),
    Rule(
        "business_id_invalid",
        "blocking",
        "hoks",
        "employer",
        "Business ID invalid",
        _lt(
            "The employer's business ID (Y-tunnus) is not exactly of the form 1234567-8 with a valid check digit: "
            "eHOKS rejects the student's HOKS."
        ),
        _lt(
            "Check the business ID in the business information system (ytj.fi) and write it as 1234567-8, "
            "without spaces."
        ),
        f"{EHOKS} src/oph/ehoks/hoks/schema.clj:74-93,111-114",
    ),
    Rule(
        "part_time_missing",
        "blocking",
        "hoks",
        "agreement",
        "Part-time percentage missing",
        _lt(
            "The part-time percentage (1-100) is missing: eHOKS rejects the HOKS of periods ending after "
            "30 June 2023 (TELMA excepted)."
        ),
        _lt("Enter the part-time percentage of the workplace period, 100 for full time."),
        f"{EHOKS} src/oph/ehoks/hoks/schema.clj:280-288",
    ),
    Rule(
        "apprenticeship_basis_missing",
        "blocking",
        "hoks",
        "agreement",
        "Apprenticeship basis missing",
        _lt(
            "The basis of the apprenticeship is missing: eHOKS rejects the HOKS of apprenticeships ending on or "
            "after 1 July 2021."
        ),
        _lt("Choose the basis of the apprenticeship: employment relationship or entrepreneur."),
        f"{EHOKS} src/oph/ehoks/hoks/schema.clj:290-297",
    ),
    Rule(
        "dates_invalid",
        "blocking",
        "hoks",
        "agreement",
        "End before start",
        _lt("The workplace period ends before it starts: eHOKS rejects the student's HOKS."),
        _lt("Correct the start and end dates of the workplace period."),
        f"{EHOKS} src/oph/ehoks/hoks/schema.clj:299-302",
    ),
    Rule(
        "period_too_long",
        "blocking",
        "hoks",
        "agreement",
        "Period over 5 years",
        _lt("The workplace period is longer than 5 years: eHOKS rejects the student's HOKS."),
        _lt("Correct the dates: a workplace period lasts at most 5 years."),
        f"{EHOKS} src/oph/ehoks/hoks/schema.clj:340-344",
    ),
    Rule(
        "period_outside_study_right",
        "blocking",
        "hoks",
        "agreement",
        "Period outside the study right",
        _lt(
            "The workplace period starts before the study right or ends after its estimated end: eHOKS rejects "
            "the student's HOKS."
        ),
        _lt(
            "Correct the period's dates, or update the study right's start or estimated end in the student "
            "administration system."
        ),
        f"{EHOKS} src/oph/ehoks/hoks/schema.clj:309-338",
    ),
    Rule(
        "interruptions_overlap",
        "blocking",
        "hoks",
        "agreement",
        "Interruptions overlap",
        _lt(
            "The interruptions of the workplace period overlap or an open one is followed by another: eHOKS "
            "rejects the student's HOKS."
        ),
        _lt("Give every interruption but the last an end date before the next one starts."),
        f"{EHOKS} src/oph/ehoks/hoks/schema.clj:270-278",
    ),
    Rule(
        "hoks_rejected_by_other_period",
        "blocking",
        "hoks",
        "agreement",
        "HOKS rejected by another period",
        _lt(
            "Another workplace period of the same student has data that eHOKS rejects, so the student's whole "
            "HOKS, this period included, is not saved."
        ),
        _lt("Fix the student's other agreement named in the value column."),
        f"{EHOKS} src/oph/ehoks/hoks/handler.clj:207-232",
    ),
    # ------------------------------------------------ no survey for the period
    Rule(
        "excluded_workplace_data_missing",
        "blocking",
        "exclusion",
        "agreement",
        "Excluded: workplace data missing",
        _lt("The instructor, the workplace name or the business ID is missing: no survey is sent for the period."),
        _lt("Enter the instructor, the workplace name and the employer's business ID."),
        f"{EHOKS} src/oph/ehoks/palaute/tyoelama.clj:85-86",
    ),
    Rule(
        "excluded_part_time_missing",
        "blocking",
        "exclusion",
        "agreement",
        "Excluded: part-time missing",
        _lt("The part-time percentage is missing: no survey is sent for periods ending after 30 June 2023."),
        _lt("Enter the part-time percentage of the workplace period, 100 for full time."),
        f"{EHOKS} src/oph/ehoks/palaute/tyoelama.clj:88-89",
    ),
    Rule(
        "excluded_interrupted",
        "blocking",
        "exclusion",
        "agreement",
        "Excluded: interrupted at the end",
        _lt("An interruption covers the end date of the workplace period: no survey is sent."),
        _lt("If the period really continued, correct the interruption's dates; otherwise nothing to do."),
        f"{EHOKS} src/oph/ehoks/palaute/tyoelama.clj:56-65,91-92",
    ),
    Rule(
        "excluded_tuva_related",
        "blocking",
        "exclusion",
        "agreement",
        "Excluded: TUVA-related HOKS",
        _lt("The HOKS is related to preparatory education (TUVA): the national system sends no survey."),
        _lt("Nothing to fix: the period is rightly outside the working-life feedback."),
        f"{EHOKS} src/oph/ehoks/palaute.clj:201-202",
    ),
    Rule(
        "excluded_not_vocational",
        "blocking",
        "exclusion",
        "agreement",
        "Excluded: not vocational or TELMA",
        _lt("The study right has no vocational qualification, or it is TELMA: the national system sends no survey."),
        _lt("Nothing to fix if the study type is right; otherwise correct the study type."),
        f"{EHOKS} src/oph/ehoks/palaute.clj:213-217",
    ),
    Rule(
        "excluded_study_right_ended",
        "blocking",
        "exclusion",
        "agreement",
        "Excluded: studies ended",
        _lt(
            "The study right was resigned, cancelled, annulled or interrupted on the end date and the day before: "
            "no survey is sent."
        ),
        _lt(
            "Nothing to fix if the study right's state is right; otherwise correct it in the student administration "
            "system."
        ),
        f"{EHOKS} src/oph/ehoks/palaute.clj:219-220, src/oph/ehoks/opiskeluoikeus.clj:89-100",
    ),
    Rule(
        "excluded_external_funding",
        "blocking",
        "exclusion",
        "agreement",
        "Excluded: external funding",
        _lt("The study right's period covering the end date has funding code 6, 14 or 15: no survey is sent."),
        _lt(
            "Nothing to fix if the funding is right; otherwise correct the funding in the student administration "
            "system."
        ),
        f"{EHOKS} src/oph/ehoks/palaute.clj:158-166,222-223",
    ),
    Rule(
        "excluded_tuva_study_right",
        "blocking",
        "exclusion",
        "agreement",
        "Excluded: TUVA study right",
        _lt("The study right is preparatory education (TUVA): the national system sends no survey."),
        _lt("Nothing to fix: the period is rightly outside the working-life feedback."),
        f"{EHOKS} src/oph/ehoks/palaute.clj:225-226",
    ),
    Rule(
        "excluded_linked_study_right",
        "blocking",
        "exclusion",
        "agreement",
        "Excluded: linked study right",
        _lt("The study right is included in another study right: the national system sends no survey for it."),
        _lt("Nothing to fix: the survey belongs to the study right it is included in."),
        f"{EHOKS} src/oph/ehoks/palaute.clj:228-229",
    ),
    # ------------------------------------------------ email
    Rule(
        "email_missing",
        "warning",
        "email",
        "instructor",
        "Email missing",
        _lt("No agreement of this instructor's survey bundle has an email address: no survey email is sent."),
        _lt("Ask the instructor for a personal work email address and enter it."),
        f"{HERATE} src/oph/heratepalvelu/tep/emailHandler.clj:30-49",
    ),
    Rule(
        "email_invalid",
        "warning",
        "email",
        "instructor",
        "Email not deliverable",
        _lt("The instructor's email is not exactly one deliverable address: the survey email does not arrive."),
        _lt("Write exactly one address such as firstname.lastname@company.fi, without a name or spaces around it."),
        f"{HERATE} src/oph/heratepalvelu/tep/emailHandler.clj:30-49 (the national system does not check it)",
    ),
    Rule(
        "email_generic",
        "warning",
        "attention",
        "instructor",
        "Email is a shared mailbox",
        _lt("The instructor's email address is a shared mailbox (info@, toimisto@, noreply@...)."),
        _lt("Replace it with the instructor's personal work email address."),
        "REDU",
    ),
    Rule(
        "email_mismatch",
        "warning",
        "email",
        "instructor",
        "Email mismatch in bundle",
        _lt(
            "Agreements of the same survey bundle (instructor, business ID, qualification, month) have different "
            "email addresses: the national system sends no email to any of them."
        ),
        _lt("Use exactly the same email address for this instructor on every agreement with this employer."),
        f"{HERATE} src/oph/heratepalvelu/tep/emailHandler.clj:30-49, tep/tepCommon.clj:38-43",
    ),
    # ------------------------------------------------ SMS
    Rule(
        "phone_missing",
        "warning",
        "sms",
        "instructor",
        "Phone missing",
        _lt("No agreement of this instructor's survey bundle has a phone number: no survey text message is sent."),
        _lt("Enter the instructor's mobile phone number, e.g. +358 40 123 4567."),
        f"{HERATE} src/oph/heratepalvelu/tep/tepSmsHandler.clj:50-80",
    ),
    Rule(
        "phone_invalid",
        "warning",
        "sms",
        "instructor",
        "Phone invalid",
        _lt("The instructor's phone number is not a valid number: no survey text message is sent."),
        _lt("Correct the number, e.g. 040 123 4567 or +358 40 123 4567."),
        f"{HERATE} src/oph/heratepalvelu/common.clj:367-386",
    ),
    Rule(
        "phone_not_finnish",
        "warning",
        "sms",
        "instructor",
        "Phone not Finnish",
        _lt(
            "The instructor's phone number is not a Finnish number: the national system sends text messages to "
            "Finnish (+358) numbers only."
        ),
        _lt("Enter the instructor's Finnish mobile number, or make sure the email address is right."),
        f"{HERATE} src/oph/heratepalvelu/common.clj:380",
    ),
    Rule(
        "phone_not_mobile",
        "warning",
        "sms",
        "instructor",
        "Phone not mobile",
        _lt("The instructor's phone number is a landline or service number: no text message can be sent."),
        _lt("Enter the instructor's mobile phone number instead of a landline."),
        f"{HERATE} src/oph/heratepalvelu/common.clj:369,381",
    ),
    Rule(
        "phone_mismatch",
        "warning",
        "sms",
        "instructor",
        "Phone mismatch in bundle",
        _lt(
            "Agreements of the same survey bundle have differently written phone numbers: the national system "
            "sends no text message to any of them."
        ),
        _lt("Write this instructor's mobile number exactly the same way on every agreement with this employer."),
        f"{HERATE} src/oph/heratepalvelu/tep/tepSmsHandler.clj:50-80, tep/tepCommon.clj:38-43",
    ),
    Rule(
        "no_valid_contact",
        "blocking",
        "contact",
        "instructor",
        "No valid contact channel",
        _lt("Neither an email nor a text message reaches the instructor: the survey is lost."),
        _lt("Enter a valid personal email address or a Finnish mobile number for the instructor."),
        f"{HERATE} src/oph/heratepalvelu/tep/emailHandler.clj:40-47, tep/tepSmsHandler.clj:72-80",
    ),
    # ------------------------------------------------ attention
    Rule(
        "instructor_name_not_person",
        "warning",
        "attention",
        "instructor",
        "Instructor name not a person",
        _lt("The instructor's name looks like a company, a department or a mailbox, not a person."),
        _lt("Replace it with the name of the person who instructs the student."),
        "REDU",
    ),
    Rule(
        "instructor_not_at_employer",
        "warning",
        "attention",
        "instructor",
        "Instructor not at employer",
        _lt("The workplace instructor is not a contact of the employer."),
        _lt("Link the instructor to the employer (Company field of the contact) or choose the right person."),
        "REDU",
    ),
    Rule(
        "qualification_code_missing",
        "warning",
        "attention",
        "agreement",
        "Qualification code missing",
        _lt("The qualification code is missing: the survey bundle of the instructor cannot be predicted exactly."),
        _lt("Enter the qualification code (e.g. 351101) as in the student administration system."),
        f"{EHOKS} src/oph/ehoks/palaute/tyoelama/nippu.clj:5-30",
    ),
    Rule(
        "date_out_of_range",
        "blocking",
        "attention",
        "agreement",
        "Date out of range",
        _lt(
            "A date of the agreement is before 1900 or after 2100: it is a typing error, and no survey or "
            "deadline can be computed from it."
        ),
        _lt("Correct the dates of the agreement: the start and end dates and the study right dates."),
        "REDU",
    ),
    Rule(
        "data_unreadable",
        "blocking",
        "hoks",
        "agreement",
        "Data cannot be judged",
        _lt(
            "A value stored on the agreement cannot be read by the national rules (the value is shown): the "
            "national system would not accept it either."
        ),
        _lt("Correct the dates and study-right data of the agreement, or ask the administrator to check them."),
        "REDU",
    ),
    # ------------------------------------------------ deadline
    Rule(
        "deadline_passed",
        "warning",
        "deadline",
        "agreement",
        "Deadline passed",
        _lt("The fix deadline has passed with problems open: the working-life feedback of the period is lost."),
        _lt("Fix the data anyway for the records; next time correct it before the deadline."),
        f"{EHOKS} src/oph/ehoks/db/sql/palaute.sql:28-47, src/oph/ehoks/palaute.clj:86-92",
    ),
]

RULE_BY_CODE = {rule.code: rule for rule in RULES}
RULE_SELECTION = [(rule.code, rule.label) for rule in RULES]
SEVERITY_SELECTION = [("blocking", "Blocking"), ("warning", "Warning")]
KIND_SELECTION = [
    ("hoks", "HOKS rejected"),
    ("exclusion", "No survey"),
    ("email", "Email"),
    ("sms", "Text message"),
    ("contact", "No channel"),
    ("attention", "Attention"),
    ("deadline", "Deadline"),
]


def codes_of(kind=None, target=None):
    """The rule codes of a kind and/or target."""
    return frozenset(
        rule.code for rule in RULES if (kind is None or rule.kind == kind) and (target is None or rule.target == target)
    )
