"""Cross-validation and speed of the learned sub-type classifier on its own training set.

    python bench/classifier_cv.py [--folds 5] [--data PATH]

Folds are fixed (example index mod k). Prints overall accuracy, event-type accuracy, per-label recall,
the shipped model's size and its speed in sentences per second.
"""

from __future__ import annotations

import argparse
import collections
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from flashpoint.extract.classifier import (  # noqa: E402
    LABELS,
    MODEL_PATH,
    NONE,
    SUBTYPE_TO_TYPE,
    TRAINING_PATH,
    SubtypeClassifier,
    load_examples,
    train,
)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--data", type=Path, default=TRAINING_PATH)
    args = ap.parse_args()
    examples = load_examples(args.data)
    k = args.folds
    total: collections.Counter[str] = collections.Counter()
    right: collections.Counter[str] = collections.Counter()
    type_right = 0
    for fold in range(k):
        model = train([e for i, e in enumerate(examples) if i % k != fold])
        for e in examples[fold::k]:
            pred = model.predict(e.text)[0]
            total[e.label] += 1
            right[e.label] += pred == e.label
            type_right += SUBTYPE_TO_TYPE.get(pred, NONE) == SUBTYPE_TO_TYPE.get(e.label, NONE)
    n = len(examples)
    print(f"{n} examples, {k}-fold CV: sub-type accuracy {sum(right.values()) / n:.3f}, type {type_right / n:.3f}")
    for label in LABELS:
        print(f"  {right[label] / max(total[label], 1):.2f}  {total[label]:4d}  {label}")
    shipped = SubtypeClassifier.load()
    texts = [e.text for e in examples]
    t0 = time.perf_counter()
    for text in texts:
        shipped.predict_proba(text)
    dt = time.perf_counter() - t0
    print(f"shipped model: {MODEL_PATH.stat().st_size / 1e6:.2f} MB, {len(shipped.vocab)} features, "
          f"{len(texts) / dt:.0f} sentences/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
