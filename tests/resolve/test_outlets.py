import csv
from importlib.resources import files

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flashpoint.resolve.outlets import SCOPES, OutletTable, tokens

DATA = files("flashpoint") / "data"
TABLE = OutletTable.load()  # loaded once: hypothesis forbids function-scoped fixtures inside @given


def _iso3() -> set[str]:
    with (DATA / "countries.csv").open(encoding="utf-8") as f:
        return {r["iso3"] for r in csv.DictReader(f)}


@pytest.fixture(scope="module")
def table() -> OutletTable:
    return TABLE


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    with (DATA / "outlets.csv").open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


# -- the table ---------------------------------------------------------------------------------------------
def test_table_rows_are_well_formed(rows):
    iso3 = _iso3()
    assert len(rows) >= 900
    for r in rows:
        assert r["name"].strip() == r["name"] and r["name"], r
        assert r["scope"] in SCOPES, r
        assert not r["country"] or r["country"] in iso3, r
        if r["scope"] in ("international", "social", "monitor"):
            assert not r["country"], r  # their home country says nothing about where a story happened


def test_table_covers_many_countries_in_depth(rows):
    per_country: dict[str, int] = {}
    for r in rows:
        if r["country"]:
            per_country[r["country"]] = per_country.get(r["country"], 0) + 1
    assert len(per_country) >= 190
    for iso3 in ("NGA", "CMR", "COD", "CAF", "SDN", "SSD", "ETH", "SOM", "KEN", "UGA", "MOZ", "ZAF", "ZWE", "LBY",
                 "EGY", "TUN", "MLI", "BFA", "NER", "TCD", "BEN", "TGO", "GHA", "CIV", "GIN", "SEN", "BDI", "RWA",
                 "TZA", "ZMB", "IRQ", "SYR", "YEM", "LBN", "ISR", "PSE", "IRN", "TUR", "AFG", "PAK", "IND", "BGD",
                 "NPL", "LKA", "MMR", "THA", "PHL", "IDN", "MYS", "MEX", "COL", "VEN", "BRA", "PER", "CHL", "ARG",
                 "HTI", "UKR", "RUS"):
        assert per_country.get(iso3, 0) >= 10, iso3


def test_no_key_is_shared_by_outlets_of_two_countries(table):
    shared = [k for k, o in table.outlets.items() if o.name == k and o.country is None and o.scope == "national"]
    assert shared == []


# -- normalisation -----------------------------------------------------------------------------------------
def test_tokens_fold_case_accents_punctuation_and_web_suffixes():
    assert tokens("L'Observateur Paalga") == ["lobservateur", "paalga"]
    assert tokens("Télé Tchad") == ["tele", "tchad"]
    assert tokens("Premiumtimesng.com") == ["premiumtimesng"]
    assert tokens("www.Newtimes.co.rw") == ["newtimes", ".rw"]
    assert tokens("Mail & Guardian") == ["mail", "and", "guardian"]
    assert tokens("U.S. News") == ["u", "s", "news"]


# -- national outlets ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(("source", "iso3"), [
    ("Daily Monitor", "UGA"),
    ("Radio Okapi", "COD"),
    ("Dawn", "PAK"),
    ("Prothom Alo", "BGD"),
    ("Radio Dabanga", "SDN"),
    ("The Irrawaddy", "MMR"),
    ("Mizzima", "MMR"),
    ("Myanmar Now", "MMR"),
    ("Camer.be", "CMR"),
    ("Premiumtimesng.com", "NGA"),
    ("premium times", "NGA"),
    ("PREMIUM TIMES", "NGA"),
    ("The Premium Times", "NGA"),
    ("Lefaso.net", "BFA"),
    ("Agence d'Information du Burkina", "BFA"),
    ("Agence d Information du Burkina", "BFA"),
    ("Algerie Presse Service", "DZA"),
    ("Algérie Presse Service", "DZA"),
    ("ENA", "ETH"),
    ("KUNA", "KWT"),
    ("WAM", "ARE"),
    ("IRNA", "IRN"),
    ("SANA", "SYR"),
    ("Bernama", "MYS"),
    ("Antara News", "IDN"),
    ("PNA", "PHL"),
    ("BSS", "BGD"),
    ("APP", "PAK"),
    ("PTI", "IND"),
    ("Al-Masirah", "YEM"),
    ("Masirah", "YEM"),  # without the article
    ("Le Pays", "BFA"),  # the only "Le Pays" in the table
    ("Newtimes.co.rw", "RWA"),
    ("Daily Monitor Uganda", "UGA"),
    ("Xinhua; Radio Okapi", "COD"),
    ("AFP/Daily Monitor", "UGA"),
])
def test_known_outlets_give_their_country(table, source, iso3):
    assert table.country(source) == iso3


@pytest.mark.parametrize("source", [
    "AFP", "Agence France-Presse", "Reuters", "Associated Press", "AP", "Xinhua", "Xinhua News Agency - French",
    "BBC", "BBC Somali", "Voice of America", "RFI", "Radio France Internationale", "Al Jazeera", "Anadolu Agency",
    "TRT World", "Deutsche Welle", "CNN", "France 24", "Sputnik", "TASS", "Kyodo",
    "Twitter", "Facebook", "WhatsApp", "Telegram", "YouTube", "Undisclosed Source", "Local Source", "Local Media",
    "X (formerly Twitter)", "UNOCHA", "OCHA", "Human Rights Watch", "Amnesty International", "ICRC", "UNHCR",
    "ACLED", "Reuters; AP; AFP", "Reuters and AFP", "AFP/Reuters",
])
def test_wires_social_media_and_monitors_say_nothing(table, source):
    assert table.country(source) is None


def test_international_outlet_ignores_a_country_beside_it(table):
    assert table.country("Xinhua (Kenya)") is None
    assert table.country("Reuters Nairobi") is None
    assert table.country("Human Rights Watch report on Mali") is None


# -- several outlets -------------------------------------------------------------------------------------------
def test_several_outlets_vote(table):
    assert table.country("Le Faso; AIB (Burkina Faso); Xinhua") == "BFA"
    assert table.country("Le Faso, Sidwaya") == "BFA"
    assert table.country("Le Faso and Sidwaya") == "BFA"
    assert table.country("Daily Monitor; New Vision; Daily Nation") == "UGA"  # most frequent
    assert table.country("Daily Monitor; Daily Nation") is None  # a tie
    assert table.country("Daily Monitor; Reuters; AFP; Twitter") == "UGA"


def test_names_with_and_are_one_outlet(table):
    assert table.country("Trinidad and Tobago Guardian") == "TTO"
    assert table.country("Mail & Guardian") == "ZAF"
    assert table.country("Mail and Guardian; Reuters") == "ZAF"


# -- parentheses -----------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("source", "iso3"), [
    ("Daily Nation (Kenya)", "KEN"),
    ("Star (Kenya)", "KEN"),
    ("The Star (Kenya)", "KEN"),
    ("Vanguard (Lagos)", "NGA"),
    ("Radio Liberte (Burkina Faso)", "BFA"),
    ("Radio Liberté (Burkina Faso)", "BFA"),
    ("Monitor (Kampala)", "UGA"),
    ("The Guardian (Lagos)", "NGA"),  # the place in parentheses wins over the common "Guardian"
    ("The Nation (Lagos)", "NGA"),
    ("The Nation (Pakistan)", "PAK"),
    ("Alwihda (Tchad)", "TCD"),
    ("Radio Okapi (Bunia, Ituri)", "COD"),
    ("Some Weekly Paper (Nairobi)", "KEN"),  # an unknown outlet: the capital says it
    ("Daily Star (Bangladesh)", "BGD"),
    ("Daily Star (Lebanon)", "LBN"),
])
def test_a_place_in_parentheses_wins(table, source, iso3):
    assert table.country(source) == iso3


def test_a_language_in_parentheses_is_not_a_country(table):
    assert table.country("Radio Okapi (French)") == "COD"
    assert table.country("Some Radio (English)") is None


def test_city_lookup_can_be_passed_in():
    towns = {"Beni": "COD", "Kasese": "UGA", "Nowhere": "XXX"}
    table = OutletTable.load(city_country=towns.get)
    assert table.country("Radio Moto (Beni)") == "COD"
    assert table.country("Unknown FM (Kasese)") == "UGA"
    assert table.country("Unknown FM (Nowhere)") is None  # not a country code the table knows
    assert TABLE.country("Unknown FM (Kasese)") is None


# -- unknown outlets -----------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("source", "iso3"), [
    ("Rwanda News Agency", "RWA"),
    ("Radio Television Burundi", "BDI"),
    ("Nepal Times", "NPL"),
    ("Kenya Red Cross", "KEN"),
    ("Voice of Chad Weekly", "TCD"),
    ("The Zambian Sentinel", "ZMB"),  # a demonym in the name
    ("South Sudan Tribune", "SSD"),  # not "Sudan Tribune"
    ("somethingnews.co.ke", "KEN"),  # the web domain's country
])
def test_a_country_in_an_unknown_outlets_name(table, source, iso3):
    assert table.country(source) == iso3


@pytest.mark.parametrize("source", [
    None, "", " ; , ", "Kashmir Monitor", "Facebook page of the governor", "Daily Star", "The Nation",
    "Some Unknown Radio", "Radio", "News", "Star", "The Wire Service", "Gazette", "12345",
])
def test_unknown_or_ambiguous_outlets_give_nothing(table, source):
    assert table.country(source) is None


def test_words_of_a_name_are_not_outlets(table):
    # "Monitor" (Daily Monitor, Uganda) is a word of another name, never matched inside a word either
    assert table.country("Kashmir Monitor") is None
    assert table.country("Monitoring Desk") is None
    assert table.country("Dawning Report") is None
    assert [o.name for o in table.outlets_in("Le Faso; AIB (Burkina Faso); Xinhua")] == [
        "Le Faso", "Agence d'Information du Burkina", "Xinhua"]


# -- properties --------------------------------------------------------------------------------------------------
ISO3 = _iso3()


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.none(), st.text(max_size=80),
                 st.lists(st.sampled_from(["Daily", "Monitor", "(Kenya)", "(Lagos", ")", ";", ",", "and", "AFP",
                                           "Radio", "Okapi", ".co.ke", "Premiumtimesng.com", "é", "The", "/", "-",
                                           "Nation", "Xinhua", "Sudan", "www.", "[", "]", "Le Faso"]),
                          max_size=12).map(" ".join)))
def test_any_string_gives_none_or_a_known_code(source):
    found = TABLE.country(source)
    assert found is None or (len(found) == 3 and found.isupper() and found in ISO3)
