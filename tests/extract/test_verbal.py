"""CAMEO codes of diplomatic and verbal events from their verb frames (sentences written for these tests)."""

from __future__ import annotations

import pytest

from flashpoint.clean import clean_document
from flashpoint.extract import extract_mentions
from flashpoint.nlp import parse
from flashpoint.records import Document


@pytest.fixture(scope="module")
def codes_of(pipeline):
    def run(text: str) -> list[tuple[str, str]]:
        doc = Document(id="t", text=text, published="2023-05-10")
        parsed = next(parse([clean_document(doc)], pipeline.nlp))
        return [(m.trigger_text, m.cameo) for m in extract_mentions(parsed)]

    return run


@pytest.fixture(scope="module")
def mentions_of(pipeline):
    def run(text: str):
        doc = Document(id="t", text=text, published="2023-05-10")
        parsed = next(parse([clean_document(doc)], pipeline.nlp))
        return extract_mentions(parsed)

    return run


@pytest.mark.parametrize(("text", "code"), [
    ("The Chilean foreign minister attended a regional summit in Lima on Monday.", "042"),
    ("The foreign minister of Peru left for Quito on Tuesday for talks with the Ecuadorian government.", "042"),
    ("The mayor attended the funeral of the slain journalist.", "017"),
    ("The Kenyan president expressed condolences to the families of the flood victims.", "018"),
    ("The Danish envoy expressed hope that the two parties would settle their quarrel soon.", "013"),
    ("Farmers' unions voiced concern over the new import rules.", "012"),
    ("Norway ratified a fisheries treaty with Iceland on Friday.", "057"),
    ("The Malian junta expelled three French diplomats on Sunday.", "161"),
    ("Ghana expelled two foreign journalists last week.", "174"),
    ("The transitional council cut ties with Kinshasa.", "161"),
    ("The opposition broke off talks with the ruling party.", "164"),
    ("The two governments held talks in Nairobi.", "046"),
    ("Portugal and Angola resumed talks on the debt.", "046"),
    ("Japan gave 5 million dollars to the reconstruction fund.", "071"),
    ("The militia received rifles from a neighbouring state.", "072"),
    ("Police cordoned off the district after the blast.", "191"),
    ("A judge issued an arrest warrant for the former governor.", "173"),
    ("The bishop called for a ceasefire in the northern provinces.", "0256"),
    ("The union demanded the release of the detained organisers.", "1053"),
    ("The ministers called on both factions to resume negotiations.", "026"),
    ("Parliament lambasted the finance ministry over the budget.", "111"),
    ("Several senators opposed the arms deal.", "110"),
    ("The separatist group claimed responsibility for the sabotage.", "015"),
    ("Zambia extradited a fraud suspect to Britain on Sunday.", "063"),
    ("The governor pledged to provide food aid to the displaced families.", "0333"),
    ("The prime minister will visit Oslo next month.", "036"),
    ("Chad refused to release the captured pilots.", "1243"),
    ("The two leaders agreed that the border dispute should be settled by arbitration.", "019"),
    ("The commander vowed revenge for the ambush.", "138"),
])
def test_frame_codes(codes_of, text, code):
    assert code in [c for _t, c in codes_of(text)], codes_of(text)


@pytest.mark.parametrize("text", [
    "The spokesman said the talks had been useful.",           # reporting verbs are not events
    "The minister told reporters that the meeting went well.",
    "The agency released a statement on Friday.",               # published, not freed
    "It is a pleasant town to visit in the spring.",            # no one visits
    "Neither Tanzania nor Zambia boycotted the games.",         # negated by neither ... nor
    "Experts say the talks could help ease tensions in the region.",   # analysis, not an event
    "The mines work round the clock to meet demand for coal.",
    "Lawmakers failed to agree on a new speaker.",
    "Bases hosting foreign troops have been targeted before.",
])
def test_no_verbal_event(codes_of, text):
    assert codes_of(text) == []


def test_requested_act_is_not_an_event(codes_of):
    got = codes_of("The council asked the ministry to send aid to the villages.")
    assert [c for _t, c in got] == ["023"]  # the appeal for aid, not a delivery of aid


def test_receiver_and_giver_roles(mentions_of):
    m = next(m for m in mentions_of("The rebels received weapons from the army.") if m.trigger_text == "received")
    assert [p.text for p in m.sources] == ["army"]
    assert [p.text for p in m.targets] == ["rebels"]


def test_appeal_target(mentions_of):
    m = next(m for m in mentions_of("Brazil urged Venezuela to release the detained activists.")
             if m.trigger_text == "urged")
    assert m.cameo == "0253"
    assert [p.text for p in m.sources] == ["Brazil"] and [p.text for p in m.targets] == ["Venezuela"]
