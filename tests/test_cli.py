"""The commands end to end: bad input is reported with its location and skipped, the rest is stored once."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from flashpoint.cli import EXIT_REJECTED, app

runner = CliRunner()

GOOD = ("Police fire tear gas at protesters in Nairobi\n\n"
        "NAIROBI (Example Wire) — Police fired tear gas on Tuesday to disperse hundreds of traders protesting "
        "against new market fees in central Nairobi, witnesses said. Officers arrested 12 people.")
SECOND = ("Gunmen kill four villagers in Kaduna\n\n"
          "Gunmen on motorcycles attacked a village in Kaduna state on Sunday, killing four villagers, police said.")


@pytest.fixture()
def batch(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text(GOOD, encoding="utf-8")
    (d / "empty.txt").write_text("", encoding="utf-8")
    (d / "binary.txt").write_bytes(b"\x00\x01\x02\xff\xfe" * 40)
    (d / "latin1.txt").write_bytes("Soldats déployés à Ouagadougou après l'attaque.".encode("latin-1"))
    (d / "truncated.html").write_text("<html><head><title>Clash</title></head><body><article><p>Rebels attacked "
                                      "an army post near Goma on Monday, the army said. Two soldiers were kil",
                                      encoding="utf-8")
    lines = [json.dumps({"id": "ok-1", "text": SECOND, "published": "2021-06-14"}),
             json.dumps({"id": "no-text", "title": "missing text"}),
             "{not json"]
    (d / "docs.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return d


def test_ingest_reports_bad_inputs_and_stores_the_rest(batch: Path, tmp_path: Path):
    db = tmp_path / "store.duckdb"
    result = runner.invoke(app, ["ingest", str(batch), "--db", str(db), "--published", "2021-06-15"])
    assert result.exit_code == EXIT_REJECTED, result.output
    err = result.stderr
    assert "empty.txt" in err and "binary.txt" in err
    assert "docs.jsonl:2" in err and "docs.jsonl:3" in err
    # kept, with a warning naming the file: Latin-1 text is decoded, a truncated page is read as far as it goes
    assert "latin1.txt" in err and "truncated.html" in err
    stats = json.loads(result.stdout.strip().splitlines()[-1])
    # good.txt, latin1.txt (decoded as Latin-1, not lost), truncated.html, docs.jsonl line 1
    assert stats["stored"] == 4 and stats["rejected"] == 4
    # Running again stores nothing twice.
    again = runner.invoke(app, ["ingest", str(batch), "--db", str(db), "--published", "2021-06-15"])
    stats2 = json.loads(again.stdout.strip().splitlines()[-1])
    assert stats2["stored"] == 0 and stats2["skipped_known"] == 4
    listed = runner.invoke(app, ["events", "--db", str(db), "--format", "jsonl"])
    assert listed.exit_code == 0
    events = [json.loads(x) for x in listed.stdout.splitlines() if x.strip()]
    assert len({e["event_id"] for e in events}) == len(events) > 0
    kenya = runner.invoke(app, ["events", "--db", str(db), "--country", "KEN", "--format", "jsonl"])
    assert all(json.loads(x)["location"]["country"] == "KEN" for x in kenya.stdout.splitlines() if x.strip())


def test_extract_contract_and_rejects(batch: Path, tmp_path: Path):
    out = tmp_path / "events.jsonl"
    result = runner.invoke(app, ["extract", "--input", str(batch / "docs.jsonl"), "--output", str(out)])
    assert result.exit_code == EXIT_REJECTED
    assert "docs.jsonl:2" in result.stderr
    events = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    attack = next(e for e in events if e["doc_id"] == "ok-1" and e["main"] is True)
    assert attack["fatalities"]["count"] == 4
    assert attack["date"]["start"] == "2021-06-13"
    assert attack["location"]["country"] == "NGA"


def test_extract_plain_text_with_published(tmp_path: Path):
    f = tmp_path / "report.txt"
    f.write_text(GOOD, encoding="utf-8")
    result = runner.invoke(app, ["extract", "--input", str(f), "--published", "2023-03-09", "--output", "-"])
    assert result.exit_code == 0, result.output
    events = [json.loads(x) for x in result.stdout.splitlines() if x.strip()]
    main = next(e for e in events if e["main"])
    assert main["acled"]["event_type"] == "Protests"
    assert main["date"]["start"] == "2023-03-07"


def test_export_formats(batch: Path, tmp_path: Path):
    db = tmp_path / "s.duckdb"
    runner.invoke(app, ["ingest", str(batch / "good.txt"), "--db", str(db), "--published", "2021-06-15"])
    for fmt in ("jsonl", "csv", "parquet", "geojson"):
        out = tmp_path / f"events.{fmt}"
        result = runner.invoke(app, ["export", "--db", str(db), "--format", fmt, "--out", str(out)])
        assert result.exit_code == 0, result.output
        assert out.exists() and out.stat().st_size > 0
    assert pq.read_table(tmp_path / "events.parquet").num_rows >= 1
    geo = json.loads((tmp_path / "events.geojson").read_text(encoding="utf-8"))
    assert geo["type"] == "FeatureCollection"
    bad = runner.invoke(app, ["export", "--db", str(db), "--format", "xml", "--out", str(tmp_path / "x")])
    assert bad.exit_code == 1 and "--format" in bad.stderr


def test_lookups():
    r = runner.invoke(app, ["places", "lookup", "Baghdad", "--limit", "1"])
    assert json.loads(r.stdout.splitlines()[0])["geonameid"] == 98182
    r = runner.invoke(app, ["actors", "lookup", "Kataib Hezbollah"])
    got = json.loads(r.stdout)
    assert got["country"] == "IRQ"


def test_times_extract(tmp_path: Path):
    docs = tmp_path / "d.jsonl"
    docs.write_text(json.dumps({"id": "a", "text": "Fighting on Sunday and last week.", "published": "2019-12-31"})
                    + "\n", encoding="utf-8")
    r = runner.invoke(app, ["times", "extract", "--input", str(docs), "--output", "-"])
    vals = [json.loads(x)["value"] for x in r.stdout.splitlines()]
    assert vals == ["2019-12-29", "2019-W52"]


def test_demo_summary(tmp_path: Path):
    db = tmp_path / "demo.duckdb"
    r = runner.invoke(app, ["demo", "--db", str(db)])
    assert r.exit_code == 0, r.output
    assert "Events by PLOVER type" in r.stdout and "Event chain" in r.stdout
    assert "34 documents" in r.stdout
