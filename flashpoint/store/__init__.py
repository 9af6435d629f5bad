"""The event store: one DuckDB file holding documents, events, evidence, links and rejected input.

Writes are idempotent: documents are keyed by the SHA-256 of their text and events by ``event_id``, each
``add_batch`` is one transaction, and rows already present are skipped, so a run that crashed half-way can
simply be run again. DuckDB allows one writing process per file (no other process can even read it
meanwhile), so an ingest job and a server must share a process or take turns.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Literal, Self

import duckdb
import pyarrow as pa

from flashpoint.errors import InputError, StoreError
from flashpoint.records import Document, Event
from flashpoint.store.schema import (
    DOCUMENT_SCHEMA,
    EVENT_SCHEMA,
    EVIDENCE_SCHEMA,
    LINK_SCHEMA,
    REJECT_SCHEMA,
    SCHEMA_SQL,
    SCHEMA_VERSION,
    flatten,
    iso_date,
)

__all__ = ["Store", "StoreError"]

ExportFormat = Literal["jsonl", "csv", "parquet", "geojson"]


class Store:
    """A flashpoint event store backed by one DuckDB file (use ``Store.open``)."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str, read_only: bool) -> None:
        self._con: duckdb.DuckDBPyConnection | None = con
        self.path = path
        self.read_only = read_only

    # -- lifecycle -------------------------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, *, read_only: bool = False) -> Store:
        """Open (and, unless ``read_only``, create) the store at ``path``; ``":memory:"`` for a scratch store."""
        name = str(path)
        if name != ":memory:":
            p = Path(path)
            if read_only and not p.exists():
                raise StoreError(f"{name}: no such store — run an ingest first or check the --db path")
            if not read_only:
                p.parent.mkdir(parents=True, exist_ok=True)
        try:
            con = duckdb.connect(name, read_only=read_only)
        except duckdb.Error as e:
            raise StoreError(_open_failure(name, e)) from e
        store = cls(con, name, read_only)
        try:
            store._init_schema()
        except duckdb.Error as e:
            con.close()
            raise StoreError(f"{name}: cannot set up the store schema: {e}") from e
        except BaseException:
            con.close()
            raise
        return store

    def _init_schema(self) -> None:
        con = self._conn()
        have_meta = con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'"
        ).fetchall()[0][0]
        if self.read_only:
            if not have_meta:
                raise StoreError(f"{self.path}: not a flashpoint store (no meta table)")
        else:
            con.execute(SCHEMA_SQL)
            con.execute("INSERT INTO meta VALUES ('schema_version', ?) ON CONFLICT DO NOTHING", [SCHEMA_VERSION])
        version = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
        if not version or version[0][0] != SCHEMA_VERSION:
            found = version[0][0] if version else "none"
            raise StoreError(f"{self.path}: store schema version {found}, this flashpoint expects {SCHEMA_VERSION}")

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _conn(self) -> duckdb.DuckDBPyConnection:
        if self._con is None:
            raise StoreError(f"{self.path}: the store is closed")
        return self._con

    def _writable(self) -> duckdb.DuckDBPyConnection:
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only; open it without read_only to write")
        return self._conn()

    # -- writes ----------------------------------------------------------------------------------------------

    def has_document(self, sha256: str) -> bool:
        return bool(self._conn().execute("SELECT count(*) FROM documents WHERE sha256 = ?", [sha256]).fetchall()[0][0])

    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        """The subset of ``hashes`` already stored (use it to skip documents before parsing them)."""
        wanted = sorted(set(hashes))
        if not wanted:
            return set()
        rows = self._conn().execute(
            "SELECT sha256 FROM documents WHERE sha256 IN (SELECT unnest(?::VARCHAR[]))", [wanted]
        ).fetchall()
        return {r[0] for r in rows}

    def add_batch(self, docs: Sequence[Document], events: Sequence[Event]) -> None:
        """Store documents and their events in one transaction; anything already stored is skipped.

        An event belonging to a document of this batch that was already stored before is skipped with it
        (re-adding a document is a no-op), as is any event whose ``event_id`` exists.
        """
        con = self._writable()
        now = datetime.now(UTC).replace(tzinfo=None)
        batch_docs: dict[str, Document] = {}
        for d in docs:
            batch_docs.setdefault(d.sha256, d)
        try:
            con.begin()
            try:
                known = self.known_hashes(batch_docs)
                new_docs = [d for sha, d in batch_docs.items() if sha not in known]
                records = self._new_event_records(batch_docs, known, events)
                self._insert("documents", DOCUMENT_SCHEMA, [_document_row(d, now) for d in new_docs])
                self._insert("events", EVENT_SCHEMA, [
                    {**flatten(rec, sha), "record": json.dumps(rec, ensure_ascii=False)} for rec, sha in records
                ])
                self._insert("evidence", EVIDENCE_SCHEMA, [row for rec, _ in records for row in _evidence_rows(rec)])
                self._insert("links", LINK_SCHEMA, [row for rec, _ in records for row in _link_rows(rec)])
                con.commit()
            except BaseException:
                con.rollback()
                raise
        except (duckdb.Error, pa.ArrowException, TypeError, ValueError) as e:
            raise StoreError(f"{self.path}: could not store a batch of {len(docs)} documents and {len(events)} "
                             f"events, nothing of it was written: {e}") from e

    def _new_event_records(
        self, batch_docs: dict[str, Document], known: set[str], events: Sequence[Event]
    ) -> list[tuple[dict[str, Any], str | None]]:
        by_id: dict[str, list[str]] = {}
        for sha, d in batch_docs.items():
            by_id.setdefault(d.id, []).append(sha)
        records: dict[str, tuple[dict[str, Any], str | None]] = {}
        for ev in events:
            if ev.event_id in records:
                continue
            sha = _doc_sha(ev, by_id.get(ev.doc_id, []))
            if sha in known:
                continue
            records[ev.event_id] = (ev.to_dict(), sha)
        if not records:
            return []
        stored = self._conn().execute(
            "SELECT event_id FROM events WHERE event_id IN (SELECT unnest(?::VARCHAR[]))", [list(records)]
        ).fetchall()
        for (event_id,) in stored:
            del records[event_id]
        return list(records.values())

    def _insert(self, table: str, schema: pa.Schema, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        data = pa.Table.from_pylist(rows, schema=schema)
        con = self._conn()
        view = f"_flashpoint_new_{table}"
        con.register(view, data)
        try:
            con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM {view} ON CONFLICT DO NOTHING")
        finally:
            con.unregister(view)

    def add_rejects(self, rejects: Iterable[InputError]) -> None:
        """Log rejected input; the same (path, line, reason) is logged once however often it is re-read."""
        con = self._writable()
        now = datetime.now(UTC).replace(tzinfo=None)
        rows, seen = [], set()
        for r in rejects:
            err = getattr(r, "error", r)  # a Rejected from ingest is accepted too
            key = (err.path, err.line, err.reason)
            if key not in seen:
                seen.add(key)
                rows.append({"path": err.path, "line": err.line, "byte_offset": err.offset, "reason": err.reason,
                             "hint": err.hint, "at": now})
        if not rows:
            return
        data = pa.Table.from_pylist(rows, schema=REJECT_SCHEMA)
        try:
            con.begin()
            try:
                con.register("_flashpoint_new_rejects", data)
                con.execute(
                    """INSERT INTO rejects BY NAME SELECT n.* FROM _flashpoint_new_rejects n
                       WHERE NOT EXISTS (SELECT 1 FROM rejects r WHERE r.path = n.path
                         AND r.line IS NOT DISTINCT FROM n.line AND r.reason = n.reason)"""
                )
                con.commit()
            except BaseException:
                con.rollback()
                raise
            finally:
                con.unregister("_flashpoint_new_rejects")
        except duckdb.Error as e:
            raise StoreError(f"{self.path}: could not log {len(rows)} rejected inputs: {e}") from e

    # -- reads -----------------------------------------------------------------------------------------------

    def events(
        self,
        *,
        country: str | Sequence[str] | None = None,
        since: str | date | None = None,
        until: str | date | None = None,
        plover_type: str | Sequence[str] | None = None,
        actor: str | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Full event records matching every filter given, by date (undated last) then ``event_id``.

        ``country``: ISO3 code(s) of the location; ``since``/``until``: the event's date range overlaps them;
        ``plover_type``: PLOVER type(s); ``actor``: case-insensitive substring of a source/target name or code.
        """
        where, params = _filters(country, since, until, plover_type, actor)
        sql = f"SELECT record FROM events {where} ORDER BY date_start NULLS LAST, event_id"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        return [json.loads(r[0]) for r in self._conn().execute(sql, params).fetchall()]

    def counts(self) -> dict[str, Any]:
        """Totals and breakdowns: documents, events, rejects, events by PLOVER type and country, top dyads."""
        con = self._conn()

        def scalar(sql: str) -> int:
            return int(con.execute(sql).fetchall()[0][0])

        def breakdown(column: str) -> dict[str, int]:
            rows = con.execute(
                f"SELECT coalesce({column}, 'unknown') k, count(*) n FROM events GROUP BY k ORDER BY n DESC, k"
            ).fetchall()
            return {k: int(n) for k, n in rows}

        dyads = con.execute(
            """SELECT s, t, count(*) n FROM (
                   SELECT coalesce(source_codes[1], source_names[1]) s, coalesce(target_codes[1], target_names[1]) t
                   FROM events) WHERE s IS NOT NULL AND t IS NOT NULL
               GROUP BY s, t ORDER BY n DESC, s, t LIMIT 10"""
        ).fetchall()
        return {
            "documents": scalar("SELECT count(*) FROM documents"),
            "events": scalar("SELECT count(*) FROM events"),
            "rejects": scalar("SELECT count(*) FROM rejects"),
            "events_by_plover_type": breakdown("plover_type"),
            "events_by_country": breakdown("country"),
            "top_dyads": [{"source": s, "target": t, "events": int(n)} for s, t, n in dyads],
        }

    def export(self, fmt: ExportFormat, out: str | Path, **filters: Any) -> int:
        """Write the events matching ``filters`` (as for ``events``) to ``out``; returns the rows written.

        ``jsonl``: full records; ``csv``/``parquet``: the flattened columns (lists joined by "; " in CSV);
        ``geojson``: a FeatureCollection of points (events without coordinates are skipped and counted).
        """
        from flashpoint.store.export import export_events

        limit = filters.pop("limit", None)
        unknown = set(filters) - {"country", "since", "until", "plover_type", "actor"}
        if unknown:
            raise TypeError(f"unknown export filter(s): {', '.join(sorted(unknown))}")
        where, params = _filters(**filters)
        return export_events(self._conn(), fmt, Path(out), where, params, limit)


# -- helpers ---------------------------------------------------------------------------------------------------


def _open_failure(name: str, e: Exception) -> str:
    msg = str(e)
    if "lock" in msg.lower():
        return (f"{name}: the store is in use by another process (DuckDB allows one writer per file, and no "
                f"reader meanwhile) — wait for it to finish or use another store file. ({msg})")
    return f"{name}: cannot open the store: {msg}"


def _doc_sha(ev: Event, candidates: list[str]) -> str | None:
    """The batch document an event belongs to; event ids embed a prefix of the document hash."""
    if len(candidates) == 1:
        return candidates[0]
    for sha in candidates:
        if sha[:12] in ev.event_id:
            return sha
    return candidates[0] if candidates else None


def _document_row(d: Document, now: datetime) -> dict[str, Any]:
    return {"sha256": d.sha256, "id": d.id, "title": d.title, "published": iso_date(d.published),
            "source": d.source, "url": d.url, "origin": d.origin, "text": d.text, "ingested_at": now}


def _evidence_rows(rec: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for i, ev in enumerate(rec.get("evidence") or []):
        trig = ev.get("trigger") or {}
        rows.append({"event_id": rec["event_id"], "seq": i, "doc_id": ev.get("doc_id"), "start": ev.get("start"),
                     "end": ev.get("end"), "text": ev.get("text"), "trigger_text": trig.get("text"),
                     "trigger_start": trig.get("start"), "trigger_end": trig.get("end")})
    return rows


def _link_rows(rec: dict[str, Any]) -> list[dict[str, Any]]:
    seen: set[tuple[str, str]] = set()
    rows = []
    for link in rec.get("links") or []:
        key = (link["relation"], link["event_id"])
        if key not in seen:
            seen.add(key)
            rows.append({"event_id": rec["event_id"], "relation": key[0], "other_event_id": key[1]})
    return rows


def _as_list(value: str | Sequence[str] | None) -> list[str] | None:
    if value is None:
        return None
    values = [value] if isinstance(value, str) else list(value)
    return [v.upper() for v in values]


def _as_date(value: str | date | None, name: str) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{name}={value!r} is not a date; give it as YYYY-MM-DD") from None


def _filters(
    country: str | Sequence[str] | None = None,
    since: str | date | None = None,
    until: str | date | None = None,
    plover_type: str | Sequence[str] | None = None,
    actor: str | None = None,
) -> tuple[str, list[Any]]:
    """A WHERE clause with ``?`` placeholders and its parameters (values never enter the SQL text)."""
    clauses: list[str] = []
    params: list[Any] = []
    countries = _as_list(country)
    if countries:
        clauses.append("country IN (SELECT unnest(?::VARCHAR[]))")
        params.append(countries)
    types = _as_list(plover_type)
    if types:
        clauses.append("plover_type IN (SELECT unnest(?::VARCHAR[]))")
        params.append(types)
    start = _as_date(since, "since")
    if start is not None:
        clauses.append("coalesce(date_end, date_start) >= ?")
        params.append(start)
    end = _as_date(until, "until")
    if end is not None:
        clauses.append("coalesce(date_start, date_end) <= ?")
        params.append(end)
    if actor:
        clauses.append(
            "len(list_filter(list_concat(source_names, target_names, source_codes, target_codes), "
            "lambda x: contains(lower(x), ?))) > 0"
        )
        params.append(actor.lower())
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", params
