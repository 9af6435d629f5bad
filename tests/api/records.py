"""A hand-built document and event for API tests that need a store of their own."""

from __future__ import annotations

from flashpoint.records import Actor, DateSpan, Document, Event, Evidence, Fatalities, Location, Span


def one_event(text: str, doc_id: str = "doc", trigger_index: int = 1) -> tuple[Document, Event]:
    doc = Document(id=doc_id, text=text, published="2020-01-06")
    trigger = text.split()[trigger_index]
    t0 = text.index(trigger)
    event = Event(
        event_id=f"{doc.sha256[:16]}-0", doc_id=doc_id, cameo="190", cameo_name="Use conventional military force",
        plover={"type": "ASSAULT", "mode": None}, acled=None, goldstein=-10.0,
        date=DateSpan("2020-01-06", "2020-01-06", "day"),
        location=Location("Goma", "COD", None, None, -1.68, 29.22, "city"),
        source=[Actor(text.split()[0], "COD", "CODREB", "rebels")], target=[Actor("convoy", "COD", None, None)],
        fatalities=Fatalities(None, "unknown"), injured=Fatalities(None, "unknown"), modality="asserted",
        attribution=None, evidence=[Evidence(doc_id, text, 0, len(text), Span(trigger, t0, t0 + len(trigger)))],
        confidence=0.6, main=True, sources=[doc_id], published=doc.published,
    )
    return doc, event
