"""Event mentions from sentences written for these tests: triggers, roles, casualties, modality, cues."""

from __future__ import annotations

import pytest

from flashpoint.clean import clean_document
from flashpoint.extract import extract_mentions
from flashpoint.extract.casualties import count_of_phrase, sentence_casualties
from flashpoint.nlp import parse
from flashpoint.records import Document


@pytest.fixture(scope="module")
def mentions_of(pipeline):
    def run(text: str, published: str = "2022-03-10"):
        doc = Document(id="t", text=text, published=published)
        parsed = next(parse([clean_document(doc)], pipeline.nlp))
        return extract_mentions(parsed)

    return run


def fams(ms):
    return [(m.trigger_text, m.family) for m in ms]


def test_active_verb_roles(mentions_of):
    ms = mentions_of("Rebels attacked an army base near Beni on Monday.")
    m = next(m for m in ms if m.trigger_text == "attacked")
    assert [p.text for p in m.sources] == ["Rebels"]
    assert [p.text for p in m.targets] == ["army base"]
    assert m.time is not None and m.time.value == "2022-03-07"


def test_passive_with_agent(mentions_of):
    ms = mentions_of("Four villagers were killed by gunmen in Zamfara state.")
    m = next(m for m in ms if m.family == "kill")
    assert [p.text for p in m.sources] == ["gunmen"]
    assert m.targets[0].text == "Four villagers"
    assert m.killed.count == 4 and m.killed.qualifier == "exact"


def test_casualty_verb_folds_into_the_weapon_event(mentions_of):
    ms = mentions_of("Government jets bombed a market in the town, killing at least 12 people and wounding 30.")
    assert [m.family for m in ms] == ["bomb"]
    m = ms[0]
    assert m.instrument == "air"
    assert (m.killed.count, m.killed.qualifier) == (12, "at_least")
    assert m.injured.count == 30


def test_nominal_event_with_possessor_and_of(mentions_of):
    ms = mentions_of("The killing of two aid workers by militiamen drew condemnation.")
    m = next(m for m in ms if m.trigger_text == "killing")
    assert [p.text for p in m.sources] == ["militiamen"]
    assert m.killed.count == 2


def test_alleged_and_attribution(mentions_of):
    ms = mentions_of("Police said the bombing of the bus station, which they blamed on the separatists, "
                     "killed five people.")
    m = next(m for m in ms if m.trigger_text == "bombing")
    assert m.modality == "alleged"
    assert [p.text for p in m.sources] == ["separatists"]


def test_threat_is_not_asserted_violence(mentions_of):
    ms = mentions_of("The commander threatened to attack the town if the army advanced.")
    attack = next(m for m in ms if m.trigger_text == "attack")
    assert attack.modality in ("threatened", "hypothetical", "planned")


def test_negated_event_is_dropped(mentions_of):
    ms = mentions_of("The army did not attack the camp.")
    assert not any(m.trigger_text == "attack" for m in ms)


def test_weapon_classes(mentions_of):
    def instrument(text):
        return next(m.instrument for m in mentions_of(text) if m.instrument)

    assert instrument("A drone strike hit a convoy on the highway.") == "air"
    assert instrument("Militants fired mortars at the garrison.") == "shelling"
    assert instrument("A roadside bomb exploded near a patrol.") == "explosive"
    assert instrument("A suicide bomber blew himself up at a checkpoint.") == "suicide"
    assert instrument("Attackers threw a grenade into a bar.") == "grenade"


def test_reporting_and_dates_are_not_events(mentions_of):
    assert mentions_of("Officials said on Tuesday that the report would be published in March.") == []
    assert not any(m.family == "march" for m in mentions_of("On 21 March, nothing happened in the capital."))


def test_accidents_are_not_attacks(mentions_of):
    ms = mentions_of("A gas explosion destroyed a restaurant, killing three people.")
    assert not any(m.family in ("bomb", "attack") for m in ms)
    assert not any(m.family == "kill" for m in mentions_of("A bus crash killed nine passengers on the highway."))


def test_link_cues(mentions_of):
    ms = mentions_of("The raid came a day after the kidnapping of a chief in the village.")
    raid = next(m for m in ms if m.trigger_text == "raid")
    kidnap = next(m for m in ms if m.trigger_text == "kidnapping")
    assert ("follows", kidnap.trigger_start) in raid.links


def test_crowd_violence_context(mentions_of):
    ms = mentions_of("Protesters threw stones at police and torched tyres on the main road.")
    assert any(m.context_violent for m in ms)
    calm = mentions_of("Police fired tear gas to disperse traders protesting against new taxes.")
    assert all(not m.context_violent for m in calm) and any(m.crowd_control for m in calm)


def test_sentence_casualties(pipeline):
    def sc(text):
        return sentence_casualties(pipeline.nlp(text)[:])

    assert sc("Three dead.").killed.count == 3
    assert sc("On 7 December 2019, the army shot dead three men.").killed.count == 3
    assert sc("The death toll rose to 41 on Friday.").killed.count == 41
    assert sc("Dozens were wounded.").injured.qualifier == "approx"
    assert sc("No one was hurt.").killed.qualifier == "none_reported"


def test_count_of_coordinated_phrase(pipeline):
    doc = pipeline.nlp("2 civilians and 6 militants were killed.")
    assert count_of_phrase(doc[1]).count == 8
    doc = pipeline.nlp("They killed five oxen.")
    assert count_of_phrase(doc[3]) is None


@pytest.mark.parametrize("text", [
    "Her daughter was raped by the attackers near Bura.",
    "Two soldiers sexually assaulted a woman at a checkpoint.",
    "Villagers said the gunmen molested girls at the well.",
])
def test_sexual_violence_verbs(mentions_of, text):
    assert any(m.family == "sexual" for m in mentions_of(text))


def test_torching_by_militants_is_property_destruction(pipeline):
    from tests.conftest import events_for

    evs = events_for(pipeline, "Suspected militants torched a school and two shops in Doulkou on Friday.")
    main = next(e for e in evs if e["main"])
    assert main["acled"]["sub_event_type"] == "Looting/property destruction"
    evs = events_for(pipeline, "Rioters torched tyres and blocked the highway in Kisumu on Friday.")
    main = next(e for e in evs if e["main"])
    assert main["acled"]["event_type"] == "Riots"


def test_casualty_forms(pipeline):
    from tests.conftest import events_for

    evs = events_for(pipeline, "A trader accused of stealing 14 goats was beaten to death by a crowd in Isiolo.")
    main = next(e for e in evs if e["main"])
    assert main["fatalities"]["count"] == 1 and main["modality"] == "asserted"
    evs = events_for(pipeline, "An army patrol was ambushed near Menaka. At least four soldiers killed, two injured.")
    assert max(e["fatalities"]["count"] or 0 for e in evs) == 4
    evs = events_for(pipeline, "A herder was shot and killed by soldiers near the border on Tuesday.")
    main = next(e for e in evs if e["main"])
    assert main["fatalities"]["count"] == 1 and main["source"][0]["kind"] == "military"


@pytest.mark.parametrize("text, killed", [
    ("Three insurgent suicide bombers blew themselves up at a market gate in Gwoza, killing only themselves.", 3),
    ("A bomber blew himself up at a checkpoint near Baidoa, killing himself and two guards.", 3),
    ("A Malian soldier was shot dead by unknown gunmen near Gao on Friday.", 1),
    ("Troops killed five militants and lost three soldiers in a firefight near Mopti.", 8),
    ("The army said it had neutralised 14 terrorists in the forest near Diapaga.", 14),
    ("Sappers neutralised an explosive device on the road to Kidal on Sunday.", None),
    ("Gunmen raided a police post near Bannu at night. Four policemen were martyred.", 4),
    ("Artillery shells hit the market in Toretsk on Monday. Three killed, eleven injured.", 3),
    ("Community leader shot dead in Jamundi, Valle del Cauca.", 1),
    ("A bomber rammed a checkpoint near Jowhar with a truck; six guards and the driver died.", 7),
    ("Residents seized two suspected thieves and beat them; one survived, the other died of his injuries.", 1),
])
def test_casualties_told_by_reflexives_losses_and_army_jargon(pipeline, text, killed):
    from tests.conftest import events_for

    main = next(e for e in events_for(pipeline, text) if e["main"])
    assert main["fatalities"]["count"] == killed


@pytest.mark.parametrize("text", [
    "Troops dislodged the insurgents from Dalwa and two nearby villages on Tuesday.",
    "The army flushed the militants out of the forest near Konduga.",
    "Soldiers cleared the villages of Kawuri and Jiddari of armed fighters.",
])
def test_driving_an_enemy_out_is_government_regaining_territory(pipeline, text):
    from tests.conftest import events_for

    main = next(e for e in events_for(pipeline, text) if e["main"])
    assert main["acled"]["sub_event_type"] == "Government regains territory"


def test_sit_in_and_returned_fire(pipeline):
    from tests.conftest import events_for

    evs = events_for(pipeline, "Nurses staged a sit-in outside the ministry of health in Niamey on Monday.")
    protest = next(e for e in evs if e["main"])
    assert protest["acled"]["event_type"] == "Protests"
    assert protest["evidence"][0]["trigger"]["text"] == "sit-in"
    evs = events_for(pipeline, "Gunmen shot at a patrol near Tillaberi. The soldiers returned fire.")
    assert all(e["cameo"] != "084" for e in evs)
    assert next(e for e in evs if e["main"])["acled"]["sub_event_type"] == "Armed clash"


@pytest.mark.parametrize(("text", "count"), [
    ("A gunman killed his neighbour in Kitale on Sunday.", 1),
    ("Militants ambushed and killed the district commissioner near Baidoa.", 1),
    ("Gunmen killed two farmers and a herder near Jos.", 3),
])
def test_singular_victims_count_one(pipeline, text, count):
    from tests.conftest import events_for

    main = next(e for e in events_for(pipeline, text) if e["main"])
    assert main["fatalities"]["count"] == count


@pytest.mark.parametrize("text", [
    "Typhoon Halong struck the eastern islands on Sunday, killing at least 14 people.",
    "A gas explosion destroyed a market building in Kano, killing six people.",
    "A landslide buried part of the village overnight, killing nine residents.",
])
def test_disasters_and_accidents_are_not_attacks(pipeline, text):
    from tests.conftest import events_for

    evs = events_for(pipeline, text)
    assert not [e for e in evs if e["acled"] and e["acled"]["event_type"] != "Strategic developments"]


@pytest.mark.parametrize("text", [
    "The former minister died on Tuesday after a long battle with cancer.",
    "Firefighters battled a blaze at a timber yard in Onitsha for six hours.",
    "The new cabinet promised to fight corruption and unemployment.",
])
def test_figurative_fights_are_not_clashes(mentions_of, text):
    assert not [m for m in mentions_of(text) if m.family in ("clash", "engage")]


def test_bodies_found_are_counted(pipeline):
    from tests.conftest import events_for

    main = next(e for e in events_for(pipeline, "Four decomposed corpses were found near Kaya on Monday.") if e["main"])
    assert main["acled"]["sub_event_type"] == "Other" and main["fatalities"]["count"] == 4


def test_an_event_named_as_a_cause_is_not_the_main_one(pipeline):
    from tests.conftest import events_for

    evs = events_for(pipeline, "Police arrested ten people in Bauchi amid clashes between herders and farmers.")
    main = next(e for e in evs if e["main"])
    assert main["acled"]["sub_event_type"] == "Arrests"


@pytest.mark.parametrize("text", [
    "The minister condemned the rocket strike on the depot, calling it a cowardly attack on the nation.",
    "The governor condemned the bombing of the market as a massacre of innocents.",
])
def test_a_noun_that_renames_an_event_is_no_second_event(pipeline, text):
    from tests.conftest import events_for

    violent = [e for e in events_for(pipeline, text) if e["acled"] and e["acled"]["event_type"] != "Protests"]
    assert len(violent) == 1


def test_is_as_the_group_acronym_keeps_the_parse(pipeline):
    from tests.conftest import events_for

    main = next(e for e in events_for(pipeline, "Nine IS militants were killed by an army air strike near Kunar.")
                if e["main"])
    assert main["fatalities"]["count"] == 9 and main["acled"]["sub_event_type"] == "Air/drone strike"
    assert main["source"][0]["kind"] == "military"
