"""The command line: thin Typer commands over the Python API, printed with Rich."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from communique.model import Document, Rejected

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Chinese-language diplomatic news to coded, dated, evidenced events (PLOVER, CAMEO).",
)
out = Console(soft_wrap=True)
err = Console(stderr=True)

Paths = Annotated[list[str], typer.Argument(help="Files, folders or glob patterns.")]
Published = Annotated[
    str | None, typer.Option(help="Publication date YYYY-MM-DD for pages that do not state one.")
]


@app.command()
def extract(
    paths: Paths,
    published: Published = None,
    format: Annotated[str, typer.Option("--format", "-f", help="jsonl or table")] = "jsonl",
) -> None:
    """Extract events from pages and print SPEC section 5 records."""
    from communique.pipeline import extract_paths

    if format not in ("jsonl", "table"):
        raise typer.BadParameter("--format is jsonl or table")
    rejected = 0
    for item in extract_paths(paths, published=published):
        if isinstance(item, Rejected):
            rejected += 1
            err.print(f"[yellow]skipped[/] {item.source}: {item.reason}")
            continue
        if format == "jsonl":
            for record in item.records():
                sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            _print_table(item)
    if rejected:
        err.print(f"{rejected} input(s) gave no events; see the reasons above.")


def _print_table(doc: Document) -> None:
    title = doc.page.text.splitlines()[0] if doc.page.text else doc.doc_id
    table = Table(title=f"{doc.doc_id}  {title}", title_justify="left", show_lines=False,
                  pad_edge=False)
    for col, width in (("part", 9), ("event", 10), ("mode", 12), ("date", 10),
                       ("who → whom", 30), ("evidence [span]", 34)):
        table.add_column(col, overflow="fold", max_width=width)
    for sub in doc.all_documents():
        part = sub.doc_id.split("#")[-1] if "#" in sub.doc_id else "article"
        for ev in sub.events:
            words = ev.text if len(ev.text) <= 26 else ev.text[:25] + "…"
            table.add_row(
                part,
                ("★" if ev.main else "") + ev.event,
                ev.mode or "",
                ev.date.value or "",
                f"{_sides(ev.actor)} → {_sides(ev.recipient) or '–'}",
                f"{words} [{ev.span[0]}:{ev.span[1]}]",
            )
    out.print(table)


def _sides(entities: tuple) -> str:  # type: ignore[type-arg]
    return ", ".join(f"{e.name or e.org or e.text}/{e.country or '?'}" for e in entities)


@app.command()
def show(paths: Paths, published: Published = None) -> None:
    """Print the cleaned text with entities and event triggers highlighted, and what was dropped."""
    from communique.pipeline import extract_paths

    for item in extract_paths(paths, published=published):
        if isinstance(item, Rejected):
            err.print(f"[yellow]skipped[/] {item.source}: {item.reason}")
            continue
        for doc in item.all_documents():
            out.rule(f"{doc.doc_id} ({doc.page.part})")
            out.print(_highlight(doc))
            for ev in doc.events:
                out.print(
                    f"  [bold]{ev.event}[/] {ev.mode or ''} {ev.date.value or ''} "
                    f"{_sides(ev.actor)} → {_sides(ev.recipient)}  [dim]span {list(ev.span)}[/]"
                )
            for dropped in doc.page.dropped:
                out.print(f"  [dim]dropped {dropped.kind}: {dropped.text[:80]}[/]")


def _highlight(doc: Document) -> Text:
    text = Text(doc.page.display_text)
    for e in doc.entities:
        text.stylize("cyan" if e.kind == "person" else "green", *e.span)
    for ev in doc.events:
        text.stylize("bold magenta underline", *ev.trigger)
    if doc.page.dateline:
        text.stylize("dim", *doc.page.dateline.span)
    return text


@app.command(name="eval")
def evaluate(
    paths: Paths,
    gold: Annotated[Path, typer.Option(help="Gold events, JSONL (SPEC section 6).")],
    published: Published = None,
) -> None:
    """Score extraction against gold events, as SPEC section 6 describes."""
    from communique.evaluate import format_report, load_jsonl, score
    from communique.pipeline import extract_paths

    predicted: list[dict] = []
    docs: set[str] = set()
    for item in extract_paths(paths, published=published):
        if isinstance(item, Rejected):
            err.print(f"[yellow]skipped[/] {item.source}: {item.reason}")
            continue
        docs.update(d.doc_id for d in item.all_documents())
        predicted.extend(item.records())
    print(format_report(score(load_jsonl(gold), predicted, docs=docs)))


@app.command()
def version() -> None:
    """Print the versions of communique and of its knowledge base (for reproducible data)."""
    from communique import __version__
    from communique.knowledge import kb_version

    print(f"communique {__version__}, knowledge base {kb_version()}")


def _register_stages() -> None:
    """Commands of the stages that live in their own packages register themselves."""
    from communique.store.commands import register as store_commands
    from communique.web.commands import register as web_commands

    store_commands(app)
    web_commands(app)


_register_stages()
