import csv
from importlib.resources import files

import pytest

from flashpoint.ontology import CameoCode, Ontology, load_ontology

ACLED_TAXONOMY = {
    "Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    },
    "Protests": {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
    "Strategic developments": {
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    },
}
ACLED_2016_TYPES = {
    "Battle-No change of territory",
    "Battle-Government regains territory",
    "Battle-Non-state actor overtakes territory",
    "Headquarters or base established",
    "Strategic development",
    "Riots/Protests",
    "Violence against civilians",
    "Non-violent transfer of territory",
    "Remote violence",
}


@pytest.fixture(scope="module")
def onto() -> Ontology:
    return load_ontology()


def _csv(name: str) -> list[dict[str, str]]:
    with files("flashpoint").joinpath("data", name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_loader_is_cached():
    assert load_ontology() is load_ontology()


def test_all_cameo_codes_present(onto):
    codes = onto.codes()
    assert len(codes) == len(set(codes)) == 312
    roots = [c for c in codes if len(c) == 2]
    assert roots == [f"{i:02d}" for i in range(1, 21)]
    assert sum(len(c) == 3 for c in codes) == 147
    assert sum(len(c) == 4 for c in codes) == 145
    for c in codes:
        if len(c) > 2:  # every child's parent is listed too
            assert c[: len(c) - 1 if len(c) == 4 else 2] in codes, c
    assert {"010", "0211", "145", "1831", "195", "2042"} <= set(codes)


def test_event_records_are_sane(onto):
    for c in onto.codes():
        rec = onto.cameo(c)
        assert isinstance(rec, CameoCode)
        assert rec.name and rec.root == c[:2]
        assert -10.0 <= rec.goldstein <= 10.0
        assert rec.quad_class in (1, 2, 3, 4)
    assert onto.cameo("010").name == "Make statement"
    assert onto.cameo("10") is not None and onto.cameo("10").name == "DEMAND"
    assert onto.goldstein("1823") == -10.0
    assert onto.cameo("190").quad_class == 4


def test_every_code_has_a_valid_plover_mapping(onto):
    types = set(onto.plover_types())
    assert len(types) == 16
    rows = {r["cameo"]: r for r in _csv("cameo_plover.csv")}
    assert set(rows) == set(onto.codes())
    for c in onto.codes():
        p = onto.plover(c)
        if c.startswith("01"):  # PLOVER drops CAMEO 01 (public statements)
            assert p["type"] is None and rows[c]["basis"] == "dropped"
            continue
        assert p["type"] in types, c
        assert p["mode"] is None or p["mode"] in onto.plover_modes(p["type"]), (c, p)


def test_plover_types_table(onto):
    rows = _csv("plover_types.csv")
    assert {r["quad"] for r in rows} == {"1", "2", "3", "4"}
    assert "riot" in onto.plover_modes("PROTEST")
    assert onto.plover_modes("NOPE") == []
    assert onto.plover_score("ASSAULT", "aerial") == -9.5
    assert onto.plover_score("PROTEST", "vandalize") == onto.plover_score("PROTEST")


@pytest.mark.parametrize(
    ("code", "type_", "mode"),
    [
        ("145", "PROTEST", "riot"),
        ("1453", "PROTEST", "riot"),
        ("141", "PROTEST", "demo"),
        ("1412", "PROTEST", "demo"),
        ("195", "ASSAULT", "aerial"),
        ("193", "ASSAULT", "firearms"),
        ("183", "ASSAULT", "explosives"),
        ("1831", "ASSAULT", "suicide-attack"),
        ("181", "ASSAULT", "abduct"),
        ("173", "COERCE", "arrest"),
        ("175", "ASSAULT", "crowd-control"),
        ("138", "THREATEN", "violence"),
        ("112", "ACCUSE", "allege"),
        ("111", "ACCUSE", "disapprove"),
        ("0871", "RETREAT", "ceasefire"),
        ("042", "CONSULT", "visit"),
        ("023", "REQUEST", "assist"),
    ],
)
def test_plover_spot_checks(onto, code, type_, mode):
    p = onto.plover(code)
    assert (p["type"], p["mode"]) == (type_, mode)


def test_acled_rows_use_the_current_taxonomy(onto):
    rows = _csv("cameo_acled.csv")
    assert rows
    known = set(onto.codes())
    for r in rows:
        assert r["cameo"] in known
        assert r["sub_event_type"] in ACLED_TAXONOMY[r["event_type"]], r
        assert r["event_type_2016"] in ACLED_2016_TYPES, r


@pytest.mark.parametrize(
    ("code", "event_type", "sub_event_type", "old"),
    [
        ("145", "Riots", "Violent demonstration", "Riots/Protests"),
        ("1451", "Riots", "Violent demonstration", "Riots/Protests"),
        ("141", "Protests", "Peaceful protest", "Riots/Protests"),
        ("195", "Explosions/Remote violence", "Air/drone strike", "Remote violence"),
        ("194", "Explosions/Remote violence", "Shelling/artillery/missile attack", "Remote violence"),
        ("193", "Battles", "Armed clash", "Battle-No change of territory"),
        ("1823", "Violence against civilians", "Attack", "Violence against civilians"),
        ("1821", "Violence against civilians", "Sexual violence", "Violence against civilians"),
        ("181", "Violence against civilians", "Abduction/forced disappearance", "Violence against civilians"),
        ("1831", "Explosions/Remote violence", "Suicide bomb", "Remote violence"),
        ("1833", "Explosions/Remote violence", "Remote explosive/landmine/IED", "Remote violence"),
        ("173", "Strategic developments", "Arrests", "Strategic development"),
        ("175", "Protests", "Excessive force against protesters", "Riots/Protests"),
        ("2041", "Explosions/Remote violence", "Chemical weapon", "Remote violence"),
    ],
)
def test_acled_spot_checks(onto, code, event_type, sub_event_type, old):
    assert onto.acled(code) == {"event_type": event_type, "sub_event_type": sub_event_type}
    assert onto.acled_2016(code) == old


@pytest.mark.parametrize("code", ["010", "042", "112", "143", "191", "2042", "184"])
def test_codes_without_acled_meaning(onto, code):
    # listed codes never inherit an ACLED row from their root (191 blockade is not an armed clash)
    assert onto.acled(code) is None
    assert onto.acled_2016(code) is None


def test_parent_fallback_for_unlisted_codes(onto):
    assert onto.cameo("1959") is None and onto.name("1959") is None
    assert onto.goldstein("1959") == onto.goldstein("195") == -10.0
    assert onto.plover("1959") == onto.plover("195")
    assert onto.acled("1959") == onto.acled("195")
    assert onto.acled_2016("1959") == "Remote violence"
    assert onto.goldstein("199") == onto.goldstein("19")
    assert onto.plover(" 145 ")["mode"] == "riot"


def test_unknown_codes(onto):
    assert onto.cameo("99") is None
    assert onto.goldstein("99") is None
    assert onto.goldstein("") is None
    assert onto.plover("999") == {"type": None, "mode": None, "context": None}
    assert onto.acled("999") is None
