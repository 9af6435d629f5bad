"""One JSON shape for every error the API returns: ``{"ok": false, "error": "...", "status": 400}``.

Handlers turn FastAPI's validation errors, Starlette's HTTP errors (unknown path, wrong method), our own
``ApiError`` and anything unexpected into that shape; a client never has to parse HTML or a stack trace.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger("flashpoint.api")


class ApiError(Exception):
    """An error to report to the client with an HTTP status and a message that says what to do."""

    def __init__(self, status: int, message: str, **extra: Any) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.extra = extra


def error_body(status: int, message: str, **extra: Any) -> dict[str, Any]:
    return {"ok": False, "error": message, "status": status, **extra}


def error_response(status: int, message: str, **extra: Any) -> JSONResponse:
    return JSONResponse(error_body(status, message, **extra), status_code=status)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        loc = [str(x) for x in err.get("loc", ())]
        where, name = (loc[0], ".".join(loc[1:])) if loc else ("request", "")
        kind = {"query": "query parameter", "path": "path parameter", "body": "request body"}.get(where, where)
        label = f"{kind} {name!r}" if name else kind
        got = err.get("input")
        shown = f" (got {got!r})" if isinstance(got, str | int | float) and len(repr(got)) < 80 else ""
        parts.append(f"{label}: {err.get('msg', 'invalid value')}{shown}")
    return "; ".join(parts) or "invalid request"


def install_error_handlers(app: FastAPI) -> None:
    """Register the handlers that give every error response the same JSON shape."""

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.message, **exc.extra)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        return error_response(400, _validation_message(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = str(exc.detail)
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such resource: {request.url.path} (the endpoints are listed at /docs)"
        elif exc.status_code == 405:
            message = f"{request.method} is not allowed on {request.url.path} (see /docs)"
        return error_response(exc.status_code, message)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return error_response(500, f"internal error ({type(exc).__name__}); the server log has the details")
