# Copyright 2026 REDU
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Generated working-life feedback in the shape of Arvo's export (see arvo_export.py for the sources),
in Finnish, for the demo partners and for the benchmark."""

import datetime
import random

from dateutil.relativedelta import relativedelta

QUESTIONS = [
    # kysymysid, vastaustyyppi, kysymys_fi, rahoitusmallikysymys, teema
    (880001, "asteikko5_1", "Opiskelijan ohjaukseen oli työpaikalla riittävästi aikaa.", True, "ohjaus"),
    (880002, "asteikko5_1", "Sain oppilaitokselta riittävästi tukea opiskelijan ohjaukseen.", True, "yhteistyö"),
    (880003, "asteikko5_1", "Opiskelijan osaamisen arviointi sujui yhdessä opettajan kanssa.", True, "arviointi"),
    (880004, "asteikko5_1", "Työpaikkaohjaajakoulutus antoi valmiuksia ohjaukseen.", False, "ohjaus"),
    (880005, "vapaateksti", "Mitä haluat kertoa oppilaitokselle työpaikalla järjestetystä koulutuksesta?", False, None),
]
FREE_TEXTS = [
    "Yhteistyö opettajan kanssa toimi hyvin.",
    "Toivoisimme enemmän tietoa opiskelijan tavoitteista ennen jakson alkua.",
    "Opiskelija oli motivoitunut ja oppi nopeasti.",
    "Ohjaukseen oli kiireisenä aikana liian vähän aikaa.",
]


def generate(
    partners, today, institution_oid, provider_business_id, periods_per_half_year=3, seed=2026, start_ids=None
):
    """``{endpoint: response body}`` for ``partners`` (dicts with ``business_id`` and ``name``): response
    codes over the last four half-years, answered about two times in three, with answers to each question."""
    rnd = random.Random(seed)
    ids = dict(start_ids or {"kyselykerta": 880100, "vastaajatunnus": 8800000, "vastaus": 88000000})
    survey_id = ids["kyselykerta"]
    surveys = [
        {
            "kyselyid": survey_id - 100,
            "koulutustoimija": provider_business_id,
            "tyyppi": "tyopaikkaohjaajakysely",
            "kysely_fi": "Työpaikkaohjaajakysely",
            "kysely_sv": None,
            "kysely_en": None,
            "kysely_voimassa_alkupvm": (today - relativedelta(years=2)).isoformat(),
            "kysely_voimassa_loppupvm": None,
            "kysely_tila": "julkaistu",
            "kyselykertaid": survey_id,
            "kyselykerta": "Työpaikkaohjaajakysely (demo)",
            "kyselykerta_vuosi": str(today.year),
            "kyselypohjaid": None,
            "kyselypohja_nimi": None,
            "kyselypohja_tarkenne": None,
        }
    ]
    questions = [
        {
            "kysymysid": qid,
            "kysymysryhmaid": 8800,
            "vastaustyyppi": vtype,
            "kysymys_fi": text,
            "kysymys_sv": None,
            "kysymys_en": None,
            "kategoria": {"rahoitusmallikysymys": funding, "teema": theme, "min": 1, "max": 5} if theme else None,
            "jatkokysymys": False,
            "jatkokysymys_kysymysid": None,
            "kysymysryhma_fi": "Työpaikalla järjestettävä koulutus",
            "kysymysryhma_sv": None,
            "kysymysryhma_en": None,
            "valtakunnallinen": True,
            "jarjestys": index,
        }
        for index, (qid, vtype, text, funding, theme) in enumerate(QUESTIONS, 1)
    ]
    targets, answers = [], []
    target_id, answer_id = ids["vastaajatunnus"], ids["vastaus"]
    for partner in partners:
        # each partner its own level of satisfaction
        level = rnd.choice((2.5, 3.5, 4.0, 4.5))
        for back in range(4):
            end_month = today.replace(day=1) - relativedelta(months=6 * back + 1)
            for _index in range(periods_per_half_year):
                target_id += 1
                end = end_month + relativedelta(days=rnd.randint(0, 27))
                start = end - datetime.timedelta(days=rnd.randint(30, 120))
                code = f"DEMO{target_id}"
                answered = rnd.random() < 0.67
                targets.append(
                    {
                        "vastaajaid": target_id if answered else None,
                        "vastaajatunnusid": target_id,
                        "kyselykertaid": survey_id,
                        "vastaajatunnus": code,
                        "oppilaitos": None,
                        "taustatiedot": {
                            "tyonantaja": partner["business_id"],
                            "tyopaikka": partner["name"],
                            "tyopaikka_normalisoitu": None,
                            "tutkintotunnus": "351307",
                            "tutkinnon_osa": None,
                            "tyopaikkajakson_alkupvm": start.isoformat(),
                            "tyopaikkajakson_loppupvm": end.isoformat(),
                            "sopimustyyppi": rnd.choice(("koulutussopimus", "oppisopimus")),
                            "oppilaitos_oid": institution_oid,
                            "toimipaikka": None,
                        },
                        "vastaajatunnus_alkupvm": (end + relativedelta(months=1, day=1)).isoformat(),
                        "vastaajatunnus_loppupvm": None,
                    }
                )
                if not answered:
                    continue
                answered_on = end + relativedelta(months=1, day=1) + datetime.timedelta(days=rnd.randint(1, 25))
                answer_id = _answers(
                    rnd, answers, answer_id, target_id, code, answered_on, level, survey_id, provider_business_id
                )
    return {
        "kyselykerrat": {"data": surveys},
        "kysymykset": {"data": questions},
        "kohteet": {"data": targets, "pagination": {"next_url": None}},
        "vastaukset": {"data": answers, "pagination": {"next_url": None}},
    }


def _answers(rnd, answers, answer_id, target_id, code, answered_on, level, survey_id, provider_business_id):
    """The answers of one answered code to each question (the free text one time in two); the last id."""
    for qid, vtype, _text, _funding, _theme in QUESTIONS:
        free = vtype == "vapaateksti"
        if free and rnd.random() < 0.5:
            continue
        answer_id += 1
        score = None if free else max(1, min(5, round(rnd.gauss(level, 0.8))))
        answers.append(
            {
                "vastausid": answer_id,
                "vastaajatunnusid": target_id,
                "vastaajaid": target_id,
                "vastaajatunnus": code,
                "kysymysid": qid,
                "vastausaika": answered_on.isoformat(),
                "numerovalinta": score,
                "vapaateksti": rnd.choice(FREE_TEXTS) if free else None,
                "vaihtoehto": None,
                "koulutustoimija": provider_business_id,
                "kyselyid": survey_id - 100,
                "kyselykertaid": survey_id,
                "monivalintavaihtoehto_fi": None,
                "monivalintavaihtoehto_sv": None,
                "monivalintavaihtoehto_en": None,
            }
        )
    return answer_id


def from_agreements(periods, today, provider_business_id, seed=2027, start_ids=None):
    """Codes and answers for the workplace periods of our agreements that ended before this month, as
    herätepalvelu would have created them (see arvo_export.parse_target for the taustatiedot): a period
    the validation predicted reached gets a code nine times in ten, one predicted not reached one time in
    seven (the prediction's accuracy is then below 100 %); about 60 % of the codes are answered.

    ``periods``: dicts with ``business_id``, ``workplace``, ``unit``, ``start``, ``end``, ``oid`` (the
    institution's OID of the agreement's entity) and ``predicted``."""
    rnd = random.Random(seed)
    ids = dict(start_ids or {"vastaajatunnus": 8900000, "vastaus": 89000000})
    survey_id = 880100
    target_id, answer_id = ids["vastaajatunnus"], ids["vastaus"]
    month_start = today.replace(day=1)
    levels = {}
    targets, answers = [], []
    for period in periods:
        if not period["end"] or period["end"] >= month_start:
            continue
        if rnd.random() >= (0.9 if period["predicted"] else 0.15):
            continue
        target_id += 1
        code = f"DEMOJ{target_id}"
        answered = rnd.random() < 0.6
        bundled = period["end"] + relativedelta(months=1, day=1)
        targets.append(
            {
                "vastaajaid": target_id if answered else None,
                "vastaajatunnusid": target_id,
                "kyselykertaid": survey_id,
                "vastaajatunnus": code,
                "oppilaitos": None,
                "taustatiedot": {
                    "tyonantaja": period["business_id"],
                    "tyopaikka": period["workplace"],
                    "tyopaikka_normalisoitu": None,
                    "tutkintotunnus": None,
                    "tutkinnon_osa": None,
                    "paikallinen_tutkinnon_osa": period["unit"],
                    "tyopaikkajakson_alkupvm": period["start"].isoformat(),
                    "tyopaikkajakson_loppupvm": period["end"].isoformat(),
                    "sopimustyyppi": rnd.choice(("koulutussopimus", "oppisopimus")),
                    "vastaamisajan_alkupvm": bundled.isoformat(),
                    "oppilaitos_oid": period["oid"],
                    "toimipaikka": None,
                },
                "vastaajatunnus_alkupvm": bundled.isoformat(),
                "vastaajatunnus_loppupvm": None,
            }
        )
        if answered:
            # each employer its own level of satisfaction
            level = levels.setdefault(period["business_id"], rnd.choice((2.5, 3.5, 4.0, 4.5)))
            answered_on = min(bundled + datetime.timedelta(days=rnd.randint(1, 25)), today)
            answer_id = _answers(
                rnd, answers, answer_id, target_id, code, answered_on, level, survey_id, provider_business_id
            )
    return {
        "kohteet": {"data": targets, "pagination": {"next_url": None}},
        "vastaukset": {"data": answers, "pagination": {"next_url": None}},
    }
