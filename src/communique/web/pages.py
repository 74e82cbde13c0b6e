"""Server-rendered pages: events, a document with its spans, a dyad chart (the network and
actor pages are in ``actor_pages``).

Templates are Jinja2 with autoescaping on; the document text is built from spans by
``render.highlight``, which escapes every piece. Charts read their data from the JSON API.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import jinja2
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup

from communique.web import data, paging, render
from communique.web.api import DYAD_SIDE, FilterError, cache_of, make_filter, store_of
from communique.web.names import actor_url, dyad_url, is_country

HERE = Path(__file__).parent
FILTERS = ("actor", "country", "between", "event", "mode", "date_from", "date_to", "q")
SORTABLE = ("date", "event", "mode", "actor", "recipient", "score")
PAGE_SIZE = 50

env = jinja2.Environment(
    loader=jinja2.FileSystemLoader(str(HERE / "templates")),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
)
env.globals.update(actor_url=actor_url, dyad_url=dyad_url)
CHART_KEYS = ("by", "periods", "types", "counts", "events", "mean_score")


def chart_json(table: dict[str, Any]) -> Markup:
    """A chart's data as JSON to embed in a ``<script type="application/json">`` block: ``<``,
    ``>``, ``&`` and quotes escaped as ``\\u`` sequences, so nothing in it closes the block."""
    return htmlsafe_json_dumps({k: table[k] for k in CHART_KEYS if k in table})


env.filters["chart_json"] = chart_json
templates = Jinja2Templates(env=env)
router = APIRouter(include_in_schema=False)


def _safe_url(url: str | None) -> str | None:
    return url if url and re.match(r"^https?://", url, re.I) else None


def link(path: str, params: dict[str, Any]) -> str:
    """``path`` with the non-blank ``params`` as its query string."""
    kept = {k: v for k, v in params.items() if v not in (None, "")}
    return path + ("?" + urlencode(kept) if kept else "")


def render_page(request: Request, name: str, lang: str, status: int = 200,
                **ctx: Any) -> HTMLResponse:
    """A template with the labels of ``lang`` and a link to this page in the other language."""
    params = dict(request.query_params)
    other = "zh" if lang == "en" else "en"
    switch = link(quote(request.url.path, safe="/:"),
                  {**params, "lang": other if other != "en" else None})
    return templates.TemplateResponse(
        request, name,
        {"t": render.labels(lang), "lang": lang, "switch": switch,
         "lang_q": "?lang=zh" if lang == "zh" else "", **ctx},
        status_code=status,
    )


def int_param(value: str | None, default: int, low: int, high: int) -> int:
    try:
        return max(low, min(int(value or default), high))
    except ValueError:
        return default


@router.get("/", response_class=HTMLResponse)
def events_page(request: Request) -> HTMLResponse:
    p = request.query_params
    lang = render.lang_of(p.get("lang"))
    form = {k: (p.get(k) or "").strip() for k in FILTERS}
    limit = int_param(p.get("limit"), PAGE_SIZE, 1, data.MAX_LIMIT)
    offset = int_param(p.get("offset"), 0, 0, data.MAX_OFFSET)
    sort = p.get("sort") if p.get("sort") in SORTABLE else "date"
    # dates newest first (undated last), other columns A to Z, unless asked otherwise
    order = p.get("order") if p.get("order") in ("asc", "desc") else (
        "desc" if sort == "date" else "asc")
    cursor = paging.query_cursor(p) if sort == "date" else {}
    if cursor:
        offset = 0
    error = None
    result: dict[str, Any] = {"items": [], "total": 0, "total_capped": False, "next": None,
                              "prev": None}
    try:
        flt = make_filter(**form)
        result = data.list_events(store_of(request), flt, limit=limit, offset=offset,
                                  descending=order == "desc", sort=sort,
                                  counts=cache_of(request), **cursor)
    except (FilterError, data.CostLimit, ValueError) as err:
        error = str(err)
    except data.TooCostly:
        error = "query over its time budget: narrow the filters"
    base = {**form, "limit": limit if limit != PAGE_SIZE else None, "order": order,
            "sort": sort if sort != "date" else None, "lang": lang if lang != "en" else None}
    if sort == "date":  # in date order, pages follow the cursors, however deep
        prev_link = link("/", {**base, "before": result["prev"]}) if result["prev"] else None
        next_link = link("/", {**base, "after": result["next"]}) if result["next"] else None
    else:
        prev_link = (link("/", {**base, "offset": max(0, offset - limit) or None})
                     if offset > 0 else None)
        next_link = (link("/", {**base, "offset": offset + limit})
                     if offset + limit < result["total"] and offset + limit <= data.MAX_OFFSET
                     else None)
    sort_links = {  # a header sorts by its column; the sorted one's header reverses it
        col: link("/", {**base, "sort": col if col != "date" else None,
                         "order": ("asc" if order == "desc" else "desc") if col == sort
                         else ("desc" if col == "date" else "asc")})
        for col in SORTABLE
    }
    total = f"{result['total']:,}{'+' if result['total_capped'] else ''}"
    if cursor:  # a page reached by a cursor knows its events, not their rank
        shown = render.labels(lang)["shown_page"].format(n=len(result["items"]), total=total)
    else:
        shown = render.labels(lang)["shown"].format(
            first=offset + 1 if result["items"] else 0, last=offset + len(result["items"]),
            total=total)
    return render_page(request, "events.html", lang, status=422 if error else 200, form=form,
                       result=result, error=error, prev_link=prev_link, next_link=next_link,
                       sort_links=sort_links, sort=sort, order=order, shown=shown)


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(request: Request, doc_id: str) -> HTMLResponse:
    lang = render.lang_of(request.query_params.get("lang"))
    doc = data.get_document(store_of(request), doc_id) if len(doc_id) <= 220 else None
    if doc is None:
        return render_page(request, "error.html", lang, status=404, message=doc_id)
    article = {"text": doc["text"], "entities": doc["entities"], "events": doc["events"],
               "doc_id": doc["doc_id"], "part": "article"}
    parts = []
    for part in [article, *doc["teasers"]]:
        parts.append({
            "doc_id": part["doc_id"], "part": part["part"],
            "rows": render.by_paragraph(part["text"], part["entities"], part["events"]),
            "entities": _unique_entities(part["entities"]),
            "stale": not part.get("recomputed", doc["recomputed"]),
        })
    stale = not doc["recomputed"]
    return render_page(request, "document.html", lang, doc=doc, article=parts[0],
                       teasers=parts[1:], source=_safe_url(doc.get("url")), stale=stale)


def _unique_entities(entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: dict[str, dict[str, Any]] = {}
    for e in entities:
        seen.setdefault(e.get("id") or e.get("text") or "", e)
    return list(seen.values())


@router.get("/dyad/{a}/{b}", response_class=HTMLResponse)
def dyad_page(request: Request, a: str, b: str) -> HTMLResponse:
    """Two countries (codes), two actors (ids), or an actor and a country."""
    lang = render.lang_of(request.query_params.get("lang"))
    by = "year" if request.query_params.get("by") == "year" else "month"
    if not all(len(x) <= 200 and re.match(DYAD_SIDE, x) for x in (a, b)):
        return render_page(request, "error.html", lang, status=404, message=f"{a}/{b}")
    a, b = (x.upper() if is_country(x) else x for x in (a, b))
    try:
        table = data.dyad(store_of(request), a, b, by=by, cache=cache_of(request))
    except data.TooCostly:
        table = None
    countries = is_country(a) and is_country(b)
    lq = {"lang": lang if lang != "en" else None}
    here = dyad_url(a, b)
    return render_page(
        request, "dyad.html", lang, a=a, b=b, by=by, table=table, countries=countries,
        sides=(table or {}).get("sides") or [{"id": a, "label": a}, {"id": b, "label": b}],
        api=link("/api" + here, {"by": by}),
        month_link=link(here, {**lq}),
        year_link=link(here, {**lq, "by": "year"}),
        events_link=link("/", {**lq, "between": f"{a},{b}"}) if countries else None,
    )
