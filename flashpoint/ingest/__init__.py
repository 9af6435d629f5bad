"""Ingest: read files (text, HTML, JSON Lines) into ``Document`` records.

Readers never raise on bad input: each unreadable file, binary file, empty text or malformed line becomes a
``Rejected`` carrying an ``InputError`` that names the place (path, line, byte offset) and what to do, and the
rest of the batch is read. See ``flashpoint.ingest.common`` for the encoding policy (non-UTF-8 text is read
as Windows-1252/Latin-1 with a logged warning, not lost).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from flashpoint.ingest.common import Rejected, binary_reason, fallback_date, reject
from flashpoint.ingest.html import read_html
from flashpoint.ingest.jsonl import read_jsonl
from flashpoint.ingest.text import read_text
from flashpoint.records import Document

__all__ = ["Rejected", "read_documents", "read_html", "read_jsonl", "read_text"]

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson", ".json"})
SKIP_HINT = "only text (.txt, .md), HTML (.html) and JSON Lines (.jsonl, .jsonl.gz) files are read; file skipped"


def read_documents(paths: Iterable[str | Path], *, published: str | None = None) -> Iterator[Document | Rejected]:
    """Read every document from files, directories (recursively, sorted, hidden entries skipped) or ``"-"``.

    ``published`` (YYYY-MM-DD) is the date given to documents that do not carry one.
    """
    published = fallback_date(published)
    if isinstance(paths, str | Path):
        paths = [paths]
    for p in paths:
        if str(p) == "-":
            yield from read_jsonl("-", published=published)
            continue
        path = Path(p)
        if path.is_dir():
            for f in walk(path):
                doc_id = f.relative_to(path).with_suffix("").as_posix()
                yield from read_file(f, published=published, doc_id=doc_id)
        elif path.exists():
            yield from read_file(path, published=published)
        else:
            yield reject(str(path), "no such file or directory", "check the path; skipped")


def walk(root: Path) -> Iterator[Path]:
    """Files under ``root`` sorted by relative path, leaving out hidden files and directories."""
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        found.extend(Path(dirpath) / name for name in filenames if not name.startswith("."))
    yield from sorted(found, key=lambda p: p.relative_to(root).parts)


def read_file(path: Path, *, published: str | None = None, doc_id: str | None = None) -> Iterator[Document | Rejected]:
    """Read one file by its suffix; an unknown suffix is sniffed (binary data is rejected)."""
    kind = sniff(path)
    if isinstance(kind, Rejected):
        yield kind
    elif kind == "jsonl":
        yield from read_jsonl(path, published=published)
    elif kind == "html":
        yield read_html(path, published=published, doc_id=doc_id)
    else:
        yield read_text(path, published=published, doc_id=doc_id)


def sniff(path: Path) -> str | Rejected:
    """``"text"``, ``"html"`` or ``"jsonl"`` for a file, by suffix or else by its first bytes."""
    suffix = path.suffix.lower()
    if suffix == ".gz" and Path(path.stem).suffix.lower() in JSONL_SUFFIXES - {".json"}:
        return "jsonl"  # compressed JSON Lines, read as a stream
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    try:
        with open(path, "rb") as f:
            head = f.read(4096)
    except OSError as e:
        return reject(str(path), f"cannot read file ({e.strerror or e})", "check that it is readable; file skipped")
    why = binary_reason(head)
    if why:
        return reject(str(path), f"binary file: {why}", SKIP_HINT)
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:512].lower()
    if start.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in start or b"<p>" in start:
        return "html"
    if start.startswith(b"{"):
        return "jsonl"
    return "text"
