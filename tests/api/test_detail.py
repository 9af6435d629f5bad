"""Single events and documents, dyads, timeline, points, facets, exports and the packaged web page."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient

from flashpoint.api import create_app
from flashpoint.store import Store
from tests.api.records import one_event


def test_event_detail_has_evidence_documents_and_links(client):
    events = client.get("/events?limit=1000").json()["events"]
    linked = next(e for e in events if e["links"])
    body = client.get(f"/events/{linked['event_id']}").json()
    assert body["ok"] and body["event"]["event_id"] == linked["event_id"]
    docs = {d["sha256"]: d for d in body["documents"]}
    for ev in body["evidence"]:
        doc = client.get(f"/documents/{ev['doc_sha256']}").json()["document"]
        assert doc["text"][ev["start"]:ev["end"]] == ev["text"]
        assert doc["text"][ev["trigger"]["start"]:ev["trigger"]["end"]] == ev["trigger"]["text"]
        assert ev["doc_sha256"] in docs
    out = body["links"]["outgoing"]
    assert {(x["relation"], x["event_id"]) for x in out} == {(x["relation"], x["event_id"]) for x in linked["links"]}
    other = out[0]
    assert other["event"]["event_id"] == other["event_id"]
    back = client.get(f"/events/{other['event_id']}").json()["links"]["incoming"]
    assert any(x["event_id"] == linked["event_id"] and x["relation"] == other["relation"] for x in back)


def test_document_spans_point_into_its_text(client):
    doc = client.get("/documents/demo-001").json()
    text = doc["document"]["text"]
    assert doc["spans"] and all(s["matches_text"] for s in doc["spans"])
    for s in doc["spans"]:
        assert text[s["start"]:s["end"]] == s["text"]
        assert s["start"] <= s["trigger"]["start"] < s["trigger"]["end"] <= s["end"]
    by_sha = client.get(f"/documents/{doc['document']['sha256']}").json()
    assert by_sha["document"]["id"] == "demo-001"
    missing = client.get("/documents/no-such-doc")
    assert missing.status_code == 404 and "no document" in missing.json()["error"]


def test_a_shared_document_id_asks_for_the_sha(tmp_path):
    db = tmp_path / "twins.duckdb"
    with Store.open(db) as store:
        for text in ("Police arrested ten protesters in Dhaka on Monday.", "Rebels attacked a convoy near Goma."):
            doc, event = one_event(text, doc_id="same-id")
            store.add_batch([doc], [event])
    with TestClient(create_app(db)) as c:
        r = c.get("/documents/same-id")
        assert r.status_code == 409
        body = r.json()
        assert body["ok"] is False and len(body["candidates"]) == 2
        one = c.get(f"/documents/{body['candidates'][0]}").json()
        assert len(one["spans"]) == 1 and one["spans"][0]["matches_text"]


def test_dyads_per_week_and_overall(client):
    weekly = client.get("/dyads").json()["dyads"]
    overall = client.get("/dyads?interval=all&limit=5000").json()["dyads"]
    assert weekly and overall
    assert all("week" in d for d in weekly) and all("week" not in d for d in overall)
    for d in weekly + overall:
        assert d["events"] >= 1 and d["fatalities"] >= 0 and -10 <= d["mean_goldstein"] <= 10
        assert d["source"] and d["target"]
    sums: dict[tuple[str, str], int] = {}
    for d in weekly:
        sums[(d["source"], d["target"])] = sums.get((d["source"], d["target"]), 0) + d["events"]
    for d in overall:  # an event counts once per week it falls in, so weeks add up to at least the total
        assert sums[(d["source"], d["target"])] >= d["events"]
    top = overall[0]
    assert top["events"] == max(d["events"] for d in overall)
    irq = client.get("/dyads?interval=all&country=IRQ").json()["dyads"]
    assert sum(d["events"] for d in irq) <= sum(d["events"] for d in overall)
    assert client.get("/dyads?interval=month").status_code == 400


def test_timeline_and_points_agree_with_events(client):
    total = client.get("/events?limit=1").json()["total"]
    tl = client.get("/timeline").json()
    assert sum(d["events"] for d in tl["days"]) + tl["undated"] == total
    irq = client.get("/timeline?country=IRQ").json()
    assert sum(d["events"] for d in irq["days"]) + irq["undated"] == client.get("/events?country=IRQ").json()["total"]
    pts = client.get("/points").json()
    assert pts["total"] == len(pts["rows"]) > 0
    assert pts["columns"][:3] == ["event_id", "lon", "lat"]
    assert all(-180 <= r[1] <= 180 and -90 <= r[2] <= 90 for r in pts["rows"])
    assert len(client.get("/points?limit=3").json()["rows"]) == 3


def test_facets(client):
    f = client.get("/facets").json()
    assert f["events"] == client.get("/events?limit=1").json()["total"]
    assert f["documents"] >= 34 and f["ingest"] is False
    assert any(c["value"] == "IRQ" for c in f["country"])
    assert f["dates"]["min"] <= f["dates"]["max"]


@pytest.mark.parametrize("fmt", ["csv", "parquet", "geojson", "jsonl"])
def test_export_uses_the_same_filters(client, fmt):
    expected = client.get("/events?country=IRN&limit=1000").json()
    r = client.get(f"/export?format={fmt}&country=IRN")
    assert r.status_code == 200, r.text
    assert "attachment" in r.headers["content-disposition"]
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(r.text)))
        assert len(rows) == expected["total"] and {row["country"] for row in rows} == {"IRN"}
    elif fmt == "parquet":
        table = pq.read_table(io.BytesIO(r.content))
        assert table.num_rows == expected["total"]
    elif fmt == "geojson":
        fc = r.json()
        located = [e for e in expected["events"] if (e["location"] or {}).get("lat") is not None]
        assert fc["type"] == "FeatureCollection" and len(fc["features"]) == len(located)
    else:
        ids = [json.loads(line)["event_id"] for line in r.text.splitlines() if line.strip()]
        assert ids == [e["event_id"] for e in expected["events"]]
    assert int(r.headers["x-flashpoint-rows"]) > 0


def test_export_rejects_unknown_format(client):
    r = client.get("/export?format=xlsx")
    assert r.status_code == 400 and "csv, parquet, geojson" in r.json()["error"]


def test_web_page_and_docs_are_served(client):
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert "/static/app.js" in page.text
    assert client.get("/static/app.js").status_code == 200
    assert client.get("/static/countries.geojson").json()["type"] == "FeatureCollection"
    assert client.get("/docs").status_code == 200
    spec = client.get("/openapi.json").json()
    paths = set(spec["paths"])
    assert {"/events", "/events/{event_id}", "/documents/{doc}", "/dyads", "/export", "/documents"} <= paths


def test_a_repeated_actor_code_counts_the_event_once_per_dyad(tmp_path):
    from flashpoint.records import Actor

    db = tmp_path / "dyad.duckdb"
    doc, event = one_event("Rebels attacked a convoy near Goma.", doc_id="d")
    event.fatalities.count = 4
    event.source = [Actor("Rebels", "COD", "CODREB", "rebels"), Actor("M23 fighters", "COD", "CODREB", "rebels")]
    with Store.open(db) as store:
        store.add_batch([doc], [event])
    with TestClient(create_app(db)) as c:
        rows = c.get("/dyads?interval=all").json()["dyads"]
    assert rows == [{"source": "CODREB", "source_name": rows[0]["source_name"], "target": "convoy",
                     "target_name": "convoy", "events": 1, "fatalities": 4, "mean_goldstein": -10.0}]
