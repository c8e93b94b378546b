# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Shared set-up of the cross-addon tests (run by pytest-odoo on the database that setup/test.sh
created with every addon installed): the set-up of the services and agreements glue, with a chart of
accounts for the entity."""

from odoo.addons.redu_services_feedback.tests.common import ServicesFeedbackCase


class CrossAddonCase(ServicesFeedbackCase):
    """A TransactionCase outside an addon: Odoo derives its tags from the module path
    only for odoo.addons.*, so they are given here."""

    test_tags = {"standard", "post_install"}
    test_module = "redu_cross_addon"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["account.chart.template"].try_loading("generic_coa", company=cls.company, install_demo=False)
