"""JSON Lines documents: one ``{"id", "text", "title", "published", "source", "url"}`` object per line.

Only ``text`` is required of a line (``id`` is required by the contract; a line without one gets
``<file stem>-<line>`` and a warning rather than losing its text). Extra keys are ignored, ``date`` is an
alias of ``published``. Blank lines are skipped silently; every other line yields a ``Document`` or a
``Rejected`` that names the line and the byte offset of the problem. A ``.json`` file may also hold one
object or an array of objects.
"""

from __future__ import annotations

import gzip
import json
import logging
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from flashpoint.ingest.common import (
    SNIFF_BYTES,
    Rejected,
    decode,
    fallback_date,
    file_format,
    reject,
    resolve_published,
)
from flashpoint.ingest.text import read_bytes
from flashpoint.records import Document

log = logging.getLogger("flashpoint.ingest")

STDIN = "<stdin>"
LINE_HINT = 'each line needs one JSON object {"id": ..., "text": ...}; line skipped'
_JSON_TYPES = {dict: "an object", list: "an array", str: "a string", bool: "a boolean", int: "a number",
               float: "a number", type(None): "null"}


def _json_type(value: Any) -> str:
    return _JSON_TYPES.get(type(value), type(value).__name__)


def read_jsonl(path: str | Path, *, published: str | None = None) -> Iterator[Document | Rejected]:
    """Stream the documents of a JSON Lines file (``"-"`` reads standard input)."""
    fallback = fallback_date(published)
    if str(path) == "-":
        yield from _read_lines(sys.stdin.buffer, STDIN, "stdin", fallback)
        return
    name = str(path)
    if Path(path).suffix.lower() == ".json":
        whole = _read_json_document(path, fallback)
        if whole is not None:
            yield from whole
            return
    gz = name.lower().endswith(".gz")
    stem = Path(Path(path).stem).stem if gz else Path(path).stem
    try:
        f = gzip.open(path, "rb") if gz else open(path, "rb")  # noqa: SIM115 - closed below
        head = f.read(SNIFF_BYTES)
        f.seek(0)
    except (OSError, EOFError) as e:
        yield reject(name, f"cannot read file ({getattr(e, 'strerror', None) or e})",
                     "check that the path exists, is readable (and is valid gzip for .gz); file skipped")
        return
    with f:
        fmt = file_format(head)
        if fmt:  # one error for the file, not one per "line" of compressed data
            yield reject(name, f"binary file ({fmt} data)", "not JSON Lines text (give gzip files a .gz suffix; "
                         "unpack other archives first); file skipped")
            return
        try:
            yield from _read_lines(f, name, stem, fallback)
        except (OSError, EOFError) as e:
            yield reject(name, f"read error ({getattr(e, 'strerror', None) or e})",
                         "the rest of the file was skipped; check the file (truncated download?)")


def _read_lines(f: IO[bytes], name: str, stem: str, fallback: str | None) -> Iterator[Document | Rejected]:
    offset = 0
    for lineno, raw in enumerate(f, start=1):
        start, offset = offset, offset + len(raw)
        if not raw.strip():
            continue
        if b"\x00" in raw:
            yield reject(name, "binary data (NUL byte) in line", "the file is not JSON Lines text; line skipped",
                         line=lineno, offset=start + raw.index(b"\x00"))
            continue
        line = decode(raw, name, line=lineno, base_offset=start)
        if isinstance(line, Rejected):
            yield line
            continue
        bom = 3 if raw.startswith(b"\xef\xbb\xbf") else 0
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            at = start + bom + len(line[: e.pos].encode("utf-8", "surrogatepass"))
            at = min(at, start + len(raw.rstrip(b"\r\n")))  # "unexpected end" points past the newline
            yield reject(name, f"malformed JSON ({e.msg}, column {e.colno})", LINE_HINT, line=lineno, offset=at)
            continue
        except (ValueError, RecursionError) as e:
            yield reject(name, f"malformed JSON ({type(e).__name__})", LINE_HINT, line=lineno, offset=start)
            continue
        yield record_to_document(obj, name, lineno, stem=stem, fallback=fallback, offset=start)


def record_to_document(
    obj: Any, name: str, lineno: int | None, *, stem: str, fallback: str | None, offset: int | None = None
) -> Document | Rejected:
    """Check one decoded JSON record against the input contract and turn it into a Document."""
    where = f"{name}:{lineno}" if lineno is not None else name

    def bad(reason: str, hint: str = LINE_HINT) -> Rejected:
        return reject(name, reason, hint, line=lineno, offset=offset)

    if not isinstance(obj, dict):
        return bad(f"expected a JSON object, found {_json_type(obj)}")
    if "text" not in obj:
        return bad('missing "text" field')
    text = obj["text"]
    if not isinstance(text, str):
        return bad(f'"text" must be a string, found {_json_type(text)}')
    if not text.strip():
        return bad("empty text", "the record has no text to extract events from; line skipped")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as e:  # a lone "\ud83d" escape: not storable as UTF-8
        return bad(f'"text" holds an unpaired surrogate escape at character {e.start}',
                   "write characters outside the BMP as a surrogate pair or as UTF-8; line skipped")
    doc_id = obj.get("id")
    if doc_id is None or doc_id == "":
        doc_id = f"{stem}-{lineno}"
        log.warning('%s: no "id" field; using %r — give every line an "id"', where, doc_id)
    elif isinstance(doc_id, bool) or not isinstance(doc_id, str | int | float):
        return bad(f'"id" must be a string or a number, found {_json_type(doc_id)}')
    date_value = obj.get("published")
    if date_value is None or date_value == "":
        date_value = obj.get("date")
    return Document(
        id=_opt_str(doc_id) or "",
        text=text,
        title=_opt_str(obj.get("title")),
        published=resolve_published(date_value, fallback, where),
        source=_opt_str(obj.get("source")),
        url=_opt_str(obj.get("url")),
        origin=where,
    )


def _opt_str(value: Any) -> str | None:
    if value is None or isinstance(value, dict | list):
        return None
    return str(value).encode("utf-8", "replace").decode("utf-8")


def _read_json_document(path: str | Path, fallback: str | None) -> Iterable[Document | Rejected] | None:
    """A ``.json`` file holding one object or an array of objects; None if it is JSON Lines after all."""
    name = str(path)
    data = read_bytes(path)
    if isinstance(data, Rejected):
        return [data]
    text = decode(data, name)
    if isinstance(text, Rejected):
        return [text]
    body = text.lstrip("\ufeff \t\r\n")
    if body.startswith("{"):
        try:
            obj = json.loads(body)
        except json.JSONDecodeError as e:
            first = body.split("\n", 1)[0]
            try:
                json.loads(first)
            except (ValueError, RecursionError):
                # not JSON Lines either: one broken object, reported once rather than line by line
                lineno = text.count("\n", 0, len(text) - len(body) + e.pos) + 1
                return [reject(name, f"malformed JSON ({e.msg}, line {lineno} column {e.colno})",
                               "the file holds one JSON object that does not parse; fix it; file skipped",
                               line=lineno)]
            return None  # one object per line: JSON Lines
        except (ValueError, RecursionError):
            return None
        return [record_to_document(obj, name, 1, stem=Path(path).stem, fallback=fallback)]
    if body.startswith("["):
        return _read_json_array(text, name, Path(path).stem, fallback)
    return None


def _read_json_array(text: str, name: str, stem: str, fallback: str | None) -> Iterator[Document | Rejected]:
    """Walk a JSON array element by element, so one bad record does not hide the ones before it."""
    decoder = json.JSONDecoder()
    pos = text.index("[") + 1
    n = len(text)

    def skip_ws(i: int) -> int:
        while i < n and text[i] in " \t\r\n":
            i += 1
        return i

    pos = skip_ws(pos)
    if pos < n and text[pos] == "]":
        return
    while True:
        lineno = text.count("\n", 0, pos) + 1
        try:
            obj, end = decoder.raw_decode(text, pos)
        except (ValueError, RecursionError) as e:
            yield reject(name, f"malformed JSON array element ({getattr(e, 'msg', type(e).__name__)})",
                         "fix the file; the records from here to the end of the array were skipped", line=lineno)
            return
        yield record_to_document(obj, name, lineno, stem=stem, fallback=fallback)
        pos = skip_ws(end)
        if pos < n and text[pos] == ",":
            pos = skip_ws(pos + 1)
            continue
        if pos < n and text[pos] == "]":
            return
        yield reject(name, "malformed JSON array (expected ',' or ']')",
                     "fix the file; the records from here to the end of the array were skipped",
                     line=text.count("\n", 0, pos) + 1)
        return
