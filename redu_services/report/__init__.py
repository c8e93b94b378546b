# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import redu_response_time_report, redu_response_time_month_report, redu_service_revenue_report
