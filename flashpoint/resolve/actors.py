"""Code actor noun phrases as an ICEWS/ACLED coder would: country, CAMEO actor code and kind.

The resolver works on one noun phrase at a time ("the Iran-backed militia", "US secretary of state Mike
Pompeo"). It tokenizes the phrase once, finds the longest known names in it (groups, office holders,
countries/demonyms/capitals, role nouns) with plain dict look-ups, then composes the entry from the head
noun (which decides the kind) and its modifiers (which decide country, backer and affiliation).

Tables live in ``flashpoint/data``: ``countries.csv``, ``agents.csv``, ``groups.csv``, ``leaders.csv``.
"""

from __future__ import annotations

import csv
import functools
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, NamedTuple

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

KINDS = frozenset({
    "government", "military", "police", "rebels", "militia", "armed group", "protesters", "rioters",
    "civilians", "political party", "business", "media", "judiciary", "legislature", "igo", "ngo",
    "religious", "refugees", "unknown armed", "foreign forces", "person", "unknown",
})

# Lower-cased forms that are ordinary English words: their table entries only match when written as in the
# table (capitalised), so "male protesters" is not coded as the Maldives nor "polish" as Poland.
_CASE_SENSITIVE_WORDS = frozenset({
    "male", "chad", "jordan", "turkey", "guinea", "victoria", "kingston", "hamilton", "stanley", "douglas",
    "plymouth", "jamestown", "valley", "pole", "poles", "polish", "trump", "pence", "truss", "cleverly",
    "gallant", "tusk", "salami", "labour", "conservatives", "republicans", "democrats", "amnesty", "memorial",
    "vox", "fars", "saba", "amal", "brotherhood", "wagner", "rada", "deputy", "haley", "harris", "hunt",
    "bennett", "raab", "duda", "burns", "miller", "cohen", "munir", "doval", "tiani", "mission", "salman",
    "dane", "danes", "finn", "finns", "turks", "kiwi", "kiwis", "brit", "brits", "english", "gaza",
})
_ARMED_HEAD = frozenset({"rebels", "militia", "armed group", "unknown armed", "military", "foreign forces"})
_ARMED_GROUP = frozenset({"rebels", "militia", "armed group", "military", "police", "foreign forces"})
# Kinds whose country may come from a location phrase ("protesters in Baghdad"); armed actors' may not.
_LOCAL_KINDS = frozenset({"civilians", "protesters", "rioters", "government", "police", "judiciary",
                          "legislature", "business", "political party"})
_NO_CONTEXT_KINDS = frozenset({"foreign forces", "igo"})
_ELITE_CODES = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY"})

_LEADING = frozenset({
    "the", "a", "an", "some", "several", "many", "few", "other", "another", "various", "numerous", "dozens",
    "hundreds", "thousands", "scores", "tens", "millions", "at", "least", "more", "than", "about", "around",
    "nearly", "almost", "over", "up", "to", "its", "their", "his", "her", "our", "this", "that", "these",
    "those", "both", "all", "each", "any", "unnamed", "alleged", "suspected", "so", "called", "so-called",
    "reported", "former", "ex", "then", "one", "two", "three", "four", "five", "six", "seven", "eight",
    "nine", "ten", "eleven", "twelve", "fifteen", "twenty", "thirty", "fifty", "hundred", "thousand",
    "of", "armed",
})
_QUANTIFIERS = frozenset({"group", "number", "band", "crowd", "handful", "dozens", "hundreds", "thousands",
                          "scores", "tens", "millions", "couple", "lot", "lots", "majority", "rest", "some",
                          "most", "all", "one", "many", "several", "none", "each", "both", "team"})
_PREPS = frozenset({"of", "in", "from", "at", "on", "near", "with", "for", "by", "to", "who", "which", "that",
                    "against", "during", "after", "before", "inside", "outside", "across", "under", "within",
                    "along", "between", "among", "into", "over", "behind", "whose", "loyal"})
_MEMBER_PREPS = frozenset({"of", "from", "for", "loyal"})
_BACKING = frozenset({"backed", "supported", "sponsored", "funded", "trained", "allied", "aligned",
                      "friendly", "affiliated", "linked", "inspired", "loyal", "leaning", "equipped"})
_HOME = frozenset({"led", "based", "run", "controlled", "held", "dominated", "owned", "born", "registered",
                   "flagged", "made"})
_TITLES = frozenset({"mr", "mrs", "ms", "dr", "gen", "col", "lt", "sgt", "maj", "capt", "adm", "sen", "rep",
                     "gov", "pres", "st", "saint", "sir", "lord", "lady", "sheikh", "mullah", "haji", "i",
                     "ii", "iii", "jr", "sr"})
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'",
                              "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-", "\u2010": "-",
                              "\u2011": "-"})
_STRIP = "\"()[]{},;:!?\u00ab\u00bb*/\\|"


class ActorTableError(ValueError):
    """A malformed actor table; the message starts with ``file:line``."""


@dataclass(slots=True, frozen=True)
class ActorEntry:
    """A coded actor. Frozen because resolved entries are cached and shared; use ``dataclasses.replace``."""

    name: str
    country: str | None
    code: str | None
    kind: str
    backer: str | None = None
    source: str = "builtin"


class _Country(NamedTuple):
    iso3: str
    cameo: str
    name: str
    people: bool  # a plural demonym ("Iraqis"): the people, not the state
    capital: bool


class _Agent(NamedTuple):
    code: str
    kind: str
    inherit: bool  # role nouns ("commander", "spokesman") take code and kind from their modifier


class _Tenure(NamedTuple):
    name: str
    title: str
    country: str | None
    code: str
    start: str
    end: str | None


class _Match(NamedTuple):
    start: int
    end: int
    tag: str  # "group" | "leader" | "country" | "agent"
    value: Any


_PRIORITY = {"group": 0, "leader": 1, "country": 2, "agent": 3}


# --------------------------------------------------------------------------------------------- tokenizing


def _fold(text: str) -> str:
    text = text.translate(_APOSTROPHES)
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return text


def _tokenize(text: str) -> list[str]:
    """Split a phrase into word tokens, keeping case. Hyphens split words ("Iran-backed" -> Iran, backed),
    periods and apostrophes vanish ("U.S." -> US, "Kata'ib" -> Kataib) and possessives are dropped."""
    out: list[str] = []
    for raw in _fold(text).split():
        raw = raw.strip(_STRIP)
        if raw.endswith("'s") or raw.endswith("'S"):
            raw = raw[:-2]
        for part in raw.split("-"):
            part = part.replace(".", "").replace("'", "").strip(_STRIP)
            if part:
                out.append(part)
    return out


def _is_cs_key(tokens: list[str]) -> bool:
    """Short all-capital acronyms ("US", "IS", "KH"), short mixed-case acronyms ("LeT", "JeM", "MoD": not the
    words "let", "jem", "mod") and listed common words match case-sensitively."""
    if len(tokens) == 1:
        t = tokens[0]
        if t.isupper() and len(t) <= 4:
            return True
        if len(t) <= 5 and not t.isupper() and any(c.isupper() for c in t[1:]):
            return True
        return t.lower() in _CASE_SENSITIVE_WORDS
    return False


# --------------------------------------------------------------------------------------------- loading


def _split_list(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split("|") if v.strip()]


def _read_csv(path: Path) -> list[tuple[int, dict[str, str]]]:
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        rows = []
        for row in reader:
            if None in row:
                raise ActorTableError(f"{path}:{reader.line_num}: too many fields")
            rows.append((reader.line_num, {k.strip(): (v or "").strip() for k, v in row.items() if k}))
        return rows


def _yaml_scalar(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _read_yaml(path: Path) -> list[tuple[int, dict[str, str]]]:
    """Read a YAML actor file: a list of flat mappings, optionally under one top-level key. Uses PyYAML when
    installed, else a small parser for that subset (scalars, ``[a, b]`` flow lists, ``- item`` lists)."""
    try:
        import yaml
    except ImportError:
        return _read_yaml_subset(path)
    loader = yaml.SafeLoader(path.read_text(encoding="utf-8"))
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else []
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ActorTableError(f"{path}:{mark.line + 1 if mark else 0}: {exc}") from None
    finally:
        loader.dispose()
    if isinstance(data, dict) and len(data) == 1:
        (data,) = data.values()
        node = node.value[0][1]
    if not isinstance(data, list):
        raise ActorTableError(f"{path}:1: expected a list of actors ('- name: ...')")
    rows = []
    for item, item_node in zip(data, node.value, strict=True):
        no = item_node.start_mark.line + 1
        if not isinstance(item, dict):
            raise ActorTableError(f"{path}:{no}: expected a mapping with 'name', 'country', 'code', 'kind'")
        row = {}
        for key, value in item.items():
            if isinstance(value, list):
                value = "|".join(str(v) for v in value)
            row[str(key)] = "" if value is None else str(value)
        rows.append((no, row))
    return rows


def _read_yaml_subset(path: Path) -> list[tuple[int, dict[str, str]]]:
    rows: list[tuple[int, dict[str, str]]] = []
    item: dict[str, str] | None = None
    list_key: str | None = None
    item_indent = -1
    for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#") or stripped == "---":
            continue
        indent = len(line) - len(line.lstrip())
        if stripped.startswith("- ") or stripped == "-":
            body = stripped[1:].strip()
            if item is not None and list_key and indent > item_indent:
                item[list_key] = "|".join(filter(None, [item.get(list_key, ""), _yaml_scalar(body)]))
                continue
            item = {}
            rows.append((no, item))
            item_indent, list_key = indent, None
            if not body:
                continue
            stripped, indent = body, indent + 2
        if ":" not in stripped:
            raise ActorTableError(f"{path}:{no}: expected 'key: value', got {stripped!r}")
        key, _, value = stripped.partition(":")
        key, value = key.strip(), value.strip()
        if item is None or indent <= item_indent:
            if value:
                raise ActorTableError(f"{path}:{no}: expected a list of actors ('- name: ...')")
            continue  # a top-level key such as "groups:" wrapping the list
        if value.startswith("["):
            if not value.endswith("]"):
                raise ActorTableError(f"{path}:{no}: unterminated list")
            value = "|".join(_yaml_scalar(v) for v in value[1:-1].split(",") if v.strip())
        list_key = key if not value else None
        item[key] = _yaml_scalar(value)
    return rows


@functools.lru_cache(maxsize=4)
def _builtin_tables(data_dir: Path) -> tuple:
    return (_read_csv(data_dir / "countries.csv"), _read_csv(data_dir / "agents.csv"),
            _read_csv(data_dir / "groups.csv"), _read_csv(data_dir / "leaders.csv"))


# --------------------------------------------------------------------------------------------- resolver


class ActorResolver:
    """Resolve actor noun phrases to :class:`ActorEntry` records. Build with :meth:`load`."""

    def __init__(self) -> None:
        self._ci: dict[str, tuple[str, Any]] = {}  # lower-cased token key -> (tag, value)
        self._cs: dict[str, tuple[str, Any]] = {}  # exact token key -> (tag, value)
        self._ci_first: dict[str, int] = {}  # first token -> longest key length starting with it
        self._cs_first: dict[str, int] = {}
        self._cameo: dict[str, str] = {}
        self._names: dict[str, str] = {}
        self._vocab: set[str] = set()  # words of role/sector terms: never taken for proper names
        self._cache = functools.lru_cache(maxsize=100_000)(self._resolve)

    # -- construction

    @classmethod
    def load(cls, extra: str | Path | None = None, *, data_dir: str | Path | None = None) -> ActorResolver:
        """Builtin tables, plus an optional user YAML/CSV file (groups.csv columns) merged over them."""
        self = cls()
        countries, agents, groups, leaders = _builtin_tables(Path(data_dir) if data_dir else DATA_DIR)
        user: list[tuple[int, dict[str, str]]] = []
        extra_path = Path(extra) if extra is not None else None
        if extra_path is not None:
            if not extra_path.is_file():
                raise ActorTableError(f"{extra_path}:0: no such file")
            suffix = extra_path.suffix.lower()
            user = _read_yaml(extra_path) if suffix in (".yaml", ".yml") else _read_csv(extra_path)
        for _, row in countries:
            self._cameo[row["iso3"]] = row.get("cameo") or row["iso3"]
            self._names[row["iso3"]] = row["name"]
        # Lowest priority first; later adds override equal keys of lower-or-equal priority.
        for _, row in agents:
            agent = _Agent(row["code"], row["kind"], row.get("inherit", "") in ("1", "true", "yes"))
            self._add(row["term"], "agent", agent)
            self._vocab.update(t.lower() for t in _tokenize(row["term"]))
        for _, row in countries:
            self._add_country(row)
        for _, row in leaders:
            self._add_leader(row)
        for no, row in groups:
            entry = self._group_entry(row, DATA_DIR / "groups.csv", no, "builtin")
            for name in [row["name"], *_split_list(row.get("aliases"))]:
                self._add(name, "group", entry)
        for no, row in user:
            entry = self._group_entry(row, extra_path, no, "user")
            for name in [row["name"], *_split_list(row.get("aliases"))]:
                self._add(name, "group", entry, force=True)
        return self

    def _group_entry(self, row: dict[str, str], path: Path | None, no: int, source: str) -> ActorEntry:
        where = f"{path}:{no}"
        name = row.get("name", "")
        if not name:
            raise ActorTableError(f"{where}: missing 'name'")
        kind = row.get("kind") or "unknown"
        if kind not in KINDS:
            raise ActorTableError(f"{where}: unknown kind {kind!r} (one of {', '.join(sorted(KINDS))})")
        country = (row.get("country") or "").upper() or None
        backer = (row.get("backer") or "").upper() or None
        for field, iso in (("country", country), ("backer", backer)):
            if iso is not None and iso not in self._cameo:
                raise ActorTableError(f"{where}: unknown {field} {iso!r} (ISO 3166-1 alpha-3 expected)")
        code = (row.get("code") or "").upper() or None
        if code is None and country is not None:
            code = self._cameo[country]
        return ActorEntry(name, country, code, kind, backer, source)

    def _add_country(self, row: dict[str, str]) -> None:
        iso, cameo, name = row["iso3"], self._cameo[row["iso3"]], row["name"]
        demonyms = _split_list(row.get("demonyms"))
        singular = {d.lower() for d in demonyms}
        for form in [name, *_split_list(row.get("variants"))]:
            self._add(form, "country", _Country(iso, cameo, name, False, False), keep=True)
        for dem in demonyms:
            plural = dem.lower().endswith("s") and dem.lower()[:-1] in singular
            self._add(dem, "country", _Country(iso, cameo, name, plural, False), keep=True)
        for cap in _split_list(row.get("capitals")):
            self._add(cap, "country", _Country(iso, cameo, name, False, True), keep=True)

    def _add_leader(self, row: dict[str, str]) -> None:
        tenure = _Tenure(row["name"], row.get("title", ""), row.get("country") or None, row["code"],
                         row["start"], row.get("end") or None)
        for form in dict.fromkeys([row["name"], *_split_list(row.get("aliases"))]):
            tokens = _tokenize(form)
            if not tokens:
                continue
            table, key = self._table_key(tokens)
            prev = table.get(key)
            if prev is not None and prev[0] == "leader":
                table[key] = ("leader", (*prev[1], tenure))
            else:
                self._add(form, "leader", (tenure,))

    def _table_key(self, tokens: list[str]) -> tuple[dict[str, tuple[str, Any]], str]:
        if _is_cs_key(tokens):
            return self._cs, " ".join(tokens)
        return self._ci, " ".join(tokens).lower()

    def _add(self, form: str, tag: str, value: Any, *, force: bool = False, keep: bool = False) -> None:
        tokens = _tokenize(form)
        if tokens and tokens[0].lower() == "the" and len(tokens) > 1:
            tokens = tokens[1:]
        if not tokens:
            return
        table, key = self._table_key(tokens)
        prev = table.get(key)
        if prev is not None and not force:
            if _PRIORITY[prev[0]] < _PRIORITY[tag] or (keep and prev[0] == tag):
                return
        table[key] = (tag, value)
        first_index = self._cs_first if table is self._cs else self._ci_first
        first = tokens[0] if table is self._cs else tokens[0].lower()
        first_index[first] = max(first_index.get(first, 0), len(tokens))

    # -- public API

    def lookup(self, text: str, *, date: str | None = None,
               context_country: str | None = None) -> ActorEntry | None:
        """Code a noun phrase as written; ``date`` (ISO) picks office holders' roles, ``context_country``
        (ISO3) fills in the country of generic actors ("protesters"). None if nothing in it is an actor."""
        if not text or not isinstance(text, str):
            return None
        return self._cache(text, date[:10] if date else None, context_country or None)

    def country_of(self, text: str) -> str | None:
        """ISO3 of the country a name, demonym, capital or known group/office holder refers to."""
        if not text:
            return None
        tokens = _tokenize(text)
        fallback = None
        for m in self._scan(tokens, [t.lower() for t in tokens]):
            if m.tag == "country":
                return m.value.iso3
            if fallback is None:
                if m.tag == "group" and m.value.country:
                    fallback = m.value.country
                elif m.tag == "leader" and m.value[-1].country:
                    fallback = m.value[-1].country
        return fallback

    def __len__(self) -> int:
        return len(self._ci) + len(self._cs)

    # -- matching

    def _scan(self, orig: list[str], low: list[str]) -> list[_Match]:
        """Greedy longest matches left to right over both key tables."""
        out: list[_Match] = []
        n, i = len(orig), 0
        ci, cs, ci_first, cs_first = self._ci, self._cs, self._ci_first, self._cs_first
        while i < n:
            best: tuple[int, tuple[str, Any]] | None = None
            longest = ci_first.get(low[i], 0)
            for size in range(min(longest, n - i), 0, -1):
                hit = ci.get(" ".join(low[i:i + size]))
                if hit is not None:
                    best = (size, hit)
                    break
            longest = cs_first.get(orig[i], 0)
            for size in range(min(longest, n - i), best[0] if best else 0, -1):
                hit = cs.get(" ".join(orig[i:i + size]))
                if hit is not None:
                    best = (size, hit)
                    break
            if best is None:
                i += 1
                continue
            size, (tag, value) = best
            out.append(_Match(i, i + size, tag, value))
            i += size
        return out

    # -- composition

    def _resolve(self, text: str, date: str | None, context: str | None) -> ActorEntry | None:
        orig = _tokenize(text)
        if not orig:
            return None
        low = [t.lower() for t in orig]
        n = len(orig)
        matches = self._scan(orig, low)
        covered = [False] * n
        for m in matches:
            for j in range(m.start, m.end):
                covered[j] = True

        start, former = 0, False
        while start < n and not covered[start]:
            word = low[start]
            if word in ("former", "ex"):
                former = True
            if word in _QUANTIFIERS and start + 1 < n and low[start + 1] == "of" and not covered[start + 1]:
                start += 2
            elif word in _LEADING or word.isdigit():
                start += 1
            else:
                break
        split = n
        for j in range(start, n):
            if not covered[j] and low[j] in _PREPS and j > start:
                split = j
                break

        def relation(m: _Match) -> str | None:
            before = low[m.start - 1] if m.start > 0 and not covered[m.start - 1] else ""
            after = low[m.end] if m.end < n and not covered[m.end] else ""
            if before == "anti" or after == "anti":
                return "anti"
            if before == "pro" or after in _BACKING:
                return "backer"
            if after in _HOME:
                return "home"
            return None

        head = [m for m in matches if m.start >= start and m.end <= split]
        tail = [m for m in matches if m.start >= split]
        rel = {m.start: relation(m) for m in matches}
        split_prep = low[split] if split < n else ""
        # "backed by Iran": the object of a backing verb is a backer
        tail_backs = split_prep == "by" and split > 0 and low[split - 1] in _BACKING

        propers = [j for j in range(start, split) if not covered[j] and orig[j][:1].isupper()
                   and low[j] not in _LEADING and low[j] not in _PREPS and low[j] not in _TITLES
                   and low[j] not in _BACKING and low[j] not in _HOME and low[j] not in ("pro", "anti")
                   and low[j] not in self._vocab]
        name = self._display(text)

        backer = None
        for m in head + (tail if tail_backs else []):
            if rel[m.start] == "backer" or (tail_backs and m in tail):
                iso = self._iso_of(m)
                if iso and backer is None:
                    backer = iso
        leaders = [m for m in head if m.tag == "leader" and rel[m.start] != "anti"]
        if leaders:
            return self._person(leaders[-1].value, date, former, backer)
        usable = [m for m in head if rel[m.start] not in ("anti", "backer")]
        groups = [m for m in usable if m.tag == "group"]
        countries = [m for m in usable if m.tag == "country"]
        agents = [m for m in head if m.tag == "agent"]
        head_agent = agents[-1] if agents else None
        member_tail = [m for m in tail if rel[m.start] not in ("anti", "backer")] if not tail_backs else []

        if head_agent is None:
            if groups:
                entry = groups[0].value
                if backer and not entry.backer:
                    entry = replace(entry, backer=backer)
                if countries and not entry.country:
                    entry = replace(entry, country=countries[0].value.iso3)
                return entry
            if countries:
                c = countries[0].value
                if any(p >= countries[0].end for p in propers):
                    return ActorEntry(name, c.iso3, c.cameo, "unknown", backer)
                # a nationality before a common noun no table knows ("Algerian bakers", "Kenyan truckers"):
                # people of that country, not its government
                plain = [orig[j] for j in range(countries[0].end, split) if not covered[j] and orig[j].isalpha()]
                if c.people or plain and plain[-1].islower() and plain[-1].endswith(_PEOPLE_ENDINGS):
                    return ActorEntry(name, c.iso3, c.cameo + "CVL", "civilians", backer)
                return ActorEntry(c.name, c.iso3, c.cameo + "GOV", "government", backer)
            if propers or matches or any(t[:1].isupper() for t in orig[split:]):
                # a proper noun we cannot code ("Iran-aligned groups", "Friends of Syria"): keep what it carries
                iso = next((self._iso_of(m) for m in member_tail if self._iso_of(m)), None)
                if iso is None and backer is None and not propers and not matches:
                    return None
                return ActorEntry(name, iso, self._cameo.get(iso) if iso else None, "unknown", backer)
            return None

        agent: _Agent = head_agent.value
        code, kind = agent.code, agent.kind
        group: ActorEntry | None = groups[0].value if groups else None
        from_group = False
        if agent.inherit:
            mods = [m for m in agents if m.end <= head_agent.start and not m.value.inherit]
            if mods:
                code, kind = mods[-1].value.code, mods[-1].value.kind
            elif group is not None:
                from_group = True
            elif split_prep in _MEMBER_PREPS:
                for m in member_tail:
                    if m.tag == "group":
                        group, from_group = m.value, True
                        break
                    if m.tag == "agent" and not m.value.inherit:
                        code, kind = m.value.code, m.value.kind
                        break
                    if m.tag == "leader":
                        break
        elif group is not None and kind in _ARMED_HEAD and group.kind in _ARMED_GROUP:
            from_group = True
        person = any(p >= head_agent.end for p in propers)
        if not person and head_agent.start - 1 in propers and orig[head_agent.start][:1].isupper():
            # "Zorblax Brigade": an unknown name before a capitalised head noun names an organisation
            iso = countries[0].value.iso3 if countries else None
            return ActorEntry(name, iso, self._cameo[iso] if iso else None, "unknown", backer)
        if from_group and group is not None:
            entry = group
            if backer and not entry.backer:
                entry = replace(entry, backer=backer)
            return replace(entry, kind="person") if person else entry

        country = countries[0].value.iso3 if countries else None
        if country is None and group is not None:
            country = group.country
        if country is None and (split_prep in _MEMBER_PREPS or kind in _LOCAL_KINDS):
            country = next((self._iso_of(m) for m in member_tail if self._iso_of(m)), None)
        if country is None and context and kind not in _NO_CONTEXT_KINDS and context in self._cameo:
            country = context
        if former and code in _ELITE_CODES:
            code = "ELI"
        if former and kind in ("military", "police"):
            kind = "civilians"  # a former soldier or policeman is a civilian
        full_code = self._cameo[country] + code if country else code
        # a named official acts for the office: "Governor Elias Waya" is the government, "Gen. X" the military
        if person and kind not in _OFFICE_KINDS:
            kind = "person"
        return ActorEntry(name, country, full_code, kind, backer)

    def _iso_of(self, m: _Match) -> str | None:
        if m.tag == "country":
            return m.value.iso3
        if m.tag == "group":
            return m.value.country
        if m.tag == "leader":
            return m.value[-1].country
        return None

    def _person(self, tenures: tuple[_Tenure, ...], date: str | None, former: bool,
                backer: str | None) -> ActorEntry:
        chosen, active = None, False
        if date:
            for t in tenures:
                if t.start <= date and (t.end is None or date < t.end):
                    chosen, active = t, True
            if chosen is None:  # nearest tenure: a former (or future) office holder is an elite
                chosen = min(tenures, key=lambda t: _date_gap(t, date))
        else:
            chosen, active = max(tenures, key=lambda t: t.start), True
        code = chosen.code
        if (former or not active) and chosen.country:
            code = self._cameo.get(chosen.country, chosen.country) + "ELI"
        kind = "igo" if code.startswith("IGO") else _LEADER_KINDS.get(code[-3:], "person")
        return ActorEntry(chosen.name, chosen.country, code, kind, backer)

    @staticmethod
    def _display(text: str) -> str:
        words = text.strip().split()
        while len(words) > 1 and words[0].lower().strip(_STRIP) in ("the", "a", "an"):
            words = words[1:]
        return " ".join(words).strip(_STRIP + ".")


# endings of plural nouns for people ("bakers", "hardliners", "motorists", "migrants", "employees")
_PEOPLE_ENDINGS = ("ers", "ists", "ians", "ants", "ents", "men", "ors", "ees")
_OFFICE_KINDS = {"government", "military", "police", "judiciary", "legislature"}
# an office holder in office acts as the office ("Mike Pompeo" in 2019 is the US government); a former one is a person
_LEADER_KINDS = {"MIL": "military", "COP": "police", "JUD": "judiciary", "LEG": "legislature", "GOV": "government",
                 "SPY": "government", "REB": "rebels"}


def _date_gap(t: _Tenure, date: str) -> int:
    """Rough distance in days between ``date`` and a tenure (0 inside it)."""
    def ordinal(iso: str) -> int:
        y, m, d = (int(x) for x in (iso + "-01-01")[:10].split("-"))
        return y * 372 + m * 31 + d

    day = ordinal(date)
    if day < ordinal(t.start):
        return ordinal(t.start) - day
    return max(0, day - ordinal(t.end)) if t.end else 0
