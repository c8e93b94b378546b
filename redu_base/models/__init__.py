# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import (
    base,
    redu_company_check_mixin,
    redu_file_reader,
    redu_rate_limit,
    res_company,
    res_partner,
)
