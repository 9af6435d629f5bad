"""Standalone score of the learned sub-type classifier on ACLED notes (text only, no pipeline).

    python bench/classifier_acled.py [--eval ../shared/eval] [--model PATH] [--confusions N]

Reads ``acled/acled_modern.dev.jsonl`` from the evaluation directory at run time only (nothing from it is
stored or trained on) and prints, for lines 1, 3, 5, ... (development) and 2, 4, 6, ... (held out)
separately: event type and sub-event type accuracy, top-3 sub-type accuracy, calibration (mean probability
of the predicted label when right and when wrong), and the most frequent sub-type confusions (labels and
counts only, no text).
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from flashpoint.extract.classifier import NONE, SUBTYPE_TO_TYPE, SubtypeClassifier  # noqa: E402


def score(model: SubtypeClassifier, rows: list[dict], name: str, n_conf: int) -> None:
    """Print the figures for one half."""
    n = len(rows)
    type_ok = sub_ok = top3_ok = 0
    p_right: list[float] = []
    p_wrong: list[float] = []
    conf: collections.Counter[tuple[str, str]] = collections.Counter()
    for r in rows:
        gold_sub, gold_type = r["gold"]["sub_event_type"], r["gold"]["event_type"]
        probs = model.predict_proba(r["text"])
        real = {k: v for k, v in probs.items() if k != NONE}  # the notes all record an event
        ranked = sorted(real, key=lambda k: -real[k])
        pred = ranked[0]
        by_type: dict[str, float] = collections.defaultdict(float)
        for k, v in real.items():
            by_type[SUBTYPE_TO_TYPE[k]] += v
        pred_type = max(by_type, key=lambda t: by_type[t])
        type_ok += pred_type == gold_type
        sub_ok += pred == gold_sub
        top3_ok += gold_sub in ranked[:3]
        (p_right if pred == gold_sub else p_wrong).append(probs[pred])
        if pred != gold_sub:
            conf[(gold_sub, pred)] += 1
    mean = lambda xs: sum(xs) / len(xs) if xs else float("nan")  # noqa: E731
    print(f"\n{name}: {n} notes")
    print(f"  type accuracy      {type_ok / n:.3f}")
    print(f"  sub-type accuracy  {sub_ok / n:.3f}")
    print(f"  top-3 sub-type     {top3_ok / n:.3f}")
    print(f"  mean p(predicted)  right {mean(p_right):.3f}  wrong {mean(p_wrong):.3f}")
    print("  top confusions (gold -> predicted):")
    for (g, p), c in conf.most_common(n_conf):
        print(f"    {c:3d}  {g} -> {p}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval")
    ap.add_argument("--model", type=Path, default=None)
    ap.add_argument("--confusions", type=int, default=12)
    args = ap.parse_args()
    path = args.eval / "acled" / "acled_modern.dev.jsonl"
    with open(path, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    model = SubtypeClassifier.load(args.model)
    t0 = time.perf_counter()
    for r in rows:
        model.predict_proba(r["text"])
    dt = time.perf_counter() - t0
    print(f"{len(rows)} notes, {len(rows) / dt:.0f} texts/s ({1000 * dt / len(rows):.3f} ms each)")
    score(model, rows[0::2], "development (odd lines)", args.confusions)
    score(model, rows[1::2], "held out (even lines)", args.confusions)
    return 0


if __name__ == "__main__":
    sys.exit(main())
