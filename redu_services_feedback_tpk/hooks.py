# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).


def post_init_hook(env):
    """The bundles predicted before the addon without a recipient: the service processes may give one."""
    bundles = env["redu.tpk.bundle"].search([("recipient_id", "=", False)])
    # the recipient first, then its email problem (which reads the new recipient)
    for fname in ("recipient_id", "email_problem"):
        env.add_to_compute(bundles._fields[fname], bundles)
        bundles.flush_recordset([fname])
