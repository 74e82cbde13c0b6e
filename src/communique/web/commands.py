"""``communique serve``: the web workbench over a store, with uvicorn."""

from __future__ import annotations

import os
from typing import Annotated

import typer

FACTORY = "communique.web.app:app_from_env"


def serve(
    db: Annotated[str | None, typer.Option("--db", help="SQLite file or postgresql://… URL "
                                           "(default: communique.db, or $COMMUNIQUE_DB)")] = None,
    host: Annotated[str, typer.Option(help="address to bind (loopback by default)")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port to listen on")] = 8000,
    token: Annotated[str | None, typer.Option(
        envvar="COMMUNIQUE_TOKEN",
        help="bearer token that POST /api/documents needs; without one the server is read-only "
             "(prefer $COMMUNIQUE_TOKEN: options show in the process list)")] = None,
    max_body: Annotated[int, typer.Option(help="largest request body, bytes")] = 2_000_000,
    workers: Annotated[int, typer.Option(
        min=1, help="server processes, each with its own app and connections (a request's "
                    "Python work holds one process's thread: more workers use more cores)")] = 1,
) -> None:
    """Serve the web workbench and its JSON API over a store."""
    import uvicorn

    from communique.web.serving import NoDelayHTTP

    mode = "read-write (token set)" if token else "read-only"
    if workers == 1:
        from communique.web.app import create_app

        app = create_app(db, token=token, max_body=max_body)
        typer.echo(f"communique serve: http://{host}:{port}/  store {app.state.store.url}, {mode}")
        uvicorn.run(app, host=host, port=port, log_level="info", http=NoDelayHTTP)
        return
    url = _prepare(db)
    # each worker process builds its own app (``app_from_env``) from these
    os.environ["COMMUNIQUE_DB"] = url
    os.environ["COMMUNIQUE_MAX_BODY"] = str(max_body)
    if token:
        os.environ["COMMUNIQUE_TOKEN"] = token
    else:
        os.environ.pop("COMMUNIQUE_TOKEN", None)
    from sqlalchemy.engine import make_url

    shown = make_url(url).render_as_string(hide_password=True)
    typer.echo(f"communique serve: http://{host}:{port}/  store {shown}, {mode}, "
               f"{workers} workers")
    uvicorn.run(FACTORY, factory=True, workers=workers, host=host, port=port, log_level="info",
                http=NoDelayHTTP)


def _prepare(db: str | None) -> str:
    """Open (and migrate) the store once, before the workers do; its full URL."""
    from communique.store import open_store

    with open_store(db) as store:
        return store.engine.url.render_as_string(hide_password=False)


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
