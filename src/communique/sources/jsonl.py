"""JSONL/NDJSON: one page a line, ``{"id", "url", "published", "title", "text" | "html"}``."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

from communique.model import RawPage, Rejected
from communique.sources.files import doc_id_of
from communique.sources.html import iso_date, meta_date

PARTIAL_DATE = re.compile(r"(?:18|19|20|21)\d\d(?:-(?:0[1-9]|1[0-2]))?")


def _str(value, field: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, (int, float)) and field in ("id",):
        return str(value)
    if not isinstance(value, str):
        raise ValueError(f'field "{field}" must be a string')
    return value


def record_to_page(rec: object, source: str, default_id: str, published: str | None) -> RawPage:
    if not isinstance(rec, dict):
        raise ValueError("the line is not a JSON object")
    text = _str(rec.get("text"), "text")
    html = _str(rec.get("html"), "html")
    if not (text and text.strip()) and not (html and html.strip()):
        raise ValueError('the record has no "text" or "html"')
    doc_id = _str(rec.get("id"), "id") or default_id
    pub_raw = rec.get("published")
    pub = iso_date(pub_raw) if isinstance(pub_raw, str) else None
    if pub is None and isinstance(pub_raw, str) and PARTIAL_DATE.fullmatch(pub_raw.strip()):
        pub = pub_raw.strip()  # `2022`, `2022-12`: the year (and month) a user knows
    if pub_raw not in (None, "") and pub is None:
        raise ValueError(f'"published" is not a date: {pub_raw!r}')
    if pub is None and html and not (text and text.strip()):
        pub = meta_date(html)
    return RawPage(
        doc_id=doc_id,
        text=text if text and text.strip() else None,
        html=None if text and text.strip() else html,
        url=_str(rec.get("url"), "url"),
        published=pub or published,
        title=(_str(rec.get("title"), "title") or "").strip() or None,
        source=source,
        encoding="utf-8",
    )


def iter_jsonl(
    path: Path, published: str | None = None, max_bytes: int = 64 * 2**20
) -> Iterator[RawPage | Rejected]:
    stem = doc_id_of(path)
    try:
        fh = path.open("rb")
    except OSError as err:
        yield Rejected(str(path), f"cannot read the file: {err.strerror or err}")
        return
    seen = 0
    with fh:
        lineno = 0
        while True:
            try:
                raw = fh.readline(max_bytes + 1)
            except OSError as err:
                yield Rejected(str(path), f"cannot read the file: {err.strerror or err}")
                return
            if not raw:
                break
            lineno += 1
            source = f"{path}:{lineno}"
            if len(raw) > max_bytes and not raw.endswith(b"\n"):
                # skip the rest of the over-long line
                while raw and not raw.endswith(b"\n"):
                    raw = fh.readline(1 << 20)
                yield Rejected(source, f"the record is over the limit of {max_bytes} bytes")
                continue
            if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if not raw.strip():
                continue
            seen += 1
            try:
                rec = json.loads(raw.decode("utf-8"))
                yield record_to_page(rec, source, f"{stem}-{lineno}", published)
            except UnicodeDecodeError:
                yield Rejected(source, "the line is not UTF-8 text")
            except json.JSONDecodeError as err:
                yield Rejected(source, f"bad JSON: {err.msg} (column {err.colno})")
            except ValueError as err:
                yield Rejected(source, str(err))
    if not seen:
        yield Rejected(str(path), "the file holds no records")
