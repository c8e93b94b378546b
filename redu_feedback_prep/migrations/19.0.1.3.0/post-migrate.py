# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""1.3.0 packs the agreements' pages half full again, for the validation's in-place updates.

The model's ``init`` sets the fillfactor on every update of the module; the 1.1.0 script, which runs
after it when an upgrade crosses 1.1.0, resets it: this script runs last and sets it again. Only new
pages follow it; ``VACUUM FULL redu_workplace_agreement`` repacks the existing ones (docs/scaling.md).
"""

from odoo import api


def migrate(cr, version):
    api.Environment(cr, api.SUPERUSER_ID, {})["redu.workplace.agreement"].init()
