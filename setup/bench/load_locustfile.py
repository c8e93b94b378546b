# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Locust users of setup/bench/bench_load.py: the five roles of the REDU demo database doing
their real work over JSON-RPC, with the calls Odoo 19's web client makes for each screen.

Run by bench_load.py with locust from its own virtualenv (.odoo/locust-venv: locust pins
Werkzeug, gevent and requests versions that Odoo's venv must not get). The environment
variable REDU_LOAD_PLAN names a JSON file written by bench_load.py: the database, the
logins of each role and the records prepared for the writes (processes that can move
between two non-gated stages, agreements whose instructor can be fixed, dashboards).

Each *action* (one screen or one user step) is timed as a whole and reported to locust
under its own name, even when the web client makes several calls for it (the kanban's
grouped read and its progress bars; a dashboard's data and its pivots). The calls of one
screen are made one after the other, as the web client makes them, except a dashboard's
pivots and lists, which are loaded six at a time as a browser does.
"""

import itertools
import json
import os
import random
import time

import gevent
import gevent.pool
import websocket  # websocket-client, installed with locust
from locust import HttpUser, between, task

PLAN = json.load(open(os.environ["REDU_LOAD_PLAN"], encoding="utf-8"))
THINK = [float(x) for x in os.environ.get("REDU_LOAD_THINK", "3,10").split(",")]
_counters = {}


def _next(kind):
    """A distinct index per simulated user of a role (round robin over the prepared records)."""
    return next(_counters.setdefault(kind, itertools.count()))


class RpcError(Exception):
    pass


class OdooUser(HttpUser):
    abstract = True
    wait_time = between(*THINK)
    role = None

    # ------------------------------------------------------------------ plumbing
    def on_start(self):
        # a session opened by bench_load.py (people keep theirs all day; a login storm would
        # be what the other actions measure); without sessions in the plan, log in
        sessions = PLAN.get("sessions", {}).get(self.role)
        if sessions:
            session = sessions[_next(f"session {self.role}") % len(sessions)]
            self.client.cookies.set("session_id", session["session_id"])
            self._set_context(session["uid"], session["allowed_company_ids"], "fi_FI", "Europe/Helsinki")
        else:
            self._action("login", self._authenticate)
        self.ws = self.ws_reader = None
        if PLAN.get("websocket_url"):
            self._action("websocket open", self._open_websocket)
        self.prepare()

    def on_stop(self):
        if self.ws_reader:
            self.ws_reader.kill(block=False)
        if self.ws:
            self.ws.close()

    def _open_websocket(self):
        """The websocket every open Odoo tab keeps to the gevent port (the bus: notifications,
        chat), subscribed as the web client's worker does; a greenlet reads it (answering the
        server's pings) until the user stops."""
        url = PLAN["websocket_url"]
        origin = url.replace("ws://", "http://").split("/websocket")[0]
        session_id = self.client.cookies.get("session_id")
        self.ws = websocket.create_connection(url, cookie=f"session_id={session_id}", origin=origin, timeout=30)
        self.ws.send(json.dumps({"event_name": "subscribe", "data": {"channels": [], "last": 0}}))
        self.ws.settimeout(None)
        self.ws_reader = gevent.spawn(self._read_websocket)

    def _read_websocket(self):
        try:
            while True:
                self.ws.recv()
        except Exception:  # noqa: BLE001  (closed at the end of the run, or by the server)
            return

    def prepare(self):
        pass

    def _post(self, path, params):
        response = self.client.post(
            path,
            json={"jsonrpc": "2.0", "method": "call", "params": params, "id": random.randint(1, 10**9)},
            name="/web/dataset/call_kw" if "/call_kw/" in path else path,
            context={"rpc": True},
        )
        if response.status_code != 200:
            raise RpcError(f"HTTP {response.status_code} on {path}")
        body = response.json()
        if body.get("error"):
            data = body["error"].get("data") or {}
            raise RpcError(f"{data.get('name', 'error')}: {data.get('message', body['error'].get('message'))}"[:300])
        return body.get("result")

    def _authenticate(self):
        login = PLAN["roles"][self.role]
        result = self._post("/web/session/authenticate", {"db": PLAN["db"], "login": login, "password": login})
        company = (result.get("user_companies") or {}).get("current_company")
        allowed = [int(c) for c in (result.get("user_companies") or {}).get("allowed_companies", {})]
        context = result["user_context"]
        self._set_context(result["uid"], allowed or [company], context.get("lang"), context.get("tz"))

    def _set_context(self, uid, companies, lang, tz):
        self.odoo_context = {"lang": lang, "tz": tz, "uid": uid, "allowed_company_ids": companies}
        self.client.cookies.set("cids", "-".join(str(c) for c in companies))

    def call(self, model, method, args=(), **kwargs):
        kwargs["context"] = {**self.odoo_context, **kwargs.get("context", {})}
        return self._post(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )

    def call_button(self, model, method, ids, context=None):
        return self._post(
            "/web/dataset/call_button",
            {
                "model": model,
                "method": method,
                "args": [ids],
                "kwargs": {"context": {**self.odoo_context, **(context or {})}},
            },
        )

    def _action(self, name, function, *args):
        """Time ``function`` as the action ``name`` and report it to locust."""
        start = time.perf_counter()
        exception = None
        result = None
        try:
            result = function(*args)
        except Exception as error:  # noqa: BLE001  (every failure is an error of the action)
            exception = error
        elapsed = (time.perf_counter() - start) * 1000
        self.environment.events.request.fire(
            request_type="ACTION",
            name=name,
            response_time=elapsed,
            response_length=0,
            exception=exception,
            context={},
        )
        return result

    # ------------------------------------------------------------------ screens
    def contacts_list(self):
        return self.call(
            "res.partner",
            "web_search_read",
            specification=PLAN["spec"]["partner_list"],
            domain=PLAN["domain"]["partners"],
            offset=0,
            limit=80,
            order="",
            count_limit=10001,
            context={"bin_size": True, "default_is_company": True},
        )

    def process_kanban(self):
        domain = [["is_closed", "=", False]]
        groups = self.call(
            "redu.service.process",
            "web_read_group",
            domain=domain,
            groupby=["stage_id"],
            aggregates=["__count"],
            auto_unfold=True,
            unfold_read_specification=PLAN["spec"]["process_kanban"],
            unfold_read_default_limit=40,
            context={"bin_size": True},
        )
        self.call(
            "redu.service.process",
            "read_progress_bar",
            domain=domain,
            group_by="stage_id",
            progress_bar={
                "field": "activity_state",
                "colors": {"planned": "success", "today": "warning", "overdue": "danger"},
            },
        )
        return groups

    def revenue_pivot(self):
        year_start = f"{time.gmtime().tm_year - 1}-01-01"
        row, cols = ["category_id"], ["date:year", "date:month"]
        sets = [[], row, cols[:1], cols, row + cols[:1], row + cols]
        return self.call(
            "redu.service.revenue.report",
            "formatted_read_grouping_sets",
            domain=[["date", ">=", year_start]],
            grouping_sets=sets,
            aggregates=["amount:sum", "__count"],
        )

    def dashboard(self, dashboard):
        """The dashboard's data, then the data of its pivots and lists, six at a time as a
        browser loads a spreadsheet's data sources (six connections per host)."""
        response = self.client.get(f"/spreadsheet/dashboard/data/{dashboard['id']}", name="/spreadsheet/dashboard/data")
        if response.status_code != 200:
            raise RpcError(f"HTTP {response.status_code} on the dashboard data")
        calls = []
        for pivot in dashboard["pivots"]:
            sets = [[], pivot["rows"], pivot["columns"], pivot["rows"] + pivot["columns"]]
            calls.append(
                (
                    pivot["model"],
                    "formatted_read_grouping_sets",
                    {
                        "domain": pivot["domain"],
                        "grouping_sets": [s for i, s in enumerate(sets) if s not in sets[:i]],
                        "aggregates": pivot["measures"],
                    },
                )
            )
        for listing in dashboard["lists"]:
            calls.append(
                (
                    listing["model"],
                    "web_search_read",
                    {
                        "domain": listing["domain"],
                        "specification": {name: {} for name in listing["columns"]},
                        "limit": listing.get("limit", 50),
                    },
                )
            )
        pool = gevent.pool.Pool(6)
        jobs = [pool.spawn(self.call, model, method, **kwargs) for model, method, kwargs in calls]
        gevent.joinall(jobs, raise_error=True)


class Sales(OdooUser):
    """Account manager: the partners, a partner's form, a level change."""

    role = "sales"
    weight = 1

    def prepare(self):
        self.partners = self.own = []
        result = self._action("contacts list", self.contacts_list)
        if result:
            self.partners = [r["id"] for r in result["records"]]
            # a salesperson changes the level of their own partners or of unassigned ones
            uid = self.odoo_context["uid"]
            self.own = [r["id"] for r in result["records"] if (r.get("user_id") or {}).get("id") in (None, uid)]
        self.levels = PLAN["levels"]

    @task(3)
    def task_contacts_list(self):
        self._action("contacts list", self.contacts_list)

    @task(3)
    def task_partner_form(self):
        if self.partners:
            self._action(
                "partner form",
                lambda: self.call(
                    "res.partner",
                    "web_read",
                    [[random.choice(self.partners)]],
                    specification=PLAN["spec"]["partner_form"],
                    context={"bin_size": True},
                ),
            )

    @task(1)
    def task_level_change(self):
        if self.own:
            partner = self.own[_next("sales_partner") % len(self.own)]
            self._action(
                "level change",
                lambda: self.call(
                    "res.partner",
                    "web_save",
                    [[partner], {"partnership_level_id": random.choice(self.levels)}],
                    specification=PLAN["spec"]["partner_form"],
                ),
            )


class BackOffice(OdooUser):
    """Teacher in the back office: the process kanban and a stage move."""

    role = "back_office"
    weight = 1

    def prepare(self):
        movable = PLAN["movable_processes"]
        self.process = movable[_next("process") % len(movable)] if movable else None
        self.forward = True

    @task(3)
    def task_kanban(self):
        self._action("process kanban", self.process_kanban)

    @task(1)
    def task_stage_move(self):
        if not self.process:
            return
        stage = self.process["to"] if self.forward else self.process["from"]
        self.forward = not self.forward
        self._action(
            "stage move",
            lambda: self.call(
                "redu.service.process",
                "web_save",
                [[self.process["id"]], {"stage_id": stage}],
                specification={"stage_id": {"fields": {"display_name": {}}}, "checklist_progress": {}},
            ),
        )


class Teacher(OdooUser):
    """Teacher preparing the working-life feedback: the validation list and a contact fix."""

    role = "teacher"
    weight = 1

    def prepare(self):
        fixable = PLAN["fixable_agreements"]
        self.agreement = fixable[_next("agreement") % len(fixable)] if fixable else None
        self.round = 0

    def validation_list(self):
        domain = ["|", ["end_date", "=", False], ["end_date", ">=", PLAN["open_since"]]]
        groups = self.call(
            "redu.workplace.agreement",
            "web_read_group",
            domain=domain,
            groupby=["readiness"],
            aggregates=["__count"],
        )
        # the user opens the blocked group
        self.call(
            "redu.workplace.agreement",
            "web_search_read",
            specification=PLAN["spec"]["agreement_list"],
            domain=[*domain, ["readiness", "=", "blocked"]],
            offset=0,
            limit=80,
            order="",
            count_limit=10001,
        )
        return groups

    def fix(self):
        context = {"active_model": "redu.workplace.agreement", "active_ids": [self.agreement]}
        spec = PLAN["spec"]["fix_wizard"]
        values = self.call("redu.contact.fix.wizard", "onchange", [[], {}, [], spec], context=context)["value"]
        lines = []
        self.round += 1
        for command in values.get("line_ids", []):
            line = {k: (v["id"] if isinstance(v, dict) else v) for k, v in command[2].items() if k != "id"}
            if line.get("line_type") == "instructor":
                line["email"] = f"ohjaaja.{self.agreement}.{self.round % 2}@lapinyritys.fi"
            lines.append([0, 0, line])
        saved = self.call(
            "redu.contact.fix.wizard",
            "web_save",
            [[], {"agreement_ids": [[6, 0, [self.agreement]]], "line_ids": lines}],
            specification={"result_message": {}},
            context=context,
        )
        self.call_button("redu.contact.fix.wizard", "action_save", [saved[0]["id"]], context=context)

    @task(3)
    def task_validation_list(self):
        self._action("validation list", self.validation_list)

    @task(1)
    def task_fix(self):
        if self.agreement:
            self._action("contact fix", self.fix)


class Finance(OdooUser):
    """Finance: the revenue pivot and the income financing dashboard."""

    role = "finance"
    weight = 1

    @task(2)
    def task_pivot(self):
        self._action("revenue pivot", self.revenue_pivot)

    @task(1)
    def task_dashboard(self):
        self._action("dashboard", self.dashboard, PLAN["dashboards"]["finance"])


class Management(OdooUser):
    """Management: the dashboards of the plan's goals, the kanban, the pivot, the partners."""

    role = "management"
    weight = 1

    @task(2)
    def task_dashboard(self):
        self._action("dashboard", self.dashboard, random.choice(PLAN["dashboards"]["management"]))

    @task(1)
    def task_kanban(self):
        self._action("process kanban", self.process_kanban)

    @task(1)
    def task_pivot(self):
        self._action("revenue pivot", self.revenue_pivot)

    @task(1)
    def task_contacts(self):
        self._action("contacts list", self.contacts_list)
