"""Split a document into segments and mark the ones that must not produce events.

News text scraped from the web carries photo captions, photo credits ("(Name/AP)"), gallery titles, bylines and
boilerplate between the paragraphs. The stored document keeps them verbatim; ``clean`` only decides which
segments are handed to the event extractor, and repairs words glued together by scraping ("theembassy") in the
text that is parsed, keeping a map back to the raw offsets.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from flashpoint.records import Document, Segment

# "(Qassim Abdul-Zahra/AP)", "(AP Photo/Name)", "(Photo: Name/Agency)", "Name/Getty Images"
_CREDIT = re.compile(
    r"\((?:AP Photo/|Photo:\s*|Photograph:\s*|File photo:?\s*)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}\s*/\s*"
    r"[A-Z][\w .&-]{0,30}\)\s*$"
    r"|^\s*(?:Photo|Photograph|Picture|Image|File photo|Credit)s?\s*[:|]"
    r"|\b(?:AP Photo|Reuters/[A-Z]|Getty Images|AFP via Getty|EPA-EFE)\b",
)
_BYLINE = re.compile(r"^\s*(?:By|BY|Reporting by|Writing by|Editing by|Additional reporting by)\s+[A-Z]")
_BOILERPLATE = re.compile(
    r"^\s*(?:Read more|Related|Advertisement|Share this|Follow us|Sign up|Subscribe|Copyright|©|All rights reserved"
    r"|Click here|Watch:|Listen:|More on this story)\b",
    re.I,
)
# "BAGHDAD (Meridian Wire) — ", "KIRKUK, Iraq, Dec 28 (Agency) - ", "WASHINGTON — "
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’ -]{2,40}?)(?:,\s*(?P<region>[A-Z][A-Za-z. ]{1,30}?))?"
    r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(?:\((?P<agency>[^)]{1,40})\))?\s*[—–-]{1,2}\s+"
)
_SENTENCE_END = re.compile(r"[.!?…\"'”’)\]]\s*$")
_FUNCTION_WORDS = ("the", "of", "and", "in", "at", "to", "on", "for", "from", "with")
_GLUED = re.compile(r"\b({})([a-z]{{4,}})\b".format("|".join(_FUNCTION_WORDS)))
_WORD = re.compile(r"[A-Za-z]+")


@dataclass(slots=True)
class CleanDocument:
    """A document with its segments; ``segments`` cover every non-blank line block of ``doc.text``."""

    doc: Document
    segments: list[Segment] = field(default_factory=list)
    offset_maps: dict[int, list[int]] = field(default_factory=dict)  # segment index -> parse offset -> raw offset

    def eventful(self) -> Iterator[tuple[int, Segment]]:
        for i, seg in enumerate(self.segments):
            if seg.eventful:
                yield i, seg

    def raw_offset(self, seg_index: int, parse_offset: int) -> int:
        """Map an offset in a segment's parse text back to the raw document text."""
        seg = self.segments[seg_index]
        m = self.offset_maps.get(seg_index)
        if m is None:
            return seg.start + parse_offset
        return m[min(parse_offset, len(m) - 1)]


def _blocks(text: str) -> Iterator[tuple[int, int]]:
    """Non-blank lines as (start, end) spans, end exclusive, surrounding whitespace trimmed."""
    for m in re.finditer(r"[^\n]+", text):
        s, e = m.start(), m.end()
        chunk = m.group()
        if not chunk.strip():
            continue
        s += len(chunk) - len(chunk.lstrip())
        e -= len(chunk) - len(chunk.rstrip())
        yield s, e


def _is_short_title(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= 9 and not _SENTENCE_END.search(line)


def classify_lines(text: str) -> list[Segment]:
    """Label each non-blank line of ``text`` (headline, body, caption, credit, byline, boilerplate)."""
    spans = list(_blocks(text))
    segs: list[Segment] = []
    for i, (s, e) in enumerate(spans):
        line = text[s:e]
        kind = "body"
        if _CREDIT.search(line):
            kind = "caption"
        elif _BYLINE.match(line) and len(line.split()) <= 12:
            kind = "byline"
        elif _BOILERPLATE.match(line) and len(line.split()) <= 15:
            kind = "boilerplate"
        elif i == 0 and _is_short_title(line) or i == 0 and len(line.split()) <= 20 and not line.rstrip().endswith("."):
            kind = "headline"
        segs.append(Segment(start=s, end=e, kind=kind, text=line))  # type: ignore[arg-type]
    # A dateline opening a body paragraph is its own segment: it names the place, not an event.
    out: list[Segment] = []
    for seg in segs:
        m = _DATELINE.match(seg.text) if seg.kind == "body" else None
        if m and (m.group("agency") or m.group("place").isupper()) and m.end() < len(seg.text):
            cut = seg.start + m.end()
            out.append(Segment(start=seg.start, end=cut, kind="dateline", text=seg.text[: m.end()]))
            out.append(Segment(start=cut, end=seg.end, kind="body", text=seg.text[m.end() :]))
        else:
            out.append(seg)
    segs = out
    # A short title-like line directly above a caption is a gallery title ("Iraq US Airstrikes").
    for i in range(len(segs) - 1):
        if segs[i].kind == "body" and segs[i + 1].kind == "caption" and _is_short_title(segs[i].text):
            segs[i].kind = "caption"
    return segs


def _document_words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


def unglue(line: str, vocabulary: set[str]) -> tuple[str, list[int] | None]:
    """Split scraping artefacts like "theembassy" when the second part is a word used elsewhere in the document.

    Returns the repaired text and a map from each repaired offset to the original offset (None if unchanged).
    """
    if not _GLUED.search(line):
        return line, None
    out: list[str] = []
    mapping: list[int] = []
    pos = 0
    changed = False
    for m in _GLUED.finditer(line):
        whole, head, rest = m.group(0), m.group(1), m.group(2)
        if whole.lower() in vocabulary or rest.lower() not in vocabulary:
            continue
        out.append(line[pos : m.start()])
        mapping.extend(range(pos, m.start()))
        out.append(head + " " + rest)
        mapping.extend(range(m.start(), m.start() + len(head)))
        mapping.append(m.start() + len(head))  # the inserted space maps onto the join
        mapping.extend(range(m.start() + len(head), m.end()))
        pos = m.end()
        changed = True
    if not changed:
        return line, None
    out.append(line[pos:])
    mapping.extend(range(pos, len(line) + 1))
    return "".join(out), mapping


def clean_document(doc: Document) -> CleanDocument:
    """Segment one document and decide which segments may produce events."""
    segs = classify_lines(doc.text)
    cd = CleanDocument(doc=doc, segments=segs)
    # Words seen as separate tokens elsewhere; glued tokens themselves are counted only when they repeat.
    counts: dict[str, int] = {}
    for w in _WORD.findall(doc.text):
        lw = w.lower()
        counts[lw] = counts.get(lw, 0) + 1
    vocabulary = {w for w, n in counts.items() if n > 1 or not _GLUED.fullmatch(w)}
    for i, seg in enumerate(segs):
        fixed, mapping = unglue(seg.text, vocabulary)
        if mapping is not None:
            seg.text = fixed
            cd.offset_maps[i] = [seg.start + j for j in mapping]
    return cd


def clean(docs: Iterable[Document]) -> Iterator[CleanDocument]:
    """The ``clean`` stage over a stream of documents (order kept)."""
    for doc in docs:
        yield clean_document(doc)
