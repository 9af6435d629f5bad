"""Benchmark the time-expression tagger: expressions and sentences per second on a document file.

Run: ``PYTHONPATH=. .venv/bin/python bench/timex.py DOCS.jsonl`` where DOCS.jsonl has one ``{text, published}``
(or ``date``) object per line, e.g. the output of ``score_timex.py docs`` or ``../shared/corpus/bench_news.jsonl``.
Two passes: whole documents (as ``flashpoint times extract`` does) and sentence by sentence (as the event
extractor does); the sentence split here is a plain regex, not spaCy's.
"""

from __future__ import annotations

import json
import re
import sys
import time

from flashpoint.resolve.times import find_times

_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'`(])|\n\s*\n")


def main(path: str, limit: int = 5000) -> None:
    docs = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                d = json.loads(line)
                docs.append((d["text"], d.get("published") or d.get("date")))
            if len(docs) >= limit:
                break
    chars = sum(len(t) for t, _ in docs)
    for label, units in (("documents", docs),
                         ("sentences", [(s, p) for t, p in docs for s in _SENT.split(t) if s.strip()])):
        best = float("inf")
        found = 0
        for _ in range(3):
            t0 = time.perf_counter()
            found = sum(len(find_times(text, pub)) for text, pub in units)
            best = min(best, time.perf_counter() - t0)
        print(f"{label}: {len(units):,} in {best:.3f} s ({chars / best / 1e6:.2f} M chars/s), "
              f"{found:,} expressions ({found / best:,.0f}/s), {best / len(units) * 1e6:.0f} us per {label[:-1]}")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 5000)
