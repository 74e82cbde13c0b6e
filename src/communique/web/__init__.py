"""The web workbench and JSON API over the event store (``communique serve``)."""

from __future__ import annotations


def create_app(db_url: str | None = None, token: str | None = None, max_body: int = 2_000_000):
    """See ``communique.web.app.create_app`` (imported lazily: FastAPI loads on first use)."""
    from communique.web.app import create_app as build

    return build(db_url, token=token, max_body=max_body)


__all__ = ["create_app"]
