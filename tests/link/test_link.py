"""Merging mentions into events and linking them, on short reports written for these tests."""

from __future__ import annotations

import pytest

from tests.conftest import events_for

REPORT = (
    "Gunmen storm market in northern town\n\n"
    "Gunmen stormed a market in Gao on Saturday, killing seven traders, local officials said.\n\n"
    "The attack came a day after soldiers arrested two suspected militants in the town. Residents said the "
    "assault was in retaliation for the arrests.\n\n"
    "The governor condemned the attack and promised to reinforce security."
)


def test_one_event_per_happening(pipeline):
    evs = events_for(pipeline, REPORT, published="2023-05-14")
    attacks = [e for e in evs if (e["acled"] or {}).get("event_type") in ("Violence against civilians", "Battles")]
    assert len(attacks) == 1
    a = attacks[0]
    assert len(a["evidence"]) >= 3  # headline, lede, "the attack", "the assault"
    assert a["fatalities"]["count"] == 7
    assert a["date"]["start"] == "2023-05-13"
    assert a["main"] is True


def test_links_between_events(pipeline):
    evs = events_for(pipeline, REPORT, published="2023-05-14")
    by_type = {(e["acled"] or {}).get("sub_event_type"): e for e in evs}
    attack = next(e for e in evs if (e["acled"] or {}).get("event_type") in ("Violence against civilians", "Battles"))
    arrest = by_type["Arrests"]
    rels = {(link["relation"], link["event_id"]) for link in attack["links"]}
    assert ("follows", arrest["event_id"]) in rels or ("retaliation_for", arrest["event_id"]) in rels
    statement = next(e for e in evs if e["cameo"].startswith("11"))
    assert ("comment_on", attack["event_id"]) in {(x["relation"], x["event_id"]) for x in statement["links"]}


def test_distinct_events_stay_apart(pipeline):
    text = ("Police dispersed a march in Lome on Monday. On Wednesday, gunmen killed a soldier near Dapaong.")
    evs = events_for(pipeline, text, published="2023-05-12")
    kinds = sorted((e["acled"] or {}).get("event_type") or "" for e in evs)
    assert "Protests" in kinds and any(k in ("Battles", "Violence against civilians") for k in kinds)


def test_repressed_protest_is_one_protest_event(pipeline):
    text = ("Hundreds of students protested in Ouagadougou on Tuesday against fee increases. Police fired tear gas "
            "and live rounds, wounding six students.")
    evs = events_for(pipeline, text, published="2023-05-12")
    main = next(e for e in evs if e["main"])
    assert main["acled"] == {"event_type": "Protests", "sub_event_type": "Excessive force against protesters"}
    assert sum(1 for e in evs if (e["acled"] or {}).get("event_type") == "Protests") == 1


def test_refine_subtype_keeps_the_rule_on_a_close_call():
    from flashpoint.link import refine_subtype

    proba = {"Attack": 0.30, "Armed clash": 0.45, "Other": 0.0}
    assert refine_subtype("Attack", proba, 0.3) == "Attack"  # 0.3 + 0.7*0.30 = 0.51 > 0.7*0.45
    proba = {"Attack": 0.05, "Armed clash": 0.90}
    assert refine_subtype("Attack", proba, 0.3) == "Armed clash"
    assert refine_subtype("Other", {"Other": 0.0, "Arrests": 1.0}, 0.3) == "Other"  # rule-only sub-types stay
    assert refine_subtype("Arrests", {"Arrests": 0.0, "Other": 1.0}, 0.3) == "Arrests"


def test_shelling_by_rockets_is_not_an_air_strike(pipeline):
    text = "Two rockets struck an air base north of Baghdad on Sunday, the Iraqi military said. Nobody was hurt."
    main = next(e for e in events_for(pipeline, text, published="2020-01-06") if e["main"])
    assert main["acled"]["sub_event_type"] == "Shelling/artillery/missile attack"


def test_protesters_wounded_stay_excessive_force(pipeline):
    text = ("Security forces used tear gas and batons to disperse a peaceful march by traders in Parakou on Monday, "
            "injuring at least 14 people.")
    main = next(e for e in events_for(pipeline, text, published="2021-03-02") if e["main"])
    assert main["acled"]["sub_event_type"] == "Excessive force against protesters"


def test_refine_subtype_respects_the_targets():
    from flashpoint.link import refine_subtype
    from flashpoint.records import Actor

    soldiers = [Actor(name="soldiers", country=None, code="MIL", kind="military")]
    villagers = [Actor(name="villagers", country=None, code="CVL", kind="civilians")]
    assert refine_subtype("Armed clash", {"Armed clash": 0.05, "Attack": 0.9}, 0.3, targets=soldiers) == "Armed clash"
    assert refine_subtype("Attack", {"Attack": 0.05, "Armed clash": 0.9}, 0.3, targets=villagers) == "Attack"
    assert refine_subtype("Attack", {"Attack": 0.05, "Abduction/forced disappearance": 0.9}, 0.3,
                          targets=villagers) == "Abduction/forced disappearance"


def test_violent_protest_and_its_cause_keep_their_types(pipeline):
    text = "Hundreds of youths violently demonstrated in Zinder against the arrest of a popular preacher."
    evs = events_for(pipeline, text, published="2021-03-02")
    subs = {e["acled"]["sub_event_type"] for e in evs if e["acled"]}
    assert "Violent demonstration" in subs and "Arrests" in subs


def test_thrown_bomb_by_gunmen_is_a_grenade_attack(pipeline):
    text = "Two gunmen threw a bomb at the house of a village chief in Maungdaw on Friday night."
    main = next(e for e in events_for(pipeline, text, published="2021-03-02") if e["main"])
    assert main["acled"]["sub_event_type"] == "Grenade"


def test_troops_abroad_are_foreign_forces_and_crowds_take_the_event_country(pipeline):
    text = "French troops carried out an air strike on militants near Gao, Mali, on Tuesday."
    main = next(e for e in events_for(pipeline, text, published="2020-01-08") if e["main"])
    french = next(a for a in main["source"] if a["country"] == "FRA")
    assert french["kind"] == "foreign forces"
    text = "Protesters blocked the main road in Kisumu on Tuesday over rising fuel prices."
    main = next(e for e in events_for(pipeline, text, published="2022-06-08") if e["main"])
    assert main["source"][0]["country"] == "KEN"


def test_rioters_met_by_force_and_protesters_wrecking_property_riot(pipeline):
    main = next(e for e in events_for(pipeline, "Police clashed with rioters in the centre of Bamako on Friday.",
                                      published="2021-03-02") if e["main"])
    assert main["acled"]["event_type"] == "Riots"
    main = next(e for e in events_for(pipeline, "Angry protesters destroyed two police kiosks in Kumasi on Friday.",
                                      published="2021-03-02") if e["main"])
    assert main["acled"]["event_type"] == "Riots"


def test_people_the_police_acted_against_at_a_protest_are_protesters(pipeline):
    from tests.conftest import events_for

    evs = events_for(pipeline, "Police fired tear gas and detained 40 people at a march against fuel prices in "
                               "Accra on Tuesday.")
    main = next(e for e in evs if e["main"])
    assert main["acled"]["event_type"] == "Protests"
    assert main["source"][0]["kind"] == "police"
    assert main["target"] and main["target"][0]["kind"] == "protesters"


@pytest.mark.parametrize("text, killed", [
    ("Militants killed nine police officers in an attack on their post near Kirkuk on Sunday night. Two of the "
     "attackers were also killed.", 11),
    ("Witnesses said soldiers executed about 40 men in Djenne on Friday; the army said it neutralised 25 "
     "militants there.", 25),
    ("Gunmen killed four farmers near Gusau on Monday. Police said four people died in the attack.", 4),
])
def test_the_toll_adds_sides_and_takes_the_lowest_of_rival_accounts(pipeline, text, killed):
    from tests.conftest import events_for

    main = next(e for e in events_for(pipeline, text) if e["main"])
    assert main["fatalities"]["count"] == killed


def test_an_arrest_at_home_is_not_the_repression_of_a_later_protest(pipeline):
    evs = events_for(pipeline, "Police detained the union leader Amina Yusuf at her home in Kano on Monday. "
                               "Hundreds of workers protested in the city the next day.")
    main = next(e for e in evs if e["main"])
    subs = {e["acled"]["sub_event_type"] for e in evs if e["acled"]}
    assert "Arrests" in subs and main["acled"]["sub_event_type"] != "Protest with intervention"
