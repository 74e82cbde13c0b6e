"""The store's commands, thin wrappers: ``ingest``, ``events``, ``actors``, ``dyad``, ``export``."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

DB = Annotated[
    str | None,
    typer.Option("--db", help="SQLite file or postgresql://… URL [default: communique.db, "
                 "or $COMMUNIQUE_DB]"),
]
TABLE_ROWS = 1000  # a table is read by a person: more rows than this want --format or --limit
OUT = Annotated[Path | None, typer.Option("--output", "-o", help="write here, not to stdout")]


class Fmt(StrEnum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


class ExportFmt(StrEnum):
    icews = "icews"
    plover = "plover"
    parquet = "parquet"


def _store(db: str | None, *, made: bool = True):
    """The store at ``db``; a query (``made``) of a SQLite file that is not there is an error,
    not a new empty store that answers nothing."""
    from sqlalchemy.engine import make_url

    from communique.store import normalise_url, open_store

    url = make_url(normalise_url(db))
    path = url.database
    if made and url.get_backend_name() == "sqlite" and path and path != ":memory:":
        if not Path(path).exists():
            typer.echo(f"no store at {path}: `communique ingest PAGES --db {path}` makes one",
                       err=True)
            raise typer.Exit(2)
    return open_store(db)


def _emit(df, fmt: Fmt, output: Path | None, columns: list[str], title: str) -> None:
    if fmt is Fmt.parquet:
        if output is None:
            raise typer.BadParameter("parquet needs --output FILE")
        df.to_parquet(output, index=False)
        return
    if fmt is Fmt.jsonl:
        text = df.to_json(orient="records", lines=True, force_ascii=False) if len(df) else ""
    elif fmt is Fmt.csv:
        text = df.to_csv(index=False)
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(title=title, show_lines=False)
        for c in columns:
            table.add_column(c, overflow="ellipsis", no_wrap=c in ("text", "headline"),
                             max_width=70 if c in ("text", "headline") else 24)
        for row in df[columns].itertuples(index=False):
            table.add_row(*("" if v is None or v != v else str(v) for v in row))
        fh = output.open("w", encoding="utf-8") if output else None
        wide = None if fh is None and sys.stdout.isatty() else 200
        Console(file=fh, width=wide).print(table)
        if fh is not None:
            fh.close()
        return
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


def ingest(
    paths: Annotated[list[str], typer.Argument(help="files, folders, globs, JSONL, WARC, HTML")],
    db: DB = None,
    jobs: Annotated[int | None, typer.Option(
        "--jobs", "-j", min=0, show_default=False,
        help="extraction processes (0: this one; default: one per core, on one core 0)",
    )] = None,
    dask: Annotated[str | None, typer.Option(help="Dask scheduler address")] = None,
    published: Annotated[str | None, typer.Option(help="publication date for all")] = None,
    outlet: Annotated[str | None, typer.Option(help="outlet name for all pages")] = None,
    batch_size: Annotated[int, typer.Option(help="pages per transaction")] = 200,
    progress: Annotated[bool, typer.Option(help="show a progress bar")] = True,
) -> None:
    """Extract and store pages: idempotent, resumable, bad inputs recorded as rejects."""
    from communique.store.ingest import ingest as run
    from communique.store.workers import cores

    with _store(db, made=False) as store:
        if jobs is None:  # on one core a second process only adds the pickling
            jobs = cores() if cores() > 1 else 0
        summary = run(store, paths, published=published, jobs=jobs, dask=dask,
                      batch_size=batch_size, outlet=outlet,
                      progress=progress and sys.stderr.isatty())
        for line in summary.lines():
            typer.echo(line)
        if summary.stored:
            store.analyse()
        counts = store.counts()
        typer.echo(
            f"store {store.url}: {counts['documents']:,} pages, {counts['events']:,} events "
            f"from {counts['mentions']:,} mentions, {counts['rejects']:,} rejects"
        )


def _filters(**kw):
    from communique.store.queries import EventFilter

    between = kw.pop("between")
    if between and all(between):
        kw["between"] = tuple(between)
    return EventFilter(**kw)


def events(
    db: DB = None,
    actor: Annotated[str | None, typer.Option(help="person or organisation: name or id")] = None,
    country: Annotated[str | None, typer.Option(help="ISO alpha-3 of either side")] = None,
    between: Annotated[tuple[str, str] | None, typer.Option(help="a dyad: VNM RUS")] = None,
    event: Annotated[str | None, typer.Option(help="PLOVER type: CONSULT, SUPPORT…")] = None,
    mode: Annotated[str | None, typer.Option(help="PLOVER mode: visit, phone…")] = None,
    context: Annotated[str | None, typer.Option(help="PLOVER context: military…")] = None,
    since: Annotated[str | None, typer.Option(help="from this date (YYYY[-MM[-DD]])")] = None,
    until: Annotated[str | None, typer.Option(help="up to this date")] = None,
    outlet: Annotated[str | None, typer.Option(help="reported by this outlet")] = None,
    text: Annotated[str | None, typer.Option(
        help="words in the evidence, all in one sentence; \"quote\" a phrase with spaces")] = None,
    limit: Annotated[int | None, typer.Option(
        help=f"at most this many; 0 for all [default: {TABLE_ROWS:,} in a table, else all]"
    )] = None,
    fmt: Annotated[Fmt, typer.Option("--format", "-f")] = Fmt.table,
    output: OUT = None,
) -> None:
    """Events matching all the filters, in date order."""
    from communique.store.queries import events as query

    flt = _filters(actor=actor, country=country, between=between, event=event, mode=mode,
                   context=context, since=since, until=until, outlet=outlet, text=text)
    if limit is None:
        limit = TABLE_ROWS if fmt is Fmt.table else 0
    with _store(db) as store:
        df = query(store, flt, limit=limit or None)
    cols = ["date", "event", "mode", "actor_names", "recipient_names", "n_mentions", "text"]
    title = f"{len(df):,} events"
    if limit and len(df) == limit:
        title = f"the first {limit:,} events (--limit 0 for all)"
    _emit(df, fmt, output, cols, title)


def actors(
    query: Annotated[str | None, typer.Argument(help="part of a name, org or id")] = None,
    db: DB = None,
    country: Annotated[str | None, typer.Option(help="ISO alpha-3")] = None,
    limit: Annotated[int, typer.Option(help="at most this many")] = 50,
    fmt: Annotated[Fmt, typer.Option("--format", "-f")] = Fmt.table,
    output: OUT = None,
) -> None:
    """People and organisations: roles over time and most frequent counterparts."""
    from communique.store.queries import actors as run

    with _store(db) as store:
        df = run(store, query, country=country, limit=limit)
    cols = ["name", "org", "country", "events", "roles", "counterparts"]
    _emit(df, fmt, output, cols, f"{len(df):,} actors")


def dyad(
    a: Annotated[str, typer.Argument(help="country, ISO alpha-3")],
    b: Annotated[str, typer.Argument(help="country, ISO alpha-3")],
    db: DB = None,
    by: Annotated[str, typer.Option(help="month or year")] = "month",
    since: Annotated[str | None, typer.Option()] = None,
    until: Annotated[str | None, typer.Option()] = None,
    fmt: Annotated[Fmt, typer.Option("--format", "-f")] = Fmt.table,
    output: OUT = None,
) -> None:
    """A relationship by month or year: events by type, mean PLOVER score, headline event."""
    from communique.store.queries import dyad as run

    with _store(db) as store:
        df = run(store, a, b, by=by, since=since, until=until)
    cols = [c for c in df.columns if c != "headline"] + ["headline"]
    _emit(df, fmt, output, cols, f"{a.upper()}–{b.upper()} by {by}")


def export(
    fmt: Annotated[ExportFmt, typer.Argument(help="icews, plover or parquet")],
    output: Annotated[Path, typer.Option("--output", "-o")],
    db: DB = None,
    actor: Annotated[str | None, typer.Option()] = None,
    country: Annotated[str | None, typer.Option()] = None,
    between: Annotated[tuple[str, str] | None, typer.Option()] = None,
    event: Annotated[str | None, typer.Option()] = None,
    since: Annotated[str | None, typer.Option()] = None,
    until: Annotated[str | None, typer.Option()] = None,
    tab: Annotated[bool, typer.Option(help="ICEWS: tab-separated (.tab)")] = False,
) -> None:
    """Write events as ICEWS CSV, PLOVER JSONL or Parquet."""
    from communique import export as ex

    flt = _filters(actor=actor, country=country, between=between, event=event, since=since,
                   until=until)
    with _store(db) as store:
        if fmt is ExportFmt.icews:
            n = ex.write_icews(store, output, flt, sep="\t" if tab else ",")
        elif fmt is ExportFmt.plover:
            n = ex.write_plover(store, output, flt)
        else:
            n = ex.write_parquet(store, output, flt)
    typer.echo(f"wrote {n:,} events to {output}")


def register(app: typer.Typer) -> None:
    for fn in (ingest, events, actors, dyad, export):
        app.command(fn.__name__)(fn)
