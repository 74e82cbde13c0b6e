"""One text or HTML file -> RawPage."""

from __future__ import annotations

import re
from pathlib import Path

from communique.model import InputError, RawPage
from communique.sources.encoding import decode
from communique.sources.html import meta_date

HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
_MARKUP = re.compile(
    r"\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<\?xml|<!--|"
    r"<(?:div|p|meta|article|section|table|title|span|h1|h2|link|script|style|main)[\s>/])",
    re.I,
)


def looks_like_html(text: str) -> bool:
    """True when the text starts with markup (after a BOM and whitespace)."""
    return bool(_MARKUP.match(text[:2000].lstrip("\ufeff")))


def doc_id_of(path: Path) -> str:
    name = path.name
    for suffix in (".warc.gz", ".tar.gz"):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return path.stem or name


def read_file(path: Path, published: str | None = None, max_bytes: int = 64 * 2**20) -> RawPage:
    """Read one page file; raise ``InputError`` (plain message) when it cannot be read."""
    try:
        size = path.stat().st_size
    except OSError as err:
        raise InputError(f"cannot read the file: {err.strerror or err}") from err
    if size > max_bytes:
        raise InputError(
            f"the file is {size / 2**20:.1f} MB, over the limit of {max_bytes / 2**20:.1f} MB"
        )
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(f"cannot read the file: {err.strerror or err}") from err
    text, encoding = decode(data)
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise InputError("the file holds only whitespace")
    is_html = path.suffix.lower() in HTML_SUFFIXES or looks_like_html(text)
    return RawPage(
        doc_id=doc_id_of(path),
        text=None if is_html else text,
        html=text if is_html else None,
        # the page's own date first; the user's date fills a missing one
        published=(meta_date(text) if is_html else None) or published,
        source=str(path),
        encoding=encoding,
    )
