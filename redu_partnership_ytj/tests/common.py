# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import json
from pathlib import Path
from unittest.mock import patch

import requests

from odoo.tests import TransactionCase, new_test_user

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT

FIXTURES = Path(__file__).parent / "fixtures"
ACTIVE_ID = "2654321-4"
CEASED_ID = "1876543-1"
RENAMED_ID = "0765432-2"
UNKNOWN_ID = "2987654-0"
ADDRESSES_ID = "3012345-8"
BANKRUPTCY_ID = "1987654-7"
RESTRUCTURING_ID = "2345678-0"
LIQUIDATION_ID = "0912345-3"


def load_fixture(name):
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def make_response(status_code=200, body=None, headers=None):
    """A real requests.Response, as the register would send it."""
    response = requests.Response()
    response.status_code = status_code
    response.headers.update(headers or {"Content-Type": "application/json"})
    # a text body (the register's 429 is text/plain) is sent as it is, anything else as JSON
    response._content = (body if isinstance(body, str) else json.dumps(body if body is not None else {})).encode()
    response.encoding = "utf-8"
    return response


def fixture_response(name):
    """The recorded answer ``name`` (a company fixture or rate_limited.json)."""
    data = load_fixture(name)
    if "status_code" in data:
        return make_response(data["status_code"], data["body"], data["headers"])
    return make_response(200, data)


REGISTER_BY_ID = {
    ACTIVE_ID: "company_active.json",
    CEASED_ID: "company_ceased.json",
    RENAMED_ID: "company_renamed.json",
    ADDRESSES_ID: "company_addresses.json",
    BANKRUPTCY_ID: "company_bankruptcy.json",
    RESTRUCTURING_ID: "company_restructuring.json",
    LIQUIDATION_ID: "company_liquidation.json",
}


def register_answer(url, params=None, **kwargs):
    """A fake GET of the register answering from the fixtures by Y-tunnus."""
    name = REGISTER_BY_ID.get((params or {}).get("businessId"), "company_not_found.json")
    return fixture_response(name)


class YtjCase(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **DISABLED_MAIL_CONTEXT))
        cls.Partner = cls.env["res.partner"]
        cls.fi = cls.env.ref("base.fi")
        cls.env["ir.config_parameter"].set_param("redu_partnership_ytj.network_enabled", "1")
        cls.manager = new_test_user(
            cls.env,
            login="ytj_manager",
            groups="base.group_user,redu_partnership.group_partnership_manager",
        )
        cls.sales = new_test_user(
            cls.env,
            login="ytj_sales",
            groups="base.group_user,redu_partnership.group_partnership_user",
        )

    @classmethod
    def _company(cls, name, **vals):
        return cls.Partner.create(dict({"name": name, "is_company": True, "country_id": cls.fi.id}, **vals))

    def forbid_network(self):
        """Patch ``requests.Session.request`` (every HTTP call of ``requests`` goes through it): any
        call fails the test, and the mock records it."""

        def refuse(*args, **kwargs):
            raise AssertionError(f"unexpected call of the business register: {args} {kwargs}")

        mock = patch.object(requests.Session, "request", side_effect=refuse)
        started = mock.start()
        self.addCleanup(mock.stop)
        return started

    def patch_get(self, side_effect=register_answer):
        """Patch requests.get (module level and sessions): no live call in the tests."""
        mock = patch.object(requests, "get", side_effect=side_effect)
        session_mock = patch.object(requests.Session, "get", side_effect=side_effect)
        started = mock.start()
        session_mock.start()
        self.addCleanup(mock.stop)
        self.addCleanup(session_mock.stop)
        return started
