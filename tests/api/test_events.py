"""GET /events: filters, pagination, sorting, and the 4xx answers to bad requests."""

from __future__ import annotations

import pytest


def all_events(client, query: str = "") -> list[dict]:
    out, offset = [], 0
    while True:
        page = client.get(f"/events?limit=100&offset={offset}&{query}").json()
        out += page["events"]
        offset += 100
        if offset >= page["total"]:
            return out


def test_list_returns_records_and_total(client):
    r = client.get("/events?limit=5")
    assert r.status_code == 200
    body = r.json()
    assert body["ok"] is True and body["total"] > 5 and len(body["events"]) == 5
    ev = body["events"][0]
    assert {"event_id", "cameo", "plover", "evidence", "location", "source", "target", "links"} <= set(ev)


def test_pages_cover_every_event_once(syn):
    total = syn.get("/events?limit=1").json()["total"]
    ids = [e["event_id"] for e in all_events(syn)]
    assert len(ids) == total == 600
    assert len(set(ids)) == total


@pytest.mark.parametrize("sort,key,reverse", [
    ("date", lambda e: e["date"]["start"], False),
    ("-fatalities", lambda e: -1 if e["fatalities"]["count"] is None else e["fatalities"]["count"], True),
    ("confidence", lambda e: e["confidence"], False),
    ("-goldstein", lambda e: e["goldstein"], True),
])
def test_sort(syn, sort, key, reverse):
    events = syn.get(f"/events?limit=200&sort={sort}").json()["events"]
    values = [key(e) for e in events]
    assert values == sorted(values, reverse=reverse)


def test_country_filter_changes_the_count(client):
    total = client.get("/events?limit=1").json()["total"]
    irq = client.get("/events?country=IRQ&limit=1000").json()
    assert 0 < irq["total"] < total
    assert all(e["location"]["country"] == "IRQ" for e in irq["events"])
    lower = client.get("/events?country=irq&limit=1").json()["total"]
    both = client.get("/events?country=IRQ,IRN&limit=1").json()["total"]
    repeated = client.get("/events?country=IRQ&country=IRN&limit=1").json()["total"]
    assert lower == irq["total"] and both == repeated > irq["total"]


def test_filters_each_keep_only_matching_events(syn):
    checks = {
        "type=PROTEST": lambda e: e["plover"]["type"] == "PROTEST",
        "cameo=19": lambda e: e["cameo"].startswith("19"),
        "acled=battles": lambda e: (e["acled"] or {}).get("event_type") == "Battles",
        "acled=Peaceful protest": lambda e: (e["acled"] or {}).get("sub_event_type") == "Peaceful protest",
        "modality=alleged,denied": lambda e: e["modality"] in ("alleged", "denied"),
        "min_confidence=0.8": lambda e: e["confidence"] >= 0.8,
        "since=2019-01-01&until=2019-03-31": lambda e: "2019-01-01" <= e["date"]["start"] <= "2019-03-31",
        "bbox=30,30,50,40": lambda e: 30 <= e["location"]["lon"] <= 50 and 30 <= e["location"]["lat"] <= 40,
        "actor=police": lambda e: any("police" in a["name"].lower() for a in e["source"] + e["target"]),
        "source=army": lambda e: any("army" in a["name"].lower() for a in e["source"]),
        "target=CVL": lambda e: any(a["code"].endswith("CVL") for a in e["target"]),
        "q=near Aleppo": lambda e: any("near aleppo" in v["text"].lower() for v in e["evidence"]),
        "main=true": lambda e: e["main"] is True,
    }
    total = syn.get("/events?limit=1").json()["total"]
    for query, ok in checks.items():
        events = all_events(syn, query)
        assert 0 < len(events) < total, query
        assert all(ok(e) for e in events), query
    # every event that matches is returned: the complement has none that match
    protests = all_events(syn, "type=PROTEST")
    assert len(protests) == sum(1 for e in all_events(syn) if e["plover"]["type"] == "PROTEST")


def test_bbox_across_the_antimeridian(syn):
    assert syn.get("/events?bbox=170,-90,-170,90&limit=1").json()["total"] == 0
    west = syn.get("/events?bbox=-180,-90,0,90&limit=1").json()["total"]
    wrap = syn.get("/events?bbox=179,-90,0,90&limit=1").json()["total"]
    assert wrap == west > 0


@pytest.mark.parametrize("q", ["'; DROP TABLE events; --", "%", "_", "\\", "\" OR 1=1 --", "near%Aleppo"])
def test_text_search_is_literal(syn, q):
    r = syn.get("/events", params={"q": q})
    assert r.status_code == 200 and r.json()["total"] == 0
    assert syn.get("/events?limit=1").json()["total"] == 600  # the table is still there


@pytest.mark.parametrize("query,says", [
    ("colour=red", "unknown query parameter"),
    ("countries=IRQ", "unknown query parameter"),
    ("since=2020-13-45", "since='2020-13-45' is not a date"),
    ("until=yesterday", "is not a date"),
    ("since=2020-02-01&until=2020-01-01", "after until"),
    ("limit=1000000", "limit"),
    ("limit=0", "limit"),
    ("limit=abc", "limit"),
    ("offset=-1", "offset"),
    ("sort=event_id;DROP", "sort="),
    ("bbox=1,2,3", "bbox"),
    ("bbox=0,50,10,40", "south"),
    ("bbox=0,0,500,10", "out of range"),
    ("min_confidence=2", "min_confidence"),
    ("min_confidence=nan", "min_confidence"),
    ("modality=rumoured", "modality"),
    ("country=Iraq", "ISO 3166-1 alpha-3"),
    ("cameo=19a", "CAMEO"),
    ("type=ASSAULT;--", "PLOVER"),
    ("main=perhaps", "main"),
    ("q=" + "x" * 500, "at most 200 characters"),
    ("country=" + ",".join(["IRQ"] * 60), "at most 50 values"),
])
def test_bad_requests_get_400_with_a_clear_message(client, query, says):
    r = client.get(f"/events?{query}")
    assert r.status_code == 400, r.text
    body = r.json()
    assert body["ok"] is False and body["status"] == 400
    assert says in body["error"]


def test_a_page_past_the_end_is_empty_but_keeps_the_total(syn):
    body = syn.get("/events?country=IRQ&offset=100000").json()
    assert body["events"] == [] and body["total"] == syn.get("/events?country=IRQ").json()["total"] > 0
    none = syn.get("/events?country=ATA").json()
    assert none["events"] == [] and none["total"] == 0
