"""Shared pieces of the readers: the rejection record, byte decoding and date normalisation.

Encoding policy (one for every reader): input should be UTF-8 (a BOM is accepted and dropped; UTF-16 with a
BOM is accepted too). Bytes that are not valid UTF-8 are decoded as Windows-1252 (or Latin-1 where
Windows-1252 leaves a byte undefined) *only if* the result reads as text; the document is then kept and a
warning naming the file, line and byte offset of the first offending byte goes to the ``flashpoint.ingest``
logger, so no text is lost to an old export tool. Data that looks binary (NUL bytes, many control
characters) is rejected.
"""

from __future__ import annotations

import email.utils
import logging
import re
from dataclasses import dataclass
from datetime import date, datetime

from flashpoint.errors import InputError

log = logging.getLogger("flashpoint.ingest")

SNIFF_BYTES = 8192
_CONTROL_OK = {"\t", "\n", "\r", "\f", "\v"}
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_DATE_FORMATS = ("%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%b. %d, %Y", "%Y/%m/%d", "%d/%m/%Y", "%Y%m%d")


@dataclass(slots=True)
class Rejected:
    """A piece of input that was skipped, with the reason and where it was."""

    error: InputError

    def __str__(self) -> str:
        return str(self.error)


def reject(path: str, reason: str, hint: str, *, line: int | None = None, offset: int | None = None) -> Rejected:
    return Rejected(InputError(path, line, offset, reason, hint))


_MAGIC = {
    b"\x1f\x8b": "gzip", b"PK\x03\x04": "zip", b"BZh": "bzip2", b"\xfd7zXZ\x00": "xz", b"(\xb5/\xfd": "zstd",
    b"7z\xbc\xaf\x27\x1c": "7z", b"%PDF-": "PDF", b"\x89PNG": "PNG", b"\xff\xd8\xff": "JPEG",
    b"SQLite format": "SQLite",
}


def file_format(head: bytes) -> str | None:
    """The name of a compressed, archive or binary format that ``head`` starts with, if any."""
    for magic, name in _MAGIC.items():
        if head.startswith(magic):
            return name
    return None


def binary_reason(data: bytes) -> str | None:
    """Why ``data`` (the head of a file or a line) looks binary, or None if it may be text."""
    head = data[:SNIFF_BYTES]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None  # UTF-16 with a BOM: NUL bytes are expected
    nul = head.find(b"\x00")
    if nul >= 0:
        return f"binary data (NUL byte at byte {nul})"
    if not head:
        return None
    controls = sum(1 for b in head if (b < 32 and b not in (9, 10, 11, 12, 13)) or b == 127)
    if controls / len(head) > 0.05:
        return f"binary data ({controls} control bytes in the first {len(head)})"
    return None


def _plausible(text: str) -> bool:
    if not text:
        return True
    bad = sum(1 for ch in text if (ord(ch) < 32 or 127 <= ord(ch) < 160) and ch not in _CONTROL_OK)
    return bad / len(text) <= 0.01


def decode(
    data: bytes, path: str, *, line: int | None = None, base_offset: int = 0, declared: str | None = None
) -> str | Rejected:
    """Decode ``data`` by the policy in the module docstring; ``declared`` is an encoding the input names."""
    if data.startswith(b"\xef\xbb\xbf"):
        data, base_offset = data[3:], base_offset + 3
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as e:
            return reject(path, f"invalid UTF-16 ({e.reason})", "re-save the file as UTF-8; skipped",
                          line=line, offset=base_offset + e.start)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        first_bad = base_offset + e.start
    candidates = [declared] if declared and declared.lower().replace("_", "-") not in ("utf-8", "utf8") else []
    candidates += ["cp1252", "latin-1"]
    for enc in candidates:
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        if _plausible(text):
            where = f"{path}:{line}" if line is not None else path
            log.warning(
                "%s (byte %d): not valid UTF-8; read as %s — re-save the input as UTF-8 to silence this warning",
                where, first_bad, enc,
            )
            return text
    return reject(path, "not UTF-8 and not readable as Windows-1252/Latin-1 text",
                  "re-encode the input as UTF-8 (e.g. iconv -f <encoding> -t utf-8); skipped",
                  line=line, offset=first_bad)


def normalise_date(value: object) -> str | None:
    """An ISO date (YYYY-MM-DD) from a date, datetime or date string; None if it cannot be read.

    A datetime keeps the calendar date as written (no conversion to UTC): the publisher's local date is the
    one that the report's own "Sunday" or "yesterday" refer to.
    """
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if not isinstance(value, str):
        return None
    s = value.strip()
    if not s:
        return None
    try:
        return datetime.fromisoformat(s.replace("z", "Z")).date().isoformat()
    except ValueError:
        pass
    m = _ISO_DATE.match(s)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    try:
        return email.utils.parsedate_to_datetime(s).date().isoformat()  # RFC 2822, as in RSS feeds
    except (TypeError, ValueError, IndexError):
        pass
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(s, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def fallback_date(published: str | None) -> str | None:
    """Normalise the caller's ``published=`` fallback; a value that is not a date is a usage error."""
    if published is None:
        return None
    iso = normalise_date(published)
    if iso is None:
        raise ValueError(f"published={published!r} is not a date; give it as YYYY-MM-DD")
    return iso


def resolve_published(value: object, fallback: str | None, where: str) -> str | None:
    """The document's own date if readable, else ``fallback`` (warning when a given date is unreadable)."""
    if value is None or value == "":
        return fallback
    iso = normalise_date(value)
    if iso is None:
        log.warning("%s: cannot read the date %r; using %s instead — give dates as YYYY-MM-DD",
                    where, value, fallback or "no date")
        return fallback
    return iso
