# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import datetime
import uuid
from collections import defaultdict

from markupsafe import Markup

from odoo import api, fields, models
from odoo.tools import SQL, consteq, format_date

from odoo.addons.redu_base.tools.dates import redu_today
from odoo.addons.redu_feedback_prep.tools.contact_checks import check_email, check_phone, name_is_not_person
from odoo.addons.redu_feedback_prep.tools.rule_catalogue import RULE_BY_CODE, codes_of

# an instructor gets at most this many reminders per request
MAX_REMINDERS = 2
DEFAULT_REMINDER_DAYS = 5
NAME_MAX_LENGTH = 128
# the partner fields the instructor confirms, in the order of the page
CONFIRMED_FIELDS = ("name", "email", "phone")
# an answer that changes nothing this soon after the previous one is its repeat (a double click)
REPEAT_WINDOW = datetime.timedelta(minutes=2)
INSTRUCTOR_CODES = codes_of(target="instructor")
# defaults of the rate-limit settings of the page's posts (ir.config_parameter), see readme/CONFIGURE.md
DEFAULT_WINDOW_MINUTES = 10
DEFAULT_MAX_PER_TOKEN = 10
DEFAULT_MAX_PER_IP = 30
# compared with a wrong id's token, so that a wrong id and a wrong token take the same path
_NO_TOKEN = uuid.uuid4().hex


class ReduInstructorConfirmation(models.Model):
    """The personal link of one workplace instructor, and the state of its confirmation request."""

    _name = "redu.instructor.confirmation"
    _description = "Instructor contact confirmation"
    _inherit = [
        "portal.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "redu.company.check.mixin",
    ]
    _order = "request_date desc, id desc"
    _rec_name = "partner_id"
    _check_company_auto = True

    partner_id = fields.Many2one(
        "res.partner",
        string="Workplace instructor",
        required=True,
        ondelete="cascade",
        index=True,
        readonly=True,
        redu_system=True,
    )
    company_id = fields.Many2one(
        "res.company",
        string="Group entity",
        default=lambda self: self.env.company,
        index=True,
        help="The entity that sent the request.",
    )
    teacher_id = fields.Many2one(
        "res.users",
        string="Responsible teacher",
        index="btree_not_null",
        tracking=True,
        help="Named on the instructor's page and given an activity when the instructor corrects something.",
    )
    state = fields.Selection(
        [
            ("new", "Not requested"),
            ("requested", "No answer"),
            ("confirmed", "Confirmed"),
            ("corrected", "Corrected"),
        ],
        default="new",
        required=True,
        readonly=True,
        index=True,
        tracking=True,
        redu_system=True,
    )
    token_revoked = fields.Boolean(
        string="Link revoked",
        readonly=True,
        copy=False,
        tracking=True,
        help="A revoked link shows only whom to contact; re-issue the link to open it again.",
        redu_system=True,
    )
    request_date = fields.Datetime(string="Requested on", readonly=True, copy=False, redu_system=True)
    request_channels = fields.Selection(
        [("email_sms", "Email and text message"), ("email", "Email"), ("sms", "Text message"), ("call", "Call")],
        string="Sent by",
        readonly=True,
        copy=False,
        redu_system=True,
    )
    reminder_count = fields.Integer(string="Reminders", readonly=True, copy=False, redu_system=True)
    last_reminder_date = fields.Datetime(string="Last reminder", readonly=True, copy=False, redu_system=True)
    answer_date = fields.Datetime(string="Answered on", readonly=True, copy=False, redu_system=True)
    # portal.mixin's token: the personal link is the system's
    access_token = fields.Char(redu_system=True)
    deadline = fields.Date(
        compute="_compute_agreement_data",
        help="The latest fix deadline of the instructor's open agreements: the link stops working after it.",
    )
    link_expired = fields.Boolean(string="Link expired", compute="_compute_agreement_data")
    agreement_ids = fields.Many2many(
        "redu.workplace.agreement",
        string="Open agreements",
        compute="_compute_agreement_data",
    )
    confirmation_url = fields.Char(string="Personal link", compute="_compute_confirmation_url")

    _partner_uniq = models.Constraint("UNIQUE(partner_id)", "An instructor has one personal link.")

    # ------------------------------------------------------------ computes
    def _compute_access_url(self):
        for confirmation in self:
            confirmation.access_url = f"/feedback/instructor/{confirmation.id}"

    @api.depends("access_token")
    def _compute_confirmation_url(self):
        base_url = self[:1].get_base_url() if self else ""
        for confirmation in self:
            confirmation.confirmation_url = (
                f"{base_url}/feedback/instructor/{confirmation.id}/{confirmation.access_token}"
                if confirmation.access_token and confirmation.id
                else False
            )

    def _open_agreements_by_partner(self):
        """The open agreements of the instructors, with one search."""
        # sudo: the instructor's periods may belong to any entity and any teacher; the deadline and the
        # instructor's page span them all (the page is read by the public user)
        agreement_model = self.env["redu.workplace.agreement"].sudo()
        agreements = agreement_model.search(
            agreement_model._open_domain() + [("instructor_id", "in", self.partner_id.ids)],
            order="start_date, id",
        )
        by_partner = defaultdict(lambda: agreement_model.browse())
        for agreement in agreements:
            by_partner[agreement.instructor_id.id] |= agreement
        return by_partner

    @api.depends("partner_id")
    @api.depends_context("uid", "allowed_company_ids")
    def _compute_agreement_data(self):
        by_partner = self._open_agreements_by_partner()
        today = redu_today(self)
        for confirmation in self:
            agreements = by_partner[confirmation.partner_id.id]
            deadlines = [a.national_fix_deadline or a.national_contact_deadline for a in agreements]
            deadline = max((d for d in deadlines if d), default=False)
            # the deadline spans every entity; the list shows what the user may open (the public
            # page reads it as superuser and lists every period)
            confirmation.agreement_ids = agreements.with_env(self.env)._filtered_access("read")
            confirmation.deadline = deadline
            confirmation.link_expired = not deadline or deadline < today

    # ---------------------------------------------------------------- token
    @api.model
    def _from_link(self, confirmation_id, token):
        """The confirmation of a personal link, or None: a wrong id and a wrong token are the same."""
        # sudo: the link itself is the authorisation (no login); it is checked below in constant time
        confirmation = self.sudo().browse(confirmation_id).exists() if confirmation_id else self.sudo().browse()
        expected = confirmation.access_token or _NO_TOKEN
        matches = consteq(expected, token or "")
        return confirmation if (matches and confirmation) else None

    @api.model
    def _redu_count_post(self, confirmation_id, token, address):
        """Count a post of a personal link in the one rate limiter (``redu.rate.limit``), on the link
        and on the client's address, whether the link is right or not: True when the post may go on.
        Atomic: simultaneous posts are counted one after another, each seeing all the others."""
        limiter = self.env["redu.rate.limit"]
        window = limiter._redu_int_param("redu_feedback_portal.rate_window_minutes", DEFAULT_WINDOW_MINUTES)
        max_token = limiter._redu_int_param("redu_feedback_portal.rate_max_per_token", DEFAULT_MAX_PER_TOKEN)
        max_ip = limiter._redu_int_param("redu_feedback_portal.rate_max_per_ip", DEFAULT_MAX_PER_IP)
        return limiter._redu_hit(
            [("portal_token", f"{confirmation_id}/{token}", max_token), ("portal_ip", address, max_ip)],
            window,
        )

    def _link_closed(self):
        """True when the link is revoked or past the deadline: the page only says whom to contact."""
        self.ensure_one()
        return self.token_revoked or self.link_expired

    def action_revoke(self):
        self.check_access("write")
        # sudo: the link is the system's; a user who may edit the confirmation revokes it (checked above)
        self.sudo().write({"token_revoked": True})
        return True

    def action_reissue(self):
        """A new random token: the old link stops working (a plain 404)."""
        self.check_access("write")
        # sudo: the token is made here, never given by the user (write access checked above)
        for confirmation in self.sudo():
            confirmation.write({"access_token": str(uuid.uuid4()), "token_revoked": False})
        return True

    # ------------------------------------------------------------- requests
    @api.model
    def _for_agreements(self, agreements):
        """One confirmation per distinct instructor of the agreements, created when missing."""
        partners = agreements.instructor_id
        existing = self.sudo().search([("partner_id", "in", partners.ids)])
        missing = partners - existing.partner_id
        # the responsible teacher and entity: those of the agreement with the earliest deadline
        first_by_partner = {}
        for agreement in agreements.sorted(lambda a: (a.days_to_deadline, a.id)):
            first_by_partner.setdefault(agreement.instructor_id.id, agreement)
        # sudo: the teacher may not read every confirmation of a shared instructor (another entity's)
        created = self.sudo().create(
            [
                {
                    "partner_id": partner.id,
                    "teacher_id": (first_by_partner[partner.id].teacher_id or self.env.user).id,
                    "company_id": first_by_partner[partner.id].company_id.id,
                }
                for partner in missing
            ]
        )
        confirmations = existing | created
        for confirmation in confirmations:
            confirmation._portal_ensure_token()
        return confirmations.with_env(self.env), first_by_partner

    def _channels(self):
        """{confirmation id: (email ok, e164 mobile or False)} by the national rules."""
        result = {}
        for confirmation in self:
            partner = confirmation.partner_id
            _email, email_error = check_email(partner.email)
            e164, phone_problem = check_phone(partner.phone)
            result[confirmation.id] = (email_error is None, e164 if phone_problem is None else False)
        return result

    @api.model
    def _channel_key(self, email_ok, mobile):
        if email_ok and mobile:
            return "email_sms"
        if email_ok:
            return "email"
        if mobile:
            return "sms"
        return "call"

    def _send_requests(self, first_by_partner=None, reminder=False):
        """Send the request (or a reminder) by email and/or text message.

        Idempotent per day: a request already sent today is not sent again. Instructors with neither a
        deliverable email nor a Finnish mobile get nothing and are returned as the ones to call.

        :return: dict with the confirmations "sent", "call" and "skipped"
        """
        first_by_partner = first_by_partner or {}
        today = redu_today(self)
        now = fields.Datetime.now()
        channels = self._channels()
        sent = call = skipped = self.browse()
        template = self.env.ref("redu_feedback_portal.mail_template_confirmation_request")
        channel_labels = dict(self._fields["request_channels"]._description_selection(self.env))
        # sudo: a shared instructor's confirmation may have been created by another entity
        for confirmation in self.sudo():
            last = confirmation.last_reminder_date if reminder else confirmation.request_date
            if last and redu_today(self, last) == today:
                skipped |= confirmation
                continue
            email_ok, mobile = channels[confirmation.id]
            key = self._channel_key(email_ok, mobile)
            if key == "call":
                call |= confirmation
                if not reminder:
                    confirmation.write({"request_channels": "call"})
                continue
            if not reminder:
                vals = {
                    "state": "requested",
                    "request_date": now,
                    "request_channels": key,
                    "reminder_count": 0,
                    "last_reminder_date": False,
                    "answer_date": False,
                    "token_revoked": False,
                }
                agreement = first_by_partner.get(confirmation.partner_id.id)
                if agreement and agreement.teacher_id:
                    vals["teacher_id"] = agreement.teacher_id.id
                confirmation.write(vals)
            else:
                confirmation.write({"reminder_count": confirmation.reminder_count + 1, "last_reminder_date": now})
            confirmation._portal_ensure_token()
            sending = confirmation.with_context(redu_reminder=reminder)
            if email_ok:
                template.with_context(redu_reminder=reminder).send_mail(
                    confirmation.id, email_layout_xmlid="mail.mail_notification_light"
                )
            if mobile:
                sending._message_sms(
                    sending._sms_body(),
                    partner_ids=confirmation.partner_id.ids,
                    sms_pid_to_number={confirmation.partner_id.id: mobile},
                    put_in_queue=True,
                )
            channel_label = channel_labels[key]
            sending._message_log(
                body=self.env._("Reminder sent (%(channels)s).", channels=channel_label)
                if reminder
                else self.env._("Confirmation request sent (%(channels)s).", channels=channel_label)
            )
            sent |= confirmation
        return {"sent": sent.with_env(self.env), "call": call.with_env(self.env), "skipped": skipped.with_env(self.env)}

    def _request_extra_html(self):
        """A block added to the request email by other addons (e.g. an invitation); empty here."""
        self.ensure_one()
        return Markup("")

    def _partner_lang(self):
        self.ensure_one()
        return self.partner_id.lang or self.env.lang or "en_US"

    def _sms_body(self):
        self.ensure_one()
        lang = self._partner_lang()
        env = self.with_context(lang=lang).env
        deadline = format_date(env, self.deadline, lang_code=lang) if self.deadline else ""
        return env._(
            "Hello %(name)s, please check your contact details for the working-life feedback by %(deadline)s: %(url)s",
            name=self.partner_id.name or "",
            deadline=deadline,
            url=self.confirmation_url,
        )

    # ------------------------------------------------------- the instructor
    @api.model
    def _rule_text(self, code):
        rule = RULE_BY_CODE[code]
        return f"{self.env._(rule.message)} {self.env._(rule.hint)}"

    @api.model
    def _validate_form(self, values):
        """Check the posted name, email and phone with the contact validation's own functions.

        :return: (clean values for the partner, {field: translated error})
        """
        errors = {}
        name = " ".join((values.get("name") or "").split())
        if not name:
            errors["name"] = self._rule_text("instructor_name_missing")
        elif len(name) > NAME_MAX_LENGTH or name_is_not_person(name):
            errors["name"] = self._rule_text("instructor_name_not_person")
        email, email_error = check_email(values.get("email") or "")
        e164, phone_problem = check_phone(values.get("phone") or "")
        # one of the two may be left empty (an instructor without a work email or a mobile), not both;
        # what is given must reach them
        if email_error and not (email_error == "missing" and not phone_problem):
            errors["email"] = self._rule_text(f"email_{email_error}")
        if phone_problem and not (phone_problem == "missing" and not email_error):
            errors["phone"] = self._rule_text(f"phone_{phone_problem}")
        return {"name": name, "email": email, "phone": e164}, errors

    def _portal_answer(self, values=None):
        """Store the instructor's answer: ``values`` (validated) corrects, None confirms as they are.

        Writes the partner (which revalidates the agreements), logs old -> new on the partner, the
        agreements and this record, stamps ``contact_confirmed_date``, and gives the responsible
        teacher an activity when something was corrected or a contact problem remains.
        """
        self.ensure_one()
        # one answer of a link at a time: a simultaneous post (a double click) waits for this lock,
        # and then fails with a serialisation error; Odoo retries it, and it finds the answer given
        self.env.flush_all()
        self.env.cr.execute(
            SQL("SELECT id FROM redu_instructor_confirmation WHERE id = %s FOR UPDATE", self.id),
            log_exceptions=False,  # a serialisation failure is expected (and retried by Odoo), not a bad query
        )
        self.invalidate_recordset(["state", "answer_date"])
        partner = self.partner_id
        now = fields.Datetime.now()
        changes = []
        vals = {"contact_confirmed_date": now}
        for field_name in CONFIRMED_FIELDS:
            if values is None:
                continue
            old, new = partner[field_name] or "", values[field_name] or ""
            if old != new:
                changes.append((field_name, old, new))
                vals[field_name] = new
        recent = self.answer_date and self.answer_date > now - REPEAT_WINDOW
        if recent and not changes and (values is not None or self.state == "confirmed"):
            # the same answer again (e.g. the retried twin of a double click): already applied;
            # a confirmation right after a correction is an answer of its own
            return False, self.env["redu.contact.issue"]
        partner.write(vals)
        corrected = bool(changes)
        self.write(
            {
                "state": "corrected" if corrected or self.state == "corrected" else "confirmed",
                "answer_date": now,
            }
        )
        body = self._answer_body(changes)
        agreements = self._open_agreements_by_partner()[partner.id]
        partner._message_log(body=body, author_id=partner.id)
        if agreements:
            agreements._message_log_batch(bodies=dict.fromkeys(agreements.ids, body), author_id=partner.id)
        self._message_log(body=body, author_id=partner.id)
        problems = agreements.issue_ids.filtered(
            lambda issue: issue.rule_code in INSTRUCTOR_CODES and issue.instructor_id == partner
        )
        if corrected or problems:
            self._schedule_teacher_activity(corrected, problems, agreements)
        return corrected, problems

    def _answer_body(self, changes):
        labels = {
            name: self.env["res.partner"]._fields[name]._description_string(self.env) for name in CONFIRMED_FIELDS
        }
        if not changes:
            return Markup("<p>%s</p>") % self.env._("Contact details confirmed by the instructor via personal link.")
        items = Markup("").join(
            Markup("<li>%s: %s &#8594; %s</li>") % (labels[name], old or "-", new or "-") for name, old, new in changes
        )
        title = self.env._("Contact details corrected by the instructor via personal link.")
        return Markup("<p>%s</p><ul>%s</ul>") % (title, items)

    def _schedule_teacher_activity(self, corrected, problems, agreements):
        self.ensure_one()
        teacher = self.teacher_id or agreements[:1].teacher_id
        if not teacher:
            return
        if problems:
            summary = self.env._("Instructor contact: a problem remains")
            note = Markup("<ul>%s</ul>") % Markup("").join(
                Markup("<li>%s: %s</li>") % (issue.agreement_id.name, issue.message) for issue in problems
            )
        else:
            summary = self.env._("Instructor corrected their contact details")
            note = Markup("<p>%s</p>") % self.env._("Check the corrected details; the agreements were revalidated.")
        self.activity_schedule(
            "redu_feedback_portal.mail_activity_type_contact_answer",
            user_id=teacher.id,
            summary=summary,
            note=note,
        )

    # ----------------------------------------------------------------- crons
    @api.model
    def _get_int_param(self, name, default):
        try:
            return int(self.env["ir.config_parameter"].sudo().get_param(f"redu_feedback_portal.{name}", default))
        except (TypeError, ValueError):
            return default

    @api.model
    def _cron_send_reminders(self):
        """Daily: one reminder to the instructors who have not answered within N days.

        At most MAX_REMINDERS per request, N days apart, only while the deadline is ahead; running it
        twice a day sends nothing twice.
        """
        # 1..365 days: a huge setting would overflow the date arithmetic and stop the cron
        days = min(max(self._get_int_param("reminder_days", DEFAULT_REMINDER_DAYS), 1), 365)
        limit = fields.Datetime.now() - datetime.timedelta(days=days)
        today = redu_today(self)
        candidates = self.search(
            [
                ("state", "=", "requested"),
                ("token_revoked", "=", False),
                ("reminder_count", "<", MAX_REMINDERS),
                ("request_date", "<=", limit),
                "|",
                ("last_reminder_date", "=", False),
                ("last_reminder_date", "<=", limit),
            ]
        )
        due = candidates.filtered(lambda c: c.deadline and c.deadline >= today)
        return due._send_requests(reminder=True)["sent"]

    @api.model
    def _cron_send_digest(self):
        """Daily; on the digest weekday each teacher gets one digest of their blocked and warned agreements."""
        today = redu_today(self)
        if today.weekday() != self._get_int_param("digest_weekday", 0):
            return self.env["res.users"]
        agreement_model = self.env["redu.workplace.agreement"]
        agreements = agreement_model.search(
            agreement_model._open_domain() + [("readiness", "in", ("blocked", "warning")), ("teacher_id", "!=", False)]
        )
        by_teacher = defaultdict(lambda: agreement_model.browse())
        for agreement in agreements:
            by_teacher[agreement.teacher_id] |= agreement
        week_ago = today - datetime.timedelta(days=7)
        base_url = self.env["ir.config_parameter"].sudo().get_param("web.base.url", "")
        teachers = self.env["res.users"].browse()
        mails = []
        for teacher, teacher_agreements in by_teacher.items():
            if not teacher.email or (
                teacher.redu_feedback_digest_date and teacher.redu_feedback_digest_date > week_ago
            ):
                continue
            lang = teacher.lang or "en_US"
            env = self.with_context(lang=lang).env
            rows = teacher_agreements.with_env(env).sorted(lambda a: (a.days_to_deadline, a.id))
            body = env["ir.qweb"]._render(
                "redu_feedback_portal.digest_body",
                {"teacher": teacher, "agreements": rows, "base_url": base_url},
            )
            mails.append(
                {
                    "subject": env._(
                        "Working-life feedback: %(count)s agreements need your attention", count=len(rows)
                    ),
                    "body_html": body,
                    "email_to": teacher.email_formatted,
                    "auto_delete": True,
                }
            )
            teachers |= teacher
        if mails:
            # sudo: the cron's user sends the digests and stamps the teachers
            self.env["mail.mail"].sudo().create(mails)
            teachers.sudo().write({"redu_feedback_digest_date": today})
        return teachers
