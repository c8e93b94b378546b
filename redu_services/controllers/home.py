# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import http
from odoo.http import request

from odoo.addons.web.controllers import home


class Home(home.Home):
    @http.route()
    def web_client(self, s_action=None, **kw):
        """Open the web client of a finance user with every group entity active.

        The revenue of the group is spread over its entities; the web client starts with the active
        companies of the ``cids`` cookie, or the user's main company alone. The first time (no
        cookie) a finance user gets all the group entities they may open, as Odoo's mail controller
        sets ``cids`` for a record's company; the company switcher narrows them as usual.
        """
        response = super().web_client(s_action=s_action, **kw)
        uid = request.session.uid
        if uid and not request.cookies.get("cids") and getattr(response, "set_cookie", None):
            # sudo: the web client route is auth="none"; only the logged-in user's own companies are read
            user = request.env["res.users"].sudo().browse(uid)
            company_ids = user._redu_default_active_company_ids()
            if len(company_ids) > 1:
                response.set_cookie("cids", "-".join(map(str, company_ids)))
        return response
