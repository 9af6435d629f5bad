"""Command-line interface: a thin shell over the pipeline, the resolvers and the store.

Exit codes: 0 all inputs processed, 1 failure, 2 finished but some inputs were rejected (each reported on
stderr with its location).
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.resources import files
from pathlib import Path
from typing import IO, Annotated, Any

import typer

from flashpoint.errors import FlashpointError, InputError
from flashpoint.records import Document

app = typer.Typer(help="flashpoint: news reports in, verifiable event data out.", no_args_is_help=True,
                  add_completion=False)
places_app = typer.Typer(help="Gazetteer and toponym resolution.", no_args_is_help=True)
times_app = typer.Typer(help="Time expressions.", no_args_is_help=True)
actors_app = typer.Typer(help="Actor dictionary.", no_args_is_help=True)
app.add_typer(places_app, name="places")
app.add_typer(times_app, name="times")
app.add_typer(actors_app, name="actors")

EXIT_REJECTED = 2


class _StderrHandler(logging.Handler):
    """Warnings from the stages (e.g. "read as cp1252") go to the current stderr, prefixed like other reports."""

    def emit(self, record: logging.LogRecord) -> None:
        sys.stderr.write(f"warning {self.format(record)}\n")


@app.callback()
def _main(verbose: Annotated[bool, typer.Option("--verbose", "-v", help="also print info messages")] = False) -> None:
    log = logging.getLogger("flashpoint")
    if not any(isinstance(h, _StderrHandler) for h in log.handlers):
        log.addHandler(_StderrHandler())
    log.setLevel(logging.INFO if verbose else logging.WARNING)
    log.propagate = False


def _err(msg: str) -> None:
    typer.echo(msg, err=True)


@contextmanager
def _output(path: str) -> Iterator[IO[str]]:
    if path == "-":
        yield sys.stdout
    else:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            yield f


def _documents(inputs: list[str], published: str | None, rejects: list[InputError]) -> Iterator[Document]:
    from flashpoint.ingest import Rejected, read_documents

    for item in read_documents(inputs, published=published):
        if isinstance(item, Rejected):
            rejects.append(item.error)
            _err(f"skipped {item.error}")
        else:
            yield item


def _progress(label: str) -> Any:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=_stderr_console(), transient=True, disable=not sys.stderr.isatty())


def _stderr_console() -> Any:
    from rich.console import Console

    return Console(stderr=True)


@app.command()
def extract(
    input: Annotated[list[str], typer.Option("--input", "-i", help="JSONL, .txt or .html file, directory, or '-'")],
    output: Annotated[str, typer.Option("--output", "-o", help="events JSONL file, or '-' for stdout")] = "-",
    published: Annotated[str | None, typer.Option(help="publication date (YYYY-MM-DD) for inputs without one")] = None,
    min_confidence: Annotated[float, typer.Option(help="drop events below this confidence")] = 0.0,
    actors: Annotated[str | None, typer.Option("--actors", help="extra actor dictionary (YAML or CSV)")] = None,
    processes: Annotated[int, typer.Option(help="spaCy worker processes")] = 1,
) -> None:
    """Extract event records from documents and write them as JSON Lines (the output contract)."""
    from flashpoint.pipeline import Pipeline

    pipe = Pipeline.load(actors_file=actors, min_confidence=min_confidence)
    rejects: list[InputError] = []
    n_docs = n_events = 0
    with _output(output) as out, _progress("extract") as progress:
        task = progress.add_task("extract", total=None)
        for result in pipe.run(_documents(input, published, rejects), n_process=processes):
            n_docs += 1
            for ev in result.events:
                out.write(json.dumps(ev.to_dict(), ensure_ascii=False) + "\n")
                n_events += 1
            progress.advance(task)
    _err(f"{n_docs} documents, {n_events} events, {len(rejects)} inputs rejected")
    if rejects:
        raise typer.Exit(EXIT_REJECTED)


def ingest_paths(paths: list[str], db: str, *, published: str | None = None, actors: str | None = None,
                 batch_size: int = 64) -> dict[str, int]:
    """Read, extract and store documents, streaming in batches; documents already stored are skipped."""
    from flashpoint.pipeline import Pipeline, store_documents
    from flashpoint.store import Store

    rejects: list[InputError] = []
    with Store.open(db) as store, _progress("ingest") as progress:
        task = progress.add_task("ingest", total=None)
        stats = store_documents(lambda: Pipeline.load(actors_file=actors), store,
                                _documents(paths, published, rejects), batch_size=batch_size,
                                on_batch=lambda n: progress.advance(task, n))
        if rejects:
            store.add_rejects(rejects)
        stats["rejected"] = len(rejects)
    return stats


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="files or directories (.txt, .html, .jsonl), or '-'")],
    db: Annotated[str, typer.Option(help="DuckDB store file (created if missing)")] = "flashpoint.duckdb",
    published: Annotated[str | None, typer.Option(help="publication date for inputs without one")] = None,
    actors: Annotated[str | None, typer.Option("--actors", help="extra actor dictionary (YAML or CSV)")] = None,
) -> None:
    """Extract events from documents and store both; re-running on the same input stores nothing twice."""
    try:
        stats = ingest_paths(paths, db, published=published, actors=actors)
    except FlashpointError as e:
        _err(f"error: {e}")
        raise typer.Exit(1) from e
    typer.echo(json.dumps(stats))
    if stats["rejected"]:
        raise typer.Exit(EXIT_REJECTED)


_FILTER_HELP = {
    "country": "ISO3 country of the event location",
    "since": "events on or after this date (YYYY-MM-DD)",
    "until": "events on or before this date (YYYY-MM-DD)",
    "type": "PLOVER event type (e.g. ASSAULT, PROTEST)",
    "actor": "text in a source or target actor name or code",
}


@app.command()
def events(
    db: Annotated[str, typer.Option(help="DuckDB store file")] = "flashpoint.duckdb",
    country: Annotated[str | None, typer.Option(help=_FILTER_HELP["country"])] = None,
    since: Annotated[str | None, typer.Option(help=_FILTER_HELP["since"])] = None,
    until: Annotated[str | None, typer.Option(help=_FILTER_HELP["until"])] = None,
    type: Annotated[str | None, typer.Option("--type", help=_FILTER_HELP["type"])] = None,
    actor: Annotated[str | None, typer.Option(help=_FILTER_HELP["actor"])] = None,
    format: Annotated[str, typer.Option("--format", help="table, jsonl or csv")] = "table",
    limit: Annotated[int | None, typer.Option(help="at most this many events")] = None,
) -> None:
    """List stored events matching the filters."""
    from flashpoint.store import Store

    if format not in ("table", "jsonl", "csv"):
        _err(f"error: --format must be table, jsonl or csv, not {format!r}")
        raise typer.Exit(1)
    try:
        with Store.open(db, read_only=True) as store:
            rows = store.events(country=country, since=since, until=until,
                                plover_type=type.upper() if type else None, actor=actor, limit=limit)
    except (FlashpointError, ValueError) as e:
        _err(f"error: {e}")
        raise typer.Exit(1) from e
    if format == "jsonl":
        for r in rows:
            typer.echo(json.dumps(r, ensure_ascii=False))
        return
    flat = [_flat(r) for r in rows]
    if format == "csv":
        import csv

        w = csv.DictWriter(sys.stdout, fieldnames=list(_flat({}).keys()))
        w.writeheader()
        w.writerows(flat)
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False)
    for col in ("date", "type", "acled", "source", "target", "location", "killed", "modality"):
        table.add_column(col)
    for f in flat:
        table.add_row(f["date"], f["plover"], f["acled"], f["source"], f["target"], f["location"],
                      f["fatalities"], f["modality"])
    Console().print(table)
    typer.echo(f"{len(rows)} events")


def _flat(r: dict[str, Any]) -> dict[str, str]:
    loc = r.get("location") or {}
    acled = r.get("acled") or {}

    def actors(side: str) -> str:
        return "; ".join(f"{a.get('name')} ({a.get('code') or a.get('country') or '?'})" for a in r.get(side) or [])

    fat = r.get("fatalities") or {}
    return {
        "event_id": str(r.get("event_id", "")), "date": str((r.get("date") or {}).get("start") or ""),
        "cameo": str(r.get("cameo", "")), "plover": str((r.get("plover") or {}).get("type") or ""),
        "acled": str(acled.get("sub_event_type") or ""), "source": actors("source"), "target": actors("target"),
        "location": f"{loc.get('name', '')} {loc.get('country', '')}".strip(),
        "fatalities": "" if fat.get("count") is None else str(fat.get("count")),
        "modality": str(r.get("modality", "")), "confidence": str(r.get("confidence", "")),
    }


@app.command()
def export(
    db: Annotated[str, typer.Option(help="DuckDB store file")] = "flashpoint.duckdb",
    format: Annotated[str, typer.Option("--format", help="parquet, csv, geojson or jsonl")] = "jsonl",
    out: Annotated[str, typer.Option("--out", help="output file")] = "events.jsonl",
    country: Annotated[str | None, typer.Option(help=_FILTER_HELP["country"])] = None,
    since: Annotated[str | None, typer.Option(help=_FILTER_HELP["since"])] = None,
    until: Annotated[str | None, typer.Option(help=_FILTER_HELP["until"])] = None,
    type: Annotated[str | None, typer.Option("--type", help=_FILTER_HELP["type"])] = None,
    actor: Annotated[str | None, typer.Option(help=_FILTER_HELP["actor"])] = None,
) -> None:
    """Export stored events to Parquet, CSV, GeoJSON or JSON Lines."""
    from flashpoint.store import Store

    if format not in ("parquet", "csv", "geojson", "jsonl"):
        _err(f"error: --format must be parquet, csv, geojson or jsonl, not {format!r}")
        raise typer.Exit(1)
    try:
        with Store.open(db, read_only=True) as store:
            n = store.export(format, out, country=country, since=since, until=until,  # type: ignore[arg-type]
                             plover_type=type.upper() if type else None, actor=actor)
    except (FlashpointError, ValueError) as e:
        _err(f"error: {e}")
        raise typer.Exit(1) from e
    typer.echo(f"{n} events written to {out}")


def demo_corpus_path() -> Path:
    """The bundled demo corpus (reports written for this project)."""
    return Path(str(files("flashpoint") / "data" / "demo"))


@app.command()
def demo(
    db: Annotated[str, typer.Option(help="DuckDB store file to (re)create")] = "flashpoint-demo.duckdb",
) -> None:
    """Ingest the bundled demo corpus into a fresh DuckDB file and print a summary."""
    from flashpoint.store import Store

    path = Path(db)
    for p in (path, Path(str(path) + ".wal")):
        if p.exists():
            p.unlink()
    corpus = demo_corpus_path()
    stats = ingest_paths([str(corpus / "reports.jsonl"), str(corpus / "html")], db)
    typer.echo(f"Ingested the demo corpus into {db}: {stats['stored']} documents, {stats['events']} events, "
               f"{stats['rejected']} rejected")
    with Store.open(db, read_only=True) as store:
        typer.echo(format_summary(store.counts(), store.events()))


def format_summary(counts: dict[str, Any], records: list[dict[str, Any]]) -> str:
    """Human-readable summary: events by type and country, top dyads, the chain of linked events."""
    lines = [f"documents {counts['documents']}, events {counts['events']}, rejected inputs {counts['rejects']}", "",
             "Events by PLOVER type:"]
    lines += [f"  {k:<12} {v}" for k, v in counts["events_by_plover_type"].items()]
    lines += ["", "Events by country (location):"]
    lines += [f"  {k:<12} {v}" for k, v in counts["events_by_country"].items()]
    lines += ["", "Most active dyads (source -> target):"]
    lines += [f"  {d['source']} -> {d['target']}: {d['events']}" for d in counts["top_dyads"]]
    by_id = {r["event_id"]: r for r in records}
    lines += ["", "Event chain (links stated in the reports):"]
    n = 0
    for r in sorted(records, key=lambda r: ((r.get("date") or {}).get("start") or "", r["event_id"])):
        for link in r.get("links") or []:
            other = by_id.get(link["event_id"])
            if other is None:
                continue
            lines.append(f"  {_label(r)}  --{link['relation']}-->  {_label(other)}")
            n += 1
    if n == 0:
        lines.append("  (none)")
    return "\n".join(lines)


def _label(r: dict[str, Any]) -> str:
    src = ", ".join(a.get("name", "") for a in (r.get("source") or [])[:1]) or "?"
    loc = (r.get("location") or {}).get("name") or ""
    kind = (r.get("acled") or {}).get("sub_event_type") or r.get("cameo_name") or r.get("cameo")
    return f"[{(r.get('date') or {}).get('start')}] {kind} by {src}" + (f" in {loc}" if loc else "")


# -- component commands -------------------------------------------------------------------------------------


@places_app.command("lookup")
def places_lookup(
    text: Annotated[str, typer.Argument(help="a place name")],
    country: Annotated[str | None, typer.Option(help="ISO3 country hint")] = None,
    limit: Annotated[int, typer.Option(help="candidates to show")] = 5,
) -> None:
    """Show gazetteer candidates for a place name, best first."""
    from flashpoint.resolve.places import Gazetteer

    gaz = Gazetteer.open()
    for p in gaz.lookup(text, country=country, limit=limit):
        typer.echo(json.dumps({"geonameid": p.geonameid, "name": p.name, "country": p.country, "admin1": p.admin1,
                               "lat": p.lat, "lon": p.lon, "precision": p.precision, "population": p.population},
                              ensure_ascii=False))


@places_app.command("extract")
def places_extract(
    input: Annotated[list[str], typer.Option("--input", "-i", help="documents (JSONL, .txt, .html) or '-'")],
    output: Annotated[str, typer.Option("--output", "-o")] = "-",
    published: Annotated[str | None, typer.Option()] = None,
) -> None:
    """Every place mention the resolver sees, with GeoNames id and coordinates."""
    from flashpoint.clean import clean
    from flashpoint.nlp import load_model, parse
    from flashpoint.resolve.places import Gazetteer, find_toponyms, people_names, resolve_toponyms

    nlp, gaz = load_model(), Gazetteer.open()
    rejects: list[InputError] = []
    with _output(output) as out:
        # Every place mention counts here, captions and datelines too, and names of peoples ("Sudanese") and
        # places inside organisation names ("Ohio State University"), which the event pipeline leaves out.
        for parsed in parse(clean(_documents(input, published, rejects)), nlp, all_segments=True):
            cd = parsed.clean
            mentions = []
            people = people_names(sdoc for _, sdoc in parsed.parses)
            for seg_index, sdoc in parsed.parses:
                for text, s, e in find_toponyms(sdoc, gaz, embedded=True, demonyms=True, people=people):
                    rs = cd.raw_offset(seg_index, s)
                    mentions.append((text, rs, cd.raw_offset(seg_index, e)))
            for (_, s, e), place in zip(mentions, resolve_toponyms(mentions, gaz), strict=True):
                rec = {"doc_id": cd.doc.id, "text": cd.doc.text[s:e], "start": s, "end": e, "geonameid": None,
                       "lat": None, "lon": None, "country": None, "precision": None}
                if place is not None:
                    rec.update(geonameid=place.geonameid, lat=place.lat, lon=place.lon, country=place.country,
                               precision=place.precision, name=place.name)
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    if rejects:
        raise typer.Exit(EXIT_REJECTED)


@times_app.command("extract")
def times_extract(
    input: Annotated[list[str], typer.Option("--input", "-i", help="documents (JSONL, .txt, .html) or '-'")],
    output: Annotated[str, typer.Option("--output", "-o")] = "-",
    published: Annotated[str | None, typer.Option()] = None,
) -> None:
    """Every time expression, normalised to a TIMEX3 value against the document's publication date."""
    from flashpoint.resolve.times import find_times

    rejects: list[InputError] = []
    with _output(output) as out:
        for doc in _documents(input, published, rejects):
            for t in find_times(doc.text, doc.published):
                out.write(json.dumps({"doc_id": doc.id, "text": t.text, "start": t.start, "end": t.end,
                                      "type": t.type, "value": t.value}, ensure_ascii=False) + "\n")
    if rejects:
        raise typer.Exit(EXIT_REJECTED)


@actors_app.command("lookup")
def actors_lookup(
    text: Annotated[str, typer.Argument(help="an actor phrase as written")],
    date: Annotated[str | None, typer.Option(help="document date (for office holders)")] = None,
    country: Annotated[str | None, typer.Option(help="ISO3 country context")] = None,
    actors: Annotated[str | None, typer.Option("--actors", help="extra actor dictionary (YAML or CSV)")] = None,
) -> None:
    """Code an actor phrase: ISO3 country, CAMEO actor code and kind."""
    from dataclasses import asdict

    from flashpoint.resolve.actors import ActorResolver

    entry = ActorResolver.load(actors).lookup(text, date=date, context_country=country)
    typer.echo(json.dumps(asdict(entry) if entry is not None else None, ensure_ascii=False))


@app.command()
def serve(
    db: Annotated[str, typer.Option(help="DuckDB store file")] = "flashpoint.duckdb",
    host: Annotated[str, typer.Option(help="address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port to listen on")] = 8000,
    allow_ingest: Annotated[bool, typer.Option("--allow-ingest", help="accept POST /documents (opens the store "
                                               "for writing: no other process can use it meanwhile)")] = False,
) -> None:
    """Serve the store as a REST API (docs at /docs) and a web dashboard (at /)."""
    from flashpoint.api import serve as run_server

    try:
        run_server(db, host=host, port=port, allow_ingest=allow_ingest)
    except FlashpointError as e:
        _err(f"error: {e}")
        raise typer.Exit(1) from e


def main() -> None:  # pragma: no cover - console entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
