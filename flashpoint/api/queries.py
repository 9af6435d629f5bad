"""Read queries of the API over one DuckDB connection (a cursor per request); every one parameterised.

Functions return plain dicts ready for JSON (dates as ISO strings); event lists come back as the stored
``record`` JSON text so a page of events is served without decoding and re-encoding every record.
"""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

import duckdb

from flashpoint.api.errors import ApiError
from flashpoint.api.filters import Filters

#: ``sort`` values of GET /events -> ORDER BY (ties broken by event_id so pages are stable)
SORTS = {
    "date": "date_start ASC NULLS LAST, event_id",
    "-date": "date_start DESC NULLS LAST, event_id",
    "confidence": "confidence ASC NULLS LAST, event_id",
    "-confidence": "confidence DESC NULLS LAST, event_id",
    "fatalities": "fatalities ASC NULLS LAST, event_id",
    "-fatalities": "fatalities DESC NULLS LAST, event_id",
    "goldstein": "goldstein ASC NULLS LAST, event_id",
    "-goldstein": "goldstein DESC NULLS LAST, event_id",
    "country": "country ASC NULLS LAST, date_start NULLS LAST, event_id",
    "-country": "country DESC NULLS LAST, date_start NULLS LAST, event_id",
    "type": "plover_type ASC NULLS LAST, date_start NULLS LAST, event_id",
    "-type": "plover_type DESC NULLS LAST, date_start NULLS LAST, event_id",
}

_SHA256 = re.compile(r"^[0-9a-f]{64}$")

SUMMARY_COLUMNS = ("event_id", "date_start", "plover_type", "cameo", "cameo_name", "acled_sub_event_type",
                   "location_name", "country", "source_names", "target_names", "fatalities", "modality",
                   "confidence")


def _json_value(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _rows(cur: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    result = cur.execute(sql, params)
    names = [d[0] for d in result.description]
    return [{n: _json_value(v) for n, v in zip(names, row, strict=True)} for row in result.fetchall()]


def count_events(cur: duckdb.DuckDBPyConnection, filters: Filters) -> int:
    where, params = filters.where()
    return int(cur.execute(f"SELECT count(*) FROM events {where}", params).fetchall()[0][0])


def event_page(cur: duckdb.DuckDBPyConnection, filters: Filters, *, limit: int, offset: int,
               sort: str) -> tuple[int, list[str]]:
    """The number of matching events and the stored records (JSON text) of one page of them.

    Two steps: ids and the total in one scan of the light columns, then the records of those ids only (the
    ``record`` column is large: sorting it along with the ids would carry it through the sort).
    """
    where, params = filters.where()
    rows = cur.execute(f"SELECT event_id, count(*) OVER () FROM events {where} ORDER BY {SORTS[sort]} "
                       "LIMIT ? OFFSET ?", params + [limit, offset]).fetchall()
    if not rows:
        return (count_events(cur, filters) if offset else 0), []
    ids = [r[0] for r in rows]
    found = dict(cur.execute("SELECT event_id, record FROM events WHERE event_id IN (SELECT unnest(?::VARCHAR[]))",
                             [ids]).fetchall())
    return int(rows[0][1]), [found[i] for i in ids]


def summaries(cur: duckdb.DuckDBPyConnection, event_ids: list[str]) -> dict[str, dict[str, Any]]:
    if not event_ids:
        return {}
    cols = ", ".join(SUMMARY_COLUMNS)
    rows = _rows(cur, f"SELECT {cols} FROM events WHERE event_id IN (SELECT unnest(?::VARCHAR[]))", [event_ids])
    return {r["event_id"]: r for r in rows}


def _documents_by_id(cur: duckdb.DuckDBPyConnection, ids: list[str], shas: list[str]) -> list[dict[str, Any]]:
    return _rows(cur, """
        SELECT sha256, id, title, published, source, url, origin, length(text) AS length FROM documents
        WHERE id IN (SELECT unnest(?::VARCHAR[])) OR sha256 IN (SELECT unnest(?::VARCHAR[]))
        ORDER BY ingested_at, sha256""", [ids, shas])


def get_event(cur: duckdb.DuckDBPyConnection, event_id: str) -> dict[str, Any]:
    """An event's record with its evidence (and the document each sentence is in) and its linked events."""
    found = cur.execute("SELECT record, doc_sha256 FROM events WHERE event_id = ?", [event_id]).fetchall()
    if not found:
        raise ApiError(404, f"no event with event_id {event_id!r}; list events with GET /events")
    record = json.loads(found[0][0])
    own_sha = found[0][1]
    evidence = _rows(cur, """
        SELECT seq, doc_id, "start", "end", text, trigger_text, trigger_start, trigger_end
        FROM evidence WHERE event_id = ? ORDER BY seq""", [event_id])
    doc_ids = sorted({record.get("doc_id"), *(record.get("sources") or []), *(e["doc_id"] for e in evidence)} - {None})
    docs = _documents_by_id(cur, doc_ids, [own_sha] if own_sha else [])
    sha_for: dict[str, str] = {}
    for d in docs:  # the first stored document with an id, unless the event's own document has that id
        sha_for.setdefault(d["id"], d["sha256"])
    for d in docs:
        if d["sha256"] == own_sha:
            sha_for[d["id"]] = own_sha
    for e in evidence:
        e["doc_sha256"] = sha_for.get(e["doc_id"])
        e["trigger"] = {"text": e.pop("trigger_text"), "start": e.pop("trigger_start"), "end": e.pop("trigger_end")}
    wanted = set(sha_for.values())
    outgoing = _rows(cur, "SELECT relation, other_event_id AS event_id FROM links WHERE event_id = ? "
                          "ORDER BY relation, other_event_id", [event_id])
    incoming = _rows(cur, "SELECT relation, event_id FROM links WHERE other_event_id = ? "
                          "ORDER BY relation, event_id", [event_id])
    known = summaries(cur, [x["event_id"] for x in outgoing + incoming])
    for x in outgoing + incoming:
        x["event"] = known.get(x["event_id"])  # None: the linked event is not in this store
    return {"event": record, "doc_sha256": own_sha, "evidence": evidence,
            "documents": [d for d in docs if d["sha256"] in wanted], "links": {"outgoing": outgoing,
                                                                                 "incoming": incoming}}


def get_document(cur: duckdb.DuckDBPyConnection, key: str) -> dict[str, Any]:
    """A document (by sha256, or by id when that is unique) with the evidence spans that produced events."""
    cols = "sha256, id, title, published, source, url, origin, ingested_at, text"
    if _SHA256.match(key):
        docs = _rows(cur, f"SELECT {cols} FROM documents WHERE sha256 = ?", [key])
    else:
        docs = _rows(cur, f"SELECT {cols} FROM documents WHERE id = ? ORDER BY ingested_at, sha256", [key])
    if not docs:
        raise ApiError(404, f"no document with id or sha256 {key!r}")
    if len(docs) > 1:
        raise ApiError(409, f"{len(docs)} stored documents have the id {key!r} (same id, different text); "
                            "ask for one by its sha256", candidates=[d["sha256"] for d in docs])
    doc = docs[0]
    shared_id = int(cur.execute("SELECT count(*) FROM documents WHERE id = ?", [doc["id"]]).fetchall()[0][0]) > 1
    spans = _rows(cur, """
        SELECT v.event_id, v.seq, v."start", v."end", v.text, v.trigger_text, v.trigger_start, v.trigger_end,
               e.plover_type, e.cameo, e.cameo_name, e.modality, e.attribution, e.doc_sha256
        FROM evidence v JOIN events e USING (event_id)
        WHERE v.doc_id = ? ORDER BY v."start", v.seq, v.event_id""", [doc["id"]])
    text = doc["text"]
    out = []
    for s in spans:
        if shared_id and s["doc_sha256"] != doc["sha256"]:
            continue  # evidence of another document with the same id
        s.pop("doc_sha256")
        s["trigger"] = {"text": s.pop("trigger_text"), "start": s.pop("trigger_start"), "end": s.pop("trigger_end")}
        start, end = s["start"], s["end"]
        s["matches_text"] = start is not None and end is not None and text[start:end] == s["text"]
        out.append(s)
    return {"document": doc, "spans": out}


def dyads(cur: duckdb.DuckDBPyConnection, filters: Filters, *, interval: str, limit: int,
          min_events: int) -> list[dict[str, Any]]:
    """Source -> target pairs per week or overall: events, fatalities, mean Goldstein score.

    An actor is its CAMEO code, or its name when it has none; an event with several sources or targets counts
    once for each pair of them (and once only, however often a code repeats in it).
    """
    where, params = filters.where()
    period = "date_trunc('week', date_start)::DATE" if interval == "week" else "NULL::DATE"
    sql = f"""
        WITH pairs AS (
            SELECT event_id, {period} AS week, fatalities, goldstein,
                   unnest(flatten(list_transform(list_zip(source_codes, source_names), lambda s:
                       list_transform(list_zip(target_codes, target_names), lambda t: [s, t])))) AS st
            FROM events {where}),
        one AS (
            SELECT event_id, week, coalesce(st[1][1], st[1][2]) AS source, coalesce(st[2][1], st[2][2]) AS target,
                   any_value(st[1][2]) AS source_name, any_value(st[2][2]) AS target_name,
                   any_value(fatalities) AS fatalities, any_value(goldstein) AS goldstein
            FROM pairs GROUP BY ALL)
        SELECT week, source, mode(source_name) AS source_name, target, mode(target_name) AS target_name,
               count(*) AS events, coalesce(sum(fatalities), 0) AS fatalities,
               round(avg(goldstein), 3) AS mean_goldstein
        FROM one WHERE source IS NOT NULL AND target IS NOT NULL
        GROUP BY week, source, target HAVING count(*) >= ?
        ORDER BY week NULLS LAST, events DESC, source, target LIMIT ?"""
    rows = _rows(cur, sql, params + [min_events, limit])
    for r in rows:
        r["fatalities"] = int(r["fatalities"])
        if interval != "week":
            r.pop("week")
    return rows


def timeline(cur: duckdb.DuckDBPyConnection, filters: Filters) -> dict[str, Any]:
    """Events per day and PLOVER type (the start day of each dated event), and how many are undated."""
    where, params = filters.where()
    and_or_where = "AND" if where else "WHERE"
    rows = cur.execute(f"""
        SELECT date_start, coalesce(plover_type, 'UNKNOWN') AS type, count(*) AS n FROM events {where}
        {and_or_where} date_start IS NOT NULL GROUP BY ALL ORDER BY date_start, type""", params).fetchall()
    undated = cur.execute(f"SELECT count(*) FROM events {where} {and_or_where} date_start IS NULL",
                          params).fetchall()[0][0]
    return {"days": [{"day": d.isoformat(), "type": t, "events": int(n)} for d, t, n in rows],
            "undated": int(undated)}


def points(cur: duckdb.DuckDBPyConnection, filters: Filters, *, limit: int) -> dict[str, Any]:
    """Compact map points: [event_id, lon, lat, type, fatalities, date] for located events, deadliest first."""
    where, params = filters.where()
    and_or_where = "AND" if where else "WHERE"
    located = f"{where} {and_or_where} lat IS NOT NULL AND lon IS NOT NULL"
    total = int(cur.execute(f"SELECT count(*) FROM events {located}", params).fetchall()[0][0])
    rows = cur.execute(f"""
        SELECT event_id, round(lon, 5), round(lat, 5), coalesce(plover_type, 'UNKNOWN'), fatalities,
               strftime(date_start, '%Y-%m-%d')
        FROM events {located} ORDER BY fatalities DESC NULLS LAST, event_id LIMIT ?""", params + [limit]).fetchall()
    return {"total": total, "columns": ["event_id", "lon", "lat", "type", "fatalities", "date"],
            "rows": [list(r) for r in rows]}


def facets(cur: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """What the store holds: totals, values with counts for the filter menus, the date range."""

    def breakdown(column: str) -> list[dict[str, Any]]:
        rows = cur.execute(f"SELECT {column} AS v, count(*) AS n FROM events WHERE {column} IS NOT NULL "
                           "GROUP BY v ORDER BY n DESC, v").fetchall()
        return [{"value": v, "events": int(n)} for v, n in rows]

    lo, hi = cur.execute("SELECT min(date_start), max(coalesce(date_end, date_start)) FROM events").fetchall()[0]
    return {
        "documents": int(cur.execute("SELECT count(*) FROM documents").fetchall()[0][0]),
        "events": int(cur.execute("SELECT count(*) FROM events").fetchall()[0][0]),
        "dates": {"min": lo.isoformat() if lo else None, "max": hi.isoformat() if hi else None},
        "country": breakdown("country"),
        "type": breakdown("plover_type"),
        "acled": breakdown("acled_event_type"),
        "modality": breakdown("modality"),
    }
