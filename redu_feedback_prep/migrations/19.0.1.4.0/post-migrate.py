# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""1.4.0 drops the log columns of the contact issues (``_log_access = False``).

The upgrade forgets the four fields but leaves their columns, and with them the foreign keys to the users
that every issue's INSERT would still fire: the columns go, their constraints with them.
"""

from odoo.tools import SQL

LOG_COLUMNS = ("create_uid", "write_uid", "create_date", "write_date")


def migrate(cr, version):
    cr.execute(
        SQL(
            "ALTER TABLE redu_contact_issue %s",
            SQL(", ").join(SQL("DROP COLUMN IF EXISTS %s", SQL.identifier(column)) for column in LOG_COLUMNS),
        )
    )
