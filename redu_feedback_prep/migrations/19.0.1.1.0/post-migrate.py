# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""1.1.0 judges the agreements by the national rules: drop the table tuning of 1.0 and revalidate."""

from odoo import api
from odoo.tools import SQL


def migrate(cr, version):
    # 1.0 lowered the fillfactor of the agreements for its raw SQL updates; the ORM writes now
    cr.execute(SQL("ALTER TABLE redu_workplace_agreement RESET (fillfactor)"))
    env = api.Environment(cr, api.SUPERUSER_ID, {})
    env["redu.workplace.agreement"]._cron_validate_contacts()
