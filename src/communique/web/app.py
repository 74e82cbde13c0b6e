"""The web workbench: ``create_app()`` builds the FastAPI application over one store.

The JSON API lives under ``/api`` (OpenAPI schema at ``/openapi.json``), the pages at ``/``,
``/documents/{doc_id}``, ``/dyad/{a}/{b}``, ``/network``, ``/actors`` and ``/actors/{id}``,
static files (CSS, the vendored ECharts) under
``/static``. Without a token the server is read-only.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from communique.store import open_store
from communique.web import actor_pages, api, data, pages
from communique.web.cache import ShortCache

STATIC = Path(__file__).parent / "static"

CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; "
       "frame-ancestors 'none'")


def create_app(db_url: str | None = None, token: str | None = None,
               max_body: int = 2_000_000) -> FastAPI:
    """An app over the store at ``db_url`` (a SQLite path or URL; default as ``open_store``).

    ``token``: the bearer token ``POST /api/documents`` needs; None makes the server
    read-only. ``max_body``: the largest request body accepted, in bytes."""
    store = open_store(db_url)
    data.install_budget(store.engine)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(
        title="communique",
        summary="Coded diplomatic events read from Chinese-language news",
        version=_version(),
        docs_url=None,  # the Swagger and ReDoc pages load scripts from a CDN
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.store = store
    app.state.token = token or None
    app.state.max_body = int(max_body)
    app.state.cache = ShortCache()  # counts and dyads, cleared by a stored POST
    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(actor_pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    app.add_middleware(SecurityHeaders)
    return app


class SecurityHeaders:
    """Headers on every response, CSP and framing on pages. Plain ASGI: ``@app.middleware``
    (Starlette's ``BaseHTTPMiddleware``) passes each response through a stream of its own."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.setdefault("X-Content-Type-Options", "nosniff")
                headers.setdefault("Referrer-Policy", "same-origin")
                if headers.get("content-type", "").startswith("text/html"):
                    headers.setdefault("Content-Security-Policy", CSP)
                    headers.setdefault("X-Frame-Options", "DENY")
            await send(message)

        await self.app(scope, receive, send_with)


def app_from_env() -> FastAPI:
    """``create_app()`` from the environment, for ``uvicorn --factory`` (``communique serve
    --workers N`` starts each worker with it): ``$COMMUNIQUE_DB`` (read by ``open_store``),
    ``$COMMUNIQUE_TOKEN`` and ``$COMMUNIQUE_MAX_BODY``."""
    return create_app(None, token=os.environ.get("COMMUNIQUE_TOKEN") or None,
                      max_body=int(os.environ.get("COMMUNIQUE_MAX_BODY") or 2_000_000))


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("communique")
    except Exception:  # noqa: BLE001
        return "0"
