"""Hand-built records for the store tests."""

from __future__ import annotations

from typing import Any

import pytest

from flashpoint.records import (
    Actor,
    DateSpan,
    Document,
    Event,
    Evidence,
    Fatalities,
    Link,
    Location,
    Span,
)

TEXT = (
    "Protesters stormed the embassy compound in Baghdad on Tuesday.\n\n"
    "Two days earlier, US airstrikes killed 25 militia fighters near Al-Qaim."
)


def make_doc(text: str = TEXT, doc_id: str = "doc-1", **kw: Any) -> Document:
    return Document(id=doc_id, text=text, published=kw.pop("published", "2019-12-31"), **kw)


def make_event(doc: Document, index: int = 0, **overrides: Any) -> Event:
    """An event of ``doc`` with every part filled in; ``event_id`` follows the pipeline's sha + index scheme."""
    trigger = overrides.pop("trigger", "stormed")
    t0 = doc.text.find(trigger)
    start = doc.text.rfind("\n", 0, max(t0, 0)) + 1
    end = doc.text.find("\n", t0)
    end = len(doc.text) if end < 0 else end
    fields: dict[str, Any] = {
        "event_id": f"{doc.sha256[:16]}-{index}",
        "doc_id": doc.id,
        "cameo": "1822",
        "cameo_name": "Storm / occupy",
        "plover": {"type": "PROTEST", "mode": "protest-demonstrate"},
        "acled": {"event_type": "Riots", "sub_event_type": "Violent demonstration"},
        "goldstein": -9.0,
        "date": DateSpan("2019-12-31", "2019-12-31", "day", "Tuesday"),
        "location": Location("Baghdad", "IRQ", "Baghdad", 98182, 33.34, 44.40, "city", start=44, end=51),
        "source": [Actor("Protesters", "IRQ", "IRQOPP", "protesters", start=0, end=10)],
        "target": [Actor("US embassy", "USA", "USAGOV", "government")],
        "fatalities": Fatalities(0, "none_reported"),
        "injured": Fatalities(None, "unknown"),
        "modality": "asserted",
        "attribution": None,
        "evidence": [Evidence(doc.id, doc.text[start:end], start, end, Span(trigger, t0, t0 + len(trigger)))],
        "links": [],
        "confidence": 0.8,
        "main": index == 0,
        "sources": [doc.id],
        "published": doc.published,
    }
    fields.update(overrides)
    return Event(**fields)


@pytest.fixture
def doc() -> Document:
    return make_doc()


@pytest.fixture
def second_doc() -> Document:
    return make_doc("Rebels shelled Aleppo on Monday, killing three.", doc_id="doc-2", published="2020-01-06")


def strike_event(doc: Document, reply_to: Event) -> Event:
    return make_event(
        doc, 1, trigger="airstrikes", cameo="195", cameo_name="Employ aerial weapons",
        plover={"type": "ASSAULT", "mode": "aerial"}, acled={"event_type": "Explosions/Remote violence",
                                                             "sub_event_type": "Air/drone strike"},
        goldstein=-10.0, date=DateSpan("2019-12-29", "2019-12-29", "day", "Two days earlier"),
        location=Location("Al-Qaim", "IRQ", "Anbar", 99347, 34.37, 41.09, "city"),
        source=[Actor("US", "USA", "USAMIL", "military")],
        target=[Actor("militia fighters", "IRQ", "IRQMIL", "militia"), Actor("Kataib Hezbollah", "IRQ", None)],
        fatalities=Fatalities(25, "exact"), links=[Link("retaliation_for", reply_to.event_id)],
    )
