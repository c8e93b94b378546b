# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import (
    test_background,
    test_bundles,
    test_cron,
    test_export,
    test_finnish_date,
    test_fix_wizard,
    test_hardening_files,
    test_import,
    test_national_judge,
    test_national_outcome,
    test_national_rules,
    test_report_i18n,
    test_revalidation,
    test_rules,
    test_security,
    test_ui,
)
