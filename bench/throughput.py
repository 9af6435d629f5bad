"""Throughput and memory: bare spaCy parsing vs the full flashpoint pipeline, on the same articles.

    python bench/throughput.py [--corpus ../shared/corpus/bench_news.jsonl] [--n 500] [--processes 1]

Prints articles/s and tokens/s for both, their ratio, and the peak resident memory of this process.
The corpus is read from ../shared (never shipped with the repository).
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

from flashpoint.clean import clean
from flashpoint.extract.classifier import SubtypeClassifier
from flashpoint.nlp import load_model
from flashpoint.pipeline import Pipeline
from flashpoint.records import Document
from flashpoint.resolve.coding import Resolver


def read_corpus(path: Path, n: int) -> list[Document]:
    docs = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if len(docs) >= n:
                break
            rec = json.loads(line)
            if not str(rec.get("text") or "").strip():
                continue
            docs.append(Document(id=str(rec["id"]), text=rec["text"], title=rec.get("title"),
                                 published=str(rec.get("date") or rec.get("published") or "")[:10] or None))
    return docs


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", default=str(Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"
                                            / "bench_news.jsonl"))
    ap.add_argument("--n", type=int, default=500)
    ap.add_argument("--processes", type=int, default=1)
    args = ap.parse_args()
    docs = read_corpus(Path(args.corpus), args.n)
    if not docs:
        sys.exit(f"no documents read from {args.corpus}")
    nlp = load_model()
    pipe = Pipeline(nlp, Resolver.load(), classifier=SubtypeClassifier.load())
    # Warm up both paths (model caches, gazetteer index) so neither pays a one-off cost in the timing.
    list(pipe.run(docs[:5]))
    rss_loaded = peak_rss_mb()

    # Bare spaCy: the same text the pipeline parses (the eventful segments of each document).
    texts = [seg.text for cd in clean(docs) for _, seg in cd.eventful()]
    t0 = time.perf_counter()
    tokens = 0
    for sdoc in nlp.pipe(texts, batch_size=64, n_process=args.processes):
        tokens += len(sdoc)
    bare = time.perf_counter() - t0

    t0 = time.perf_counter()
    n_events = 0
    for r in pipe.run(docs, batch_size=64, n_process=args.processes):
        n_events += len(r.events)
    full = time.perf_counter() - t0

    out = {
        "articles": len(docs), "tokens": tokens, "events": n_events, "processes": args.processes,
        "bare_spacy": {"seconds": round(bare, 2), "articles_per_s": round(len(docs) / bare, 1),
                       "tokens_per_s": round(tokens / bare)},
        "full_pipeline": {"seconds": round(full, 2), "articles_per_s": round(len(docs) / full, 1),
                          "tokens_per_s": round(tokens / full)},
        "ratio_full_to_bare": round(bare / full, 3),
        "peak_rss_mb": {"after_load": round(rss_loaded), "end": round(peak_rss_mb())},
    }
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
