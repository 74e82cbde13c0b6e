"""Pages of actors and their interactions: the network, the list of actors, one actor.

Rendered like the other pages (``pages.render_page``: Jinja2, autoescaping, both languages);
the charts read the JSON API (``/api/network``, ``/api/actors/{id}``).
"""

from __future__ import annotations

import re
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from communique.web import data, graph, paging, render
from communique.web.api import ACTOR_ID, COUNTRY, DATE, EVENT_TYPE, store_of
from communique.web.names import actor_url
from communique.web.pages import int_param, link, render_page

router = APIRouter(include_in_schema=False)
ACTOR_PAGE = 100


def _lang(request: Request) -> tuple[str, dict[str, str | None]]:
    lang = render.lang_of(request.query_params.get("lang"))
    return lang, {"lang": lang if lang != "en" else None}


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request) -> HTMLResponse:
    p = request.query_params
    lang, lq = _lang(request)
    form = {k: (p.get(k) or "").strip() for k in ("event", "date_from", "date_to")}
    nodes = "actors" if p.get("nodes") == "actors" else "countries"
    limit = int_param(p.get("limit"), graph.DEFAULT_EDGES, 1, graph.MAX_EDGES)
    error = None
    if form["event"] and not re.match(EVENT_TYPE, form["event"]):
        error = "event is a PLOVER type: CONSULT"
    for key in ("date_from", "date_to"):
        if form[key] and not re.match(DATE, form[key]):
            error = f"{key} is YYYY, YYYY-MM or YYYY-MM-DD"
    net: dict[str, Any] = {"nodes": [], "edges": [], "truncated": False}
    if error is None:
        try:
            net = graph.network(store_of(request), nodes=nodes, since=form["date_from"] or None,
                                until=form["date_to"] or None, event=form["event"] or None,
                                limit=limit)
        except data.TooCostly:
            error = "query over its time budget: narrow the filters"
    query = {**form, "nodes": nodes, "limit": limit}
    by_id = {n["id"]: n for n in net["nodes"]}
    return render_page(
        request, "network.html", lang, status=422 if error else 200, form=form, nodes=nodes,
        limit=limit, error=error, net=net, by_id=by_id, api=link("/api/network", query),
        switch_nodes={k: link("/network", {**query, **lq, "nodes": k})
                      for k in graph.NODES},
    )


@router.get("/actors", response_class=HTMLResponse)
def actors_page(request: Request) -> HTMLResponse:
    p = request.query_params
    lang, _ = _lang(request)
    q = (p.get("q") or "").strip()[:100]
    country = (p.get("country") or "").strip()
    limit = int_param(p.get("limit"), 50, 1, 200)
    error = None
    items: list[dict[str, Any]] = []
    if country and not re.match(COUNTRY, country):
        error = "country is an ISO alpha-3 code: VNM"
    else:
        try:
            items = data.actors(store_of(request), q or None, country=country or None,
                                limit=limit)
        except data.TooCostly:
            error = "query over its time budget: narrow the filters"
    return render_page(request, "actors.html", lang, status=422 if error else 200, q=q,
                       country=country, items=items, error=error)


@router.get("/actors/{actor_id:path}", response_class=HTMLResponse)
def actor_page(request: Request, actor_id: str) -> HTMLResponse:
    lang, lq = _lang(request)
    p = request.query_params
    offset = int_param(p.get("offset"), 0, 0, data.DATE_OFFSET)
    cursor = paging.query_cursor(p)
    if cursor:
        offset = 0
    got = None
    if len(actor_id) <= 200 and re.match(ACTOR_ID, actor_id):
        try:
            got = graph.actor(store_of(request), actor_id, limit=ACTOR_PAGE, offset=offset,
                              **cursor)
        except data.TooCostly:
            return render_page(request, "error.html", lang, status=503, message=actor_id,
                               heading=render.labels(lang)["too_costly"])
    if got is None:
        return render_page(request, "error.html", lang, status=404, message=actor_id)
    events = got["events"]
    here = actor_url(actor_id)
    # the events page by page in date order, following the cursors
    prev_link = link(here, {**lq, "before": events["prev"]}) if events["prev"] else None
    next_link = link(here, {**lq, "after": events["next"]}) if events["next"] else None
    return render_page(request, "actor.html", lang, actor=got, events=events,
                       api=link("/api" + here, {"limit": 1}), prev_link=prev_link,
                       next_link=next_link)
