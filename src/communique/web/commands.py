"""``communique serve``: the web workbench over a store, with uvicorn."""

from __future__ import annotations

from typing import Annotated

import typer


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
) -> None:
    """Serve the web workbench and its JSON API over a store."""
    import uvicorn

    from communique.web.app import create_app

    app = create_app(db, token=token, max_body=max_body)
    mode = "read-write (token set)" if token else "read-only"
    typer.echo(f"communique serve: http://{host}:{port}/  store {app.state.store.url}, {mode}")
    uvicorn.run(app, host=host, port=port, log_level="info")


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
