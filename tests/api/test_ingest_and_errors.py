"""POST /documents (only with ingestion allowed), request limits, and the one JSON shape of every error."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from flashpoint.api import create_app
from flashpoint.cli import app as cli_app

REPORT = ("Gunmen kill four villagers in Kaduna\n\n"
          "Gunmen on motorcycles attacked a village in Kaduna state on Sunday, killing four villagers, police said.")
OTHER = ("Police fire tear gas at traders in Nairobi\n\n"
         "NAIROBI (Example Wire) — Police fired tear gas on Tuesday to disperse hundreds of traders protesting "
         "against new market fees in central Nairobi, witnesses said.")


@pytest.fixture()
def writable(tmp_path, pipeline):
    with TestClient(create_app(tmp_path / "live.duckdb", allow_ingest=True, pipeline=pipeline,
                               max_body=64 * 1024)) as c:
        yield c


def assert_error(r, status: int, says: str = "") -> dict:
    assert r.status_code == status, r.text
    body = r.json()
    assert body["ok"] is False and body["status"] == status
    assert isinstance(body["error"], str) and body["error"]
    assert says in body["error"]
    return body


def test_ingest_is_off_unless_allowed(client):
    assert_error(client.post("/documents", json={"id": "a", "text": REPORT}), 403, "--allow-ingest")
    assert client.get("/health").json()["read_only"] is True


def test_post_json_runs_the_pipeline_and_stores(writable):
    r = writable.post("/documents?published=2021-06-14", json={"id": "kaduna-1", "text": REPORT})
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["ok"] and body["stored"] == 1 and body["events"] >= 1
    doc = body["documents"][0]
    assert doc["status"] == "stored" and doc["id"] == "kaduna-1" and doc["event_ids"]
    listed = writable.get("/events?doc=kaduna-1").json()
    assert {e["event_id"] for e in listed["events"]} == set(doc["event_ids"])
    assert all(e["location"]["country"] == "NGA" for e in listed["events"] if e["location"])
    again = writable.post("/documents", json={"id": "kaduna-1", "text": REPORT})
    assert again.status_code == 200
    assert again.json()["stored"] == 0 and again.json()["documents"][0]["status"] == "already_stored"
    assert again.json()["documents"][0]["event_ids"] == doc["event_ids"]


def test_post_a_list_reports_bad_records_and_stores_the_rest(writable):
    r = writable.post("/documents", json={"documents": [{"id": "ok", "text": OTHER}, {"id": "no-text"},
                                                        {"id": "blank", "text": "   "}]})
    assert r.status_code == 201
    body = r.json()
    assert [d["id"] for d in body["documents"]] == ["ok"]
    reasons = [x["reason"] for x in body["rejected"]]
    assert reasons == ['missing "text" field', "empty text"]
    assert [x["line"] for x in body["rejected"]] == [2, 3]


def test_post_a_file_upload(writable):
    r = writable.post("/documents?published=2021-06-15",
                      files={"file": ("nairobi report.txt", OTHER.encode(), "text/plain")})
    assert r.status_code == 201, r.text
    doc = r.json()["documents"][0]
    assert doc["id"] == "nairobi_report" and doc["event_ids"]
    stored = writable.get(f"/documents/{doc['sha256']}").json()["document"]
    assert stored["text"] == OTHER and stored["origin"] == "nairobi report.txt"
    jsonl = "\n".join(json.dumps({"id": f"j{i}", "text": t}) for i, t in enumerate([REPORT, OTHER])) + "\n"
    r2 = writable.post("/documents", files={"file": ("batch.jsonl", jsonl.encode(), "application/x-ndjson")})
    assert r2.status_code in (200, 201) and len(r2.json()["documents"]) == 2


@pytest.mark.parametrize("kwargs,status,says", [
    ({"content": b"{not json", "headers": {"content-type": "application/json"}}, 400, "not valid JSON"),
    ({"json": {"id": "x"}}, 400, "no readable document"),
    ({"json": []}, 400, "no documents"),
    ({"json": "just a string"}, 400, "no readable document"),
    ({"json": [{"id": str(i), "text": "x"} for i in range(101)]}, 413, "at most 100"),
    ({"content": b"text", "headers": {"content-type": "text/plain"}}, 415, "Content-Type"),
    ({"files": {"file": ("report.exe", b"MZ\x00\x00", "application/octet-stream")}}, 415, "unsupported file type"),
    ({"files": {"other": ("a.txt", b"hello", "text/plain")}}, 400, '"file"'),
    ({"json": {"id": "x", "text": "y" * 70_000}}, 413, "too large"),
])
def test_bad_posts_get_4xx(writable, kwargs, status, says):
    assert_error(writable.post("/documents", **kwargs), status, says)


def test_bad_published_date(writable):
    assert_error(writable.post("/documents?published=someday", json={"id": "a", "text": REPORT}), 400, "not a date")


def test_body_without_length_is_bounded_too(writable):
    def chunks():
        for _ in range(100):
            yield b"x" * 1024

    assert_error(writable.post("/documents", content=chunks(), headers={"content-type": "application/json"}),
                 413, "too large")


@pytest.mark.parametrize("method,path,status", [
    ("get", "/no/such/path", 404),
    ("delete", "/events", 405),
    ("get", "/events/does-not-exist", 404),
    ("get", "/events?limit=-5", 400),
    ("get", "/dyads?interval=year", 400),
    ("get", "/documents/nope", 404),
    ("get", "/static/missing.js", 404),
    ("post", "/documents", 403),
])
def test_every_error_has_the_same_shape(client, method, path, status):
    r = getattr(client, method)(path)
    body = assert_error(r, status)
    assert set(body) <= {"ok", "error", "status", "rejected", "candidates"}
    assert r.headers["content-type"].startswith("application/json")


def test_serve_command(tmp_path):
    runner = CliRunner()
    help_text = runner.invoke(cli_app, ["serve", "--help"]).output
    assert "--allow-ingest" in help_text and "--port" in help_text
    missing = runner.invoke(cli_app, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 1 and "no such store" in missing.stderr
