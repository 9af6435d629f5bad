"""Benchmark the gazetteer: index build time, open time, 10,000 lookups after load, and resolving 1,000
documents of 20 mentions each.

Run: ``PYTHONPATH=. .venv/bin/python bench/gazetteer.py`` (builds into a temporary directory, so the
user's cache is left alone).
"""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

from flashpoint.resolve.outlets import OutletTable
from flashpoint.resolve.places import Gazetteer, build, resolve_toponyms

NAMES = ["Baghdad", "Al Qaim", "Paris", "Kabul", "Mogadishu", "Springfield", "Kirkuk province", "Green Zone",
         "Washington", "Georgia", "Gao", "Ouagadougou", "Nairobi", "Mosul", "Aleppo", "Idlib", "Kyiv", "Donetsk"]


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "gazetteer.sqlite"
        t0 = time.perf_counter()
        build(path)
        t1 = time.perf_counter()
        gaz = Gazetteer.open(path)
        t2 = time.perf_counter()
        rng = random.Random(0)
        queries = [rng.choice(NAMES) + ("" if i % 2 else f" {i}") for i in range(10_000)]  # half are cache misses
        t3 = time.perf_counter()
        for q in queries:
            gaz.lookup(q)
        t4 = time.perf_counter()
        docs = [[(rng.choice(NAMES), 10 * k, 10 * k + 5) for k in range(20)] for _ in range(1000)]
        t5 = time.perf_counter()
        for mentions in docs:
            resolve_toponyms(mentions, gaz)
        t6 = time.perf_counter()
        gaz.close()
        print(f"build: {t1 - t0:.2f} s  ({path.stat().st_size / 1e6:.1f} MB)")
        print(f"open: {(t2 - t1) * 1000:.1f} ms")
        print(f"10,000 lookups: {t4 - t3:.3f} s  ({(t4 - t3) * 100:.1f} us/lookup)")
        print(f"1,000 documents x 20 mentions resolved: {t6 - t5:.3f} s  ({t6 - t5:.2f} ms/document)")
    # the outlet table (the country prior a report's source gives): load time and 10,000 source fields read
    OutletTable.load()
    loads = []
    for _ in range(5):
        t0 = time.perf_counter()
        table = OutletTable.load()
        loads.append(time.perf_counter() - t0)
    fields = ["Daily Monitor", "Le Faso; AIB (Burkina Faso); Xinhua", "Vanguard (Lagos)", "Whatsapp", "AFP"]
    t0 = time.perf_counter()
    for i in range(10_000):
        table.country(fields[i % len(fields)] + ("" if i % 2 else f" {i}"))
    t1 = time.perf_counter()
    print(f"outlet table: load {min(loads) * 1000:.1f} ms (best of 5), 10,000 source fields read in {t1 - t0:.3f} s")


if __name__ == "__main__":
    main()
