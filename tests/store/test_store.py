from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from flashpoint.errors import InputError, StoreError
from flashpoint.records import DateSpan, Location
from flashpoint.store import Store
from tests.store.conftest import make_doc, make_event, strike_event


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(tmp_path / "events.duckdb") as s:
        yield s


def test_round_trip_keeps_the_full_record(store, doc):
    ev = make_event(doc)
    store.add_batch([doc], [ev])
    assert store.has_document(doc.sha256)
    assert store.events() == [ev.to_dict()]
    row = store._conn().execute(
        "SELECT doc_sha256, country, lat, date_start, source_codes, target_names, main FROM events"
    ).fetchall()[0]
    assert row[0] == doc.sha256 and row[1] == "IRQ" and row[2] == pytest.approx(33.34)
    assert str(row[3]) == "2019-12-31" and row[4] == ["IRQOPP"] and row[5] == ["US embassy"] and row[6] is True
    ev_rows = store._conn().execute('SELECT "start", "end", trigger_text, trigger_start FROM evidence').fetchall()
    (start, end, trig, t0), = ev_rows
    assert doc.text[start:end].startswith("Protesters") and doc.text[t0:t0 + len(trig)] == "stormed"
    stored = store._conn().execute("SELECT id, text, published FROM documents").fetchall()
    assert stored == [(doc.id, doc.text, stored[0][2])] and str(stored[0][2]) == "2019-12-31"


def test_links_evidence_and_reopen(tmp_path, doc):
    path = tmp_path / "s.duckdb"
    storm = make_event(doc)
    strike = strike_event(doc, storm)
    with Store.open(path) as s:
        s.add_batch([doc], [storm, strike])
    with Store.open(path, read_only=True) as s:
        assert s.known_hashes([doc.sha256, "0" * 64]) == {doc.sha256}
        assert s._conn().execute("SELECT * FROM links").fetchall() == [
            (strike.event_id, "retaliation_for", storm.event_id)
        ]
        with pytest.raises(StoreError, match="read-only"):
            s.add_batch([doc], [])


def test_re_adding_is_a_no_op(store, doc, second_doc):
    events = [make_event(doc), make_event(second_doc)]
    store.add_batch([doc, second_doc], events)
    before = store.counts()
    store.add_batch([doc, second_doc], events)
    # the same documents with freshly (re-)extracted events: still nothing new
    store.add_batch([doc], [make_event(doc, 7)])
    # duplicates inside one batch
    store.add_batch([second_doc, second_doc], events + events)
    assert store.counts() == before
    assert before["documents"] == 2 and before["events"] == 2
    assert store._conn().execute("SELECT count(*) FROM evidence").fetchall()[0][0] == 2


def test_same_id_different_text_are_two_documents(store):
    a, b = make_doc("Police fired tear gas in Nairobi.", "x"), make_doc("Police fired tear gas in Kampala.", "x")
    store.add_batch([a, b], [make_event(a, trigger="fired"), make_event(b, trigger="fired")])
    rows = store._conn().execute("SELECT doc_sha256, doc_id FROM events ORDER BY doc_sha256").fetchall()
    assert sorted(rows) == sorted([(a.sha256, "x"), (b.sha256, "x")])


def test_crash_mid_batch_then_resume(tmp_path, doc, second_doc, monkeypatch):
    path = tmp_path / "crash.duckdb"
    batches = [([doc], [make_event(doc), strike_event(doc, make_event(doc))]),
               ([second_doc], [make_event(second_doc)])]
    s = Store.open(path)
    real_insert = Store._insert
    calls = {"n": 0}

    def failing_insert(self, table, schema, rows):
        # first batch goes through; the second dies after its documents were inserted, mid-transaction
        if table == "events" and any(r["doc_id"] == "doc-2" for r in rows):
            calls["n"] += 1
            raise RuntimeError("simulated crash")
        return real_insert(self, table, schema, rows)

    monkeypatch.setattr(Store, "_insert", failing_insert)
    with pytest.raises(RuntimeError, match="simulated crash"):
        for docs, events in batches:
            s.add_batch(docs, events)
    assert calls["n"] == 1
    assert s.counts()["documents"] == 1  # the failed batch was rolled back whole
    s.close()
    monkeypatch.setattr(Store, "_insert", real_insert)
    with Store.open(path) as s:  # rerun everything
        for docs, events in batches:
            s.add_batch(docs, events)
        c = s.counts()
        assert (c["documents"], c["events"]) == (2, 3)
        dup = s._conn().execute("SELECT count(*) - count(DISTINCT (event_id, seq)) FROM evidence").fetchall()[0][0]
        assert dup == 0


def test_crash_of_a_whole_process_is_resumable(tmp_path, doc):
    """A process killed after committing one batch leaves a readable store (DuckDB's WAL)."""
    path = tmp_path / "killed.duckdb"
    code = (
        "import os, sys; sys.path[:0] = [sys.argv[2], sys.argv[3]]\n"
        "from flashpoint.store import Store\n"
        "from conftest import make_doc, make_event\n"
        "d = make_doc(); s = Store.open(sys.argv[1]); s.add_batch([d], [make_event(d)]); os._exit(1)\n"
    )
    root = Path(__file__).resolve().parents[2]
    proc = subprocess.run(
        [sys.executable, "-c", code, str(path), str(root), str(Path(__file__).parent)], check=False
    )
    assert proc.returncode == 1
    with Store.open(path) as s:
        s.add_batch([doc], [make_event(doc)])
        assert s.counts()["events"] == 1


def test_filters(store, doc, second_doc):
    storm = make_event(doc)
    strike = strike_event(doc, storm)
    shelling = make_event(
        second_doc, trigger="shelled", plover={"type": "ASSAULT", "mode": None}, date=DateSpan("2020-01-06", None),
        location=Location("Aleppo", "SYR", precision="city"), source=[], target=[],
    )
    undated = make_event(second_doc, 1, trigger="killing", date=DateSpan(None, None, "unknown"), location=None)
    store.add_batch([doc, second_doc], [storm, strike, shelling, undated])

    def ids(**kw):
        return [e["event_id"] for e in store.events(**kw)]

    assert ids() == [strike.event_id, storm.event_id, shelling.event_id, undated.event_id]  # by date, undated last
    assert ids(country="irq") == [strike.event_id, storm.event_id]
    assert ids(country=["SYR", "IRQ"], limit=2) == [strike.event_id, storm.event_id]
    assert ids(since="2019-12-30") == [storm.event_id, shelling.event_id]
    assert ids(until="2019-12-30") == [strike.event_id]
    assert ids(since="2019-12-29", until="2019-12-31", plover_type="assault") == [strike.event_id]
    assert ids(actor="kataib") == [strike.event_id]
    assert ids(actor="usa") == [strike.event_id, storm.event_id, undated.event_id]  # USAMIL, USAGOV codes
    assert ids(actor="'; DROP TABLE events; --") == []
    assert ids(actor="%") == []  # no LIKE wildcards
    assert store.counts()["events"] == 4
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        store.events(since="yesterday")


def test_counts(store, doc, second_doc):
    storm = make_event(doc)
    store.add_batch([doc, second_doc], [storm, strike_event(doc, storm), make_event(second_doc, location=None)])
    store.add_rejects([InputError("bad.jsonl", 3, 10, 'missing "text" field', "line skipped")])
    c = store.counts()
    assert (c["documents"], c["events"], c["rejects"]) == (2, 3, 1)
    assert c["events_by_plover_type"] == {"PROTEST": 2, "ASSAULT": 1}
    assert c["events_by_country"] == {"IRQ": 2, "unknown": 1}
    assert c["top_dyads"][0] == {"source": "IRQOPP", "target": "USAGOV", "events": 2}
    json.dumps(c)


def test_rejects_are_logged_once(store):
    errs = [InputError("a.jsonl", 3, 10, "malformed JSON", "fix it"), InputError("b.bin", None, None, "binary", "x")]
    store.add_rejects(errs)
    store.add_rejects(errs + errs)
    rows = store._conn().execute("SELECT path, line, byte_offset, reason FROM rejects ORDER BY path").fetchall()
    assert rows == [("a.jsonl", 3, 10, "malformed JSON"), ("b.bin", None, None, "binary")]


@pytest.fixture
def filled(store, doc, second_doc):
    storm = make_event(doc)
    strike = strike_event(doc, storm)
    nowhere = make_event(second_doc, trigger="shelled", location=None)
    store.add_batch([doc, second_doc], [storm, strike, nowhere])
    return store, [storm, strike, nowhere]


def test_export_jsonl(filled, tmp_path):
    store, _events = filled
    out = tmp_path / "out" / "events.jsonl"
    assert store.export("jsonl", out) == 3
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert records == store.events()
    assert store.export("jsonl", out, country="IRQ", limit=1) == 1


def test_export_csv(filled, tmp_path):
    store, events = filled
    out = tmp_path / "events.csv"
    assert store.export("csv", out, plover_type="PROTEST") == 2
    with open(out, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 2 and "record" not in rows[0]
    strike_row = next(r for r in store.events() if r["cameo"] == "195")
    assert strike_row["target"][1]["code"] is None
    by_id = {r["event_id"]: r for r in rows}
    assert by_id[events[0].event_id]["source_codes"] == "IRQOPP"
    assert by_id[events[0].event_id]["date_start"] == "2019-12-31"
    store.export("csv", out)
    with open(out, newline="", encoding="utf-8") as f:
        strike_csv = next(r for r in csv.DictReader(f) if r["cameo"] == "195")
    assert strike_csv["target_names"] == "militia fighters; Kataib Hezbollah"
    assert strike_csv["target_codes"] == "IRQMIL; "


def test_export_parquet(filled, tmp_path):
    store, events = filled
    out = tmp_path / "events.parquet"
    assert store.export("parquet", out) == 3
    table = pq.read_table(out)
    assert table.num_rows == 3 and "record" not in table.column_names
    rows = {r["event_id"]: r for r in table.to_pylist()}
    assert rows[events[1].event_id]["target_names"] == ["militia fighters", "Kataib Hezbollah"]
    assert rows[events[1].event_id]["fatalities"] == 25


def test_export_geojson(filled, tmp_path):
    store, _events = filled
    out = tmp_path / "events.geojson"
    assert store.export("geojson", out) == 2
    fc = json.loads(out.read_text(encoding="utf-8"))
    assert fc["type"] == "FeatureCollection" and fc["skipped_without_coordinates"] == 1
    first = fc["features"][0]
    assert first["geometry"] == {"type": "Point", "coordinates": [41.09, 34.37]}
    assert first["properties"]["date_start"] == "2019-12-29"
    with pytest.raises(ValueError, match="unknown export format"):
        store.export("xml", out)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="unknown export filter"):
        store.export("jsonl", out, colour="red")


def test_open_errors(tmp_path):
    with pytest.raises(StoreError, match="no such store"):
        Store.open(tmp_path / "missing.duckdb", read_only=True)
    (tmp_path / "junk.duckdb").write_bytes(b"not a database at all" * 100)
    with pytest.raises(StoreError, match="cannot open"):
        Store.open(tmp_path / "junk.duckdb")


def test_closed_store_raises(tmp_path):
    s = Store.open(tmp_path / "c.duckdb")
    s.close()
    s.close()
    with pytest.raises(StoreError, match="closed"):
        s.events()


def test_bad_event_rolls_back_the_batch(store, doc):
    bad = make_event(doc, goldstein="very negative")
    with pytest.raises(StoreError, match="nothing of it was written"):
        store.add_batch([doc], [bad])
    assert store.counts()["documents"] == 0
