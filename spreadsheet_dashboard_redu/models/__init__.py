# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import redu_service_process, redu_workplace_agreement, res_company, res_partner, spreadsheet_dashboard
