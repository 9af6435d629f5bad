"""Event ontology tables: CAMEO codes, their PLOVER and ACLED equivalents.

The tables are CSV files under ``flashpoint/data/`` (see ``data/ontology_sources.md`` for where the facts
come from). ``load_ontology()`` reads them once per process.

Lookups of a code that is not in the CAMEO table (e.g. a 4-digit variant we do not list) fall back to its
nearest listed parent: ``"1959"`` -> ``"195"`` -> ``"19"``. A listed code is always answered from its own row,
so a code that has no ACLED equivalent (e.g. 191 blockade) does not inherit its root's mapping.
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Iterator
from dataclasses import dataclass
from importlib.resources import files

_DATA = ("flashpoint", "data")


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str  # kept as a string: leading zeros matter ("010" is not "10")
    name: str
    goldstein: float
    quad_class: int  # 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    root: str


@dataclass(frozen=True, slots=True)
class _Plover:
    type: str | None
    mode: str | None
    context: str | None


@dataclass(frozen=True, slots=True)
class _Acled:
    event_type: str
    sub_event_type: str
    event_type_2016: str


def _rows(name: str) -> Iterator[dict[str, str]]:
    resource = files(_DATA[0]).joinpath(_DATA[1], name)
    with resource.open("r", encoding="utf-8", newline="") as fh:
        yield from csv.DictReader(fh)


def _parents(code: str) -> Iterator[str]:
    """The code itself, then its ancestors: "1831" -> "1831", "183", "18"."""
    yield code
    if len(code) > 3:
        yield code[:3]
    if len(code) > 2:
        yield code[:2]


class Ontology:
    """In-memory view of the ontology tables. Build it with ``Ontology.load()`` or ``load_ontology()``."""

    def __init__(
        self,
        events: dict[str, CameoCode],
        plover: dict[str, _Plover],
        acled: dict[str, _Acled],
        plover_modes: dict[str, list[str]],
        plover_scores: dict[tuple[str, str | None], float],
    ) -> None:
        self._events = events
        self._plover = plover
        self._acled = acled
        self._modes = plover_modes
        self._scores = plover_scores

    @classmethod
    def load(cls) -> Ontology:
        """Read the CSV tables shipped in the package."""
        events = {
            r["code"]: CameoCode(r["code"], r["name"], float(r["goldstein"]), int(r["quad_class"]), r["root"])
            for r in _rows("cameo_events.csv")
        }
        plover = {
            r["cameo"]: _Plover(r["plover_type"] or None, r["plover_mode"] or None, r["plover_context"] or None)
            for r in _rows("cameo_plover.csv")
        }
        acled = {
            r["cameo"]: _Acled(r["event_type"], r["sub_event_type"], r["event_type_2016"])
            for r in _rows("cameo_acled.csv")
        }
        modes: dict[str, list[str]] = {}
        scores: dict[tuple[str, str | None], float] = {}
        for r in _rows("plover_types.csv"):
            type_, mode = r["type"], r["mode"] or None
            bucket = modes.setdefault(type_, [])
            if mode:
                bucket.append(mode)
            if r["score"]:
                scores[(type_, mode)] = float(r["score"])
        return cls(events, plover, acled, modes, scores)

    def _resolve(self, code: str) -> str | None:
        """The code if listed, else its nearest listed parent, else None."""
        code = code.strip()
        return next((c for c in _parents(code) if c in self._events), None)

    def cameo(self, code: str) -> CameoCode | None:
        """The exact CAMEO code record (no parent fallback)."""
        return self._events.get(code.strip())

    def name(self, code: str) -> str | None:
        rec = self.cameo(code)
        return rec.name if rec else None

    def goldstein(self, code: str) -> float | None:
        """Goldstein score of the code, or of its nearest listed parent."""
        key = self._resolve(code)
        return self._events[key].goldstein if key else None

    def plover(self, code: str) -> dict[str, str | None]:
        """``{"type", "mode", "context"}``; all None for codes PLOVER drops (CAMEO 01) or unknown codes."""
        key = self._resolve(code)
        rec = self._plover.get(key) if key else None
        if rec is None:
            return {"type": None, "mode": None, "context": None}
        return {"type": rec.type, "mode": rec.mode, "context": rec.context}

    def acled(self, code: str) -> dict[str, str] | None:
        """``{"event_type", "sub_event_type"}`` in ACLED's current taxonomy, or None if ACLED would not record it."""
        key = self._resolve(code)
        rec = self._acled.get(key) if key else None
        return {"event_type": rec.event_type, "sub_event_type": rec.sub_event_type} if rec else None

    def acled_2016(self, code: str) -> str | None:
        """ACLED event type under the pre-2019 (2016 codebook) taxonomy."""
        key = self._resolve(code)
        rec = self._acled.get(key) if key else None
        return rec.event_type_2016 if rec else None

    def codes(self) -> list[str]:
        """All CAMEO event codes, in table order (roots followed by their children)."""
        return list(self._events)

    def plover_types(self) -> list[str]:
        return list(self._modes)

    def plover_modes(self, type_: str) -> list[str]:
        return list(self._modes.get(type_, ()))

    def plover_score(self, type_: str, mode: str | None = None) -> float | None:
        """PLOVER conflict/cooperation score of a type or type+mode (falls back to the type's score)."""
        return self._scores.get((type_, mode), self._scores.get((type_, None)))


@functools.lru_cache(maxsize=1)
def load_ontology() -> Ontology:
    """The package's ontology, read on first use and shared afterwards."""
    return Ontology.load()
