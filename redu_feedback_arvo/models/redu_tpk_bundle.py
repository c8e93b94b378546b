# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from markupsafe import Markup

from odoo import api, fields, models

from odoo.addons.redu_base.tools.dates import redu_today


class ReduTpkBundle(models.Model):
    _inherit = "redu.tpk.bundle"

    arvo_alerted = fields.Boolean(
        string="Unanswered, account manager told",
        readonly=True,
        copy=False,
        help="The bundle was not answered after its reminders: an activity was created for the account manager.",
        redu_system=True,
    )

    @api.model
    def _cron_arvo_unanswered(self):
        """An activity for the employer's account manager for each workplace survey bundle still unanswered
        when its answering time ended after the reminders."""
        today = redu_today(self)
        # sudo: the scheduled action looks at every entity's bundles; the activity goes to the account manager
        bundles = self.sudo().search(
            [
                ("state", "=", "sent"),
                ("reminder_count", ">", 0),
                ("deadline", "<", today),
                ("arvo_alerted", "=", False),
                ("user_id", "!=", False),
            ]
        )
        for employer, employer_bundles in bundles.grouped("employer_id").items():
            lines = Markup("").join(
                Markup("<li>%s (%s – %s): %s</li>")
                % (
                    bundle.workplace_name or bundle.name,
                    bundle.period_start,
                    bundle.period_end,
                    bundle.survey_url or "",
                )
                for bundle in employer_bundles
            )
            employer._arvo_follow_up(
                self.env._("Workplace survey not answered"),
                self.env._("The workplace survey was not answered after the reminders:"),
                lines,
            )
        bundles.write({"arvo_alerted": True})
        return len(bundles)
