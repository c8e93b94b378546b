# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The services' roles (redu.service.role) became roles of the kind "cooperation" of the one role
model redu.contact.role (redu_partnership, updated before this addon): copy each role there, point
the process members, the services' responsible roles and the roles' XML ids at the copies. The old
table is left untouched."""

from odoo.tools import SQL, sql


def migrate(cr, version):
    if not sql.table_exists(cr, "redu_service_role"):
        return
    cr.execute(
        """
        INSERT INTO redu_contact_role (name, code, kind, sequence, description, active,
                                       create_uid, create_date, write_uid, write_date)
        SELECT name, code, 'cooperation', sequence, description, active,
               create_uid, create_date, write_uid, write_date
          FROM redu_service_role old
         WHERE NOT EXISTS (SELECT 1 FROM redu_contact_role new WHERE new.code = old.code)
        """
    )
    cr.execute(
        """
        CREATE TEMPORARY TABLE redu_role_map ON COMMIT DROP AS
        SELECT old.id AS old_id, new.id AS new_id
          FROM redu_service_role old JOIN redu_contact_role new ON new.code = old.code
        """
    )
    # the member's role_id references the old table: drop that key, the ORM adds the new one
    for constraint in ("redu_service_process_member_role_id_fkey",):
        cr.execute(
            SQL("ALTER TABLE redu_service_process_member DROP CONSTRAINT IF EXISTS %s", SQL.identifier(constraint))
        )
    cr.execute(
        """
        UPDATE redu_service_process_member member SET role_id = map.new_id
          FROM redu_role_map map WHERE member.role_id = map.old_id
        """
    )
    if sql.table_exists(cr, "redu_service_redu_service_role_rel"):
        cr.execute(
            """
            CREATE TABLE IF NOT EXISTS redu_contact_role_redu_service_rel (
                redu_service_id integer NOT NULL, redu_contact_role_id integer NOT NULL,
                PRIMARY KEY (redu_service_id, redu_contact_role_id))
            """
        )
        cr.execute(
            """
            INSERT INTO redu_contact_role_redu_service_rel (redu_service_id, redu_contact_role_id)
            SELECT rel.redu_service_id, map.new_id
              FROM redu_service_redu_service_role_rel rel
              JOIN redu_role_map map ON map.old_id = rel.redu_service_role_id
            ON CONFLICT DO NOTHING
            """
        )
    cr.execute(
        """
        UPDATE ir_model_data imd SET model = 'redu.contact.role', res_id = map.new_id
          FROM redu_role_map map
         WHERE imd.model = 'redu.service.role' AND imd.res_id = map.old_id
        """
    )
