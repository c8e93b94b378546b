# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The register's TOL 2008 industries moved from redu.industry to Odoo's res.partner.industry (with a
code): copy each industry there, unless one with its code exists, and give the partners whose
industry was the register's (``ytj_industry_id``, then a stored column) that industry as their
``industry_id`` where they had none. The old table and column are left untouched."""

from odoo.tools import sql


def migrate(cr, version):
    if not sql.table_exists(cr, "redu_industry") or not sql.column_exists(cr, "res_partner", "ytj_industry_id"):
        return
    cr.execute(
        """
        INSERT INTO res_partner_industry (name, full_name, code, active, create_uid, create_date, write_uid, write_date)
        SELECT jsonb_build_object('en_US', old.name), jsonb_build_object('en_US', old.name), old.code, TRUE,
               old.create_uid, old.create_date, old.write_uid, old.write_date
          FROM redu_industry old
         WHERE NOT EXISTS (SELECT 1 FROM res_partner_industry new WHERE new.code = old.code)
        """
    )
    cr.execute(
        """
        UPDATE res_partner partner SET industry_id = new.id
          FROM redu_industry old JOIN res_partner_industry new ON new.code = old.code
         WHERE partner.ytj_industry_id = old.id AND partner.industry_id IS NULL
        """
    )
