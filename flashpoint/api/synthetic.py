"""A synthetic event store for benchmarks and tests: plausible-looking records, nothing extracted.

``build_store(path, n_events)`` writes ``n_events`` events (five per made-up report) through
``Store.add_batch``; the same seed gives the same store.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

from flashpoint.records import Actor, DateSpan, Document, Event, Evidence, Fatalities, Link, Location, Span
from flashpoint.store import Store

# (ISO3, place, lat, lon, actor name, CAMEO actor code)
PLACES = [
    ("IRQ", "Baghdad", 33.34, 44.40, "Iraqi security forces", "IRQCOP"),
    ("SYR", "Aleppo", 36.20, 37.16, "Syrian army", "SYRMIL"),
    ("NGA", "Maiduguri", 11.85, 13.16, "Nigerian army", "NGAMIL"),
    ("KEN", "Nairobi", -1.29, 36.82, "Kenyan police", "KENCOP"),
    ("MMR", "Mandalay", 21.97, 96.08, "Myanmar military", "MMRMIL"),
    ("AFG", "Kandahar", 31.61, 65.71, "Afghan forces", "AFGMIL"),
    ("BFA", "Djibo", 14.10, -1.63, "Burkinabe soldiers", "BFAMIL"),
    ("UKR", "Kharkiv", 49.99, 36.23, "Ukrainian forces", "UKRMIL"),
    ("COL", "Cali", 3.45, -76.53, "Colombian police", "COLCOP"),
    ("BGD", "Dhaka", 23.81, 90.41, "Bangladeshi police", "BGDCOP"),
]
OPPONENTS = [("rebels", "REB", "rebels"), ("protesters", "OPP", "protesters"), ("militants", "REB", "armed group"),
             ("villagers", "CVL", "civilians")]
# (trigger, CAMEO, CAMEO name, PLOVER type, PLOVER mode, ACLED type, ACLED sub-type, Goldstein)
KINDS = [
    ("attacked", "190", "Use conventional military force", "ASSAULT", None, "Battles", "Armed clash", -10.0),
    ("shelled", "194", "Fight with artillery and tanks", "ASSAULT", "heavy-weapons", "Explosions/Remote violence",
     "Shelling/artillery/missile attack", -10.0),
    ("protested", "141", "Demonstrate or rally", "PROTEST", "demonstrate", "Protests", "Peaceful protest", -6.5),
    ("threatened", "138", "Threaten with military force", "THREATEN", None, None, None, -7.0),
    ("arrested", "173", "Arrest, detain", "COERCE", "arrest", None, None, -5.0),
    ("met", "040", "Consult", "CONSULT", None, None, None, 1.0),
]
MODALITIES = ["asserted"] * 8 + ["alleged", "denied", "threatened", "planned"]


def synthetic_batches(n_events: int, *, seed: int = 7, per_doc: int = 5, batch: int = 5000,
                      start: date = date(2018, 1, 1), days: int = 1000):
    """Yield ``(documents, events)`` batches totalling ``n_events`` events."""
    rng = random.Random(seed)
    docs: list[Document] = []
    events: list[Event] = []
    made = 0
    doc_no = 0
    while made < n_events:
        doc_no += 1
        iso3, place, lat, lon, force, code = rng.choice(PLACES)
        day = start + timedelta(days=rng.randrange(days))
        lines, specs = [], []
        for _ in range(min(per_doc, n_events - made)):
            kind = rng.choice(KINDS)
            opp, suffix, opp_kind = rng.choice(OPPONENTS)
            killed = rng.choice([None, 0, 1, 2, 3, 5, 8, 13, 40]) if kind[3] == "ASSAULT" else None
            tail = f", killing {killed}" if killed else ""
            sentence = f"{force[0].upper()}{force[1:]} {kind[0]} {opp} near {place} on {day:%d %B %Y}{tail}."
            specs.append((kind, opp, suffix, opp_kind, killed, sentence))
            lines.append(sentence)
        text = " ".join(lines)
        doc = Document(id=f"syn-{doc_no}", text=text, title=f"Report {doc_no} from {place}",
                       published=(day + timedelta(days=1)).isoformat(), source="Synthetic Wire")
        offset = 0
        previous = None
        for i, (kind, opp, suffix, opp_kind, killed, sentence) in enumerate(specs):
            s, e = offset, offset + len(sentence)
            offset = e + 1
            t0 = text.index(kind[0], s)
            jitter_lat, jitter_lon = rng.uniform(-1.5, 1.5), rng.uniform(-1.5, 1.5)
            event_id = f"{doc.sha256[:12]}-{i}"
            events.append(Event(
                event_id=event_id, doc_id=doc.id, cameo=kind[1], cameo_name=kind[2],
                plover={"type": kind[3], "mode": kind[4]},
                acled={"event_type": kind[5], "sub_event_type": kind[6]} if kind[5] else None,
                goldstein=kind[7], date=DateSpan(day.isoformat(), day.isoformat(), "day"),
                location=Location(place, iso3, None, None, round(lat + jitter_lat, 4), round(lon + jitter_lon, 4),
                                  "city"),
                source=[Actor(force, iso3, code, "military")],
                target=[Actor(opp, iso3, iso3 + suffix, opp_kind)],
                fatalities=Fatalities(killed, "exact" if killed is not None else "unknown"),
                injured=Fatalities(None, "unknown"), modality=rng.choice(MODALITIES), attribution=None,
                evidence=[Evidence(doc.id, sentence, s, e, Span(kind[0], t0, t0 + len(kind[0])))],
                links=[Link("follows", previous)] if previous and rng.random() < 0.2 else [],
                confidence=round(rng.uniform(0.3, 0.95), 2), main=i == 0, sources=[doc.id],
                published=doc.published,
            ))
            previous = event_id
            made += 1
        docs.append(doc)
        if len(events) >= batch:
            yield docs, events
            docs, events = [], []
    if events:
        yield docs, events


def build_store(path: str | Path, n_events: int, *, seed: int = 7) -> int:
    """Create (or add to) the store at ``path`` with ``n_events`` synthetic events; returns events stored."""
    with Store.open(path) as store:
        for docs, events in synthetic_batches(n_events, seed=seed):
            store.add_batch(docs, events)
        return int(store.counts()["events"])
