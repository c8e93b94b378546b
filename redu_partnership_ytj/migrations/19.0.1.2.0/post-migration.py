# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Industries are keyed by (classification, code): the industries with a code before this version came
from the register labelled TOL 2008, so they get that classification. The normalised Y-tunnus of every
partner (``redu_business_id_key``, a new stored computed field) is computed by the update itself."""


def migrate(cr, version):
    cr.execute(
        """
        UPDATE res_partner_industry
           SET classification = 'tol2008'
         WHERE code IS NOT NULL AND classification IS NULL
        """
    )
