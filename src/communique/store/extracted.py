"""What a worker hands back for one page: plain rows, small to pickle, nothing left to compute.

Extraction runs in worker processes (a local pool or a Dask cluster); the writer process only
folds mentions into events and inserts. Everything that does not need the database is done
here: the merge key and merge order of each mention, its ``event_mentions`` row, the columns
of the event it would start, its participants, its JSON, and the entity rows. Rows are tuples
in the column order of the ``*_COLUMNS`` constants, ready for ``executemany`` or ``COPY``.
``extract_page`` never raises: a page that fails becomes an ``Extracted`` with ``error`` set,
which the writer records as a reject.
"""

from __future__ import annotations

import hashlib
import traceback
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any, NamedTuple
from urllib.parse import urlsplit

import orjson

from communique.knowledge import country_names
from communique.model import Document, Entity, RawPage
from communique.store.merge import When, day_of_year, lookup_hash, merge_key, merge_order

# What the merge reads of a record (see ``Merger.add``), so that only this travels as a dict.
FACTS = ("id", "span", "mode", "medium", "text", "main", "confidence", "date",
         "date_precision", "date_source", "date_evidence")
MENTION_COLUMNS = ("record_id", "doc_id", "part", "mode", "date", "date_precision",
                   "date_source", "span_start", "span_end", "text", "main", "confidence")
# The columns of ``events`` that come from the record that starts the event and never change.
EVENT_COLUMNS = ("merge_key", "merge_hash", "event", "mode", "context", "cameo", "score",
                 "actor_names", "actor_countries", "recipient_names", "recipient_countries",
                 "location_text", "location_place", "location_country", "text", "doc_id")
DATE_COLUMNS = ("date", "date_precision", "date_source", "date_evidence", "date_ord", "doy",
                "month", "year")
ENTITY_COLUMNS = ("id", "kind", "name", "org", "country", "sector", "n_events")
ENTITY_MENTION_COLUMNS = ("entity_id", "text", "role", "org", "span_start", "span_end", "date")


def content_hash(raw: RawPage) -> str:
    body = raw.text if raw.text is not None else (raw.html or "")
    return hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest()


def outlet_of(raw: RawPage, agency: str | None = None) -> str | None:
    if raw.url:
        host = urlsplit(raw.url).hostname or ""
        if host:
            return host.removeprefix("www.")
    return agency


class Mention(NamedTuple):
    """One event mention, as the merge reads it and as the writer stores it."""

    key: str  # merge key
    facts: dict[str, Any]  # the FACTS of the record
    json: str  # the SPEC section 5 record, as stored
    row: tuple[Any, ...]  # MENTION_COLUMNS
    event: tuple[Any, ...]  # EVENT_COLUMNS, should this mention start an event
    dates: tuple[Any, ...]  # DATE_COLUMNS of an event dated by this mention
    people: tuple[tuple[str, str, str | None, str | None], ...]  # side, entity, country, role
    linked: tuple[str, ...]  # the participants' entity ids, sorted
    pairs: tuple[tuple[str, str], ...]  # the participants' pairs of countries (a < b)


@dataclass(slots=True)
class ExtractedPart:
    doc_id: str
    part: str
    seq: int
    title: str | None
    text: str
    published: str | None
    report_date: str | None
    place: str | None
    mentions: list[Mention] = field(default_factory=list)  # in merge order
    entities: list[tuple[Any, ...]] = field(default_factory=list)  # ENTITY_COLUMNS
    entity_rows: list[tuple[Any, ...]] = field(default_factory=list)  # ENTITY_MENTION_COLUMNS


@dataclass(slots=True)
class Extracted:
    content_hash: str
    doc_id: str
    outlet: str | None
    parts: list[ExtractedPart] = field(default_factory=list)
    error: str | None = None

    @property
    def n_events(self) -> int:
        return sum(len(p.mentions) for p in self.parts)


def _report_date(doc: Document) -> tuple[str | None, str | None]:
    line = doc.page.dateline
    if line is None:
        return None, None
    if line.year and line.month and line.day:
        return f"{line.year:04d}-{line.month:02d}-{line.day:02d}", line.place
    if line.month and line.day:
        return f"--{line.month:02d}-{line.day:02d}", line.place
    return None, line.place


def entity_kind(ent: Mapping[str, Any]) -> str:
    if ent.get("kind"):
        return ent["kind"]
    if ent.get("name"):
        return "person"
    if ent.get("country") == "IGO":
        return "igo"
    return "country" if (ent.get("id") or "").startswith("country:") else "org"


def entity_id(ent: Mapping[str, Any]) -> str:
    return ent.get("id") or f"country:{ent.get('country')}"


class _EntityTables:
    """Rows of ``entities`` (one per entity) and of ``entity_mentions`` (one per entity and
    role in a part, dated by the page, else by the first event that names it)."""

    def __init__(self) -> None:
        self.defs: dict[str, tuple[tuple[Any, ...], bool]] = {}
        self.rows: dict[tuple[str, Any], list[Any]] = {}

    def add(self, eid: str, kind: str, known: bool, e: Any, date: str | None) -> None:
        """``e``: an ``Entity`` or a record's entity dict. Most calls repeat an entity and role
        the part has already, so only the role is read before that is known."""
        entity = isinstance(e, Entity)
        role = e.role if entity else e.get("role")
        held = self.defs.get(eid)
        if held is None or (known and not held[1]):
            name, org, country, sector = (
                (e.name, e.org, e.country, e.sector) if entity
                else (e.get("name"), e.get("org"), e.get("country"), e.get("sector"))
            )
            self.defs[eid] = ((eid, kind, name, org, country, sector, 0), known)
        row = self.rows.get((eid, role))
        if row is None:
            text, span = (e.text, e.span) if entity else (e.get("text"), e.get("span"))
            span = span or (None, None)
            org = e.org if entity else e.get("org")
            self.rows[(eid, role)] = [eid, text or "", role, org, span[0], span[1], date]
        elif date and not row[6]:
            row[6] = date

    def named(self, ents: Iterable[Entity], date: str | None) -> None:
        for e in ents:
            if e.kind:
                self.add(e.id or f"country:{e.country}", e.kind, True, e, date)
            else:
                d = {**e.to_json(), "kind": e.kind}
                self.add(entity_id(d), entity_kind(d), False, e, date)

    def sides(self, records: Iterable[Mapping[str, Any]], page_date: str | None) -> None:
        for r in records:
            date = r.get("date")
            date = date[:10] if date and date[0] != "-" else None
            for e in (r.get("actor") or []) + (r.get("recipient") or []):
                self.add(entity_id(e), entity_kind(e), bool(e.get("kind")), e, page_date or date)

    def tables(self) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
        return [d for d, _ in self.defs.values()], [tuple(r) for r in self.rows.values()]


def dumps(value: Any) -> str:
    """Compact JSON, non-ASCII as is (orjson: a tenth of the standard library's time)."""
    return orjson.dumps(value).decode()


def label(ent: Mapping[str, Any]) -> str:
    """What the event tables call an entity: the person, else the organisation, else a country
    acting as a whole by its name (``越南``, ``老挝``: not ``越老`` twice), else its words."""
    if ent.get("name") or ent.get("org"):
        return ent.get("name") or ent.get("org")
    country = ent.get("country")
    if entity_id(ent).startswith("country:") and country in country_names():
        return country_names()[country]
    return ent.get("text") or country or ""


def countries(ents: Iterable[Mapping[str, Any]]) -> list[str]:
    return sorted({e["country"] for e in ents if e.get("country")})


def event_dates(record: Mapping[str, Any], when: When) -> tuple[Any, ...]:
    """DATE_COLUMNS of an event whose date is that of ``record``."""
    return (
        record.get("date"),
        record.get("date_precision") or when.precision,
        record.get("date_source"),
        record.get("date_evidence"),
        when.ordinal,
        day_of_year(when),
        f"{when.year:04d}-{when.month:02d}" if when.year and when.month else None,
        f"{when.year:04d}" if when.year else None,
    )


def _event_columns(rec: Mapping[str, Any], key: str, when: When) -> tuple[Any, ...]:
    loc = rec.get("location") or {}
    actor, recipient = rec.get("actor") or [], rec.get("recipient") or []
    return (
        key, lookup_hash(key, when, rec.get("text")), rec["event"], rec.get("mode"),
        "," + ",".join(rec.get("context") or []) + ",", rec.get("cameo"), rec.get("score"),
        "; ".join(label(e) for e in actor), ",".join(countries(actor)),
        "; ".join(label(e) for e in recipient), ",".join(countries(recipient)),
        loc.get("text"), loc.get("place"), loc.get("country"),
        rec.get("text") or "", rec.get("doc_id") or "",
    )


def _people(rec: Mapping[str, Any]) -> dict[tuple[str, str], Mapping[str, Any]]:
    out: dict[tuple[str, str], Mapping[str, Any]] = {}
    for side in ("actor", "recipient"):
        for e in rec.get(side) or []:
            out.setdefault((side, entity_id(e)), e)
    return out


def _mention(rec: Mapping[str, Any], doc_id: str, part: str) -> Mention:
    key = merge_key(rec)
    span = rec.get("span") or [0, 0]
    people = _people(rec)
    when = When.parse(rec.get("date"), rec.get("date_source"))
    return Mention(
        key=key,
        facts={k: rec.get(k) for k in FACTS},
        json=dumps(rec),
        row=(str(rec.get("id") or "")[:200], doc_id[:220], part, rec.get("mode"),
             rec.get("date"), rec.get("date_precision"), rec.get("date_source"), span[0],
             span[1], rec.get("text") or "", bool(rec.get("main")), rec.get("confidence")),
        event=_event_columns(rec, key, when),
        dates=event_dates(rec, when),
        people=tuple((side, eid, e.get("country"), e.get("role"))
                     for (side, eid), e in people.items()),
        linked=tuple(sorted({eid for _, eid in people})),
        pairs=tuple(combinations(countries(people.values()), 2)),
    )


def _part(doc: Document, seq: int) -> ExtractedPart:
    page = doc.page
    records = [ev.to_record() for ev in doc.events]
    report, place = _report_date(doc)
    page_date = page.published or (report if report and report[0] != "-" else None)
    ents = _EntityTables()
    ents.named(doc.entities, page_date)
    ents.sides(records, page_date)
    entities, entity_rows = ents.tables()
    title = page.text[page.title_span[0] : page.title_span[1]] if page.title_span else None
    return ExtractedPart(
        doc_id=page.doc_id,
        part=page.part,
        seq=seq,
        title=title,
        text=page.text,
        published=page.published,
        report_date=report,
        place=place,
        mentions=[_mention(r, page.doc_id, page.part) for r in merge_order(records)],
        entities=entities,
        entity_rows=entity_rows,
    )


def extract_page(
    raw: RawPage, extract: Callable[[RawPage], Document], digest: str | None = None
) -> Extracted:
    digest = digest or content_hash(raw)
    try:
        doc = extract(raw)
    except Exception as exc:  # noqa: BLE001 - a bad page must not stop the run
        return Extracted(digest, raw.doc_id, outlet_of(raw), error=_failure("extraction", exc))
    agency = doc.page.dateline.agency if doc.page.dateline else None
    out = Extracted(digest, raw.doc_id, outlet_of(raw, agency), error=doc.error)
    if doc.error is None:
        try:
            out.parts = [_part(d, i) for i, d in enumerate(doc.all_documents())]
        except Exception as exc:  # noqa: BLE001 - e.g. a value the JSON cannot hold
            out.error = _failure("building its rows", exc)
    return out


def _failure(stage: str, exc: Exception) -> str:
    where = traceback.extract_tb(exc.__traceback__)[-1]
    return f"{stage} failed: {type(exc).__name__}: {exc} ({where.name}:{where.lineno})"[:490]
