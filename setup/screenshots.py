#!/usr/bin/env python3
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Screenshots of the demo for the README's user guide, taken in headless Chromium.

    .venv/bin/python setup/screenshots.py --url http://127.0.0.1:8070 --db redu_demo --out docs

Logs in as each demo user through Odoo's JSON-RPC (/web/session/authenticate), hands the
session cookie to a headless Chromium driven over the DevTools protocol (websocket-client),
opens each page of SHOTS, waits until Odoo has rendered it, and saves a PNG under --out.
"""

import argparse
import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from urllib.parse import urlparse

import requests
import websocket

# (file name, login, path, CSS selector that must be present, what the picture shows);
# "{id}" in a path is the first record of RECORDS[file name] (model, domain).
SHOTS = [
    (
        "partnership-kanban.png",
        "asiakkuusvastaava",
        "/odoo/action-redu_partnership.res_partner_action_partnership?view_type=kanban",
        ".o_kanban_renderer",
        "Working-life partners grouped by partnership level",
    ),
    (
        "partnership-partner-form.png",
        "asiakkuusvastaava",
        "/odoo/action-redu_partnership.res_partner_action_partnership/{id}",
        ".o_form_renderer",
        "A partner's working-life partnership page",
    ),
    (
        "partnership-analysis.png",
        "asiakkuusvastaava",
        "/odoo/action-redu_partnership.res_partner_action_partnership_analysis",
        ".o_pivot, .o_graph_renderer",
        "Partnership analysis",
    ),
    (
        "services-process-kanban.png",
        "opettaja",
        "/odoo/action-redu_services.redu_service_process_action",
        ".o_kanban_renderer",
        "Service processes by stage",
    ),
    (
        "services-process-form.png",
        "opettaja",
        "/odoo/action-redu_services.redu_service_process_action/{id}",
        ".o_form_renderer",
        "A service process with its checklist",
    ),
    (
        "services-revenue-pivot.png",
        "talous",
        "/odoo/action-redu_services.redu_service_revenue_report_action",
        ".o_pivot, .o_graph_renderer",
        "Revenue analysis",
    ),
    (
        "feedback-dashboard.png",
        "opettaja",
        "/odoo/action-redu_feedback_prep.redu_feedback_dashboard_action",
        ".o_action_manager .o_view_controller",
        "Contact validation dashboard",
    ),
    (
        "feedback-agreements.png",
        "opettaja",
        "/odoo/action-redu_feedback_prep.redu_workplace_agreement_action",
        ".o_list_renderer, .o_kanban_renderer",
        "Workplace agreements with their readiness",
    ),
    (
        "feedback-contact-issues.png",
        "opettaja",
        "/odoo/action-redu_feedback_prep.redu_contact_issue_action",
        ".o_list_renderer, .o_kanban_renderer",
        "Contact validation: the issues to fix",
    ),
    (
        "feedback-send-requests.png",
        "opettaja",
        "/odoo/action-redu_feedback_prep.redu_workplace_agreement_action",
        ".o_list_renderer",
        "Sending confirmation requests to the instructors of the selected agreements",
    ),
    (
        "dashboard-goals.png",
        "esihenkilo",
        "/odoo/dashboards",
        ".o-figure canvas",
        "The dashboard of the plan's goals",
    ),
    (
        "dashboard-feedback.png",
        "esihenkilo",
        "/odoo/dashboards?dashboard_id={id}",
        ".o-figure canvas",
        "The national feedback dashboard: scorecards and charts",
    ),
    (
        "dashboard-revenue.png",
        "talous",
        "/odoo/dashboards?dashboard_id={id}",
        ".o-figure canvas",
        "The income financing dashboard: scorecards and charts",
    ),
    (
        "dashboard-training.png",
        "esihenkilo",
        "/odoo/dashboards?dashboard_id={id}",
        ".o-figure canvas",
        "The instructor training dashboard: scorecards and charts",
    ),
    (
        "dashboard-arvo.png",
        "esihenkilo",
        "/odoo/dashboards?dashboard_id={id}",
        ".o-figure canvas",
        "The working-life feedback answers dashboard: predicted and actual reach per entity",
    ),
    (
        "dashboard-places.png",
        "esihenkilo",
        "/odoo/dashboards?dashboard_id={id}",
        ".o-figure canvas",
        "The workplace-learning places dashboard: scorecards and charts",
    ),
    (
        "tpk-bundles.png",
        "esihenkilo",
        "/odoo/action-redu_feedback_tpk.redu_tpk_bundle_action",
        ".o_list_renderer, .o_kanban_renderer",
        "Workplace survey bundles of a collection period",
    ),
    (
        "website-catalogue.png",
        None,
        "/palvelut",
        "main form, main .card, main a[href^='/palvelut/']",
        "The public service catalogue (no login)",
    ),
    (
        "website-service-page.png",
        None,
        "{link}",
        "main",
        "A service's public page (no login)",
    ),
    (
        "website-inquiry-form.png",
        None,
        "/palvelut/yhteydenotto",
        "form[action*='/palvelut/yhteydenotto']",
        "The inquiry form on a phone (no login)",
    ),
    (
        "feedback-instructor-page.png",
        None,
        "{link}",
        "form[action*='/feedback/instructor/']",
        "The instructor's own page on a phone (no login)",
    ),
    (
        "training-sessions.png",
        "esihenkilo",
        "/odoo/action-redu_instructor_training.event_event_action_instructor_training",
        ".o_kanban_renderer, .o_list_renderer",
        "Workplace instructor training sessions",
    ),
    (
        "training-instructor-page.png",
        None,
        "{link}/training",
        "main",
        "An instructor registers for a training session from the personal link, on a phone (no login)",
    ),
    (
        "places-offer-form.png",
        None,
        "/palvelut/tyopaikka",
        "form[action*='/palvelut/tyopaikka']",
        "An employer offers a workplace-learning place, on a phone (no login)",
    ),
    (
        "places-ranked.png",
        "opettaja",
        "/odoo/action-redu_workplace_places.redu_placement_need_action/{id}",
        ".o_form_renderer",
        "The places ranked for a student without a place (the teacher)",
    ),
    (
        "places-instructor-offer.png",
        None,
        "{link}/place",
        "form.o_redu_place_form",
        "An instructor offers a place from the personal link, on a phone (no login)",
    ),
]
# pages taken at a phone's size
PHONE = {
    "feedback-instructor-page.png",
    "website-inquiry-form.png",
    "training-instructor-page.png",
    "places-offer-form.png",
    "places-instructor-offer.png",
}
# "{link}" in a path: this field of the first record (model, domain), read as this user
LINKS = {
    "website-service-page.png": ("esihenkilo", "redu.service", [["is_published", "=", True]], "website_url"),
    "feedback-instructor-page.png": (
        "opettaja",
        "redu.instructor.confirmation",
        [["access_token", "!=", False], ["state", "!=", "revoked"]],
        "confirmation_url",
    ),
    "training-instructor-page.png": (
        "opettaja",
        "redu.instructor.confirmation",
        [["access_token", "!=", False], ["state", "!=", "revoked"]],
        "confirmation_url",
    ),
    # an instructor of a company (the offer is for the employer)
    "places-instructor-offer.png": (
        "opettaja",
        "redu.instructor.confirmation",
        [["access_token", "!=", False], ["state", "!=", "revoked"], ["partner_id.parent_id", "!=", False]],
        "confirmation_url",
    ),
}
RECORDS = {
    "dashboard-feedback.png": (
        "spreadsheet.dashboard",
        [["sample_dashboard_file_path", "=", "spreadsheet_dashboard_redu/data/files/feedback_sample_dashboard.json"]],
    ),
    "dashboard-revenue.png": (
        "spreadsheet.dashboard",
        [["sample_dashboard_file_path", "=", "spreadsheet_dashboard_redu/data/files/revenue_sample_dashboard.json"]],
    ),
    "dashboard-training.png": (
        "spreadsheet.dashboard",
        [
            [
                "sample_dashboard_file_path",
                "=",
                "spreadsheet_dashboard_redu_training/data/files/training_sample_dashboard.json",
            ]
        ],
    ),
    "dashboard-arvo.png": (
        "spreadsheet.dashboard",
        [["sample_dashboard_file_path", "=", "spreadsheet_dashboard_redu_arvo/data/files/arvo_sample_dashboard.json"]],
    ),
    "dashboard-places.png": (
        "spreadsheet.dashboard",
        [
            [
                "sample_dashboard_file_path",
                "=",
                "spreadsheet_dashboard_redu_places/data/files/places_sample_dashboard.json",
            ]
        ],
    ),
    "partnership-partner-form.png": ("res.partner", [["name", "=", "Arctic Rakennus Oy"]]),
    "places-ranked.png": ("redu.placement.need", [["student_ref", "=", "S2001"]]),
    "services-process-form.png": (
        "redu.service.process",
        [["checklist_line_ids.done", "=", True], ["is_closed", "=", False], ["date_first_response", "!=", False]],
    ),
}
# what to click before the picture is taken, each click followed by the selector to wait for
CLICKS = {
    "partnership-partner-form.png": [('a.nav-link[name="redu_partnership"]', None)],
    "tpk-bundles.png": [(".o_group_header", ".o_data_row")],
    "places-ranked.png": [('button[name="action_find_places"]', ".o_list_renderer .o_data_row")],
    "feedback-send-requests.png": [
        ("thead .o_list_record_selector input", ".o_list_selection_box"),
        ('button[name="action_open_send_confirmation"]', ".modal .o_form_view"),
    ],
}


class Chrome:
    """A headless Chromium with one page, driven over the DevTools protocol."""

    def __init__(self, width=1440, height=900):
        binary = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
        if not binary:
            raise SystemExit("Chromium not found: apt-get install chromium")
        self.profile = tempfile.mkdtemp(prefix="redu-shots-")
        port_file = os.path.join(self.profile, "DevToolsActivePort")
        self.proc = subprocess.Popen(
            [
                binary,
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                f"--window-size={width},{height}",
                "--remote-debugging-port=0",
                f"--user-data-dir={self.profile}",
                "--lang=fi-FI",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _i in range(100):
            if os.path.exists(port_file) and open(port_file).read().strip():
                break
            time.sleep(0.1)
        port = open(port_file).read().split()[0]
        targets = requests.get(f"http://127.0.0.1:{port}/json", timeout=10).json()
        page = next(t for t in targets if t["type"] == "page")
        self.ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=30)
        self.next_id = 0
        self.call("Page.enable")
        self.call("Runtime.enable")

    def call(self, method, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return result.get("result", {}).get("value")

    def close(self):
        try:
            self.ws.close()
        finally:
            self.proc.terminate()
            self.proc.wait(10)
            shutil.rmtree(self.profile, ignore_errors=True)


def rpc(url, path, params, cookies=None):
    response = requests.post(
        f"{url}{path}",
        timeout=60,
        cookies=cookies,
        json={
            "jsonrpc": "2.0",
            "method": "call",
            "params": params,
        },
    )
    response.raise_for_status()
    if response.json().get("error"):
        raise SystemExit(f"{path} failed: {response.json()['error']['data']['message']}")
    return response


def login(url, db, user, password):
    """The session cookie of ``user`` and the ids of the companies the user may open."""
    response = rpc(url, "/web/session/authenticate", {"db": db, "login": user, "password": password})
    session = response.cookies["session_id"]
    companies = response.json()["result"].get("user_companies", {}).get("allowed_companies", {})
    return session, sorted(int(cid) for cid in companies)


def first_id(url, session, model, domain):
    return first_record(url, session, model, domain, ["id"])["id"]


def first_record(url, session, model, domain, fields):
    response = rpc(
        url,
        "/web/dataset/call_kw",
        {
            "model": model,
            "method": "search_read",
            "args": [domain, fields],
            "kwargs": {"limit": 1},
        },
        cookies={"session_id": session},
    )
    records = response.json()["result"]
    if not records:
        raise SystemExit(f"no {model} record matches {domain}")
    return records[0]


def wait_for(chrome, selector, seconds=60):
    """Wait until ``selector`` is on the page and Odoo is done loading; False on timeout."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        if chrome.evaluate(
            f"!!document.querySelector({json.dumps(selector)}) && !document.querySelector('.o_loading')"
            " && !document.querySelector('.o_error_dialog')"
        ):
            return True
        time.sleep(0.5)
    return False


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default="http://127.0.0.1:8070")
    parser.add_argument("--db", default="redu_demo")
    parser.add_argument("--out", default="docs")
    parser.add_argument("--only", nargs="*", help="take only these pictures (file names), e.g. places-ranked.png")
    args = parser.parse_args(argv)
    os.makedirs(args.out, exist_ok=True)
    host = urlparse(args.url).hostname
    chrome = Chrome()
    failures = 0
    try:
        for filename, user, path, selector, what in SHOTS:
            if args.only and filename not in args.only:
                continue
            chrome.call("Network.enable")
            chrome.call("Network.clearBrowserCookies")
            if filename in LINKS:
                link_user, model, domain, field = LINKS[filename]
                link_session, _companies = login(args.url, args.db, link_user, link_user)
                link = first_record(args.url, link_session, model, domain, [field])[field]
                path = path.replace("{link}", urlparse(link).path)
            if user:
                session, companies = login(args.url, args.db, user, user)
                if "{id}" in path:
                    path = path.replace("{id}", str(first_id(args.url, session, *RECORDS[filename])))
                chrome.call("Network.setCookie", name="session_id", value=session, domain=host, path="/")
                # every company the user may open is selected, as a user of the whole group would
                chrome.call(
                    "Network.setCookie", name="cids", value="-".join(map(str, companies)), domain=host, path="/"
                )
            if filename in PHONE:
                chrome.call(
                    "Emulation.setDeviceMetricsOverride", width=390, height=844, deviceScaleFactor=2, mobile=True
                )
            chrome.call("Page.navigate", url=args.url + path)
            ready = wait_for(chrome, selector)
            for click, then in CLICKS.get(filename, []) if ready else []:
                chrome.evaluate(f"document.querySelector({json.dumps(click)})?.click()")
                ready = wait_for(chrome, then, seconds=20) if then else ready
            # let charts and fonts settle (a dashboard reads each figure's data after it is shown)
            time.sleep(8 if filename.startswith("dashboard-") else 1.5)
            if not ready:
                failures += 1
                print(f"  {filename}: {selector} did not appear at {path}", file=sys.stderr)
            shot = chrome.call("Page.captureScreenshot", format="png")
            with open(os.path.join(args.out, filename), "wb") as fh:
                fh.write(base64.b64decode(shot["data"]))
            if filename in PHONE:
                chrome.call("Emulation.clearDeviceMetricsOverride")
            print(f"  {filename}: {what} ({user or 'no login'})")
    finally:
        chrome.close()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
