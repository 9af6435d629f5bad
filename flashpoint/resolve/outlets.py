"""News outlets and the country a source field states.

A report's outlet is a prior for where it happened, as it is for a human coder: a story from "Daily Monitor"
(Uganda) or "Radio Okapi" (DR Congo) with an ambiguous village name most likely lies in that outlet's country.
Wires, global broadcasters, social media and international monitors say nothing about where a story happened.

``data/outlets.csv`` lists outlets with ``name``, ``aliases`` (``|``-separated), ``country`` (ISO3; empty for
outlets without one home country) and ``scope``: ``national`` and ``regional`` outlets locate (a regional outlet
only when its region lies in one country, i.e. when it has a country), ``international``, ``social`` and
``monitor`` ones do not. A qualifier in parentheses in a name ("The Nation (Nigeria)") is part of the name; the
bare name ("The Nation") is also known when no other outlet shares it.

``OutletTable.country`` reads a source field as news metadata gives it ("Le Faso; AIB (Burkina Faso); Xinhua",
"Vanguard (Lagos)", "Premiumtimesng.com") and returns the ISO3 code its outlets state, or ``None``.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

SCOPES = frozenset({"national", "regional", "international", "social", "monitor"})
LOCATING = frozenset({"national", "regional"})

# Words around an outlet's name that do not make it another outlet ("Xinhua News Agency - French",
# "Dawn News Online", "The Daily Star Dhaka edition").
_QUALIFIERS = frozenset("""
the a an of and de du des la le les el al en in on via from by for et y e da do di at as to with ver
news newspaper newspapers paper daily weekly sunday saturday online edition version service services website web
site digital tv television radio fm channel network agency media group report reports live net com international
national local africa african world global press wire newswire bureau correspondent staff reporter section page
feed blog podcast video mobile plus info breaking latest update updates official account post posts english
french arabic spanish portuguese swahili kiswahili amharic hausa somali russian ukrainian chinese german turkish
persian farsi urdu hindi bengali bangla burmese pashto dari kurdish tigrinya oromo lingala sango fulfulde bambara
wolof malagasy nepali sinhala tamil indonesian malay thai khmer vietnamese noticias nouvelles actualite actualites
""".split())
# Language words that are also demonyms say which edition, not which country ("RFI - English").
_LANGUAGES = frozenset({"french", "english", "spanish", "portuguese", "arabic", "german", "russian", "chinese",
                        "persian", "somali", "swahili", "hausa", "italian", "dutch", "turkish", "kurdish"})
_NOT_CITIES = frozenset({"victoria", "hamilton", "the valley", "valley", "male", "plymouth", "douglas", "kingston",
                         "san jose", "saint johns", "st johns", "george town", "jamestown", "west island",
                         "whitehall", "downing street", "washington", "santiago", "praia"})
_GENERIC_TLDS = frozenset({"com", "net", "org", "info", "biz", "news", "media", "online", "tv", "fm", "io", "me",
                           "co", "africa", "press", "live", "site", "world", "today", "blog", "radio", "xyz"})
_SECOND_LEVEL = frozenset({"com", "co", "org", "net", "gov", "go", "ac", "edu", "or", "ne", "info", "gouv", "nic",
                           "news", "web", "in"})
_CC_OVERRIDES = {"uk": "GBR"}
_SEPARATORS = frozenset(";,|\n")
_APOSTROPHES = dict.fromkeys(map(ord, "'’‘`ʼʻ´"), None)
_NON_ALNUM = re.compile(r"[^0-9a-z]+")


@dataclass(frozen=True, slots=True)
class Outlet:
    """One outlet: its name, home country (ISO3 or ``None``) and scope."""

    name: str
    country: str | None
    scope: str

    @property
    def locates(self) -> bool:
        """Whether the outlet's country says where its stories happen."""
        return self.scope in LOCATING


def _fold(text: str) -> str:
    """Lower case, no accents, apostrophes dropped, other punctuation to spaces."""
    if text.isascii():
        return _NON_ALNUM.sub(" ", text.lower().translate(_APOSTROPHES))
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return "".join(ch if ch.isalnum() else " " for ch in text)


def _web(word: str) -> tuple[str, str | None]:
    """A web name without its suffix and with its country-code domain: "Newtimes.co.rw" -> ("Newtimes", "rw")."""
    low = word.lower().strip(".:")
    for prefix in ("https://", "http://", "www."):
        low = low.removeprefix(prefix)
    parts = low.split("/")[0].split(".")
    if len(parts) < 2 or not all(parts) or not parts[-1].isascii() or not parts[-1].isalpha():
        return word, None
    cc = None
    if parts[-1] in _GENERIC_TLDS:
        parts.pop()
    elif len(parts[-1]) == 2 and len(parts[-2]) >= 2:
        cc = parts.pop()
    else:
        return word, None
    while len(parts) > 1 and parts[-1] in _SECOND_LEVEL:
        parts.pop()
    return " ".join(parts), cc


def tokens(text: str) -> list[str]:
    """Normalised words of a name or source; a country-code domain becomes a token of its own (".rw")."""
    text = text.replace("&", " and ")
    if "." not in text:
        return _fold(text).split()
    out: list[str] = []
    for word in text.split():
        if "." not in word:
            out.extend(_fold(word).split())
            continue
        base, cc = _web(word)
        out.extend(_fold(base).split())
        if cc:
            out.append("." + cc)
    return out


class OutletTable:
    """Outlet names and aliases with their countries, and the place names a source field may carry."""

    def __init__(self, outlets: dict[str, Outlet], places: dict[str, tuple[str, str]],
                 cc_countries: dict[str, str], city_country: Callable[[str], str | None] | None = None) -> None:
        """``outlets``: normalised key -> outlet; ``places``: normalised key -> (ISO3, kind) with kind one of
        "country", "demonym", "city"; ``cc_countries``: country-code domain (".rw") -> ISO3; ``city_country``:
        an optional lookup for a place in parentheses the built-in tables do not know."""
        self.outlets = outlets
        self.places = places
        self.cc_countries = cc_countries
        self.city_country = city_country
        self._countries = frozenset(c for c, _ in places.values()) | frozenset(cc_countries.values())
        self._max_outlet = max((k.count(" ") + 1 for k in outlets), default=1)
        self._max_place = max((k.count(" ") + 1 for k in places), default=1)

    # -- loading ---------------------------------------------------------------------------------------
    @classmethod
    def load(cls, path: str | Path | None = None, *, countries_path: str | Path | None = None,
             city_country: Callable[[str], str | None] | None = None) -> OutletTable:
        """Read ``outlets.csv`` and ``countries.csv`` (the packaged ones unless paths are given)."""
        data = files("flashpoint") / "data"
        with (data / "outlet_places.csv").open(encoding="utf-8") as f:
            extra = [(r["kind"], r["name"], r["country"]) for r in csv.DictReader(f)]
        with (Path(countries_path) if countries_path else data / "countries.csv").open(encoding="utf-8") as f:
            places, cc = _place_index(csv.DictReader(f), extra)
        with (Path(path) if path else data / "outlets.csv").open(encoding="utf-8") as f:
            outlets = _outlet_index(_rows(f), {iso3 for iso3, _ in places.values()})
        return cls(outlets, places, cc, city_country)

    # -- lookup ----------------------------------------------------------------------------------------
    def country(self, source: str | None) -> str | None:
        """The ISO3 code the outlets in a source field state, or None.

        Each national or regional outlet votes for its country (a country or city in parentheses after it, or a
        country named beside it, wins over its home country); international, social and monitor outlets do not
        vote. An unknown outlet votes for a country in parentheses or in its name ("Rwanda News Agency"), else for
        its web domain's country. The most frequent vote wins; a tie gives None.
        """
        if not source:
            return None
        votes: Counter[str] = Counter()
        for unit in _units(source):
            votes.update(self._unit_votes(unit))
        if not votes:
            return None
        (best, n), *rest = votes.most_common(2)
        return None if rest and rest[0][1] == n else best

    def outlets_in(self, source: str | None) -> list[Outlet]:
        """The known outlets a source field names, in order."""
        found: list[Outlet] = []
        for unit in _units(source or ""):
            text, _ = _split_parens(unit)
            words = tokens(text)
            found.extend(o for _, _, o in self._accepted(words))
        return found

    def _unit_votes(self, unit: str) -> list[str]:
        text, parens = _split_parens(unit)
        words = tokens(text)
        matches = self._accepted(words)
        locations = self._locations(words, matches)
        paren = next((c for c in map(self._paren_country, parens) if c), None)
        if matches:
            located = [o for _, _, o in matches if o.locates]
            if not located:
                return []  # a wire, a social network or a monitor, wherever it says it is
            named = [c for c, kind in locations.values() if kind == "country"]
            override = paren or (named[0] if named else None)
            return [override or o.country for o in located if override or o.country]
        if paren:
            return [paren]
        named = [c for c, kind in locations.values() if kind in ("country", "demonym")]
        if named:
            return [Counter(named).most_common(1)[0][0]]
        ccs = [self.cc_countries[w] for w in words if w in self.cc_countries]
        return ccs[:1]

    def _locations(self, words: list[str], outlets: list[tuple[int, int, Outlet]]) -> dict[int, tuple[str, str]]:
        """Word index -> (ISO3, kind) for country names, demonyms, cities and country domains among ``words``
        outside the given outlet names, longest names first."""
        taken = {i for s, e, _ in outlets for i in range(s, e)}
        out: dict[int, tuple[str, str]] = {}
        for s, e, hit in _greedy(words, self.places, self._max_place):
            if not taken.intersection(range(s, e)):
                out[s] = hit
                out.update({i: (hit[0], "part") for i in range(s + 1, e)})
        for i, w in enumerate(words):
            if w in self.cc_countries and i not in taken:
                out[i] = (self.cc_countries[w], "domain")
        return out

    def _accepted(self, words: list[str]) -> list[tuple[int, int, Outlet]]:
        """The outlet names in ``words`` that are whole names, not words of another name ("Kashmir Monitor" is not
        "Monitor", "The Zambian Sentinel" is not "The Sentinel"): all of them when every other word is a qualifier
        or a place other than a demonym; else those of two or more words that begin the unit."""
        matches = _greedy(words, self.outlets, self._max_outlet)
        if not matches:
            return []
        locations = self._locations(words, matches)
        covered = {i for s, e, _ in matches for i in range(s, e)}
        other = [i for i, w in enumerate(words) if i not in covered and not w.isdigit()
                 and (locations[i][1] == "demonym" if i in locations else w not in _QUALIFIERS)]
        if not other:
            return matches
        first = next((i for i, w in enumerate(words) if w not in _QUALIFIERS), 0)
        return [(s, e, o) for s, e, o in matches if e - s >= 2 and s == first]

    def _paren_country(self, text: str) -> str | None:
        """The country a parenthesised place names: "(Kenya)", "(Lagos)", "(Bunia, Ituri)"; not a language."""
        words = tokens(text)
        for _, _, (iso3, kind) in _greedy(words, self.places, self._max_place):
            if kind in ("country", "city"):
                return iso3
        if self.city_country is not None and words:
            found = self.city_country(text.strip())
            if found in self._countries:
                return found
        return None


def _greedy(words: list[str], table: dict, longest: int) -> list:
    """Non-overlapping (start, end, value) matches of ``table`` keys in ``words``, longest first, left to right."""
    out = []
    i = 0
    while i < len(words):
        for n in range(min(longest, len(words) - i), 0, -1):
            hit = table.get(" ".join(words[i:i + n]))
            if hit is not None:
                out.append((i, i + n, hit))
                i += n
                break
        else:
            i += 1
    return out


def _units(source: str) -> list[str]:
    """A source field split into its outlets at ``;``, ``,``, ``|`` and new lines outside parentheses."""
    units, depth, start = [], 0, 0
    for i, ch in enumerate(source):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif ch in _SEPARATORS and depth == 0:
            units.append(source[start:i])
            start = i + 1
    units.append(source[start:])
    return [u for u in (u.strip() for u in units) if u]


def _split_parens(unit: str) -> tuple[str, list[str]]:
    """("Vanguard", ["Lagos"]) from "Vanguard (Lagos)"; an unclosed parenthesis runs to the end."""
    text, parens, depth, buf = [], [], 0, []
    for ch in unit:
        if ch in "([":
            depth += 1
            if depth == 1:
                buf = []
                text.append(" ")
                continue
        elif ch in ")]" and depth:
            depth -= 1
            if depth == 0:
                parens.append("".join(buf))
                continue
        (buf if depth else text).append(ch)
    if depth:
        parens.append("".join(buf))
    return "".join(text), parens


def _key(words: list[str]) -> str:
    """The lookup key of a name's words: without a leading "the"."""
    return " ".join(words[1:] if len(words) > 1 and words[0] == "the" else words)


def _weak_keys(name: str, key: str) -> list[str]:
    """Shorter forms a name (with exact key ``key``) may appear in: without its parenthesised qualifier, without
    an Arabic article ("Le Pays (Burkina Faso)" -> "le pays"; "Al-Masirah" -> "masirah")."""
    keys = [key]
    cut = name.find("(")
    if cut > 0:
        keys[0] = _key(tokens(name[:cut]))
    if keys[0].startswith(("al ", "el ")):
        keys.append(keys[0][3:])
    return [k for k in keys if k and k != key]


def _rows(lines: Iterable[str]) -> Iterator[tuple[str, str, str, str]]:
    """(name, aliases, country, scope) rows of an outlets CSV, whatever the order of its columns."""
    reader = csv.reader(lines)
    header = next(reader, [])
    at = [header.index(col) if col in header else -1 for col in ("name", "aliases", "country", "scope")]
    for row in reader:
        if row:
            yield tuple(row[i] if 0 <= i < len(row) else "" for i in at)  # type: ignore[misc]


def _outlet_index(rows: Iterable[tuple[str, str, str, str]], known: Collection[str]) -> dict[str, Outlet]:
    """Normalised key -> outlet. Names and aliases are exact keys; a key two outlets of different countries share
    locates nowhere. Shorter forms (see ``_weak_keys``) are added when no exact key and no other outlet has them
    and they are distinctive (two words or six letters). A country not in ``known`` is dropped."""
    exact: dict[str, Outlet] = {}
    weak: dict[str, Outlet | None] = {}  # None: shared by outlets of two countries
    for name, aliases, country, scope in rows:
        scope = scope.strip()
        if scope not in SCOPES or not name.strip():
            continue
        name = name.strip()
        country = country.strip().upper()
        outlet = Outlet(name, country if country in known else None, scope)
        names = [name, *(a.strip() for a in aliases.split("|") if a.strip())]
        for n in names:
            words = tokens(n)
            if not words:
                continue
            key = _key(words)
            if key in _QUALIFIERS:
                continue  # "The Wire", "The Local": a word every outlet's name may carry
            prev = exact.get(key)
            if prev is None:
                exact[key] = outlet
            elif (prev.country, prev.locates) != (outlet.country, outlet.locates):
                exact[key] = Outlet(key, None, "national")  # shared by outlets of two countries
            for weak_key in _weak_keys(n, key):
                other = weak.setdefault(weak_key, outlet)
                if other is not None and (other.country, other.locates) != (outlet.country, outlet.locates):
                    weak[weak_key] = None
    for key, found in weak.items():
        if found is not None and key not in exact and key not in _QUALIFIERS and (" " in key or len(key) >= 6):
            exact[key] = found
    return exact


def _place_index(rows: Iterable[dict[str, str]], extra_places: Iterable[tuple[str, str, str]] = ()
                 ) -> tuple[dict[str, tuple[str, str]], dict[str, str]]:
    """Country names, demonyms and cities (normalised) -> (ISO3, kind); country-code domains -> ISO3.
    ``extra_places``: (kind, name, ISO3) rows of data/outlet_places.csv."""
    places: dict[str, tuple[str, str]] = {}
    cc: dict[str, str] = {}

    def add(text: str, iso3: str, kind: str) -> None:
        words = tokens(text)
        key = " ".join(words[1:] if len(words) > 1 and words[0] == "the" else words)
        if key and key not in _NOT_CITIES and key not in places:
            places[key] = (iso3, kind)

    rows = list(rows)
    for row in rows:
        iso3 = row["iso3"]
        for name in [row["name"], *(row.get("variants") or "").split("|")]:
            if name.strip():
                add(name, iso3, "country")
        if row.get("iso2"):
            cc["." + row["iso2"].lower()] = iso3
    extra = list(extra_places)
    for kind, name, iso3 in extra:
        if kind == "country":  # country names in other languages ("Tchad", "Côte d'Ivoire" spellings)
            add(name, iso3, "country")
    for row in rows:
        for dem in (row.get("demonyms") or "").split("|"):
            if dem.strip() and " ".join(tokens(dem)) not in _LANGUAGES:
                add(dem, row["iso3"], "demonym")
    for row in rows:
        for city in (row.get("capitals") or "").split("|"):
            if city.strip():
                add(city, row["iso3"], "city")
    for kind, name, iso3 in extra:
        if kind == "city":  # large non-capital cities a source may name in parentheses ("Vanguard (Lagos)")
            add(name, iso3, "city")
    cc.update({"." + k: v for k, v in _CC_OVERRIDES.items()})
    return places, cc
