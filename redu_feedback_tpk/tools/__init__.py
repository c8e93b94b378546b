from . import tpk_rules
