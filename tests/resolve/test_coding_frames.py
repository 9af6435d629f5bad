"""ACLED frames the rules read from the parse, on short reports written for these tests."""

import pytest

from tests.conftest import events_for


@pytest.mark.parametrize("text", [
    "A vigilante group shot and killed two suspected thieves in Nakuru on Sunday.",
    "Villagers beat to death a man accused of being a cattle rustler near Kapenguria.",
])
def test_people_punishing_suspected_culprits_is_mob_violence(pipeline, text):
    main = next(e for e in events_for(pipeline, text) if e["main"])
    assert main["acled"]["sub_event_type"] == "Mob violence"


@pytest.mark.parametrize("text", [
    "A bomb carried by two militants detonated prematurely near Kandahar on Monday, killing both.",
    "A man died when the explosive device he was assembling went off in his house in Garissa.",
])
def test_an_explosive_that_goes_off_too_soon_is_disrupted_weapons_use(pipeline, text):
    main = next(e for e in events_for(pipeline, text) if e["main"])
    assert main["acled"]["sub_event_type"] == "Disrupted weapons use"


def test_looting_by_protesters_is_a_riot_and_struggling_to_stop_it_is_no_battle(pipeline):
    main = next(e for e in events_for(pipeline, "Residents joined the protests in Soshanguve and looted shops as "
                                                 "the unrest spread overnight.") if e["main"])
    assert main["acled"]["event_type"] == "Riots"
    evs = events_for(pipeline, "Police in Durban were battling to contain the looting on Tuesday.")
    assert not any(e["acled"] and e["acled"]["event_type"] == "Battles" for e in evs)


@pytest.mark.parametrize("text, sub", [
    ("Five drones were shot down over Belgorod early on Tuesday, the defence ministry said.",
     "Disrupted weapons use"),
    ("Insurgents shot down an army helicopter near Maiduguri on Friday.", "Shelling/artillery/missile attack"),
    ("Six Maoists were killed in an encounter with police in the forests of Bijapur on Monday.", "Armed clash"),
])
def test_downed_drones_downed_aircraft_and_encounters(pipeline, text, sub):
    main = next(e for e in events_for(pipeline, text) if e["main"])
    assert main["acled"]["sub_event_type"] == sub


def test_a_meeting_called_an_encounter_is_no_clash(pipeline):
    evs = events_for(pipeline, "The minister described his encounter with the ambassador as cordial.")
    assert not any(e["acled"] for e in evs)


def test_a_crowd_burning_a_communitys_houses_is_mob_violence(pipeline):
    evs = events_for(pipeline, "A crowd of villagers set fire to several houses owned by members of a religious "
                               "minority in Kafr Saad on Friday over rumours about a new chapel.")
    assert any(e["acled"] and e["acled"]["sub_event_type"] == "Mob violence" for e in evs)


def test_no_one_killed_is_no_death(pipeline):
    evs = events_for(pipeline, "Gunmen fired on a bus near Kajiado on Sunday; no one was killed.")
    assert all((e["fatalities"]["count"] or 0) == 0 for e in evs)


def test_repelling_an_attack_is_a_clash_and_deaths_following_an_attack_are_its_toll(pipeline):
    main = next(e for e in events_for(pipeline, "Troops repelled an attack by militants on their base near Gao.")
                if e["main"])
    assert main["acled"]["sub_event_type"] == "Armed clash"
    main = next(e for e in events_for(pipeline, "Three soldiers were killed following an ambush by insurgents "
                                                 "near Damboa on Friday.") if e["main"])
    assert main["fatalities"]["count"] == 3
