"""Well-formedness of the project-written regional validation set (bench/validation/regional_notes.jsonl)."""

import datetime as dt
import json
from pathlib import Path

import pytest

PATH = Path(__file__).resolve().parents[2] / "bench" / "validation" / "regional_notes.jsonl"

TAXONOMY = {
    "Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {"Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"},
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
    "Protests": {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {"Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"},
}
GOLD_KEYS = {"event_date", "event_type", "sub_event_type", "actor1", "inter1", "actor2", "inter2", "country", "iso3",
             "admin1", "location", "latitude", "longitude", "geo_precision", "fatalities"}


def _load() -> list[dict]:
    with PATH.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


NOTES = _load()


def test_size_and_unique_ids():
    assert len(NOTES) >= 320
    ids = [n["id"] for n in NOTES]
    assert len(ids) == len(set(ids))


def test_every_sub_type_is_covered():
    seen = {n["gold"]["sub_event_type"] for n in NOTES}
    assert seen == set().union(*TAXONOMY.values())


@pytest.mark.parametrize("note", NOTES, ids=lambda n: n["id"])
def test_note_is_well_formed(note):
    assert isinstance(note["text"], str) and note["text"].strip()
    assert isinstance(note["source"], str) and note["source"].strip()
    gold = note["gold"]
    assert set(gold) == GOLD_KEYS
    assert gold["sub_event_type"] in TAXONOMY[gold["event_type"]]
    event, published = dt.date.fromisoformat(gold["event_date"]), dt.date.fromisoformat(note["published"])
    assert event <= published
    assert len(gold["iso3"]) == 3 and gold["iso3"].isalpha() and gold["iso3"].isupper()
    assert note["id"].startswith(f"val-{gold['iso3']}-")
    lat, lon = gold["latitude"], gold["longitude"]
    assert isinstance(lat, int | float) and isinstance(lon, int | float)
    assert -90 <= lat <= 90 and -180 <= lon <= 180
    assert gold["geo_precision"] in (1, 2, 3)
    assert isinstance(gold["fatalities"], int) and not isinstance(gold["fatalities"], bool) and gold["fatalities"] >= 0
    assert gold["inter1"] in range(1, 9) and gold["inter2"] in range(0, 9)
    assert gold["actor1"] and (gold["actor2"] == "") == (gold["inter2"] == 0)
