"""The FastAPI application: read endpoints over a flashpoint store, optional ingestion, the web page.

``create_app`` opens the store once (read-only unless ingestion is allowed: DuckDB lets one process hold a
file for writing, and then no other process may even read it) and gives each request its own cursor.
"""

from __future__ import annotations

import json
import logging
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import asynccontextmanager
from importlib.resources import files
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query, Request
from fastapi import Path as PathParam
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.background import BackgroundTask
from starlette.concurrency import run_in_threadpool

from flashpoint.api import queries
from flashpoint.api.errors import ApiError, error_body, install_error_handlers
from flashpoint.api.filters import FILTER_PARAMS, Filters, check_params, event_filters
from flashpoint.api.ingest import MAX_DOCUMENTS, Ingestor, documents_from_files, documents_from_json
from flashpoint.store import Store

log = logging.getLogger("flashpoint.api")

MAX_PAGE = 1000
MAX_POINTS = 100_000
MAX_BODY = 5 * 1024 * 1024  # bytes accepted by POST /documents
EXPORT_TYPES = {"csv": "text/csv", "parquet": "application/vnd.apache.parquet", "geojson": "application/geo+json",
                "jsonl": "application/x-ndjson"}


def web_dir() -> Path:
    """The packaged web page (index.html and built assets under static/)."""
    return Path(str(files("flashpoint") / "web"))


class BodyLimit:
    """ASGI middleware: refuse request bodies over ``max_bytes`` with 413 before the app reads them."""

    def __init__(self, app: Any, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None:
            try:
                n = int(length)
            except ValueError:
                await self._refuse(send, 400, "the Content-Length header is not a number")
                return
            if n > self.max_bytes:
                await self._refuse(send, 413, self._too_big(n))
                return
            await self.app(scope, receive, send)
            return
        # no length given (chunked): read up to the limit, then hand the body on
        chunks, size, more = [], 0, True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await self._refuse(send, 413, self._too_big(size))
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        sent = False

        async def replay() -> dict[str, Any]:
            nonlocal sent
            if sent:
                return await receive()
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)

    def _too_big(self, n: int) -> str:
        return (f"request body too large ({n} bytes, more than the limit of {self.max_bytes}); "
                "send fewer or shorter documents per request")

    async def _refuse(self, send: Any, status: int, message: str) -> None:
        payload = json.dumps(error_body(status, message)).encode()
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode()),
                                (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": payload})


def _cursor(request: Request) -> Iterator[Any]:
    """FastAPI dependency: a cursor of its own for each request over the store's one connection."""
    store: Store = request.app.state.store
    cur = store._conn().cursor()  # noqa: SLF001 - the API shares the store's connection
    try:
        yield cur
    finally:
        cur.close()


Cursor = Annotated[Any, Depends(_cursor)]
FilterDep = Annotated[Filters, Depends(event_filters)]


def _json(payload: dict[str, Any], status: int = 200) -> Response:
    return Response(json.dumps(payload, ensure_ascii=False), status_code=status, media_type="application/json")


def create_app(db: str | Path, *, allow_ingest: bool = False, pipeline: Any = None,
               max_body: int = MAX_BODY) -> FastAPI:
    """The API over the store ``db``; ``allow_ingest`` opens it for writing and enables POST /documents."""
    store = Store.open(db, read_only=not allow_ingest)
    ingestor = Ingestor(store, pipeline) if allow_ingest else None

    @asynccontextmanager
    async def lifespan(app: FastAPI):  # type: ignore[no-untyped-def]
        yield
        store.close()

    app = FastAPI(
        title="flashpoint",
        summary="Event data extracted from news reports: who did what to whom, where, when, and the evidence.",
        version=_version(),
        docs_url=None, redoc_url=None,  # /docs is our own offline page (the stock ones load scripts from a CDN)
        lifespan=lifespan,
    )
    app.state.store = store
    app.add_middleware(GZipMiddleware, minimum_size=2048)
    app.add_middleware(BodyLimit, max_bytes=max_body)
    install_error_handlers(app)

    @app.get("/events", tags=["events"], summary="Events matching the filters, one page at a time")
    def list_events(
        request: Request, cur: Cursor, filters: FilterDep,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"page size (1..{MAX_PAGE})")] = 50,
        offset: Annotated[int, Query(ge=0, le=10_000_000, description="events to skip")] = 0,
        sort: Annotated[str, Query(description="date, confidence, fatalities, goldstein, country or type; "
                                   "a leading '-' sorts descending")] = "date",
    ) -> Response:
        """Full event records (the output contract) with `total`, the number of events matching the filters."""
        check_params(request, FILTER_PARAMS | {"limit", "offset", "sort"})
        if sort not in queries.SORTS:
            raise ApiError(400, f"sort={sort!r} is not one of {', '.join(queries.SORTS)}")
        total, records = queries.event_page(cur, filters, limit=limit, offset=offset, sort=sort)
        head = json.dumps({"ok": True, "total": total, "limit": limit, "offset": offset, "sort": sort})
        body = head[:-1] + ', "events": [' + ", ".join(records) + "]}"
        return Response(body, media_type="application/json")

    @app.get("/events/{event_id}", tags=["events"], summary="One event with its evidence, documents and links")
    def get_event(request: Request, cur: Cursor,
                  event_id: Annotated[str, PathParam(max_length=200)]) -> Response:
        check_params(request, frozenset())
        return _json({"ok": True, **queries.get_event(cur, event_id)})

    @app.get("/documents/{doc}", tags=["documents"], summary="A document's text and the spans that produced events")
    def get_document(request: Request, cur: Cursor,
                     doc: Annotated[str, PathParam(max_length=300, description="sha256 or document id")]) -> Response:
        check_params(request, frozenset())
        return _json({"ok": True, **queries.get_document(cur, doc)})

    @app.get("/dyads", tags=["aggregates"], summary="Source -> target actor pairs per week (or overall)")
    def get_dyads(
        request: Request, cur: Cursor, filters: FilterDep,
        interval: Annotated[str, Query(description="week (default) or all")] = "week",
        limit: Annotated[int, Query(ge=1, le=5000)] = 1000,
        min_events: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
    ) -> Response:
        """Events, fatalities and mean Goldstein score per dyad; an actor is its CAMEO code, or its name."""
        check_params(request, FILTER_PARAMS | {"interval", "limit", "min_events"})
        if interval not in ("week", "all"):
            raise ApiError(400, f"interval={interval!r} is not one of week, all")
        rows = queries.dyads(cur, filters, interval=interval, limit=limit, min_events=min_events)
        return _json({"ok": True, "interval": interval, "dyads": rows})

    @app.get("/timeline", tags=["aggregates"], summary="Events per day and PLOVER type")
    def get_timeline(request: Request, cur: Cursor, filters: FilterDep) -> Response:
        check_params(request, FILTER_PARAMS)
        return _json({"ok": True, **queries.timeline(cur, filters)})

    @app.get("/points", tags=["aggregates"], summary="Located events as compact rows for a map")
    def get_points(request: Request, cur: Cursor, filters: FilterDep,
                   limit: Annotated[int, Query(ge=1, le=MAX_POINTS)] = 20_000) -> Response:
        check_params(request, FILTER_PARAMS | {"limit"})
        return _json({"ok": True, **queries.points(cur, filters, limit=limit)})

    @app.get("/facets", tags=["aggregates"], summary="Totals, the values of each filter with counts, date range")
    def get_facets(request: Request, cur: Cursor) -> Response:
        check_params(request, frozenset())
        return _json({"ok": True, "ingest": allow_ingest, **queries.facets(cur)})

    @app.get("/export", tags=["events"], summary="The matching events as a CSV, Parquet, GeoJSON or JSONL file")
    def export(
        request: Request, cur: Cursor, filters: FilterDep,
        format: Annotated[str, Query(description="csv, parquet, geojson or jsonl")] = "csv",
        limit: Annotated[int | None, Query(ge=1, le=10_000_000)] = None,
    ) -> FileResponse:
        from flashpoint.store.export import export_events

        check_params(request, FILTER_PARAMS | {"format", "limit"})
        if format not in EXPORT_TYPES:
            raise ApiError(400, f"format={format!r} is not one of {', '.join(EXPORT_TYPES)}")
        where, params = filters.where()
        tmp = tempfile.mkdtemp(prefix="flashpoint-export-")
        out = Path(tmp) / f"flashpoint-events.{format}"
        try:
            n = export_events(cur, format, out, where, params, limit)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        return FileResponse(out, media_type=EXPORT_TYPES[format], filename=out.name,
                            headers={"X-Flashpoint-Rows": str(n)},
                            background=BackgroundTask(shutil.rmtree, tmp, ignore_errors=True))

    @app.post("/documents", tags=["documents"], status_code=201,
              summary="Extract events from documents and store them (needs --allow-ingest)",
              openapi_extra={"requestBody": {"content": {
                  "application/json": {"schema": {"type": "object", "description":
                                       'one {"id", "text", "title", "published", "source", "url"}, a list of '
                                       'them, or {"documents": [...]}'}},
                  "multipart/form-data": {"schema": {"type": "object", "properties": {
                      "file": {"type": "string", "format": "binary",
                               "description": ".txt, .html or .jsonl file (repeat for several)"}}}}}}})
    async def post_documents(
        request: Request,
        published: Annotated[str | None, Query(description="date (YYYY-MM-DD) for documents without one")] = None,
    ) -> Response:
        """Runs the pipeline on the documents and stores documents and events; bad records are reported."""
        check_params(request, frozenset({"published"}))
        if ingestor is None:
            raise ApiError(403, "ingestion is off: this server opened the store read-only; start it with "
                                "`flashpoint serve --allow-ingest` to accept documents")
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if ctype == "application/json":
            docs, rejected = documents_from_json(await request.body(), published)
        elif ctype == "multipart/form-data":
            try:
                form = await request.form(max_files=MAX_DOCUMENTS, max_fields=100)
            except Exception as e:  # noqa: BLE001 - malformed multipart: tell the client, not the log
                raise ApiError(400, f"cannot read the multipart upload ({e})") from None
            uploads = [(f.filename or "", await f.read()) for f in form.getlist("file") if hasattr(f, "read")]
            docs, rejected = await run_in_threadpool(documents_from_files, uploads, published)
        else:
            raise ApiError(415, f"unsupported Content-Type {ctype or '(none)'!r}; send application/json or a "
                                'multipart/form-data upload with a "file" field')
        if not docs:
            raise ApiError(400, "no readable document in the request; see `rejected`", rejected=rejected)
        result = await run_in_threadpool(ingestor.ingest, docs, rejected)
        return _json(result, status=201 if result["stored"] else 200)

    @app.get("/health", tags=["meta"], summary="Is the server up, which store, is ingestion on")
    def health(cur: Cursor) -> JSONResponse:
        n = int(cur.execute("SELECT count(*) FROM events").fetchall()[0][0])
        return JSONResponse({"ok": True, "db": str(db), "read_only": store.read_only, "ingest": allow_ingest,
                             "events": n})

    web = web_dir()

    @app.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(web / "index.html", media_type="text/html")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    @app.api_route("/docs", methods=["GET", "HEAD"], include_in_schema=False)
    def docs() -> FileResponse:
        return FileResponse(web / "docs.html", media_type="text/html")

    app.mount("/static", StaticFiles(directory=web / "static"), name="static")
    return app


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("flashpoint")
    except PackageNotFoundError:
        return "0"


def serve(db: str | Path, *, host: str = "127.0.0.1", port: int = 8000, allow_ingest: bool = False,
          log_level: str = "info") -> None:
    """Run the API and web page with uvicorn (one process: DuckDB allows one writer per file)."""
    import uvicorn

    app = create_app(db, allow_ingest=allow_ingest)
    uvicorn.run(app, host=host, port=port, log_level=log_level, workers=1)
