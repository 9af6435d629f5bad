"""POST /documents: documents in (JSON per the input contract, or uploaded files), events stored.

The pipeline is loaded once per process, on the first request that needs it, and documents are processed
one request at a time (a lock), since the store has one writer. Input goes through the same checks as
``flashpoint ingest``: a bad record is reported and skipped, the others are stored.
"""

from __future__ import annotations

import json
import re
import tempfile
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from flashpoint.api.errors import ApiError
from flashpoint.errors import InputError
from flashpoint.records import Document

if TYPE_CHECKING:
    from flashpoint.pipeline import Pipeline
    from flashpoint.store import Store

MAX_DOCUMENTS = 100
UPLOAD_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm", ".jsonl", ".ndjson", ".json")
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def _reject_dict(err: InputError, shown_path: str | None = None) -> dict[str, Any]:
    d = err.to_dict()
    if shown_path is not None:
        d["path"] = shown_path
    return d


def documents_from_json(body: bytes, published: str | None) -> tuple[list[Document], list[dict[str, Any]]]:
    """Documents from a JSON body: one object, an array of objects, or ``{"documents": [...]}``."""
    from flashpoint.ingest.common import Rejected, fallback_date
    from flashpoint.ingest.jsonl import record_to_document

    try:
        fallback = fallback_date(published)
    except ValueError as e:
        raise ApiError(400, str(e)) from None
    try:
        data = json.loads(body)
    except UnicodeDecodeError:
        raise ApiError(400, "the request body is not UTF-8 text; send JSON encoded as UTF-8") from None
    except json.JSONDecodeError as e:
        raise ApiError(400, f"the request body is not valid JSON ({e.msg} at line {e.lineno}, column {e.colno}); "
                            'send {"id": ..., "text": ...} or a list of such objects') from None
    except (ValueError, RecursionError):
        raise ApiError(400, "the request body is not valid JSON") from None
    if isinstance(data, dict) and "text" not in data and isinstance(data.get("documents"), list):
        data = data["documents"]
    items = data if isinstance(data, list) else [data]
    if not items:
        raise ApiError(400, "no documents in the request; send at least one {\"id\": ..., \"text\": ...}")
    if len(items) > MAX_DOCUMENTS:
        raise ApiError(413, f"{len(items)} documents in one request; send at most {MAX_DOCUMENTS} at a time")
    docs, rejected = [], []
    for i, obj in enumerate(items, start=1):
        item = record_to_document(obj, "request", i if isinstance(data, list) else None, stem="request",
                                  fallback=fallback)
        if isinstance(item, Rejected):
            rejected.append(_reject_dict(item.error))
        else:
            docs.append(item)
    return docs, rejected


def documents_from_files(files: list[tuple[str, bytes]], published: str | None
                         ) -> tuple[list[Document], list[dict[str, Any]]]:
    """Documents from uploaded files (``.txt``, ``.html``, ``.jsonl`` ...), read as ``flashpoint ingest`` would."""
    from flashpoint.ingest import Rejected, read_documents

    if not files:
        raise ApiError(400, 'no file in the upload; send the document as a multipart field named "file"')
    docs: list[Document] = []
    rejected: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="flashpoint-upload-") as tmp:
        for i, (filename, data) in enumerate(files, start=1):
            shown = filename or f"upload-{i}"
            name = _UNSAFE.sub("_", Path(shown).name).lstrip(".") or f"upload-{i}"
            if not name.lower().endswith(UPLOAD_SUFFIXES):
                raise ApiError(415, f"{shown}: unsupported file type; upload {', '.join(UPLOAD_SUFFIXES)} files")
            folder = Path(tmp) / str(i)
            folder.mkdir()
            path = folder / name
            path.write_bytes(data)
            try:
                items = list(read_documents([path], published=published))
            except ValueError as e:  # a --published value that is not a date
                raise ApiError(400, str(e)) from None
            for item in items:
                if isinstance(item, Rejected):
                    rejected.append(_reject_dict(item.error, shown))
                else:
                    item.origin = shown
                    docs.append(item)
    if len(docs) > MAX_DOCUMENTS:
        raise ApiError(413, f"{len(docs)} documents in one request; send at most {MAX_DOCUMENTS} at a time")
    return docs, rejected


class Ingestor:
    """Runs the pipeline on posted documents and stores the results (one request at a time)."""

    def __init__(self, store: Store, pipeline: Pipeline | None = None) -> None:
        self.store = store
        self._pipeline = pipeline
        self._lock = threading.Lock()

    def pipeline(self) -> Pipeline:
        if self._pipeline is None:
            from flashpoint.pipeline import Pipeline

            self._pipeline = Pipeline.load()
        return self._pipeline

    def ingest(self, docs: list[Document], rejected: list[dict[str, Any]]) -> dict[str, Any]:
        """Extract and store ``docs``; documents already stored (same text) are reported, not processed again."""
        with self._lock:
            known = self.store.known_hashes(d.sha256 for d in docs)
            todo: dict[str, Document] = {}
            for d in docs:
                if d.sha256 not in known:
                    todo.setdefault(d.sha256, d)
            events_of: dict[str, list[str]] = {}
            if todo:
                results = list(self.pipeline().run(list(todo.values())))
                all_events = [ev for r in results for ev in r.events]
                self.store.add_batch([r.document for r in results], all_events)
                for r in results:
                    events_of[r.document.sha256] = [ev.event_id for ev in r.events]
            cur = self.store._conn().cursor()  # noqa: SLF001 - the API shares the store's connection
            try:
                for sha in known & {d.sha256 for d in docs}:
                    rows = cur.execute("SELECT event_id FROM events WHERE doc_sha256 = ? ORDER BY event_id",
                                       [sha]).fetchall()
                    events_of[sha] = [r[0] for r in rows]
            finally:
                cur.close()
        out = [{"id": d.id, "sha256": d.sha256, "status": "already_stored" if d.sha256 in known else "stored",
                "event_ids": events_of.get(d.sha256, [])} for d in docs]
        return {"ok": True, "stored": len(todo), "events": sum(len(events_of.get(s, [])) for s in todo),
                "documents": out, "rejected": rejected}
