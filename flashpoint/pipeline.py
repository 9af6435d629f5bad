"""Orchestration: documents in, events out, through clean -> nlp -> extract -> resolve -> link.

``Pipeline`` loads the heavy resources once (spaCy model, gazetteer, actor and ontology tables) and streams
documents through the stages in order. Nothing else in the package loads models.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.language import Language

from flashpoint.clean import CleanDocument, clean
from flashpoint.extract import Mention, extract_mentions, fallback_mention, locative
from flashpoint.extract import lexicon as lx
from flashpoint.link import build_events, classifier_subtype, set_subtype, subtype_code
from flashpoint.nlp import ParsedDocument, load_model, parse
from flashpoint.records import DateSpan, Document, Event
from flashpoint.resolve.coding import Resolver
from flashpoint.resolve.times import find_times
from flashpoint.store import Store

if TYPE_CHECKING:
    from flashpoint.extract.classifier import SubtypeClassifier

_DATELINE_PLACE = re.compile(r"^([A-Z][A-Za-z.'’ -]+?)(?:,|\s*\(|\s*[—–-])")


@dataclass(slots=True)
class Result:
    document: Document
    events: list[Event]


def dateline_place(cd: CleanDocument) -> str | None:
    """The place named by the document's dateline ("BAGHDAD (Agency) —" -> "Baghdad")."""
    for seg in cd.segments:
        if seg.kind == "dateline":
            m = _DATELINE_PLACE.match(seg.text)
            if m:
                return m.group(1).strip().title()
    return None


def lead_date(cd: CleanDocument) -> DateSpan | None:
    """A date that opens the report ("24 May. ...", "On 3 November, ...", a dateline's date) governs it."""
    for seg in cd.segments:
        if seg.kind in ("dateline", "body"):
            for t in find_times(seg.text[:40], cd.doc.published):
                if t.start <= 4 and t.span is not None and t.span.precision == "day":
                    return t.span
            if seg.kind == "body":
                return None
    return None


# actor kinds whose acts ACLED records (the classifier alone may type an event only when one of them acts)
_PUBLIC_KINDS = {"government", "military", "police", "rebels", "militia", "armed group", "unknown armed",
                 "foreign forces", "igo", "ngo", "political party", "protesters", "rioters", "civilians", "judiciary",
                 "legislature", "refugees", "media", "religious"}




class Pipeline:
    """The full pipeline with its resources loaded once."""

    def __init__(self, nlp: Language, resolver: Resolver, *, min_confidence: float = 0.0,
                 classifier: SubtypeClassifier | None = None) -> None:
        self.nlp = nlp
        self.resolver = resolver
        self.min_confidence = min_confidence
        self.classifier = classifier

    @classmethod
    def load(cls, *, actors_file: str | None = None, min_confidence: float = 0.0) -> Pipeline:
        from flashpoint.extract.classifier import SubtypeClassifier

        return cls(load_model(), Resolver.load(actors_file=actors_file), min_confidence=min_confidence,
                   classifier=SubtypeClassifier.load())

    def events_for(self, parsed: ParsedDocument) -> list[Event]:
        """Extract, resolve and link the events of one parsed document."""
        from flashpoint.resolve.places import find_toponyms, people_names

        cd = parsed.clean
        doc = cd.doc
        mentions = extract_mentions(parsed, published=doc.published)
        toponyms: list[tuple[str, int, int]] = []
        people = people_names(sdoc for _, sdoc in parsed.parses)
        for seg_index, sdoc in parsed.parses:
            for text, s, e in find_toponyms(sdoc, self.resolver.gazetteer, people=people):
                if not locative(sdoc, s, e):
                    continue
                rs = cd.raw_offset(seg_index, s)
                toponyms.append((text, rs, rs + len(text)))

        def events_of(ms: list[Mention]) -> list[Event]:
            coded = self.resolver.resolve_document(ms, published=doc.published, toponyms=toponyms,
                                                   dateline=dateline_place(cd), source=doc.source,
                                                   default_date=lead_date(cd))
            return build_events(coded, doc_id=doc.id, doc_sha=doc.sha256, text=doc.text, published=doc.published,
                                ontology=self.resolver.ontology, min_confidence=self.min_confidence,
                                classifier=self.classifier)

        events = events_of(mentions)
        if any(e.acled for e in events if e.modality in ("asserted", "alleged")):
            return events
        # The rules typed nothing in a short report the classifier reads confidently as an ACLED event: the
        # report's main event (or, when the rules found none, its first sentence's main verb) takes that type.
        sub = classifier_subtype(doc.text, self.classifier)
        if sub is None:
            return events
        main = next((e for e in events if e.main and e.modality in ("asserted", "alleged")), None)
        extra = None
        if main is None:
            extra = fallback_mention(parsed, subtype_code(sub) or "010", published=doc.published)
            if extra is None:
                return events
            events = events_of(sorted([*mentions, extra], key=lambda m: m.trigger_start))
            main = next((e for e in events if any(ev.trigger is not None and ev.trigger.start == extra.trigger_start
                                                  for ev in e.evidence)), None)
            if main is None:
                return events
            for e in events:
                e.main = e is main
        if not any(a.kind in _PUBLIC_KINDS for a in main.source + main.target) and not lx.CONFLICT_WORDS & set(
                re.findall(r"[a-z]+", doc.text.lower())):
            # a company's deal or dividend is no ACLED event: someone armed, governing or protesting must act
            return [e for e in events if e is not main or extra is None]
        set_subtype(main, sub, self.resolver.ontology, keep_cameo=extra is None)
        return events

    def run(self, docs: Iterable[Document], *, batch_size: int = 64, n_process: int = 1) -> Iterator[Result]:
        """Stream documents through every stage; results come out in input order."""
        for parsed in parse(clean(docs), self.nlp, batch_size=batch_size, n_process=n_process):
            yield Result(parsed.clean.doc, self.events_for(parsed))


def store_documents(load_pipeline: Callable[[], Pipeline], store: Store, docs: Iterable[Document], *,
                    batch_size: int = 64, on_batch: Callable[[int], None] | None = None) -> dict[str, int]:
    """Extract and store documents batch by batch (one transaction each), skipping any already stored.

    Documents are keyed by content hash, so re-running after a crash stores nothing twice. The pipeline is
    loaded only if there is something new to process.
    """
    stats = {"read": 0, "skipped_known": 0, "stored": 0, "events": 0}
    seen: set[str] = set()
    pipe: Pipeline | None = None
    chunk: list[Document] = []

    def flush() -> None:
        nonlocal pipe
        known = store.known_hashes(d.sha256 for d in chunk)
        todo = []
        for d in chunk:
            if d.sha256 in known or d.sha256 in seen:
                stats["skipped_known"] += 1
            else:
                seen.add(d.sha256)
                todo.append(d)
        if todo:
            pipe = pipe or load_pipeline()
            results = list(pipe.run(todo, batch_size=batch_size))
            events = [e for r in results for e in r.events]
            store.add_batch([r.document for r in results], events)
            stats["stored"] += len(results)
            stats["events"] += len(events)
        if on_batch is not None:
            on_batch(len(chunk))
        chunk.clear()

    for doc in docs:
        stats["read"] += 1
        chunk.append(doc)
        if len(chunk) >= batch_size:
            flush()
    if chunk:
        flush()
    return stats
