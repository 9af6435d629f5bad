"""Export stored events as JSON Lines, CSV, Parquet or GeoJSON.

Every file is written next to its destination and renamed into place at the end, so an interrupted export
never leaves a half-written file under the requested name.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import IO, Any

import duckdb
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from flashpoint.store.schema import FLAT_COLUMNS, LIST_COLUMNS

log = logging.getLogger("flashpoint.store")

ORDER = " ORDER BY date_start NULLS LAST, event_id"


def export_events(
    con: duckdb.DuckDBPyConnection, fmt: str, out: Path, where: str, params: list[Any], limit: int | None
) -> int:
    """Write the events selected by ``where``/``params`` to ``out`` in ``fmt``; returns rows written."""
    tail = where + ORDER + (" LIMIT ?" if limit is not None else "")
    params = params + ([int(limit)] if limit is not None else [])
    columns = ", ".join(_quote(c) for c in FLAT_COLUMNS)
    if fmt == "jsonl":
        rows = con.execute(f"SELECT record FROM events {tail}", params).fetchall()
        return _atomic(out, "w", lambda f: _write_jsonl(f, rows))
    if fmt == "parquet":
        table = con.sql(f"SELECT {columns} FROM events {tail}", params=params).to_arrow_table()
        _atomic(out, "wb", lambda f: pq.write_table(table, f))
        return table.num_rows
    if fmt == "csv":
        # CSV has no lists: join actor names/codes with "; " (missing entries as empty strings)
        cols = ", ".join(
            f"array_to_string(list_transform({c}, lambda x: coalesce(x, '')), '; ') AS {c}" if c in LIST_COLUMNS
            else _quote(c)
            for c in FLAT_COLUMNS
        )
        table = con.sql(f"SELECT {cols} FROM events {tail}", params=params).to_arrow_table()
        _atomic(out, "wb", lambda f: pacsv.write_csv(table, f))
        return table.num_rows
    if fmt == "geojson":
        table = con.sql(f"SELECT {columns} FROM events {tail}", params=params).to_arrow_table()
        return _atomic(out, "w", lambda f: _write_geojson(f, table.to_pylist()))
    raise ValueError(f"unknown export format {fmt!r}; choose jsonl, csv, parquet or geojson")


def _quote(column: str) -> str:
    return f'"{column}"'


def _atomic(out: Path, mode: str, write: Callable[[IO[Any]], int | None]) -> int:
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp")
    try:
        with open(tmp, mode, **({"encoding": "utf-8"} if "b" not in mode else {})) as f:
            n = write(f)
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return n or 0


def _write_jsonl(f: IO[str], rows: list[tuple[str]]) -> int:
    for (record,) in rows:
        f.write(record)
        f.write("\n")
    return len(rows)


def _json_value(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _write_geojson(f: IO[str], rows: list[dict[str, Any]]) -> int:
    features = []
    skipped = 0
    for row in rows:
        if row["lat"] is None or row["lon"] is None:
            skipped += 1
            continue
        props = {k: _json_value(v) for k, v in row.items()}
        features.append({
            "type": "Feature",
            "id": row["event_id"],
            "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
            "properties": props,
        })
    if skipped:
        log.warning("geojson export: %d event(s) without coordinates skipped", skipped)
    collection = {"type": "FeatureCollection", "features": features, "skipped_without_coordinates": skipped}
    json.dump(collection, f, ensure_ascii=False)
    f.write("\n")
    return len(features)
