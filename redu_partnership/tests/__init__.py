# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import (
    test_access,
    test_analysis,
    test_business_id,
    test_cooperation_type,
    test_finnish_date,
    test_hardening_files,
    test_level_history,
    test_query_count,
    test_review_cron,
    test_suggested_level,
    test_translation,
    test_ui,
)
