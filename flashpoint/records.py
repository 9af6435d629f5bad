"""Typed records that flow through the pipeline stages.

Records grow stage by stage: ``Document`` (ingest) -> ``Segment`` (clean) -> parsed spaCy ``Doc``s (nlp)
-> ``EventMention`` (extract) -> ``Event`` (resolve, link) -> stored rows. Every record carries its
document id and character offsets into the document's raw ``text``, so each field can be traced back to
the words that produced it.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Precision = Literal["day", "week", "month", "year", "range", "unknown"]
PlacePrecision = Literal["site", "city", "admin2", "admin1", "country"]
Modality = Literal["asserted", "alleged", "denied", "threatened", "planned", "hypothetical", "negated"]
Qualifier = Literal["exact", "at_least", "approx", "none_reported", "unknown"]


def content_hash(text: str) -> str:
    """SHA-256 of the document text: the key that makes ingestion idempotent."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(slots=True)
class Document:
    """One news report as ingested. ``text`` is kept verbatim: all offsets index it."""

    id: str
    text: str
    title: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD), the anchor for relative dates
    source: str | None = None
    url: str | None = None
    origin: str | None = None  # file path (and line/record) it came from

    @property
    def sha256(self) -> str:
        return content_hash(self.text)


@dataclass(slots=True)
class Segment:
    """A block of the document (paragraph or line) with what ``clean`` decided about it."""

    start: int
    end: int
    kind: Literal["headline", "body", "caption", "credit", "byline", "boilerplate", "dateline"] = "body"
    text: str = ""  # the text handed to the parser (glued words split; same length as the raw span)

    @property
    def eventful(self) -> bool:
        return self.kind in ("headline", "body")


@dataclass(slots=True)
class Span:
    text: str
    start: int
    end: int


@dataclass(slots=True)
class Actor:
    name: str
    country: str | None = None  # ISO 3166-1 alpha-3
    code: str | None = None  # CAMEO actor code, e.g. USAMIL, IRQREB
    kind: str | None = None  # government, military, police, rebels, militia, protesters, civilians, ...
    start: int | None = None
    end: int | None = None
    affiliation: str | None = None
    implied: bool = False  # not named in the text, inferred from the event (an arrest implies the police)


@dataclass(slots=True)
class Location:
    name: str
    country: str | None = None
    admin1: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    precision: PlacePrecision = "city"
    site: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(slots=True)
class DateSpan:
    start: str | None
    end: str | None
    precision: Precision = "day"
    text: str | None = None  # the expression it was resolved from, if any


@dataclass(slots=True)
class Fatalities:
    count: int | None = None
    qualifier: Qualifier = "unknown"


@dataclass(slots=True)
class Evidence:
    doc_id: str
    text: str
    start: int
    end: int
    trigger: Span


@dataclass(slots=True)
class Link:
    relation: Literal["retaliation_for", "response_to", "follows", "causes", "comment_on"]
    event_id: str


@dataclass(slots=True)
class Event:
    """An event record in the output contract (see docs/data-model.md)."""

    event_id: str
    doc_id: str
    cameo: str
    cameo_name: str | None
    plover: dict[str, str | None]
    acled: dict[str, str] | None
    goldstein: float | None
    date: DateSpan
    location: Location | None
    source: list[Actor]
    target: list[Actor]
    fatalities: Fatalities
    injured: Fatalities
    modality: str
    attribution: str | None
    evidence: list[Evidence]
    links: list[Link] = field(default_factory=list)
    confidence: float = 0.5
    main: bool = False
    sources: list[str] = field(default_factory=list)
    published: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        for actor in d["source"] + d["target"]:
            actor.pop("start", None)
            actor.pop("end", None)
        if d["location"] is not None:
            d["location"].pop("start", None)
            d["location"].pop("end", None)
        return d
