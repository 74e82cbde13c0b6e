"""The JSON API under ``/api``: events, one event, dyads, the network, actors, documents;
ingest by POST.

Reads are open; ``POST /api/documents`` needs the server's token (``Authorization: Bearer``)
and without a configured token the server is read-only. Query parameters are validated here
(patterns, lengths, page sizes) and reach SQL only as bound parameters.
"""

from __future__ import annotations

import hmac
import json
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field, ValidationError, model_validator

from communique.store import Store
from communique.store.queries import EventFilter
from communique.web import data, graph
from communique.web.cache import ShortCache
from communique.web.paging import CURSOR

COUNTRY = r"^[A-Za-z]{3}$"
DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
EVENT_ID = r"^[A-Za-z0-9_:.\-]{1,64}$"
DOC_ID = r"^[^/#?\s\\<>\"']{1,200}$"
ACTOR_ID = r"^[a-z]{2,12}:[^\x00-\x1f]+$"
DYAD_SIDE = r"^([A-Za-z]{3}|[a-z]{2,12}:[^\x00-\x1f/]+)$"
EVENT_TYPE = r"^[A-Za-z_]{1,20}$"
SORT = "^(" + "|".join(data.SORTS) + ")$"

# a page of a list in date order, after (before) the last (first) row of another
After = Annotated[str | None, Query(pattern=CURSOR, description="the page after this cursor "
                                    "(a page's next value), in date order")]
Before = Annotated[str | None, Query(pattern=CURSOR, description="the page before this cursor "
                                     "(a page's prev value), in date order")]

router = APIRouter(prefix="/api", tags=["api"])


def store_of(request: Request) -> Store:
    return request.app.state.store


def cache_of(request: Request) -> ShortCache | None:
    """The app's short cache of event counts and dyads (``cache.ShortCache``)."""
    return getattr(request.app.state, "cache", None)


class FilterError(ValueError):
    pass


def make_filter(
    actor: str | None = None,
    country: str | None = None,
    between: str | None = None,
    event: str | None = None,
    mode: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    q: str | None = None,
) -> EventFilter:
    """An ``EventFilter`` from query strings (blank ones ignored); ``FilterError`` if bad."""
    import re

    def blank(v: str | None) -> str | None:
        v = (v or "").strip()
        return v or None

    actor, country, between, event, mode = map(blank, (actor, country, between, event, mode))
    date_from, date_to, q = map(blank, (date_from, date_to, q))
    pair = None
    if between:
        parts = [p.strip() for p in between.replace(" ", ",").split(",") if p.strip()]
        if len(parts) != 2 or not all(re.match(COUNTRY, p) for p in parts):
            raise FilterError("between is two ISO alpha-3 codes: VNM,RUS")
        pair = (parts[0].upper(), parts[1].upper())
    if country and not re.match(COUNTRY, country):
        raise FilterError("country is an ISO alpha-3 code: VNM")
    for name, value in (("date_from", date_from), ("date_to", date_to)):
        if value and not re.match(DATE, value):
            raise FilterError(f"{name} is YYYY, YYYY-MM or YYYY-MM-DD")
    if event and not re.match(r"^[A-Za-z_]{1,20}$", event):
        raise FilterError("event is a PLOVER type: CONSULT")
    if mode and not re.match(r"^[A-Za-z_\-]{1,30}$", mode):
        raise FilterError("mode is a PLOVER mode: visit")
    for name, value, most in (("actor", actor, 200), ("q", q, 100)):
        if value and len(value) > most:
            raise FilterError(f"{name} is at most {most} characters")
    return EventFilter(actor=actor, country=country.upper() if country else None,
                       between=pair, event=event, mode=mode, since=date_from, until=date_to,
                       text=q)


class Detail(BaseModel):
    detail: str


def json_response(payload: Any) -> Response:
    """``payload`` as JSON, written by ``json.dumps`` directly: FastAPI's own route through
    ``jsonable_encoder`` walks every value and took longer than the query for a page of
    events. The data functions return plain dicts, lists, strings and numbers."""
    body = json.dumps(payload, ensure_ascii=False, allow_nan=False, separators=(",", ":"),
                      default=jsonable_encoder)
    return Response(body.encode("utf-8"), media_type="application/json")


def _costly(err: data.TooCostly) -> HTTPException:
    return HTTPException(503, "query over its time budget: narrow the filters "
                              "(a date range, a dyad, an actor)")


COSTLY = {
    400: {"model": Detail, "description": "over a cost limit: the message says how to narrow "
          "the request (an offset deeper than the date order allows, a sort by another column "
          "than the date over too many events)"},
    503: {"model": Detail, "description": "the query ran over the server's time budget "
          f"({data.QUERY_SECONDS:g} s): narrow the filters"},
}


@router.get("/events", summary="Events matching filters, sorted (by date by default), paginated",
            response_model=dict[str, Any], responses=COSTLY,
            description="A page of events and how many match (``total``, counted up to "
            f"{data.COUNT_CAP:,}; ``total_capped`` past that). In date order, page with the "
            "cursors each page gives: ``after=`` its ``next`` value, ``before=`` its ``prev`` "
            f"(``offset`` goes to {data.DATE_OFFSET:,} at most there). Sorting by another "
            f"column needs filters that match at most {data.COUNT_CAP:,} events; it pages "
            "with ``offset``.")
def list_events(
    request: Request,
    actor: Annotated[str | None, Query(max_length=200, description="name or id")] = None,
    country: Annotated[str | None, Query(pattern=COUNTRY, description="either side")] = None,
    between: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3},[A-Za-z]{3}$",
                                         description="a dyad: VNM,RUS")] = None,
    event: Annotated[str | None, Query(pattern=EVENT_TYPE)] = None,
    mode: Annotated[str | None, Query(pattern=r"^[A-Za-z_\-]{1,30}$")] = None,
    date_from: Annotated[str | None, Query(pattern=DATE)] = None,
    date_to: Annotated[str | None, Query(pattern=DATE)] = None,
    q: Annotated[str | None, Query(
        min_length=1, max_length=100,
        description='words in the evidence, all in one sentence; "quote" a phrase')] = None,
    limit: Annotated[int, Query(ge=1, le=data.MAX_LIMIT)] = 50,
    offset: Annotated[int, Query(ge=0, le=data.MAX_OFFSET,
                                 description=f"at most {data.DATE_OFFSET:,} in date order")] = 0,
    order: Annotated[str, Query(pattern=r"^(asc|desc)$")] = "asc",
    sort: Annotated[str, Query(pattern=SORT, description="the column to sort by; date order "
                               "breaks ties")] = "date",
    after: After = None,
    before: Before = None,
) -> Response:
    try:
        flt = make_filter(actor, country, between, event, mode, date_from, date_to, q)
    except FilterError as err:
        raise HTTPException(422, str(err)) from err
    try:
        return json_response(data.list_events(
            store_of(request), flt, limit=limit, offset=offset, descending=order == "desc",
            sort=sort, counts=cache_of(request), after=after, before=before))
    except data.CostLimit as err:
        raise HTTPException(400, str(err)) from err
    except ValueError as err:
        raise HTTPException(422, str(err)) from err
    except data.TooCostly as err:
        raise _costly(err) from err


@router.get("/events/{event_id}", summary="One event, its SPEC record and its reports",
            response_model=dict[str, Any])
def get_event(request: Request,
              event_id: Annotated[str, Path(pattern=EVENT_ID)],
              mentions: Annotated[int, Query(
                  ge=0, le=10_000, description="at most this many reports, the first ones "
                  "(`n_mentions` says how many there are)")] = data.MENTIONS_SHOWN) -> Response:
    got = data.get_event(store_of(request), event_id, mentions)
    if got is None:
        raise HTTPException(404, "no such event")
    return json_response(got)


@router.get("/dyad/{a}/{b}", summary="A pair of countries or actors, period by period",
            response_model=dict[str, Any], responses={503: COSTLY[503]})
def get_dyad(
    request: Request,
    a: Annotated[str, Path(max_length=200, pattern=DYAD_SIDE,
                           description="a country code (VNM) or an actor id (person:阮富仲)")],
    b: Annotated[str, Path(max_length=200, pattern=DYAD_SIDE)],
    by: Annotated[str, Query(pattern=r"^(month|year)$")] = "month",
    date_from: Annotated[str | None, Query(pattern=DATE)] = None,
    date_to: Annotated[str | None, Query(pattern=DATE)] = None,
) -> Response:
    try:
        return json_response(data.dyad(store_of(request), a, b, by=by, since=date_from,
                                       until=date_to, cache=cache_of(request)))
    except data.TooCostly as err:
        raise _costly(err) from err


@router.get("/network", summary="Who dealt with whom: the most frequent pairs and their nodes",
            response_model=dict[str, Any], responses={503: COSTLY[503]})
def get_network(
    request: Request,
    nodes: Annotated[str, Query(pattern=r"^(countries|actors)$",
                                description="countries, or people and organisations")] = (
        "countries"),
    event: Annotated[str | None, Query(pattern=EVENT_TYPE)] = None,
    date_from: Annotated[str | None, Query(pattern=DATE)] = None,
    date_to: Annotated[str | None, Query(pattern=DATE)] = None,
    limit: Annotated[int, Query(ge=1, le=graph.MAX_EDGES,
                                description="edges kept, most events first")] = (
        graph.DEFAULT_EDGES),
) -> Response:
    try:
        return json_response(graph.network(store_of(request), nodes=nodes, since=date_from,
                                           until=date_to, event=event, limit=limit))
    except data.TooCostly as err:
        raise _costly(err) from err


@router.get("/actors", summary="People and organisations, most active first",
            response_model=dict[str, Any], responses={503: COSTLY[503]})
def list_actors(
    request: Request,
    q: Annotated[str | None, Query(max_length=100)] = None,
    country: Annotated[str | None, Query(pattern=COUNTRY)] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> Response:
    try:
        items = data.actors(store_of(request), q or None, country=country, limit=limit)
    except data.TooCostly as err:
        raise _costly(err) from err
    return json_response({"items": items})


@router.get("/actors/{actor_id:path}",
            summary="One actor: roles over time, counterparts, events in date order",
            response_model=dict[str, Any], responses=COSTLY)
def get_actor(
    request: Request,
    actor_id: Annotated[str, Path(max_length=200, pattern=ACTOR_ID,
                                  description="an entity id: person:阮富仲")],
    limit: Annotated[int, Query(ge=1, le=data.MAX_LIMIT)] = 100,
    offset: Annotated[int, Query(ge=0, le=data.MAX_OFFSET,
                                 description=f"at most {data.DATE_OFFSET:,}: page on with "
                                 "after")] = 0,
    counterparts: Annotated[int, Query(ge=1, le=graph.MAX_COUNTERPARTS)] = 20,
    after: After = None,
    before: Before = None,
) -> Response:
    try:
        got = graph.actor(store_of(request), actor_id, limit=limit, offset=offset,
                          counterparts=counterparts, after=after, before=before)
    except data.CostLimit as err:
        raise HTTPException(400, str(err)) from err
    except ValueError as err:
        raise HTTPException(422, str(err)) from err
    except data.TooCostly as err:
        raise _costly(err) from err
    if got is None:
        raise HTTPException(404, "no such actor")
    return json_response(got)


@router.get("/documents/{doc_id}",
            summary="A page: cleaned text, dropped parts, entities and events with spans",
            response_model=dict[str, Any])
def get_document(request: Request,
                 doc_id: Annotated[str, Path(max_length=220)]) -> Response:
    got = data.get_document(store_of(request), doc_id)
    if got is None:
        raise HTTPException(404, "no such document")
    return json_response(got)


# --- writing ----------------------------------------------------------------------------------


class DocumentIn(BaseModel):
    """A page to extract and store: plain ``text`` or ``html``, not both."""

    id: str = Field(pattern=DOC_ID, description="the page's id (no / # ? or spaces)")
    text: str | None = Field(default=None, min_length=1)
    html: str | None = Field(default=None, min_length=1)
    url: str | None = Field(default=None, max_length=2000, pattern=r"^https?://\S+$")
    published: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}$")

    @model_validator(mode="after")
    def one_body(self) -> DocumentIn:
        if (self.text is None) == (self.html is None):
            raise ValueError("give exactly one of text and html")
        return self


def _error(status: int, detail: Any, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"detail": detail}, status_code=status, headers=headers)


def _ingest(store: Store, doc: DocumentIn) -> dict[str, Any]:
    from communique.model import RawPage
    from communique.store.ingest import ingest

    raw = RawPage(doc.id, text=doc.text, html=doc.html, url=doc.url, published=doc.published,
                  source=f"api:{doc.id}")

    def read(_paths: Any, published: str | None = None) -> list[RawPage]:
        return [raw]

    summary = ingest(store, ["api"], read=read)
    return {
        "doc_id": doc.id,
        "stored": summary.stored,
        "skipped": summary.skipped,
        "rejected": summary.rejected,
        "mentions": summary.mentions,
        "new_events": summary.new_events,
        "reasons": list(summary.reasons),
    }


@router.post(
    "/documents",
    summary="Extract and store a page (needs the server's token)",
    status_code=201,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": DocumentIn.model_json_schema()}},
        },
        "security": [{"bearer": []}],
    },
    responses={
        401: {"description": "missing or wrong token"},
        403: {"description": "read-only server: no token configured"},
        413: {"description": "body over the size limit"},
        415: {"description": "not application/json"},
        422: {"description": "malformed JSON, bad fields, or a page that gave no text"},
    },
)
async def post_document(request: Request) -> JSONResponse:
    token: str | None = request.app.state.token
    if not token:
        return _error(403, "read-only server: no ingest token is configured")
    auth = request.headers.get("authorization", "")
    scheme, _, given = auth.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(
        given.strip().encode("utf-8"), token.encode("utf-8")
    ):
        return _error(401, "missing or wrong token", {"WWW-Authenticate": "Bearer"})
    limit: int = request.app.state.max_body
    length = request.headers.get("content-length")
    if length is not None:
        if not length.isdigit():
            return _error(400, "bad Content-Length")
        if int(length) > limit:
            return _error(413, f"body over {limit:,} bytes")
    ctype = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if ctype != "application/json":
        return _error(415, "send application/json")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            return _error(413, f"body over {limit:,} bytes")
    try:
        payload = json.loads(bytes(body).decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as err:
        return _error(422, f"malformed JSON: {err}")
    if not isinstance(payload, dict):
        return _error(422, "the body is a JSON object")
    try:
        doc = DocumentIn.model_validate(payload)
    except ValidationError as err:
        return _error(422, json.loads(err.json(include_url=False, include_input=False)))
    result = await run_in_threadpool(_ingest, request.app.state.store, doc)
    cache = cache_of(request)
    if result["stored"] and cache is not None:
        cache.clear()  # the new page's events count from now on, in counts and dyads
    if result["rejected"]:
        return _error(422, {"message": "the page gave no article", **result})
    result["document"] = f"/api/documents/{doc.id}"
    return JSONResponse(result, status_code=201 if result["stored"] else 200)
