"""A small learned sub-type classifier: ACLED sub-event type (or "none") from the text of a report.

Multinomial logistic regression (numpy only) over lowercased, lightly stemmed word unigrams and bigrams and
five-letter word prefixes. It is trained only on ``flashpoint/data/training/event_reports.jsonl``: short event
reports and hard negatives written for this project (never evaluation data). The shipped model lives in
``flashpoint/data/models/subtype.npz`` and is rebuilt, deterministically, with

    python -m flashpoint.extract.classifier train [--data PATH] [--output PATH]

Training uses no randomness (zero start, full-batch Adam, fixed number of steps) and no BLAS reductions
(sparse sums in a fixed order), so a rebuild reproduces the shipped weights. Cross-validation accuracy and speed:
``python bench/classifier_cv.py``; standalone ACLED figures: ``python bench/classifier_acled.py``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
TRAINING_PATH = DATA_DIR / "training" / "event_reports.jsonl"
MODEL_PATH = DATA_DIR / "models" / "subtype.npz"

NONE = "none"
# ACLED current taxonomy: sub-event type -> event type.
SUBTYPE_TO_TYPE: dict[str, str] = {
    "Armed clash": "Battles",
    "Government regains territory": "Battles",
    "Non-state actor overtakes territory": "Battles",
    "Chemical weapon": "Explosions/Remote violence",
    "Air/drone strike": "Explosions/Remote violence",
    "Suicide bomb": "Explosions/Remote violence",
    "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Remote explosive/landmine/IED": "Explosions/Remote violence",
    "Grenade": "Explosions/Remote violence",
    "Sexual violence": "Violence against civilians",
    "Attack": "Violence against civilians",
    "Abduction/forced disappearance": "Violence against civilians",
    "Peaceful protest": "Protests",
    "Protest with intervention": "Protests",
    "Excessive force against protesters": "Protests",
    "Violent demonstration": "Riots",
    "Mob violence": "Riots",
    "Agreement": "Strategic developments",
    "Arrests": "Strategic developments",
    "Change to group/activity": "Strategic developments",
    "Disrupted weapons use": "Strategic developments",
    "Headquarters or base established": "Strategic developments",
    "Looting/property destruction": "Strategic developments",
    "Non-violent transfer of territory": "Strategic developments",
    "Other": "Strategic developments",
}
LABELS: tuple[str, ...] = (*SUBTYPE_TO_TYPE, NONE)

# Training settings (part of the model's identity: changing them changes the shipped weights).
MIN_DF = 1
STEPS = 300
LEARNING_RATE = 0.2
L2 = 1e-5
PREFIX = 5

_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+(?:[.,]\d+)*")
_SUFFIXES = ("ings", "ing", "ies", "ied", "ed", "ly", "s")
_DOUBLE = re.compile(r"([bdfgkmnprt])\1$")


def _stem(word: str) -> str:
    """A crude stem: plural, past and -ing endings stripped, doubled consonant and final "e" dropped."""
    if word[0].isdigit():
        return "<num>"
    if word.endswith("'s"):
        word = word[:-2]
    for suf in _SUFFIXES:
        if word.endswith(suf) and len(word) - len(suf) >= 3 and not (suf == "s" and word[-2] in "su"):
            word = word[: -len(suf)]
            if suf in ("ies", "ied"):
                word += "y"
            elif suf in ("ing", "ings", "ed"):
                word = _DOUBLE.sub(r"\1", word)
            break
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    return word


def features(text: str) -> list[str]:
    """Feature strings of a text: stemmed unigrams, adjacent-stem bigrams (with text edges) and the first
    five letters of longer words (a second, coarser stem), unique and sorted."""
    tokens = _TOKEN.findall(text.lower())
    stems = [_stem(t) for t in tokens]
    feats = [f"u:{s}" for s in stems]
    feats += [f"p:{t[:PREFIX]}" for t in tokens if len(t) > PREFIX and not t[0].isdigit()]
    padded = ["<s>", *stems, "</s>"]
    feats += [f"b:{a} {b}" for a, b in zip(padded, padded[1:], strict=False)]
    return sorted(set(feats))


@dataclass(slots=True)
class Example:
    """One labelled training text."""

    text: str
    label: str


def load_examples(path: Path | str = TRAINING_PATH) -> list[Example]:
    """Training examples from a JSONL file with ``text`` and ``sub_event_type`` (``"none"`` for negatives)."""
    out: list[Example] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rec = json.loads(line)
                label = rec["sub_event_type"]
                if label not in LABELS:
                    raise ValueError(f"unknown label {label!r} in {path}")
                out.append(Example(rec["text"], label))
    return out


class _Design:
    """Sparse binary design matrix, rows L2-normalised, in CSR (forward) and CSC (backward) order."""

    def __init__(self, rows: Sequence[Sequence[int]], n_features: int) -> None:
        lengths = np.array([len(r) for r in rows], dtype=np.int64)
        self.n_rows = len(rows)
        self.indptr = np.concatenate([[0], np.cumsum(lengths)])
        self.indices = np.array([i for r in rows for i in r], dtype=np.int64)
        self.row_of = np.repeat(np.arange(self.n_rows), lengths)
        self.values = np.repeat(1.0 / np.sqrt(np.maximum(lengths, 1)), lengths)
        order = np.lexsort((self.row_of, self.indices))  # by feature, then row: a fixed summation order
        self.c_feat = self.indices[order]
        self.c_row = self.row_of[order]
        self.c_val = self.values[order]
        self.c_unique, self.c_start = np.unique(self.c_feat, return_index=True)
        self.n_features = n_features

    def dot(self, w: np.ndarray) -> np.ndarray:
        prod = w[self.indices] * self.values[:, None]
        out = np.zeros((self.n_rows, w.shape[1]))
        nonempty = np.diff(self.indptr) > 0
        out[nonempty] = np.add.reduceat(prod, self.indptr[:-1][nonempty], axis=0)
        return out

    def t_dot(self, g: np.ndarray) -> np.ndarray:
        out = np.zeros((self.n_features, g.shape[1]))
        if len(self.c_feat):
            prod = g[self.c_row] * self.c_val[:, None]
            out[self.c_unique] = np.add.reduceat(prod, self.c_start, axis=0)
        return out


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


def train(
    examples: Sequence[Example], steps: int = STEPS, lr: float = LEARNING_RATE, l2: float = L2
) -> SubtypeClassifier:
    """Fit the classifier on examples; deterministic (no randomness, fixed summation order)."""
    df: dict[str, int] = {}
    feats_of = [features(e.text) for e in examples]
    for fs in feats_of:
        for f in fs:
            df[f] = df.get(f, 0) + 1
    vocab = sorted(f for f, n in df.items() if n >= MIN_DF)
    index = {f: i for i, f in enumerate(vocab)}
    rows = [[index[f] for f in fs if f in index] for fs in feats_of]
    x = _Design(rows, len(vocab))
    y = np.zeros((len(examples), len(LABELS)))
    y[np.arange(len(examples)), [LABELS.index(e.label) for e in examples]] = 1.0
    # class weights: each label counts as if it had the mean number of examples
    counts = y.sum(axis=0)
    cw = np.where(counts > 0, counts.sum() / np.maximum(counts, 1) / len(LABELS), 0.0)
    sample_w = (y * cw).sum(axis=1, keepdims=True) / len(examples)

    w = np.zeros((len(vocab), len(LABELS)))
    b = np.zeros(len(LABELS))
    mw, vw, mb, vb = np.zeros_like(w), np.zeros_like(w), np.zeros_like(b), np.zeros_like(b)
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    for t in range(1, steps + 1):
        p = _softmax(x.dot(w) + b)
        g = (p - y) * sample_w
        gw = x.t_dot(g) + l2 * w
        gb = g.sum(axis=0)
        mw = beta1 * mw + (1 - beta1) * gw
        vw = beta2 * vw + (1 - beta2) * gw * gw
        mb = beta1 * mb + (1 - beta1) * gb
        vb = beta2 * vb + (1 - beta2) * gb * gb
        step = lr * np.sqrt(1 - beta2**t) / (1 - beta1**t)
        w -= step * mw / (np.sqrt(vw) + eps)
        b -= step * mb / (np.sqrt(vb) + eps)
    return SubtypeClassifier(vocab, w.astype(np.float32), b.astype(np.float32), LABELS)


class SubtypeClassifier:
    """ACLED sub-event type (or "none") of a short text, with probabilities."""

    def __init__(self, vocab: Sequence[str], weights: np.ndarray, bias: np.ndarray, labels: Sequence[str]) -> None:
        self.vocab = list(vocab)
        self.index = {f: i for i, f in enumerate(self.vocab)}
        self.weights = weights
        self.bias = bias
        self.labels = tuple(labels)

    @classmethod
    def load(cls, path: Path | str | None = None) -> SubtypeClassifier:
        """Load a model file (default: the one shipped in ``flashpoint/data/models``)."""
        with np.load(path or MODEL_PATH, allow_pickle=False) as z:
            return cls([str(v) for v in z["vocab"]], z["weights"], z["bias"], [str(v) for v in z["labels"]])

    def save(self, path: Path | str, meta: dict[str, str] | None = None) -> None:
        """Write the model as a compressed .npz (strings as unicode arrays, no pickles)."""
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(
            path, vocab=np.array(self.vocab, dtype=str), weights=self.weights, bias=self.bias,
            labels=np.array(self.labels, dtype=str), meta=np.array(json.dumps(meta or {}, sort_keys=True)),
        )

    def _scores(self, text: str) -> np.ndarray:
        ids = [i for f in features(text) if (i := self.index.get(f)) is not None]
        z = self.bias.astype(np.float64)
        if ids:
            z = z + self.weights[ids].sum(axis=0, dtype=np.float64) / np.sqrt(len(ids))
        return z

    def proba_vector(self, text: str) -> np.ndarray:
        """Probabilities in ``self.labels`` order."""
        return _softmax(self._scores(text))

    def predict_proba(self, text: str) -> dict[str, float]:
        """Probability of each sub-type label (and "none") for a text."""
        return dict(zip(self.labels, (float(p) for p in self.proba_vector(text)), strict=True))

    def predict(self, text: str) -> tuple[str, float]:
        """The most probable label and its probability."""
        p = self.proba_vector(text)
        k = int(np.argmax(p))
        return self.labels[k], float(p[k])

    def predict_type(self, text: str) -> tuple[str, float]:
        """The most probable ACLED event type (sub-type probabilities summed per type, or "none")."""
        by_type: dict[str, float] = {}
        for label, p in self.predict_proba(text).items():
            t = SUBTYPE_TO_TYPE.get(label, NONE)
            by_type[t] = by_type.get(t, 0.0) + p
        best = max(by_type, key=lambda t: by_type[t])
        return best, by_type[best]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def cross_validate(examples: Sequence[Example], k: int = 5) -> float:
    """Accuracy of k-fold cross-validation (fold = index mod k, so deterministic)."""
    right = 0
    for fold in range(k):
        tr = [e for i, e in enumerate(examples) if i % k != fold]
        te = [e for i, e in enumerate(examples) if i % k == fold]
        model = train(tr)
        right += sum(model.predict(e.text)[0] == e.label for e in te)
    return right / len(examples)


def main(argv: Iterable[str] | None = None) -> int:
    """Command line: ``train`` rebuilds the model; ``predict`` labels sentences given as arguments."""
    ap = argparse.ArgumentParser(prog="python -m flashpoint.extract.classifier", description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    tr = sub.add_parser("train", help="rebuild the model from the training set")
    tr.add_argument("--data", type=Path, default=TRAINING_PATH)
    tr.add_argument("--output", type=Path, default=MODEL_PATH)
    tr.add_argument("--cv", type=int, default=0, help="also print k-fold cross-validation accuracy")
    pr = sub.add_parser("predict", help="label sentences")
    pr.add_argument("text", nargs="+")
    pr.add_argument("--model", type=Path, default=None)
    args = ap.parse_args(list(argv) if argv is not None else None)
    if args.cmd == "train":
        examples = load_examples(args.data)
        model = train(examples)
        model.save(args.output, meta={"data_sha256": _digest(args.data), "steps": str(STEPS)})
        print(f"{len(examples)} examples, {len(model.vocab)} features -> {args.output}")
        if args.cv:
            print(f"{args.cv}-fold CV accuracy: {cross_validate(examples, args.cv):.3f}")
        return 0
    model = SubtypeClassifier.load(args.model)
    for text in args.text:
        label, p = model.predict(text)
        print(f"{p:.2f}\t{label}\t{text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
