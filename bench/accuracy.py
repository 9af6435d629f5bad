"""Accuracy report: runs flashpoint on the development gold sets and writes docs/accuracy.md.

    python bench/accuracy.py [--eval ../shared/eval] [--out docs/accuracy.md]

The gold sets live outside the repository (../shared/eval, evaluation only) and are never copied: the report
holds figures, a confusion table of ACLED sub-event types and counts of error kinds, no text from the sets.
ACLED sets are scored on two halves: lines 1, 3, 5, ... (the half looked at while developing) and lines
2, 4, 6, ... (held out: never inspected); a gap between them means rules fitted to examples.
"""

from __future__ import annotations

import argparse
import collections
import importlib.util
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def _load_scorer(path: Path) -> Any:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _run(cmd: list[str], stdout: Path | None = None) -> str:
    with (open(stdout, "w", encoding="utf-8") if stdout else tempfile.TemporaryFile("w+")) as out:
        subprocess.run(cmd, check=False, stdout=out, stderr=subprocess.DEVNULL, text=True)
        if stdout:
            return ""
        out.seek(0)
        return out.read()


def _extract(flashpoint: str, docs: Path, events: Path) -> float:
    t0 = time.perf_counter()
    _run([flashpoint, "extract", "--input", str(docs), "--output", str(events)])
    return time.perf_counter() - t0


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def _error_kinds(S: Any, gold: dict[str, Any], pred: dict[str, Any] | None) -> list[str]:
    """Why a main event misses each field, as a short label."""
    if pred is None:
        return ["no event extracted"]
    out = []
    c = S.checks(gold, pred)
    ps = (pred.get("acled") or {}).get("sub_event_type") or "none"
    gs = gold.get("sub_event_type") or gold.get("event_type")
    if not c.get("type", True) or ("subtype" in c and not c["subtype"]):
        out.append(f"type: {ps} for {gs}")
    if not c.get("fatalities", True):
        got = (pred.get("fatalities") or {}).get("count") or 0
        want = gold.get("fatalities", 0)
        out.append("fatalities: counted some where none" if want == 0 else
                   "fatalities: none found" if got == 0 else "fatalities: wrong count")
    if not c.get("country", True):
        loc = pred.get("location") or {}
        out.append("country: no location" if not loc.get("country") else "country: wrong country")
    elif not c.get("location", True):
        prec = (pred.get("location") or {}).get("precision")
        out.append(f"location: > 25 km ({prec} precision)")
    if not c.get("actor1", True):
        sides = [s[0] for s in (pred.get("source"), pred.get("target")) if s]
        out.append("actor1: no actors" if not sides else "actor1: wrong actor or country")
    if not c.get("date", True):
        out.append("date: differs")
    return out


def acled_report(S: Any, gold_path: Path, events_path: Path) -> dict[str, Any]:
    gold = _read_jsonl(gold_path)
    by_doc: dict[str, list[dict[str, Any]]] = collections.defaultdict(list)
    for p in _read_jsonl(events_path):
        by_doc[str(p.get("doc_id"))].append(p)
    halves = {"development half (odd lines)": gold[0::2], "held-out half (even lines)": gold[1::2]}
    figures = {name: S.score(rows, [p for r in rows for p in by_doc.get(r["id"], [])])["accuracy"]
               for name, rows in halves.items()}
    figures["all"] = S.score(gold, [p for ps in by_doc.values() for p in ps])["accuracy"]
    confusion: collections.Counter[tuple[str, str]] = collections.Counter()
    errors: collections.Counter[str] = collections.Counter()
    for g in gold:
        main = S.main_event(by_doc.get(g["id"], []))
        want = g["gold"].get("sub_event_type") or g["gold"]["event_type"]
        got = ((main or {}).get("acled") or {}).get("sub_event_type") or ("(no event)" if main is None else
                                                                            "(no ACLED type)")
        confusion[(want, got)] += 1
        errors.update(_error_kinds(S, g["gold"], main))
    return {"figures": figures, "confusion": confusion, "errors": errors, "n": len(gold)}


def _table(figures: dict[str, dict[str, float]]) -> list[str]:
    keys = ["type", "subtype", "fatalities", "location", "country", "actor1", "date"]
    keys = [k for k in keys if any(k in f for f in figures.values())]
    lines = ["| split | " + " | ".join(keys) + " |", "|---" * (len(keys) + 1) + "|"]
    for name, f in figures.items():
        lines.append(f"| {name} | " + " | ".join(f"{f.get(k, float('nan')):.3f}" for k in keys) + " |")
    return lines


def _confusion(conf: collections.Counter[tuple[str, str]]) -> list[str]:
    golds = sorted({g for g, _ in conf}, key=lambda g: (-sum(v for (x, _), v in conf.items() if x == g), g))
    lines = ["| gold sub-event type | n | correct | most frequent predictions |", "|---|---|---|---|"]
    for g in golds:
        row = collections.Counter({p: v for (x, p), v in conf.items() if x == g})
        n = sum(row.values())
        ranked = sorted(row.items(), key=lambda kv: (-kv[1], kv[0]))[:4]
        top = ", ".join(f"{p} {v}" for p, v in ranked if p != g)
        lines.append(f"| {g} | {n} | {row.get(g, 0)} ({row.get(g, 0) / n:.0%}) | {top} |")
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--eval", default=str(ROOT.parent / "shared" / "eval"))
    ap.add_argument("--out", default=str(ROOT / "docs" / "accuracy.md"))
    ap.add_argument("--flashpoint", default=str(Path(sys.executable).with_name("flashpoint")))
    args = ap.parse_args()
    ev = Path(args.eval)
    fp = args.flashpoint
    tmp = Path(tempfile.mkdtemp(prefix="fp-accuracy-"))
    md = ["# Accuracy on the development sets", "",
          "Regenerate with `python bench/accuracy.py` (reads `../shared/eval`, which is not part of the",
          "repository). ACLED sets are scored on two halves: odd lines were inspected while developing rules,",
          "even lines never were; compare the two rows. The figures are for the whole pipeline, rules and the",
          "learned sub-type classifier together (`flashpoint/extract/classifier.py`, trained only on the reports",
          "in `flashpoint/data/training/`); `bench/classifier_acled.py` scores the classifier alone.", ""]

    S = _load_scorer(ev / "score_acled.py")
    for name, rel in (("ACLED, current taxonomy (acled_modern.dev)", "acled/acled_modern.dev.jsonl"),
                      ("ACLED, 2016 taxonomy (acled2016_africa.dev)", "acled/acled2016_africa.dev.jsonl")):
        gold = ev / rel
        docs, events = tmp / (gold.stem + ".docs.jsonl"), tmp / (gold.stem + ".events.jsonl")
        _run([sys.executable, str(ev / "score_acled.py"), "docs", str(gold)], stdout=docs)
        seconds = _extract(fp, docs, events)
        rep = acled_report(S, gold, events)
        md += [f"## {name}", "", f"{rep['n']} notes, extracted in {seconds:.1f} s.", ""]
        md += _table(rep["figures"]) + [""]
        md += ["### Confusion of ACLED sub-event types (main event)", ""] + _confusion(rep["confusion"]) + [""]
        md += ["### The 20 most frequent error kinds", "", "| error | count |", "|---|---|"]
        md += [f"| {k} | {v} |" for k, v in sorted(rep["errors"].items(), key=lambda kv: (-kv[1], kv[0]))[:20]] + [""]

    seed_gold = ev / "seed" / "embassy_baghdad.gold.json"
    docs, events = tmp / "seed.docs.jsonl", tmp / "seed.events.jsonl"
    _run([sys.executable, str(ev / "score_seed.py"), "docs", str(seed_gold)], stdout=docs)
    _extract(fp, docs, events)
    seed = _run([sys.executable, str(ev / "score_seed.py"), "score", str(seed_gold), str(events)]).strip()
    md += ["## Seed article", "", "```", seed.splitlines()[-1] if seed else "(failed)", "```", ""]

    for name in ("petrarch2_unittest", "petrarch2_gsr"):
        gold = ev / "petrarch" / f"{name}.jsonl"
        docs, events = tmp / f"{name}.docs.jsonl", tmp / f"{name}.events.jsonl"
        _run([sys.executable, str(ev / "score_petrarch.py"), "docs", str(gold)], stdout=docs)
        _extract(fp, docs, events)
        out = _run([sys.executable, str(ev / "score_petrarch.py"), "score", str(gold), str(events)]).strip()
        md += [f"## PETRARCH ({name})", "", "```", out.splitlines()[-1] if out else "(failed)", "```", ""]

    # the project's own notes from other regions (in the repository, never trained on): see bench/validation/
    val = _run([sys.executable, str(ROOT / "bench" / "validation.py")]).strip().splitlines()
    md += ["## Project validation notes (bench/validation/, 43 countries outside the development data)", "", "```",
           *[x for x in val if x.startswith(("classifier alone", "rule "))], "```", ""]

    md += ["## Component resolvers", "", "| set | command | figure |", "|---|---|---|"]
    for name in ("lgl", "geowebnews", "geovirus"):
        gold = ev / "geo" / f"{name}.dev.jsonl"
        docs, places = tmp / f"{name}.docs.jsonl", tmp / f"{name}.places.jsonl"
        _run([sys.executable, str(ev / "score_geo.py"), "docs", str(gold)], stdout=docs)
        _run([fp, "places", "extract", "--input", str(docs), "--output", str(places)])
        out = _run([sys.executable, str(ev / "score_geo.py"), "score", str(gold), str(places)]).strip()
        md.append(f"| geo/{name} | `places extract` | {out.splitlines()[-1] if out else '(failed)'} |")
    gold = ev / "timex" / "timebank.dev.jsonl"
    docs, times = tmp / "timebank.docs.jsonl", tmp / "timebank.times.jsonl"
    _run([sys.executable, str(ev / "score_timex.py"), "docs", str(gold)], stdout=docs)
    _run([fp, "times", "extract", "--input", str(docs), "--output", str(times)])
    out = _run([sys.executable, str(ev / "score_timex.py"), "score", str(gold), str(times)]).strip()
    md += [f"| timex/timebank | `times extract` | {out.splitlines()[-1] if out else '(failed)'} |", ""]

    Path(args.out).write_text("\n".join(md), encoding="utf-8")
    print("\n".join(md))


if __name__ == "__main__":
    main()
