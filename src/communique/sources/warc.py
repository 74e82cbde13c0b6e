"""WARC / WARC.gz: ``response`` records with an HTML content type -> RawPage."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from communique.model import InputError, RawPage, Rejected
from communique.sources.encoding import decode
from communique.sources.html import iso_date, meta_date

_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _decode_body(body: bytes, content_type: str) -> tuple[str, str]:
    m = _CHARSET.search(content_type or "")
    if m:
        name = m.group(1).lower()
        if name in ("gb2312", "gbk"):
            name = "gb18030"
        try:
            return body.decode(name), name
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(body)


def iter_warc(
    path: Path, published: str | None = None, max_bytes: int = 64 * 2**20
) -> Iterator[RawPage | Rejected]:
    from warcio.archiveiterator import ArchiveIterator

    try:
        fh = path.open("rb")
    except OSError as err:
        yield Rejected(str(path), f"cannot read the file: {err.strerror or err}")
        return
    n = 0
    with fh:
        try:
            for record in ArchiveIterator(fh):
                if record.rec_type not in ("response", "resource"):
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                rec_id = (record.rec_headers.get_header("WARC-Record-ID") or "").strip("<>")
                if rec_id.startswith("urn:uuid:"):
                    rec_id = rec_id[len("urn:uuid:") :]
                source = f"{path}:{rec_id or url}"
                if record.rec_type == "response" and record.http_headers is not None:
                    ctype = record.http_headers.get_header("Content-Type") or ""
                else:
                    ctype = record.rec_headers.get_header("Content-Type") or ""
                if not any(t in ctype.lower() for t in _HTML_TYPES):
                    continue
                n += 1
                body = record.content_stream().read(max_bytes + 1)
                if len(body) > max_bytes:
                    yield Rejected(source, f"the record is over the limit of {max_bytes} bytes")
                    continue
                try:
                    html, encoding = _decode_body(body, ctype)
                except InputError as err:
                    yield Rejected(source, str(err))
                    continue
                if not html.strip():
                    yield Rejected(source, "the record has an empty body")
                    continue
                # the page's own date, else the crawl date (WARC-Date), else the user's
                date = meta_date(html) or iso_date(record.rec_headers.get_header("WARC-Date"))
                yield RawPage(
                    doc_id=rec_id or url or f"{path.stem}-{n}",
                    html=html,
                    url=url,
                    published=date or published,
                    source=source,
                    encoding=encoding,
                )
        except Exception as err:  # noqa: BLE001 - warcio raises many kinds on a broken file
            yield Rejected(str(path), f"broken WARC file: {err}")
            return
    if n == 0:
        yield Rejected(str(path), "the WARC file holds no HTML response records")
