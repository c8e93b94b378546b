# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The calendar date of REDU's business rules.

Review dates, agreement end dates and the national contact deadlines are Finnish calendar
dates. ``fields.Date.context_today`` takes the timezone of the context or of the current user
and falls back to UTC, so between 22:00 (21:00 in summer) and 24:00 UTC the same rule gave
Helsinki's date to one user and the day before to another (a user without a timezone, a
scheduled action, a test user): a review done at 00:30 in Rovaniemi was dated yesterday.
Every REDU rule asks this module instead: one clock, Finland's, whoever runs it::

    from odoo.addons.redu_base.tools.dates import redu_today
"""

from odoo import fields

REDU_TZ = "Europe/Helsinki"


def redu_today(record, timestamp=None):
    """Today (or the date of the UTC ``timestamp``) in Finland, whatever the user's timezone."""
    return fields.Date.context_today(record.with_context(tz=REDU_TZ), timestamp)
