# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Two group entities, two employers with workplace agreements, and a user of each demo role.

The fixtures under ``fixtures/`` are responses of Arvo's export API v1 in its own shapes (see
``tools/arvo_export.py`` for the sources): ``kyselykerrat.json``, ``kysymykset.json``, the two pages
of ``kohteet`` and of ``vastaukset`` (``pagination.next_url`` with ``since``, ns arvo.util
``paginated-response``), and ``export_2025.json``, all of them saved in one file.
"""

import base64
import datetime
import json
from unittest.mock import patch

import requests

from odoo import Command
from odoo.tests import TransactionCase, new_test_user
from odoo.tools import file_open

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT

BID_A = "0112038-9"
BID_B = "1572860-0"
OID_INSTITUTION = "1.2.246.562.10.41253773158"
OID_OFFICE = "1.2.246.562.10.55500000001"
API = "https://arvo.example.fi/api/export/v1/"


def fixture(name):
    with file_open(f"redu_feedback_arvo/tests/fixtures/{name}", "rb") as handle:
        return handle.read()


class FixtureAdapter(requests.adapters.BaseAdapter):
    """The transport of ``requests``: answers a recorded fixture by the URL asked (no network).

    ``pages`` maps a URL to a fixture file name, a body (bytes) or an exception to raise; any other URL of the
    server answers an empty page (nothing new since the given ``since``).
    """

    def __init__(self, pages):
        super().__init__()
        self.pages = pages
        self.asked = []
        self.authorizations = []

    def send(self, request, **kwargs):
        self.asked.append(request.url)
        self.authorizations.append(request.headers.get("Authorization"))
        page = self.pages.get(request.url)
        if isinstance(page, Exception):
            raise page
        response = requests.Response()
        response.status_code = 200
        response.url = request.url
        response.request = request
        response.headers["Content-Type"] = "application/json; charset=utf-8"
        if isinstance(page, bytes):
            response._content = page
        else:
            response._content = (
                fixture(page) if page else json.dumps({"data": [], "pagination": {"next_url": None}}).encode()
            )
        return response

    def close(self):
        return None


class ArvoCase(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **DISABLED_MAIL_CONTEXT))
        cls.company = cls.env["res.company"].create({"name": "REDU Arvo Entity A"})
        cls.company_b = cls.env["res.company"].create({"name": "REDU Arvo Entity B"})
        cls.companies = cls.company | cls.company_b
        cls.env.user.company_ids |= cls.companies
        cls.env = cls.env(context=dict(cls.env.context, allowed_company_ids=[cls.company.id, cls.company_b.id]))
        Map = cls.env["redu.arvo.entity.map"]
        Map.create({"oid": OID_INSTITUTION, "kind": "institution", "company_id": cls.company.id})
        Map.create({"oid": OID_OFFICE, "kind": "office", "company_id": cls.company_b.id})
        # the users of the demo roles (setup/demo_data.py DEMO_USERS)
        cls.feedback_admin = new_test_user(  # esihenkilo
            cls.env,
            login="arvo_esihenkilo",
            groups="redu_feedback_prep.group_feedback_manager,redu_partnership.group_partnership_manager",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.companies.ids)],
        )
        cls.account_manager = new_test_user(  # asiakkuusvastaava
            cls.env,
            login="arvo_asiakkuusvastaava",
            groups="redu_partnership.group_partnership_user,sales_team.group_sale_salesman",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.companies.ids)],
        )
        cls.teacher = new_test_user(  # opettaja
            cls.env,
            login="arvo_opettaja",
            groups="redu_feedback_prep.group_feedback_user",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )
        cls.finance = new_test_user(  # talous: no feedback nor partnership group
            cls.env,
            login="arvo_talous",
            groups="base.group_user",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.companies.ids)],
        )
        Partner = cls.env["res.partner"]
        cls.employer = Partner.create(
            {
                "name": "Lapin Testirakennus Oy",
                "is_company": True,
                "company_registry": BID_A,
                "country_id": cls.env.ref("base.fi").id,
                "user_id": cls.account_manager.id,
            }
        )
        # written without the hyphen and with the VAT prefix: the same Y-tunnus
        cls.employer_b = Partner.create(
            {"name": "Napapiirin Testihoiva Oy", "is_company": True, "company_registry": "FI15728600"}
        )
        Agreement = cls.env["redu.workplace.agreement"]
        common = {"company_id": cls.company.id, "qualification_code": "351307"}
        cls.agreement_1, cls.agreement_2, cls.agreement_3, cls.agreement_4, cls.agreement_none = Agreement.create(
            [
                dict(
                    common,
                    employer_id=cls.employer.id,
                    start_date=datetime.date(2025, 2, 1),
                    end_date=datetime.date(2025, 5, 31),
                    qualification_unit="Sähköasennusten toteuttaminen",
                ),
                dict(
                    common,
                    employer_id=cls.employer.id,
                    start_date=datetime.date(2025, 2, 1),
                    end_date=datetime.date(2025, 5, 31),
                    qualification_unit="Kiinteistön sähköistys",
                ),
                dict(
                    common,
                    company_id=cls.company_b.id,
                    employer_id=cls.employer_b.id,
                    start_date=datetime.date(2025, 9, 1),
                    end_date=datetime.date(2025, 11, 30),
                ),
                dict(
                    common,
                    employer_id=cls.employer_b.id,
                    start_date=datetime.date(2025, 10, 1),
                    end_date=datetime.date(2025, 12, 15),
                ),
                dict(
                    common,
                    employer_id=cls.employer_b.id,
                    start_date=datetime.date(2025, 1, 10),
                    end_date=datetime.date(2025, 3, 15),
                ),
            ]
        )
        cls.Import = cls.env["redu.arvo.import"].with_user(cls.feedback_admin)
        cls.Target = cls.env["redu.arvo.target"]
        cls.Answer = cls.env["redu.arvo.answer"]
        cls.env["ir.config_parameter"].set_param("redu_feedback_arvo.min_answers", "2")
        cls.env["ir.config_parameter"].set_param("redu_feedback_arvo.api_url", API)
        cls.env["ir.config_parameter"].set_param("redu_feedback_arvo.api_user", "redu-export")
        cls.env["ir.config_parameter"].set_param("redu_feedback_arvo.api_password", "secret")

    @classmethod
    def _import_file(cls, name="export_2025.json", content=None):
        """Import a saved file through the wizard as the feedback administrator; run its background task."""
        wizard = (
            cls.env["redu.arvo.import.wizard"]
            .with_user(cls.feedback_admin)
            .create({"source": "file", "file": base64.b64encode(content or fixture(name)), "filename": name})
        )
        action = wizard.action_import()
        job = cls.env["redu.background.job"].browse(action["res_id"])
        job._run()
        return job

    @classmethod
    def _set_predictions(cls):
        """The validation's outcome on the agreements, as the validation writes it (redu_system fields, so
        sudo): agreements 1, 2 and "none" predicted reached, 4 not reached, 3 (entity B) HOKS rejected."""
        ok = {"readiness": "ready", "national_survey_reaches": True, "national_hoks_rejected": False}
        (cls.agreement_1 | cls.agreement_2 | cls.agreement_none).sudo().write(ok)
        cls.agreement_4.sudo().write(dict(ok, readiness="blocked", national_survey_reaches=False))
        cls.agreement_3.sudo().write(
            dict(ok, readiness="blocked", national_survey_reaches=False, national_hoks_rejected=True)
        )

    # the transport of the requests in tests (odoo.tests.BaseCase blocks the others)
    _arvo_adapter = None

    @classmethod
    def _request_handler(cls, s, r, /, **kw):
        if cls._arvo_adapter is not None and r.url.startswith("https://arvo.example."):
            return cls._arvo_adapter.send(r, **kw)
        return super()._request_handler(s, r, **kw)

    def _import_api(self, adapter):
        """Import from the API, the transport answering recorded fixtures."""
        with patch.object(type(self), "_arvo_adapter", adapter):
            job = self.Import._arvo_start("api")
            job._run()
        return job

    @staticmethod
    def as_user(record, user):
        """``record`` as ``user`` with the user's own companies selected."""
        return record.with_user(user).with_context(allowed_company_ids=user.company_ids.ids)

    def target(self, code):
        return self.Target.search([("code", "=", code)])
