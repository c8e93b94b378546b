# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Locust users of setup/bench/bench_public.py: anonymous visitors of the public pages.

A visitor comes from an address of their own (X-Forwarded-For, as the reverse proxy sends it;
the server runs with proxy_mode), opens the catalogue, a filtered catalogue, one to three service
pages and the inquiry form, 0.3-1 s apart (a campaign link shared at once), and leaves; the same
simulated user then comes back as a new visitor (new address, no cookies).

The visitors are locust's ``FastHttpUser`` (geventhttpclient): on the machine that runs the server,
python-requests' ``HttpUser`` costs locust several times the CPU per page, which the server then
lacks (bench_public.py prints locust's CPU share).
"""

import itertools
import json
import os
import random

from locust import FastHttpUser, between, task

PLAN = json.load(open(os.environ["REDU_PUBLIC_PLAN"], encoding="utf-8"))
_visitors = itertools.count(int(PLAN.get("first_visitor", 0)))


class Visitor(FastHttpUser):
    wait_time = between(0.3, 1.0)

    def on_start(self):
        self._new_visit()

    def _new_visit(self):
        number = next(_visitors)
        self.client.cookiejar.clear()
        # 10.0.0.0/8, one address per visitor
        self.address = f"10.{(number >> 16) & 255}.{(number >> 8) & 255}.{number & 255}"
        filters = random.choice(PLAN["filters"])
        services = random.sample(PLAN["services"], k=min(len(PLAN["services"]), random.randint(1, 3)))
        self.pages = [
            ("catalogue", "/palvelut"),
            ("filtered catalogue", f"/palvelut?{filters}"),
            *(("service page", url) for url in services),
            ("form", "/palvelut/yhteydenotto"),
        ]

    @task
    def next_page(self):
        if not self.pages:
            self._new_visit()
        name, url = self.pages.pop(0)
        # Odoo's proxy_mode reads X-Forwarded-For only when X-Forwarded-Host is there too
        headers = {"X-Forwarded-For": self.address, "X-Forwarded-Host": self.host.split("//", 1)[-1]}
        with self.client.get(url, name=name, headers=headers, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"HTTP {response.status_code}")
            elif "o_redu_services" not in response.text:
                response.failure("not the page")
