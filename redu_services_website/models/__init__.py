from . import res_company
from . import ir_http
from . import redu_service
from . import redu_service_category
from . import redu_service_process
from . import redu_service_web_inquiry
from . import res_config_settings
