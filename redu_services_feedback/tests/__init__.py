# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import test_agreement_contacts, test_company_moves, test_security
