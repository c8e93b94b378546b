# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models
from odoo.http import request


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    @classmethod
    def _pre_dispatch(cls, rule, args):
        # A website page's language is the one the website's routing chose (request.lang, set by
        # http_routing's _match), which http_routing's _frontend_pre_dispatch puts in the context
        # after base's _pre_dispatch. Base first checks the session's language (the browser's):
        # when that one is not installed (an English browser, a bot), get_lang() reads the public
        # user's company's language, a read of the whole user record on every page (issue #28:
        # 3 queries and ~7 ms of an anonymous page's ~13). The website's choice first spares it.
        if getattr(request, "is_frontend", False) and getattr(request, "lang", None):
            request.update_context(lang=request.lang.code)
        return super()._pre_dispatch(rule, args)
