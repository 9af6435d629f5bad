"""Latency of the API on a large store: p50/p95/p99 of filtered GET /events from a loopback client.

Builds a synthetic store of ``--n`` events (default 100,000; ``flashpoint.api.synthetic``, bulk-inserted through
``Store.add_batch``), starts ``flashpoint serve`` on it in its own process, and times ``--rounds`` passes over a
mix of filtered requests on one keep-alive connection. Also times the dashboard's other calls (dyads, timeline,
points) and checks that malformed requests get a 4xx. Prints figures; asserts nothing about speed.

Run: ``.venv/bin/python bench/api_latency.py [--n 100000] [--rounds 30] [--db FILE]``
"""

from __future__ import annotations

import argparse
import http.client
import json
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

EVENT_QUERIES = {
    "country": "/events?country=IRQ",
    "country+type": "/events?country=SYR&type=ASSAULT",
    "dates": "/events?since=2019-03-01&until=2019-03-31",
    "actor": "/events?actor=police&limit=100",
    "text": "/events?q=" + quote("near Aleppo"),
    "bbox+conf": "/events?bbox=30,25,50,40&min_confidence=0.7",
    "sorted": "/events?type=PROTEST&sort=-fatalities",
    "deep page": "/events?country=NGA&offset=5000&limit=100",
    "cameo+modality": "/events?cameo=19&modality=alleged,denied",
    "no filter": "/events",
}
OTHER_QUERIES = {
    "dyads week": "/dyads?country=IRQ",
    "dyads all": "/dyads?interval=all&limit=40",
    "timeline": "/timeline",
    "points 20k": "/points?limit=20000",
    "event detail": None,  # filled in with a real id
}
BAD = {
    "unknown filter": "/events?colour=red",
    "malformed date": "/events?since=2020-02-30",
    "huge page": "/events?limit=100000000",
    "sql in text": "/events?q=" + quote("'; DROP TABLE events; --"),
    "sql in sort": "/events?sort=" + quote("date; DROP TABLE events"),
    "bad bbox": "/events?bbox=1,2,3,4,5",
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def timed(conn: http.client.HTTPConnection, path: str) -> tuple[float, int, bytes]:
    t0 = time.perf_counter()
    conn.request("GET", path)
    r = conn.getresponse()
    body = r.read()
    return (time.perf_counter() - t0) * 1000, r.status, body


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def report(name: str, ms: list[float]) -> str:
    return (f"  {name:<16} n={len(ms):<4} p50 {statistics.median(ms):6.1f} ms  p95 {pct(ms, 0.95):6.1f} ms  "
            f"p99 {pct(ms, 0.99):6.1f} ms  max {max(ms):6.1f} ms")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=100_000, help="synthetic events in the store")
    ap.add_argument("--rounds", type=int, default=30, help="passes over the query mix")
    ap.add_argument("--db", help="store to build (or reuse if it exists); default: a temporary file")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(args.db) if args.db else Path(tmp) / "bench.duckdb"
        if not db.exists():
            from flashpoint.api.synthetic import build_store

            t0 = time.perf_counter()
            n = build_store(db, args.n)
            print(f"built {db} with {n:,} events in {time.perf_counter() - t0:.1f} s")
        port = free_port()
        proc = subprocess.Popen([sys.executable, "-m", "flashpoint.cli", "serve", "--db", str(db), "--port",
                                 str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            for _ in range(300):
                try:
                    _, status, body = timed(conn, "/health")
                    break
                except OSError:
                    conn.close()
                    time.sleep(0.1)
            else:
                raise SystemExit("the server did not start")
            print(f"serving {json.loads(body)['events']:,} events on 127.0.0.1:{port}")
            first = json.loads(timed(conn, "/events?limit=1")[2])["events"][0]["event_id"]
            OTHER_QUERIES["event detail"] = f"/events/{first}"
            for path in [*EVENT_QUERIES.values(), *OTHER_QUERIES.values()]:  # warm up
                timed(conn, path)
            per: dict[str, list[float]] = {k: [] for k in [*EVENT_QUERIES, *OTHER_QUERIES]}
            totals: dict[str, int] = {}
            for _ in range(args.rounds):
                for name, path in [*EVENT_QUERIES.items(), *OTHER_QUERIES.items()]:
                    ms, status, body = timed(conn, path)
                    if status != 200:
                        raise SystemExit(f"{path}: HTTP {status}: {body[:200]!r}")
                    per[name].append(ms)
                    if name in EVENT_QUERIES and name not in totals:
                        totals[name] = json.loads(body)["total"]
            print(f"\nGET /events with filters ({args.rounds} rounds, one keep-alive loopback connection):")
            for name in EVENT_QUERIES:
                print(report(name, per[name]) + f"  ({totals[name]:,} match)")
            all_events = [ms for name in EVENT_QUERIES for ms in per[name]]
            print(report("ALL /events", all_events))
            print("\nthe dashboard's other calls:")
            for name in OTHER_QUERIES:
                print(report(name, per[name]))
            print("\nmalformed requests:")
            for name, path in BAD.items():
                _, status, body = timed(conn, path)
                answer = json.loads(body)
                said = answer["error"][:90] if status >= 400 else f"{answer['total']} events (a literal search)"
                print(f"  {name:<16} HTTP {status}  {said}")
            p95 = pct(all_events, 0.95)
            print(f"\np95 of filtered GET /events: {p95:.1f} ms (target < 100 ms) — "
                  f"{'met' if p95 < 100 else 'NOT met'}")
        finally:
            proc.terminate()
            proc.wait(timeout=20)


if __name__ == "__main__":
    main()
