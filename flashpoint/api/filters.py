"""Event filters shared by every read endpoint: parsed from the query string, checked, turned into SQL.

Values never enter the SQL text: ``where()`` returns a clause with ``?`` placeholders and its parameters.
Every check fails with an ``ApiError`` (HTTP 400) that names the parameter and says what it accepts.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, fields
from datetime import date
from typing import Annotated, Any

from fastapi import Query, Request

from flashpoint.api.errors import ApiError

MAX_TEXT = 200
MAX_VALUES = 50
MODALITIES = ("asserted", "alleged", "denied", "threatened", "planned", "hypothetical")

_ISO3 = re.compile(r"^[A-Za-z]{3}$")
_CAMEO = re.compile(r"^[0-9]{2,4}$")
_TYPE = re.compile(r"^[A-Za-z_]{2,40}$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

#: query parameters read by ``event_filters`` (each endpoint adds its own, e.g. limit, sort)
FILTER_PARAMS = frozenset({"country", "actor", "source", "target", "type", "cameo", "acled", "since", "until",
                           "bbox", "min_confidence", "modality", "q", "main", "doc"})


@dataclass(slots=True)
class Filters:
    """The filters of one request; empty fields do not filter."""

    country: list[str] = field(default_factory=list)
    actor: str | None = None
    source: str | None = None
    target: str | None = None
    plover_type: list[str] = field(default_factory=list)
    cameo: list[str] = field(default_factory=list)
    acled: list[str] = field(default_factory=list)
    since: date | None = None
    until: date | None = None
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north
    min_confidence: float | None = None
    modality: list[str] = field(default_factory=list)
    q: str | None = None
    main: bool | None = None
    doc: str | None = None

    def without_dates(self) -> Filters:
        """The same filters over all dates (the timeline shows every day, the brush selects some)."""
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        return Filters(**{**values, "since": None, "until": None})

    def where(self) -> tuple[str, list[Any]]:
        """A WHERE clause over the ``events`` table (unqualified columns) and its parameters."""
        clauses: list[str] = []
        params: list[Any] = []

        def add(clause: str, *values: Any) -> None:
            clauses.append(clause)
            params.extend(values)

        if self.country:
            add("country IN (SELECT unnest(?::VARCHAR[]))", self.country)
        if self.plover_type:
            add("plover_type IN (SELECT unnest(?::VARCHAR[]))", self.plover_type)
        if self.cameo:
            add("(" + " OR ".join("starts_with(cameo, ?)" for _ in self.cameo) + ")", *self.cameo)
        if self.acled:
            add("(lower(acled_event_type) IN (SELECT unnest(?::VARCHAR[])) "
                "OR lower(acled_sub_event_type) IN (SELECT unnest(?::VARCHAR[])))", self.acled, self.acled)
        if self.modality:
            add("modality IN (SELECT unnest(?::VARCHAR[]))", self.modality)
        for value, columns in ((self.actor, "source_names, target_names, source_codes, target_codes"),
                               (self.source, "source_names, source_codes"),
                               (self.target, "target_names, target_codes")):
            if value:
                add(f"len(list_filter(list_concat({columns}), lambda x: contains(lower(x), ?))) > 0", value.lower())
        if self.since is not None:
            add("coalesce(date_end, date_start) >= ?", self.since)
        if self.until is not None:
            add("coalesce(date_start, date_end) <= ?", self.until)
        if self.bbox is not None:
            west, south, east, north = self.bbox
            if west <= east:
                add("lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?", south, north, west, east)
            else:  # the box crosses the antimeridian
                add("lat BETWEEN ? AND ? AND (lon >= ? OR lon <= ?)", south, north, west, east)
        if self.min_confidence is not None:
            add("confidence >= ?", self.min_confidence)
        if self.main is not None:
            add("main = ?", self.main)
        if self.doc:
            add("(doc_sha256 = ? OR doc_id = ?)", self.doc, self.doc)
        if self.q:
            add("event_id IN (SELECT event_id FROM evidence WHERE text ILIKE ? ESCAPE '\\')", like_pattern(self.q))
        return ("WHERE " + " AND ".join(clauses)) if clauses else "", params


def like_pattern(text: str) -> str:
    """An ILIKE pattern matching ``text`` literally anywhere (``%``, ``_`` and ``\\`` escaped)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def check_params(request: Request, allowed: frozenset[str]) -> None:
    """Reject query parameters the endpoint does not know (a typo would otherwise silently not filter)."""
    unknown = sorted(set(request.query_params) - allowed)
    if unknown:
        raise ApiError(400, f"unknown query parameter(s): {', '.join(unknown)}; this endpoint accepts: "
                            f"{', '.join(sorted(allowed))}")


def split_values(values: list[str] | None, name: str) -> list[str]:
    """Repeated and comma-separated values (``country=IRQ,IRN&country=SYR``), blanks dropped."""
    out: list[str] = []
    for v in values or []:
        out.extend(p.strip() for p in v.split(",") if p.strip())
    if len(out) > MAX_VALUES:
        raise ApiError(400, f"{name}: at most {MAX_VALUES} values, got {len(out)}")
    return out


def parse_date(value: str | None, name: str) -> date | None:
    if value is None or value == "":
        return None
    try:
        if not _ISO_DATE.match(value):
            raise ValueError
        return date.fromisoformat(value)
    except ValueError:
        raise ApiError(400, f"{name}={value!r} is not a date; give it as YYYY-MM-DD (e.g. 2020-01-03)") from None


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if value is None or value == "":
        return None
    hint = "give bbox as west,south,east,north in degrees (e.g. bbox=38.8,29.0,48.6,37.4)"
    try:
        parts = [float(p) for p in value.split(",")]
    except ValueError:
        raise ApiError(400, f"bbox={value!r} is not four numbers; {hint}") from None
    if len(parts) != 4 or not all(math.isfinite(p) for p in parts):
        raise ApiError(400, f"bbox={value!r} needs four finite numbers; {hint}")
    west, south, east, north = parts
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= 90 and -90 <= north <= 90):
        raise ApiError(400, f"bbox={value!r} is out of range (longitudes -180..180, latitudes -90..90); {hint}")
    if south > north:
        raise ApiError(400, f"bbox={value!r}: south ({south}) is above north ({north}); {hint}")
    return west, south, east, north


def _text(value: str | None, name: str) -> str | None:
    if value is None or not value.strip():
        return None
    if len(value) > MAX_TEXT:
        raise ApiError(400, f"{name}: at most {MAX_TEXT} characters, got {len(value)}")
    if "\x00" in value:
        raise ApiError(400, f"{name}: NUL characters are not allowed")
    return value.strip()


def _checked(values: list[str], pattern: re.Pattern[str], name: str, what: str) -> list[str]:
    for v in values:
        if not pattern.match(v):
            raise ApiError(400, f"{name}={v!r} is not {what}")
    return values


def event_filters(
    country: Annotated[list[str] | None, Query(description="ISO3 country of the event location; repeat or "
                                               "comma-separate for several (IRQ,IRN)")] = None,
    actor: Annotated[str | None, Query(description="text in a source or target actor name or code")] = None,
    source: Annotated[str | None, Query(description="text in a source actor name or code")] = None,
    target: Annotated[str | None, Query(description="text in a target actor name or code")] = None,
    type: Annotated[list[str] | None, Query(description="PLOVER event type (ASSAULT, PROTEST, ...)")] = None,
    cameo: Annotated[list[str] | None, Query(description="CAMEO code or code prefix (19, 195, 1823)")] = None,
    acled: Annotated[list[str] | None, Query(description="ACLED event type or sub-event type "
                                             "(Battles, Air/drone strike)")] = None,
    since: Annotated[str | None, Query(description="events on or after this date (YYYY-MM-DD)")] = None,
    until: Annotated[str | None, Query(description="events on or before this date (YYYY-MM-DD)")] = None,
    bbox: Annotated[str | None, Query(description="west,south,east,north in degrees")] = None,
    min_confidence: Annotated[float | None, Query(ge=0, le=1, description="lowest confidence (0..1)")] = None,
    modality: Annotated[list[str] | None, Query(description="asserted, alleged, denied, threatened, "
                                                "planned, hypothetical")] = None,
    q: Annotated[str | None, Query(description="text in an evidence sentence (case-insensitive, literal)")] = None,
    main: Annotated[bool | None, Query(description="only the main event of each report (true) or the "
                                       "others (false)")] = None,
    doc: Annotated[str | None, Query(description="events of one document (its id or sha256)")] = None,
) -> Filters:
    """FastAPI dependency: the event filters of a request, checked."""
    countries = [c.upper() for c in _checked(split_values(country, "country"), _ISO3, "country",
                                             "an ISO 3166-1 alpha-3 code such as IRQ")]
    types = [t.upper() for t in _checked(split_values(type, "type"), _TYPE, "type",
                                         "a PLOVER type such as ASSAULT or PROTEST")]
    cameos = _checked(split_values(cameo, "cameo"), _CAMEO, "cameo", "a CAMEO code of 2 to 4 digits")
    acleds = [a.lower() for a in split_values(acled, "acled")]
    for a in acleds:
        _text(a, "acled")
    modalities = [m.lower() for m in split_values(modality, "modality")]
    for m in modalities:
        if m not in MODALITIES:
            raise ApiError(400, f"modality={m!r} is not one of {', '.join(MODALITIES)}")
    if min_confidence is not None and not math.isfinite(min_confidence):
        raise ApiError(400, "min_confidence must be a number between 0 and 1")
    start, end = parse_date(since, "since"), parse_date(until, "until")
    if start and end and start > end:
        raise ApiError(400, f"since ({start}) is after until ({end}); swap them")
    return Filters(
        country=countries, actor=_text(actor, "actor"), source=_text(source, "source"),
        target=_text(target, "target"), plover_type=types, cameo=cameos, acled=acleds, since=start, until=end,
        bbox=parse_bbox(bbox), min_confidence=min_confidence, modality=modalities, q=_text(q, "q"), main=main,
        doc=_text(doc, "doc"),
    )
