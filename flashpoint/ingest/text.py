"""Plain-text files (.txt, .text, .md): one file is one document, its text kept verbatim."""

from __future__ import annotations

from pathlib import Path

from flashpoint.ingest.common import Rejected, binary_reason, decode, fallback_date, reject
from flashpoint.records import Document

READ_HINT = "check that the path exists and is readable; file skipped"


def read_bytes(path: str | Path) -> bytes | Rejected:
    """The file's bytes, or a rejection naming the OS error."""
    try:
        return Path(path).read_bytes()
    except IsADirectoryError:
        return reject(str(path), "is a directory", "pass the directory itself to read the files in it; skipped")
    except OSError as e:
        return reject(str(path), f"cannot read file ({e.strerror or e})", READ_HINT)


def read_text(path: str | Path, *, published: str | None = None, doc_id: str | None = None) -> Document | Rejected:
    """Read one plain-text file; ``doc_id`` defaults to the file stem, ``published`` is the document date."""
    name = str(path)
    published = fallback_date(published)
    data = read_bytes(path)
    if isinstance(data, Rejected):
        return data
    why = binary_reason(data)
    if why:
        return reject(name, why, "not a text file; only text, HTML and JSON Lines files are read; file skipped")
    text = decode(data, name)
    if isinstance(text, Rejected):
        return text
    if not text.strip():
        return reject(name, "empty text", "the file holds no text to extract events from; file skipped")
    return Document(id=doc_id or Path(path).stem, text=text, published=published, origin=name)
