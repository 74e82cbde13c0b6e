"""HTML -> article text (paragraphs as lines) and metadata (title, ISO date), via trafilatura.

Pages above ``FAST_LIMIT`` characters skip trafilatura (about 0.45 s per MB) and go through a
plain lxml walk that keeps block texts and drops scripts, styles and page furniture.
"""

from __future__ import annotations

import functools
import re
from typing import Any

FAST_LIMIT = 4_000_000  # characters of HTML above which the lxml walk is used

_BLOCKS = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "td", "th", "br", "section",
    "article", "blockquote", "pre", "dd", "dt", "figcaption", "caption", "table", "ul", "ol",
}  # fmt: skip
_SKIP = {"script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe",
         "svg", "button", "select", "template", "head"}  # fmt: skip
_WS = re.compile(r"[ \t\r\f\v\u00a0\u3000]+")
_DATE = re.compile(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})")
_SPACE_RE = re.compile(r"\s+")


def iso_date(value: Any) -> str | None:
    """``2023-05-22``, ``2023/5/22``, ``2023年5月22日``, ISO datetimes -> ``YYYY-MM-DD``."""
    if not value or not isinstance(value, str):
        return None
    m = _DATE.search(value)
    if not m:
        return None
    y, mo, d = (int(g) for g in m.groups())
    if not (1 <= mo <= 12 and 1 <= d <= 31 and 1800 <= y <= 2200):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


_SITE_SUFFIX = re.compile(r"\s*(?:\s[-|–—_]\s|[|_]|——)\s*")


def clean_title(title: str | None) -> str | None:
    """``越南国家主席会见中国外长 - 新华网`` -> ``越南国家主席会见中国外长``."""
    if not title:
        return None
    title = _WS.sub(" ", title).strip()
    parts = [p for p in _SITE_SUFFIX.split(title) if p.strip()]
    if len(parts) > 1 and len(parts[0]) >= 4:
        return parts[0].strip()
    return title or None


_META_TAG = re.compile(r"<meta\b[^>]*>", re.I)
_META_NAME = re.compile(r"""(?:property|name|itemprop)\s*=\s*["']?([\w:.-]+)""", re.I)
_META_CONTENT = re.compile(r"""content\s*=\s*["']([^"']*)""", re.I)
_DATE_NAMES = {
    "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
    "publish_date", "publication_date", "date", "dc.date", "dc.date.issued", "sailthru.date",
    "parsely-pub-date", "dcterms.created", "article.published", "published_time",
}  # fmt: skip


def meta_date(html: str) -> str | None:
    """The publication date a page states in its ``<meta>`` tags (cheap, no parsing)."""
    for tag in _META_TAG.finditer(html, 0, min(len(html), 200_000)):
        name = _META_NAME.search(tag.group())
        if name and name.group(1).lower() in _DATE_NAMES:
            content = _META_CONTENT.search(tag.group())
            date = iso_date(content.group(1)) if content else None
            if date:
                return date
    return None


def _squash(s: str) -> str:
    return _SPACE_RE.sub("", s)


def _lines(text: str) -> list[str]:
    out = []
    for line in text.splitlines():
        line = _WS.sub(" ", line).strip()
        if line:
            out.append(line)
    return out


def _lxml_text(html: str) -> tuple[str, dict[str, Any]]:
    """Fast plain walk over the tree: block elements become lines."""
    import lxml.html

    meta: dict[str, Any] = {"title": None, "date": None}
    try:
        root = lxml.html.document_fromstring(html)
    except Exception:  # noqa: BLE001 - lxml raises several kinds on broken input
        return "", meta
    title = root.findtext(".//title")
    for el in root.iter("meta"):
        prop = (el.get("property") or el.get("name") or "").lower()
        content = el.get("content")
        if not content:
            continue
        if prop in ("og:title", "twitter:title") and not meta["title"]:
            meta["title"] = content.strip()
        elif "date" in prop or "published" in prop or prop == "pubdate":
            meta["date"] = meta["date"] or iso_date(content)
    if not meta["title"] and title:
        meta["title"] = title.strip()
    h1 = root.find(".//h1")
    if h1 is not None:
        h1_text = _WS.sub(" ", h1.text_content()).strip()
        if h1_text:
            meta["title"] = h1_text
    body = root.find("body")
    if body is None:
        body = root
    parts: list[str] = []

    def walk(el) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _SKIP:
            if el.tail:
                parts.append(el.tail)
            return
        block = tag in _BLOCKS
        if block:
            parts.append("\n")
        if el.text and tag:
            parts.append(el.text)
        for child in el:
            walk(child)
        if block:
            parts.append("\n")
        if el.tail:
            parts.append(el.tail)

    import sys

    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 20000))
    try:
        walk(body)
    except RecursionError:
        parts = [body.text_content()]
    finally:
        sys.setrecursionlimit(limit)
    return "\n".join(_lines("".join(parts))), meta


def _trafilatura_text(html: str) -> tuple[str, dict[str, Any]]:
    import trafilatura

    meta: dict[str, Any] = {"title": None, "date": None}
    try:
        doc = trafilatura.bare_extraction(
            html,
            include_comments=False,
            favor_recall=True,
            with_metadata=True,
            include_tables=True,
            # no guessing from dates in the text: only what the page states as its date
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception:  # noqa: BLE001 - trafilatura can fail in many ways on odd markup
        doc = None
    if doc is None:
        text, lmeta = _lxml_text(html)
        return text, lmeta
    meta["title"] = (getattr(doc, "title", None) or "").strip() or None
    meta["date"] = iso_date(getattr(doc, "date", None))
    text = getattr(doc, "text", None) or ""
    return "\n".join(_lines(text)), meta


@functools.cache
def _related_hint() -> re.Pattern[str]:
    """Any related-stories heading (``kb/related_headings.tsv``) in simplified or traditional
    characters: a page with none of them is not parsed for a list."""
    import opencc

    from communique.page import RELATED_HEADINGS

    to_traditional = opencc.OpenCC("s2t").convert
    forms = {f for h in RELATED_HEADINGS for f in (h, to_traditional(h))}
    return re.compile("|".join(sorted(map(re.escape, forms), key=len, reverse=True)))


def related_items(html: str) -> list[str]:
    """The other stories a page lists under a related-stories heading (`<h3>相关新闻</h3>
    <ul><li>…</li></ul>`, most often in an ``<aside>``), one line each: SPEC section 1 makes each
    its own teaser, which the article's extraction leaves out."""
    if "<li" not in html or not _related_hint().search(html):
        return []
    import lxml.html

    from communique.page import RELATED_HEADINGS
    from communique.text import to_simplified

    try:
        root = lxml.html.document_fromstring(html)
    except Exception:  # noqa: BLE001 - lxml raises several kinds on broken input
        return []
    for el in root.iter("h2", "h3", "h4", "h5", "div", "span", "strong", "p", "header"):
        words = _WS.sub("", el.text_content() or "").strip("【】[]:：")
        if not words or len(words) > 12 or to_simplified(words) not in RELATED_HEADINGS:
            continue
        box = el.getparent()
        while box is not None and not any(True for _ in box.iter("li")):
            box = box.getparent()
        if box is None:
            continue
        items = [_WS.sub(" ", _item_text(li)).strip() for li in box.iter("li")]
        return [i for i in items if i]
    return []


ITEM_BLOCKS = {"p", "div", "h3", "h4", "h5", "h6", "section", "br"}


def _item_text(li: Any) -> str:  # noqa: ANN401 - an lxml element
    """A related story's text, its headline and its summary (`<a>…</a><p>…</p>`) apart: a
    space between, which reads as two lines of one teaser, not one run-on sentence."""
    parts = [li.text or ""]
    for child in li:
        if isinstance(child.tag, str):  # not a comment's text, which no reader sees
            parts.append((" " if child.tag.lower() in ITEM_BLOCKS else "") + child.text_content())
        parts.append(child.tail or "")
    return "".join(parts)


def html_to_text(html: str) -> tuple[str, dict[str, Any]]:
    """Article text of an HTML page (one paragraph a line) and ``{"title", "date"}``.

    The title is the page's headline (``<h1>``/og:title/``<title>``); it is put as the first
    line when the extracted text does not already start with it, and lines before it (menus,
    breadcrumbs) are cut. A page with nothing extractable (scripts only) gives ``""``.
    """
    if not html or not html.strip():
        return "", {"title": None, "date": None}
    if len(html) > FAST_LIMIT:
        text, meta = _lxml_text(html)
    else:
        text, meta = _trafilatura_text(html)
    lines = text.split("\n") if text else []
    title = meta["title"] = clean_title(meta.get("title"))
    if title and lines:
        st = _squash(title)
        # the title as a line near the top: cut what comes before it
        for i, line in enumerate(lines[:40]):
            sl = _squash(line)
            if sl and (sl == st or (len(sl) >= 6 and sl in st) or (len(st) >= 6 and st in sl)):
                lines = lines[i:]
                break
        else:
            # drop leading crumbs (short lines without sentence punctuation), then add the title
            k = 0
            while (
                k < len(lines)
                and k < 40
                and len(lines[k]) <= 12
                and not re.search("[。！？；]", lines[k])
            ):
                k += 1
            if k < len(lines):
                lines = [title] + lines[k:]
    related = related_items(html)
    if related and lines:
        from communique.page import BULLETS

        lines += ["相关新闻", *(i if i.startswith(BULLETS) else f"· {i}" for i in related)]
    return "\n".join(lines), meta
