# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import test_file_reader
from . import test_rate_limit
from . import test_partner_images
from . import test_partner_hierarchy
from . import test_shared_defaults
