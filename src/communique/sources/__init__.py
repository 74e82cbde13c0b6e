"""Readers: files, folders, globs, JSONL, WARC -> RawPage (or Rejected, never an exception).

``iter_pages`` yields pages and rejections in input order; ``decode`` and ``html_to_text`` are
the building blocks (bytes -> text, HTML -> article text and metadata).
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from communique.model import InputError, RawPage, Rejected
from communique.sources.encoding import decode
from communique.sources.files import looks_like_html, read_file
from communique.sources.html import html_to_text, iso_date
from communique.sources.jsonl import iter_jsonl
from communique.sources.warc import iter_warc

__all__ = ["decode", "html_to_text", "iso_date", "iter_pages", "looks_like_html", "read_file"]

JSONL_SUFFIXES = (".jsonl", ".ndjson")
WARC_SUFFIXES = (".warc", ".warc.gz")


def _expand(arg: str | os.PathLike[str]) -> Iterator[Path | Rejected]:
    p = Path(arg)
    if p.is_dir():
        files = sorted(
            (f for f in p.rglob("*") if f.is_file() and not f.name.startswith(".")),
            key=lambda f: f.as_posix(),
        )
        if not files:
            yield Rejected(str(p), "the folder holds no files")
        yield from files
        return
    if p.exists():
        yield p
        return
    s = str(arg)
    if any(c in s for c in "*?["):
        matches = sorted(glob.glob(s, recursive=True))
        if not matches:
            yield Rejected(s, "no file matches this pattern")
        for m in matches:
            yield from _expand(m)
        return
    yield Rejected(s, "no such file or folder")


def iter_pages(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    published: str | None = None,
    max_bytes: int = 64 * 2**20,
) -> Iterator[RawPage | Rejected]:
    """Pages of files, folders (recursive, sorted) and glob patterns, in order.

    ``published`` (a date the user gives) fills a page's date when its record states none.
    Every failure is yielded as ``Rejected(source, reason)``; the batch always goes on.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    default = iso_date(published) if published else None
    for arg in paths:
        for item in _expand(arg):
            if isinstance(item, Rejected):
                yield item
                continue
            name = item.name.lower()
            try:
                if name.endswith(JSONL_SUFFIXES):
                    yield from iter_jsonl(item, default, max_bytes)
                elif name.endswith(WARC_SUFFIXES):
                    yield from iter_warc(item, default, max_bytes)
                else:
                    yield read_file(item, default, max_bytes)
            except InputError as err:
                yield Rejected(str(item), str(err))
            except Exception as err:  # noqa: BLE001 - a batch never stops on one bad input
                yield Rejected(str(item), f"cannot read this input: {type(err).__name__}: {err}")
