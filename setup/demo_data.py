#!/usr/bin/env python3
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Seeded generator of realistic REDU demo data, run against a database where the
addons are installed:

    .venv/bin/python setup/demo_data.py -d redu_demo [--orgs 300] [--processes 200]
        [--agreements 1000] [--seed 2021] [--users]

Deterministic for a given seed and sizes. Creates partner organisations of Lapland with
valid Y-tunnus values and contact persons, partnership levels and cooperation forms,
service processes in every stage with checklists, sale orders and posted invoices over
the last two years, and training and apprenticeship agreements whose instructors have
the defects the contact validation finds in about 15 % of the cases. ``--users`` also
creates the demo users of each role (see DEMO_USERS) and sets Finnish on them.
"""

import argparse
import logging
import os
import random
import sys
import time
from datetime import date, datetime, timedelta

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_logger = logging.getLogger("redu.demo_data")

TOWNS = [  # (town, postcode, landline area code)
    ("Rovaniemi", "96100", "016"),
    ("Kemi", "94100", "016"),
    ("Tornio", "95400", "016"),
    ("Kemijärvi", "98100", "016"),
    ("Sodankylä", "99600", "016"),
    ("Inari", "99870", "016"),
    ("Kittilä", "99100", "016"),
    ("Muonio", "99300", "016"),
    ("Pello", "95700", "016"),
    ("Salla", "98900", "016"),
    ("Posio", "97900", "016"),
    ("Ranua", "97700", "016"),
    ("Ylitornio", "95600", "016"),
    ("Kolari", "95900", "016"),
    ("Keminmaa", "94400", "016"),
    ("Simo", "95200", "016"),
    ("Tervola", "95300", "016"),
    ("Enontekiö", "99400", "016"),
    ("Utsjoki", "99980", "016"),
    ("Savukoski", "98800", "016"),
    ("Pelkosenniemi", "98500", "016"),
]
TOWN_GENITIVE = {
    "Rovaniemi": "Rovaniemen",
    "Kemi": "Kemin",
    "Tornio": "Tornion",
    "Kemijärvi": "Kemijärven",
    "Sodankylä": "Sodankylän",
    "Inari": "Inarin",
    "Kittilä": "Kittilän",
    "Muonio": "Muonion",
    "Pello": "Pellon",
    "Salla": "Sallan",
    "Posio": "Posion",
    "Ranua": "Ranuan",
    "Ylitornio": "Ylitornion",
    "Kolari": "Kolarin",
    "Keminmaa": "Keminmaan",
    "Simo": "Simon",
    "Tervola": "Tervolan",
    "Enontekiö": "Enontekiön",
    "Utsjoki": "Utsjoen",
    "Savukoski": "Savukosken",
    "Pelkosenniemi": "Pelkosenniemen",
}
TRADES = [
    "Rakennus",
    "Matkailu",
    "Sähkö",
    "Autokorjaamo",
    "Hoivapalvelut",
    "Kiinteistöhuolto",
    "Metsäpalvelu",
    "Ravintola",
    "Kuljetus",
    "Konepaja",
    "Hirsitalo",
    "Safarit",
    "Kauneus",
    "LVI",
    "Puutyö",
    "Tilitoimisto",
    "Elintarvike",
    "Porotila",
    "Kaivospalvelut",
    "Hotelli",
    "Tapahtumapalvelut",
    "Siivous",
    "Vesihuolto",
    "Teknologia",
    "Koneurakointi",
    "Leipomo",
]
SUFFIXES = ["Oy", "Oy", "Oy", "Ky", "Oy Ab", "Tmi"]
PUBLIC = ["{g} kaupunki", "{g} kunta", "{g} seurakunta", "{g} terveyskeskus", "{g} koulutoimi"]
ASSOCIATIONS = [
    "{g} Yrittäjät ry",
    "{g} Urheiluseura ry",
    "{g} Kyläyhdistys ry",
    "{g} Eläkeläiset ry",
    "{g} Nuorisoseura ry",
]
THIRD_SECTOR = ["{g} Osuuskunta", "{g} Säätiö sr", "{g} Työpaja"]
FIRST = [
    "Aino",
    "Eetu",
    "Elina",
    "Heikki",
    "Jari",
    "Johanna",
    "Juha",
    "Kaisa",
    "Kari",
    "Katja",
    "Laura",
    "Markku",
    "Minna",
    "Niko",
    "Outi",
    "Pasi",
    "Petra",
    "Riikka",
    "Sami",
    "Sanna",
    "Tiina",
    "Timo",
    "Tuomas",
    "Ulla",
    "Veera",
    "Ville",
    "Anne",
    "Janne",
    "Satu",
    "Mikko",
]
LAST = [
    "Aho",
    "Heikkilä",
    "Hietala",
    "Kangas",
    "Karjalainen",
    "Keskitalo",
    "Kivelä",
    "Koivisto",
    "Korhonen",
    "Lantto",
    "Lehtola",
    "Mäkelä",
    "Niemelä",
    "Ollila",
    "Palosaari",
    "Peltonen",
    "Rautio",
    "Saarela",
    "Salmela",
    "Tervo",
    "Turunen",
    "Vaara",
    "Väänänen",
    "Ylitalo",
    "Alatalo",
    "Jääskeläinen",
    "Kumpula",
    "Ojala",
    "Rantala",
    "Suopanki",
]
QUALIFICATIONS = [
    ("Talonrakennusalan perustutkinto", "Kivirakenteiden rakentaminen", "351101"),
    ("Matkailualan perustutkinto", "Matkailupalveluiden tuottaminen", "351407"),
    ("Sosiaali- ja terveysalan perustutkinto", "Hoito- ja huolenpito", "371101"),
    ("Sähkö- ja automaatioalan perustutkinto", "Sähköasennusten toteuttaminen", "351307"),
    ("Ajoneuvoalan perustutkinto", "Ajoneuvojen huoltotyöt", "351603"),
    ("Ravintola- ja catering-alan perustutkinto", "Ruoanvalmistus", "381204"),
    ("Liiketoiminnan perustutkinto", "Asiakaspalvelu", "361101"),
    ("Metsäalan perustutkinto", "Metsäkoneenkuljetus", "361201"),
    ("Kone- ja tuotantotekniikan perustutkinto", "Koneistus", "351203"),
    ("Liikunnanohjauksen perustutkinto", "Liikuntapalveluiden toteuttaminen", "381301"),
]
# The demo users of each role: login = password (a demo, not a production setup).
DEMO_USERS = [
    # login, name, company xmlid, groups, description
    (
        "asiakkuusvastaava",
        "Sanna Salmela",
        "redu_partnership.company_redu_edu",
        [
            "redu_partnership.group_partnership_user",
            "redu_services.group_service_user",
            "sales_team.group_sale_salesman",
        ],
        "sales user: account manager at REDU Edu Oy",
    ),
    (
        "opettaja",
        "Jari Keskitalo",
        "redu_partnership.company_redu_lapland_education_centre",
        [
            "redu_services.group_service_user",
            "redu_feedback_prep.group_feedback_user",
            "sales_team.group_sale_salesman",
        ],
        "back-office user: teacher at Lapin koulutuskeskus REDU",
    ),
    (
        "talous",
        "Outi Rautio",
        None,
        ["redu_services.group_service_finance", "account.group_account_readonly"],
        "finance user: revenue analysis of every group entity",
    ),
    (
        "esihenkilo",
        "Markku Ylitalo",
        None,
        [
            "redu_partnership.group_partnership_manager",
            "redu_services.group_service_manager",
            "redu_feedback_prep.group_feedback_manager",
            "sales_team.group_sale_manager",
            "account.group_account_manager",
        ],
        "manager: configuration, every entity",
    ),
]


# the cooperation type typical of each partnership level (the level suggested from it)
LEVEL_TYPE = {"A": "strategic", "B": "developer", "C": "training", "D": "occasional"}
# further teachers of the group entities (login = password), beside DEMO_USERS
TEACHERS = [
    ("opettaja.kemi", "Tiina Kivelä", "redu_partnership.company_redu_lapland_education_centre"),
    ("opettaja.santasport", "Ville Lantto", "redu_partnership.company_santasport_institute"),
    ("kouluttaja.reduedu", "Minna Ollila", "redu_partnership.company_redu_edu"),
    ("kouluttaja.kesayliopisto", "Pasi Tervo", "redu_partnership.company_lapland_summer_university"),
]


def business_id(rnd, valid=True):
    """A random Y-tunnus; the check digit is the one python-stdnum accepts."""
    from stdnum.fi import ytunnus

    while True:
        body = "%07d" % rnd.randint(100000, 3299999)
        good = [d for d in "0123456789" if ytunnus.is_valid(f"{body}-{d}")]
        if not good:
            continue  # a body whose remainder is 1 has no check digit
        if valid:
            return f"{body}-{good[0]}"
        return f"{body}-{(int(good[0]) + rnd.randint(1, 9)) % 10}"


def business_ids(count, start=2000000):
    """``count`` distinct valid Y-tunnus values from the body ``start`` on, in order (for the
    benchmarks' bulk data); python-stdnum decides the check digit."""
    from stdnum.fi import ytunnus

    result = []
    body = start
    while len(result) < count:
        body += 1
        for digit in "0123456789":
            if ytunnus.is_valid(f"{body:07d}-{digit}"):
                result.append(f"{body:07d}-{digit}")
                break
    return result


def organisation_name(rnd, index=None):
    """A Finnish company name of Lapland, e.g. 'Kittilän Konepaja Oy' (``index`` makes it unique)."""
    town = rnd.choice(TOWNS)[0]
    name = f"{TOWN_GENITIVE[town]} {rnd.choice(TRADES)}"
    if index is not None:
        name = f"{name} {index}"
    return f"{name} {rnd.choice(SUFFIXES)}"


def person_name(rnd):
    return f"{rnd.choice(FIRST)} {rnd.choice(LAST)}"


def mobile(rnd):
    return "+358 %s %03d %04d" % (rnd.choice(["40", "44", "45", "50"]), rnd.randint(100, 999), rnd.randint(0, 9999))


class Generator:
    def __init__(self, env, seed=2021):
        self.env = env
        self.rnd = random.Random(seed)
        self.today = date.today()
        self.fi = env.ref("base.fi")

    # ------------------------------------------------------------------ companies
    def group_entities(self):
        companies = self.env["res.company"].search([("is_redu_group_entity", "=", True)])
        if not companies:
            raise SystemExit("no REDU group entity: install the addons with demo data first")
        return companies

    def ensure_charts(self, companies):
        """Every entity invoices in euros with the Finnish chart (generic one without l10n_fi)."""
        template = (
            "fi"
            if self.env["ir.module.module"].search_count([("name", "=", "l10n_fi"), ("state", "=", "installed")])
            else "generic_coa"
        )
        for company in companies.filtered(lambda c: not c.chart_template):
            self.env["account.chart.template"].try_loading(template, company=company, install_demo=False)

    # ------------------------------------------------------------------ users
    def ensure_users(self):
        lines = []
        all_entities = self.group_entities()
        fi_lang = self.env["res.lang"]._activate_lang("fi_FI")
        for login, name, company_ref, groups, what in DEMO_USERS:
            company = self.env.ref(company_ref) if company_ref else all_entities[0]
            allowed = company if company_ref and login == "opettaja" else all_entities
            group_ids = [self.env.ref("base.group_user").id] + [self.env.ref(g).id for g in groups]
            vals = {
                "name": name,
                "login": login,
                "password": login,
                "lang": fi_lang.code,
                "tz": "Europe/Helsinki",
                "company_id": company.id,
                "company_ids": [(6, 0, (allowed | company).ids)],
                "group_ids": [(6, 0, group_ids)],
                "email": f"{login}@redu.example",
            }
            user = self.env["res.users"].with_context(no_reset_password=True).search([("login", "=", login)])
            if user:
                user.write(vals)
            else:
                user = self.env["res.users"].with_context(no_reset_password=True).create(vals)
            lines.append(f"  login: {login:<20} password: {login:<20} {what}")
        teacher_groups = [
            self.env.ref(g).id
            for g in ("base.group_user", "redu_services.group_service_user", "redu_feedback_prep.group_feedback_user")
        ]
        for login, name, company_ref in TEACHERS:
            company = self.env.ref(company_ref)
            vals = {
                "name": name,
                "login": login,
                "password": login,
                "lang": fi_lang.code,
                "tz": "Europe/Helsinki",
                "company_id": company.id,
                "company_ids": [(6, 0, company.ids)],
                "group_ids": [(6, 0, teacher_groups)],
                "email": f"{login}@redu.example",
            }
            user = self.env["res.users"].search([("login", "=", login)])
            if user:
                user.write(vals)
            else:
                self.env["res.users"].with_context(no_reset_password=True).create(vals)
        admin = self.env.ref("base.user_admin")
        admin.write({"lang": fi_lang.code, "tz": "Europe/Helsinki", "company_ids": [(4, c.id) for c in all_entities]})
        return lines

    # ------------------------------------------------------------------ partners
    def organisations(self, count):
        rnd = self.rnd
        levels = self.env["redu.partnership.level"].search([]).sorted("sequence")  # A..D
        forms = self.env["redu.cooperation.form"].search([])
        forms_by_type = {
            t: forms.filtered(lambda f, t=t: f.cooperation_type == t)
            for t in ("strategic", "developer", "training", "occasional")
        }
        forms_by_type = {t: f for t, f in forms_by_type.items() if f}
        entities = self.group_entities()
        role_instr = self.env.ref("redu_partnership.contact_role_workplace_instructor")
        vals_list, people = [], []
        used = set()
        for i in range(count):
            town, zipcode, _area = rnd.choice(TOWNS)
            gen = TOWN_GENITIVE[town]
            kind = rnd.choices(["company", "public", "association", "third_sector"], [70, 12, 12, 6])[0]
            if kind == "company":
                name = f"{gen} {rnd.choice(TRADES)} {rnd.choice(SUFFIXES)}"
            elif kind == "public":
                name = rnd.choice(PUBLIC).format(g=gen)
            elif kind == "association":
                name = rnd.choice(ASSOCIATIONS).format(g=gen)
            else:
                name = rnd.choice(THIRD_SECTOR).format(g=gen)
            tries = 0
            while name in used:  # another founder's surname tells namesakes apart
                tries += 1
                head, tail = name.rsplit(" ", 1) if kind == "company" else (name, "")
                name = f"{head} {rnd.choice(LAST)}{'-' + str(tries) if tries > 5 else ''} {tail}".strip()
            used.add(name)
            level = rnd.choices(levels, [10, 20, 30, 40])[0] if len(levels) == 4 else rnd.choice(levels)
            # the higher the level, the deeper the cooperation: forms of the level's own type first
            own = forms_by_type.get(LEVEL_TYPE.get(level.code), forms)
            picked = rnd.sample(own.ids, min(len(own), rnd.randint(1, 2)))
            extra = rnd.sample(forms.ids, rnd.randint(0, 1)) if level.code in ("A", "B") else []
            domain = name.split()[0].lower().translate(str.maketrans("äöå", "aoa")) + f"{i}.fi"
            vals_list.append(
                {
                    "name": name,
                    "is_company": True,
                    "company_type": "company",
                    "street": f"{rnd.choice(['Koskikatu', 'Valtakatu', 'Teollisuustie', 'Ahjotie', 'Rantakatu'])} "
                    f"{rnd.randint(1, 60)}",
                    "zip": zipcode,
                    "city": town,
                    "country_id": self.fi.id,
                    "company_registry": business_id(rnd),
                    "email": f"info@{domain}",
                    "website": f"https://www.{domain}",
                    "phone": f"016 {rnd.randint(100, 999)} {rnd.randint(1000, 9999)}",
                    "partner_org_type": kind,
                    "partnership_level_id": level.id,
                    "cooperation_form_ids": [(6, 0, list(set(picked + extra)))],
                    "group_company_ids": [(6, 0, rnd.sample(entities.ids, rnd.randint(1, min(3, len(entities)))))],
                    "partnership_review_date": self.today + timedelta(days=rnd.randint(-20, 365)),
                }
            )
        orgs = self.env["res.partner"].create(vals_list)
        for org in orgs:
            domain = org.email.split("@")[1]
            for _n in range(rnd.randint(1, 3)):
                first, last = rnd.choice(FIRST), rnd.choice(LAST)
                people.append(
                    {
                        "name": f"{first} {last}",
                        "parent_id": org.id,
                        "type": "contact",
                        "email": f"{first.lower()}.{last.lower()}@{domain}".translate(str.maketrans("äöå", "aoa")),
                        "phone": mobile(rnd),
                        "function": rnd.choice(
                            ["Työnjohtaja", "Henkilöstöpäällikkö", "Toimitusjohtaja", "Asiantuntija", "Esimies"]
                        ),
                        "contact_role_ids": [(6, 0, [role_instr.id])],
                    }
                )
        self.env["res.partner"].create(people)
        return orgs

    # ------------------------------------------------------------------ processes
    def processes(self, orgs, count):
        rnd = self.rnd
        env = self.env
        services = env["redu.service"].search([])
        stages = env["redu.service.stage"].search([]).sorted("sequence")
        if not services or not stages:
            return env["redu.service.process"]
        self.ensure_charts(services.company_id)
        users = env["res.users"].search([("share", "=", False)])
        ref = env.ref
        order = [
            "stage_inquiry",
            "stage_needs_assessment",
            "stage_offer",
            "stage_agreement",
            "stage_delivery",
            "stage_feedback",
            "stage_done",
        ]
        flow = [ref(f"redu_services.{x}") for x in order]
        cancelled = ref("redu_services.stage_cancelled")
        vals_list, targets = [], []
        for _i in range(count):
            service = rnd.choice(services)
            org = rnd.choice(orgs)
            inquiry = datetime.now() - timedelta(days=rnd.randint(5, 700), hours=rnd.randint(0, 23))
            target = rnd.choices(range(len(flow) + 1), [10, 8, 8, 8, 12, 10, 34, 10])[0]
            # answered within hours, now and then days (reachability, critical point 1)
            response = timedelta(hours=rnd.choice([1, 2, 3, 5, 8, 20, 26, 50, 75]))
            vals_list.append(
                {
                    "date_first_response": inquiry + response if target >= 1 else False,
                    "partner_id": org.id,
                    "contact_id": org.child_ids[:1].id,
                    "service_id": service.id,
                    "user_id": rnd.choice(users).id,
                    "channel": rnd.choice(["web", "phone", "email", "event", "referral", "visit", "other"]),
                    "date_inquiry": inquiry,
                    "expected_revenue": rnd.choice([0, 1500, 4800, 9000, 25000]) if service.funding == "paid" else 0,
                }
            )
            targets.append(target)
        procs = (
            env["redu.service.process"].with_context(mail_create_nolog=True, tracking_disable=True).create(vals_list)
        )
        by_target = list(zip(procs, targets, strict=True))
        # paid processes that reach Agreement need a confirmed sale order first
        paid = env["redu.service.process"].browse(
            [
                p.id
                for p, t in by_target
                if t >= 3 and t < len(flow) and p.service_id.funding == "paid" and p.service_id.product_id
            ]
        )
        vals_by_company = {}
        for proc in paid:
            vals_by_company.setdefault(proc.company_id, []).append(
                {
                    "partner_id": proc.partner_id.id,
                    "company_id": proc.company_id.id,
                    "service_process_id": proc.id,
                    "order_line": [
                        (
                            0,
                            0,
                            {
                                "product_id": proc.service_id.product_id.id,
                                "product_uom_qty": rnd.randint(1, 12),
                                "price_unit": rnd.choice([450, 900, 1800, 3200, 7500]),
                            },
                        )
                    ],
                }
            )
        # one create and one confirmation per entity (its taxes, journals and sequences)
        orders = env["sale.order"]
        for company, vals_list in vals_by_company.items():
            company_orders = env["sale.order"].with_company(company).create(vals_list)
            company_orders.action_confirm()
            orders |= company_orders
        for proc, target in by_target:
            if target >= 3:
                agreed = (proc.date_inquiry + timedelta(days=rnd.randint(7, 40))).date()
                proc.date_agreement = min(agreed, self.today)
                proc.date_start = proc.date_agreement + timedelta(days=14)
                proc.date_end = proc.date_start + timedelta(days=rnd.randint(30, 200))
        # move the processes stage by stage, each step one batched write
        for step in range(1, len(flow)):
            batch = env["redu.service.process"].browse([p.id for p, t in by_target if t >= step and t < len(flow)])
            # the work of the stages passed is done (the gates check it)
            batch.checklist_line_ids.filtered(
                lambda line, s=flow[step]: not line.stage_id or line.stage_id.sequence < s.sequence
            ).write({"done": True})
            if step == len(flow) - 1:
                batch.checklist_line_ids.write({"done": True})
                for proc in batch:
                    proc.feedback_score = rnd.choice(["3", "4", "4", "5", "5"])
            if batch:
                batch.write({"stage_id": flow[step].id})
        lost = env["redu.service.process"].browse([p.id for p, t in by_target if t == len(flow)])
        if lost:
            lost.write({"cancel_reason": "Asiakas valitsi toisen toimittajan.", "stage_id": cancelled.id})
        # invoices of the delivered orders, dated over the last two years
        delivered = orders.filtered(lambda o: o.service_process_id.stage_id in flow[4:])
        moves = env["account.move"]
        for company in delivered.company_id:
            these = delivered.filtered(lambda o, c=company: o.company_id == c).with_company(company)
            for line in these.order_line:
                line.qty_delivered = line.product_uom_qty
            moves |= these._create_invoices(grouped=True)
        for move in moves:
            agreed = move.service_process_id.date_agreement or self.today
            move.invoice_date = min(agreed + timedelta(days=rnd.randint(10, 90)), self.today)
        for company in moves.company_id:
            moves.filtered(lambda m, c=company: m.company_id == c).with_company(company).action_post()
        return procs

    # ------------------------------------------------------------------ agreements
    def agreements(self, orgs, count, procs):
        """Training and apprenticeship agreements; ~15 % with contact defects."""
        rnd = self.rnd
        env = self.env
        companies = orgs.filtered(lambda p: p.partner_org_type in ("company", "public"))
        teachers = env["res.users"].search(
            [
                ("share", "=", False),
                ("group_ids", "in", env.ref("redu_feedback_prep.group_feedback_user").ids),
            ]
        ) or env.ref("base.user_admin")
        entities = self.group_entities()
        teachers_by_company = {c.id: teachers.filtered(lambda u, c=c: c in u.company_ids) for c in entities}
        # broken employers: an invalid Y-tunnus can only live on a partner without a country
        broken = env["res.partner"].create(
            [
                {
                    "name": f"{TOWN_GENITIVE[rnd.choice(TOWNS)[0]]} {rnd.choice(TRADES)} {n} Oy",
                    "is_company": True,
                    "company_registry": business_id(rnd, valid=False),
                }
                for n in range(max(1, count // 100))
            ]
        )
        vals_list = []
        defect_kinds = [
            "landline",
            "info_email",
            "mismatch",
            "part_time",
            "bad_business_id",
            "no_email_bad_phone",
            "name_is_company",
            "dotted_phone",
            "foreign_mobile",
            "email_space",
            "external_funding",
            "interrupted",
        ]
        for n in range(count):
            kind = rnd.choices(["training_agreement", "apprenticeship"], [70, 30])[0]
            employer = rnd.choice(companies)
            instructor = rnd.choice(employer.child_ids) if employer.child_ids else env["res.partner"]
            start = self.today - timedelta(days=rnd.randint(0, 400))
            end = start + timedelta(days=rnd.randint(30, 540))
            if n % 40 == 0:  # some end within two weeks
                end = self.today + timedelta(days=rnd.randint(1, 13))
                start = min(start, end - timedelta(days=30))
            qual, unit, code = rnd.choice(QUALIFICATIONS)
            vals = {
                "agreement_type": kind,
                "source_ref": f"KOSKI-{100000 + n}",
                "student_name": f"{rnd.choice(FIRST)} {rnd.choice(LAST)}",
                # every 20th student has two workplace periods (one HOKS)
                "student_ref": f"OPI{200000 + n - (1 if n % 20 == 1 else 0)}",
                "employer_id": employer.id,
                "instructor_id": instructor.id,
                "start_date": start,
                "end_date": end,
                "part_time_percent": rnd.choice([100, 100, 80, 60]),
                "qualification": qual,
                "qualification_unit": unit,
                "qualification_code": code,
                "study_right_start": start - timedelta(days=rnd.randint(0, 300)),
                "study_right_end": end + timedelta(days=rnd.randint(30, 400)),
            }
            proc = rnd.choice(procs) if procs and rnd.random() < 0.1 else None
            company = proc.company_id if proc else rnd.choice(entities)
            vals["company_id"] = company.id
            vals["service_process_id"] = proc.id if proc else False
            vals["teacher_id"] = rnd.choice(teachers_by_company.get(company.id) or teachers).id
            if kind == "apprenticeship":
                vals["apprenticeship_basis"] = self._apprenticeship_basis()
            if rnd.random() < 0.15:
                self._defect(vals, rnd.choice(defect_kinds), employer, broken)
            vals_list.append(vals)
        agreements = (
            env["redu.workplace.agreement"]
            .with_context(mail_create_nolog=True, tracking_disable=True)
            .create(vals_list)
        )
        agreements._validate_contacts()
        return agreements

    def confirmations(self, agreements):
        """With redu_feedback_portal: confirmation requests to the instructors of the agreements ending in
        the coming two months, about half of them answered (as the instructors would, by their link)."""
        if "redu.instructor.confirmation" not in self.env:
            return
        soon = agreements.filtered(lambda a: a.end_date and self.today <= a.end_date <= self.today + timedelta(days=60))
        model = self.env["redu.instructor.confirmation"].with_context(mail_notrack=True)
        confirmations, first = model._for_agreements(soon)
        sent = confirmations._send_requests(first)["sent"]
        for confirmation in sent.filtered(lambda c: self.rnd.random() < 0.5):
            confirmation._portal_answer()

    def feedback_answers(self, agreements):
        """With redu_feedback_arvo: the national working-life feedback's codes and answers of the agreements'
        ended periods (in Finnish, in Arvo's export shape), imported as a saved file, so that the partners,
        the agreements and the entities' predicted and actual reach show figures."""
        if "redu.arvo.import" not in self.env:
            return
        self.env["redu.arvo.import"]._arvo_demo_import_agreements(agreements)

    def places(self, orgs, count):
        """With redu_workplace_places: places offered by the generated employers across Lapland over the past
        ten months and the coming four, students needing a place over the same time (the need recorded
        10-90 days before the period), about three in four of the recorded ones placed at the best-ranked
        place as a teacher confirms it (the agreement created and validated), some late, some never, so that
        the equal-access figures (placed by the start, the wait) have a year of data."""
        if "redu.placement.need" not in self.env:
            return []
        from odoo.fields import Command

        rnd = self.rnd
        env = self.env
        qualifications = env["redu.qualification"].search([("unit_ids", "!=", False)])
        municipalities = env["redu.municipality"].search([])
        employers = orgs.filtered(lambda p: p.partner_org_type in ("company", "public") and p.child_ids)
        if not (qualifications and municipalities and employers):
            return []
        entities = self.group_entities()
        teachers = env["res.users"].search(
            [("share", "=", False), ("group_ids", "in", env.ref("redu_feedback_prep.group_feedback_user").ids)]
        )
        place_vals = []
        for _n in range(count):
            employer = rnd.choice(employers)
            qualification = rnd.choice(qualifications)
            units = qualification.unit_ids
            start = self.today + timedelta(days=rnd.randint(-300, 120))
            place_vals.append(
                {
                    "state": "offered",
                    "employer_id": employer.id,
                    "workplace_name": employer.name,
                    "municipality_id": rnd.choice(municipalities).id,
                    "company_id": rnd.choice(entities).id,
                    "qualification_id": qualification.id,
                    "unit_ids": [Command.set(rnd.sample(units.ids, min(len(units), rnd.randint(1, 2))))],
                    "date_start": start,
                    "date_end": start + timedelta(days=rnd.randint(90, 240)),
                    "capacity": rnd.choice([1, 1, 2, 3]),
                    "instructor_ids": [Command.set(employer.child_ids[:2].ids)],
                    "accepts_apprenticeship": rnd.random() < 0.4,
                    "languages": rnd.choice(["suomi", "suomi, englanti", "suomi, ruotsi"]),
                }
            )
        quiet = {"mail_create_nolog": True, "tracking_disable": True}
        env["redu.workplace.place"].with_context(**quiet).create(place_vals)
        need_vals = []
        for n in range(count * 3):
            qualification = rnd.choice(qualifications)
            company = rnd.choice(entities)
            start = self.today + timedelta(days=rnd.randint(-280, 120))
            own_teachers = teachers.filtered(lambda u, c=company: c in u.company_ids)
            need_vals.append(
                {
                    "student_name": f"{rnd.choice(FIRST)} {rnd.choice(LAST)}",
                    "student_ref": f"OPI{300000 + n}",
                    "company_id": company.id,
                    "teacher_id": (rnd.choice(own_teachers) if own_teachers else env.user).id,
                    "qualification_id": qualification.id,
                    "unit_id": rnd.choice(qualification.unit_ids).id,
                    "municipality_id": rnd.choice(municipalities).id,
                    "date_start": start,
                    "date_end": start + timedelta(days=rnd.randint(40, 120)),
                    "date_need": min(start - timedelta(days=rnd.randint(10, 90)), self.today),
                }
            )
        needs = env["redu.placement.need"].with_context(**quiet).create(need_vals)
        for need in needs.filtered(lambda need: need.date_start <= self.today + timedelta(days=30)):
            if rnd.random() > 0.75:
                continue  # never placed, or still waiting
            rows = need._redu_rank_places(limit=1)
            if not rows:
                continue
            place = env["redu.workplace.place"].browse(rows[0]["place_id"])
            need._redu_confirm_place(place, env["res.partner"].browse(rows[0]["instructor_id"]))
            # the teacher confirmed it back then: 0-60 days after the need, never in the future
            placed = min(need.date_need + timedelta(days=rnd.randint(0, 60)), self.today)
            need.write({"date_placed": placed})
        return needs

    def _apprenticeship_basis(self):
        field = self.env["redu.workplace.agreement"]._fields["apprenticeship_basis"]
        options = [k for k, _v in field._description_selection(self.env)]
        return self.rnd.choice(options)

    def _defect(self, vals, kind, employer, broken):
        rnd = self.rnd
        env = self.env
        first, last = rnd.choice(FIRST), rnd.choice(LAST)
        domain = (employer.email or "@example.fi").split("@")[1]
        person = {
            "name": f"{first} {last}",
            "parent_id": employer.id,
            "type": "contact",
            "email": f"{first.lower()}.{last.lower()}@{domain}",
            "phone": mobile(rnd),
        }
        if kind == "landline":
            person["phone"] = f"016 {rnd.randint(100, 999)} {rnd.randint(1000, 9999)}"
            person["email"] = False
        elif kind == "info_email":
            person["email"] = f"info@{domain}"
        elif kind == "no_email_bad_phone":
            person["email"] = False
            person["phone"] = "040 12"
        elif kind == "name_is_company":
            person["name"] = employer.name
        elif kind == "part_time":
            vals["part_time_percent"] = 0
            return
        elif kind == "dotted_phone":  # eHOKS rejects the whole HOKS of the student
            person["phone"] = person["phone"].replace("+358 ", "0").replace(" ", ".")
        elif kind == "foreign_mobile":  # no SMS outside +358
            person["phone"] = f"+46 70 {rnd.randint(100, 999)} {rnd.randint(10, 99)} {rnd.randint(10, 99)}"
        elif kind == "email_space":  # not deliverable, and never read as another address
            person["email"] = person["email"].replace(".", " ", 1)
        elif kind == "external_funding":
            vals["study_right_period_ids"] = [
                (
                    0,
                    0,
                    {
                        "start_date": vals["study_right_start"],
                        "state": "lasna",
                        "funding_code": "14",
                    },
                )
            ]
            return
        elif kind == "interrupted":
            vals["interruption_ids"] = [(0, 0, {"start_date": vals["end_date"] - timedelta(days=10)})]
            return
        elif kind == "bad_business_id":
            vals["employer_id"] = rnd.choice(broken).id
            person["parent_id"] = vals["employer_id"]
        elif kind == "mismatch":
            # the same instructor twice with differently spelled addresses
            twin = dict(person, email=person["email"].replace(".", "", 1))
            env["res.partner"].create(twin)
        vals["instructor_id"] = env["res.partner"].create(person).id


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--orgs", type=int, default=300)
    parser.add_argument("--processes", type=int, default=200)
    parser.add_argument("--agreements", type=int, default=1000)
    parser.add_argument("--places", type=int, default=80, help="places offered (three times as many needs)")
    parser.add_argument("--seed", type=int, default=2021)
    parser.add_argument("--users", action="store_true", help="also create the demo users")
    parser.add_argument("--users-file", help="write the demo users' logins to this file")
    args = parser.parse_args(argv)

    import odoo
    from odoo import api
    from odoo.modules.registry import Registry
    from odoo.service.server import load_server_wide_modules
    from odoo.tools import config

    config.parse_config(["-c", os.path.join(REPO, ".odoo", "odoo.conf"), "-d", args.database], setup_logging=True)
    load_server_wide_modules()
    t0 = time.time()
    registry = Registry(args.database)
    with registry.cursor() as cr:
        # Finnish context: texts copied from translated data (activity summaries...) read as the users do
        env = api.Environment(cr, odoo.SUPERUSER_ID, {"tz": "Europe/Helsinki"})
        if env["res.lang"]._lang_get("fi_FI"):
            env = env(context=dict(env.context, lang="fi_FI"))
        gen = Generator(env, args.seed)
        timings = {}
        t = time.time()
        if args.users:
            lines = gen.ensure_users()
            if args.users_file:
                with open(args.users_file, "w", encoding="utf-8") as fh:
                    fh.write("\n".join(lines) + "\n")
            timings["users"], t = time.time() - t, time.time()
        gen.ensure_charts(gen.group_entities())
        timings["charts"], t = time.time() - t, time.time()
        orgs = gen.organisations(args.orgs)
        timings["organisations"], t = time.time() - t, time.time()
        procs = gen.processes(orgs, args.processes)
        timings["processes"], t = time.time() - t, time.time()
        agreements = gen.agreements(orgs, args.agreements, procs)
        gen.confirmations(agreements)
        gen.feedback_answers(agreements)
        timings["agreements"], t = time.time() - t, time.time()
        needs = gen.places(orgs, args.places)
        timings["places"] = time.time() - t
        placed = sum(need.state == "placed" for need in needs)
        counts = {r: len(agreements.filtered(lambda a, r=r: a.readiness == r)) for r in ("ready", "warning", "blocked")}
    print(
        f"demo data: {len(orgs)} organisations, {len(procs)} processes, {len(agreements)} agreements "
        f"({counts}), {len(needs)} students needing a place ({placed} placed) "
        f"in {time.time() - t0:.0f} s (" + ", ".join(f"{k} {v:.0f} s" for k, v in timings.items()) + ")"
    )


if __name__ == "__main__":
    sys.exit(main())
