"""The DuckDB schema of the event store and the flattening of an event record into its columns.

``events`` holds one row per event with the fields people filter on as plain columns, plus ``record``:
the complete ``Event.to_dict()`` as JSON, which is what queries return. Evidence and links are also split
out into their own tables so they can be joined in SQL.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pyarrow as pa

SCHEMA_VERSION = "1"

SCHEMA_SQL = """
CREATE TABLE IF NOT EXISTS meta (
    key VARCHAR PRIMARY KEY,
    value VARCHAR
);
CREATE TABLE IF NOT EXISTS documents (
    sha256 VARCHAR PRIMARY KEY,
    id VARCHAR NOT NULL,
    title VARCHAR,
    published DATE,
    source VARCHAR,
    url VARCHAR,
    origin VARCHAR,
    text VARCHAR NOT NULL,
    ingested_at TIMESTAMP NOT NULL
);
CREATE TABLE IF NOT EXISTS events (
    event_id VARCHAR PRIMARY KEY,
    doc_sha256 VARCHAR,
    doc_id VARCHAR NOT NULL,
    cameo VARCHAR,
    cameo_name VARCHAR,
    plover_type VARCHAR,
    plover_mode VARCHAR,
    acled_event_type VARCHAR,
    acled_sub_event_type VARCHAR,
    goldstein DOUBLE,
    date_start DATE,
    date_end DATE,
    date_precision VARCHAR,
    location_name VARCHAR,
    country VARCHAR,
    admin1 VARCHAR,
    geonameid BIGINT,
    lat DOUBLE,
    lon DOUBLE,
    location_precision VARCHAR,
    fatalities INTEGER,
    fatalities_qualifier VARCHAR,
    injured INTEGER,
    modality VARCHAR,
    attribution VARCHAR,
    confidence DOUBLE,
    main BOOLEAN,
    source_names VARCHAR[],
    target_names VARCHAR[],
    source_countries VARCHAR[],
    target_countries VARCHAR[],
    source_codes VARCHAR[],
    target_codes VARCHAR[],
    record JSON NOT NULL
);
CREATE TABLE IF NOT EXISTS evidence (
    event_id VARCHAR NOT NULL,
    seq INTEGER NOT NULL,
    doc_id VARCHAR NOT NULL,
    "start" INTEGER,
    "end" INTEGER,
    text VARCHAR,
    trigger_text VARCHAR,
    trigger_start INTEGER,
    trigger_end INTEGER,
    PRIMARY KEY (event_id, seq)
);
CREATE TABLE IF NOT EXISTS links (
    event_id VARCHAR NOT NULL,
    relation VARCHAR NOT NULL,
    other_event_id VARCHAR NOT NULL,
    PRIMARY KEY (event_id, relation, other_event_id)
);
CREATE TABLE IF NOT EXISTS rejects (
    path VARCHAR NOT NULL,
    line INTEGER,
    byte_offset BIGINT,
    reason VARCHAR NOT NULL,
    hint VARCHAR,
    "at" TIMESTAMP NOT NULL
);
"""

_STR = pa.string()
_STRS = pa.list_(pa.string())

DOCUMENT_SCHEMA = pa.schema([
    ("sha256", _STR), ("id", _STR), ("title", _STR), ("published", pa.date32()), ("source", _STR),
    ("url", _STR), ("origin", _STR), ("text", _STR), ("ingested_at", pa.timestamp("us")),
])

EVENT_SCHEMA = pa.schema([
    ("event_id", _STR), ("doc_sha256", _STR), ("doc_id", _STR), ("cameo", _STR), ("cameo_name", _STR),
    ("plover_type", _STR), ("plover_mode", _STR), ("acled_event_type", _STR), ("acled_sub_event_type", _STR),
    ("goldstein", pa.float64()), ("date_start", pa.date32()), ("date_end", pa.date32()), ("date_precision", _STR),
    ("location_name", _STR), ("country", _STR), ("admin1", _STR), ("geonameid", pa.int64()), ("lat", pa.float64()),
    ("lon", pa.float64()), ("location_precision", _STR), ("fatalities", pa.int32()),
    ("fatalities_qualifier", _STR), ("injured", pa.int32()), ("modality", _STR), ("attribution", _STR),
    ("confidence", pa.float64()), ("main", pa.bool_()), ("source_names", _STRS), ("target_names", _STRS),
    ("source_countries", _STRS), ("target_countries", _STRS), ("source_codes", _STRS), ("target_codes", _STRS),
    ("record", _STR),
])

EVIDENCE_SCHEMA = pa.schema([
    ("event_id", _STR), ("seq", pa.int32()), ("doc_id", _STR), ("start", pa.int32()), ("end", pa.int32()),
    ("text", _STR), ("trigger_text", _STR), ("trigger_start", pa.int32()), ("trigger_end", pa.int32()),
])

LINK_SCHEMA = pa.schema([("event_id", _STR), ("relation", _STR), ("other_event_id", _STR)])

REJECT_SCHEMA = pa.schema([
    ("path", _STR), ("line", pa.int32()), ("byte_offset", pa.int64()), ("reason", _STR), ("hint", _STR),
    ("at", pa.timestamp("us")),
])

#: the flattened event columns (everything but ``record``), in table order: what csv/parquet/geojson export
FLAT_COLUMNS = [f.name for f in EVENT_SCHEMA if f.name != "record"]
LIST_COLUMNS = [f.name for f in EVENT_SCHEMA if f.type == _STRS]


def iso_date(value: Any) -> date | None:
    """A ``date`` for a full ISO date string; None for partial or unreadable dates (the record keeps them)."""
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def flatten(record: dict[str, Any], doc_sha256: str | None) -> dict[str, Any]:
    """The column values of one event record (``Event.to_dict()``), without ``record`` itself."""
    plover = record.get("plover") or {}
    acled = record.get("acled") or {}
    when = record.get("date") or {}
    loc = record.get("location") or {}
    fat = record.get("fatalities") or {}
    inj = record.get("injured") or {}
    src = record.get("source") or []
    tgt = record.get("target") or []
    return {
        "event_id": record["event_id"],
        "doc_sha256": doc_sha256,
        "doc_id": record["doc_id"],
        "cameo": record.get("cameo"),
        "cameo_name": record.get("cameo_name"),
        "plover_type": plover.get("type"),
        "plover_mode": plover.get("mode"),
        "acled_event_type": acled.get("event_type"),
        "acled_sub_event_type": acled.get("sub_event_type"),
        "goldstein": record.get("goldstein"),
        "date_start": iso_date(when.get("start")),
        "date_end": iso_date(when.get("end")),
        "date_precision": when.get("precision"),
        "location_name": loc.get("name"),
        "country": loc.get("country"),
        "admin1": loc.get("admin1"),
        "geonameid": loc.get("geonameid"),
        "lat": loc.get("lat"),
        "lon": loc.get("lon"),
        "location_precision": loc.get("precision") if loc else None,
        "fatalities": fat.get("count"),
        "fatalities_qualifier": fat.get("qualifier"),
        "injured": inj.get("count"),
        "modality": record.get("modality"),
        "attribution": record.get("attribution"),
        "confidence": record.get("confidence"),
        "main": bool(record.get("main")),
        "source_names": [a.get("name") for a in src],
        "target_names": [a.get("name") for a in tgt],
        "source_countries": [a.get("country") for a in src],
        "target_countries": [a.get("country") for a in tgt],
        "source_codes": [a.get("code") for a in src],
        "target_codes": [a.get("code") for a in tgt],
    }
