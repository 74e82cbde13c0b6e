"""What a worker hands back for one page: plain rows, small to pickle, nothing left to compute.

Extraction runs in worker processes (a local pool or a Dask cluster); the writer process only
folds mentions into events and inserts. ``extract_page`` never raises: a page that fails becomes
an ``Extracted`` with ``error`` set, which the writer records as a reject.
"""

from __future__ import annotations

import hashlib
import json
import traceback
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from communique.model import Document, RawPage


def content_hash(raw: RawPage) -> str:
    body = raw.text if raw.text is not None else (raw.html or "")
    return hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest()


def outlet_of(raw: RawPage, agency: str | None = None) -> str | None:
    if raw.url:
        host = urlsplit(raw.url).hostname or ""
        if host:
            return host.removeprefix("www.")
    return agency


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
    records: list[dict[str, Any]] = field(default_factory=list)
    record_json: list[str] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)  # entities table rows
    entity_rows: list[dict[str, Any]] = field(default_factory=list)  # entity_mentions rows


@dataclass(slots=True)
class Extracted:
    content_hash: str
    doc_id: str
    outlet: str | None
    parts: list[ExtractedPart] = field(default_factory=list)
    error: str | None = None

    @property
    def n_events(self) -> int:
        return sum(len(p.records) for p in self.parts)


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


def _entity_tables(
    named: list[dict[str, Any]], records: list[dict[str, Any]], page_date: str | None
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Rows of ``entities`` (one per entity) and of ``entity_mentions`` (one per entity and
    role in this part, dated by the page, else by the first event that names it)."""
    defs: dict[str, dict[str, Any]] = {}
    rows: dict[tuple[str, Any], dict[str, Any]] = {}

    def add(e: Mapping[str, Any], date: str | None) -> None:
        eid = entity_id(e)
        if eid not in defs or (e.get("kind") and not defs[eid]["_known"]):
            defs[eid] = {"id": eid, "kind": entity_kind(e), "name": e.get("name"),
                         "org": e.get("org"), "country": e.get("country"),
                         "sector": e.get("sector"), "n_events": 0, "_known": bool(e.get("kind"))}
        key = (eid, e.get("role"))
        if key not in rows:
            span = e.get("span") or [None, None]
            rows[key] = {"entity_id": eid, "text": e.get("text") or "", "role": e.get("role"),
                         "org": e.get("org"), "span_start": span[0], "span_end": span[1],
                         "date": date}
        elif date and not rows[key]["date"]:
            rows[key]["date"] = date

    for e in named:
        add(e, page_date)
    for r in records:
        date = r.get("date")
        date = date[:10] if date and date[0] != "-" else None
        for e in (r.get("actor") or []) + (r.get("recipient") or []):
            add(e, page_date or date)
    entities = [{k: v for k, v in d.items() if k != "_known"} for d in defs.values()]
    return entities, list(rows.values())


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _part(doc: Document, seq: int) -> ExtractedPart:
    page = doc.page
    records = [ev.to_record() for ev in doc.events]
    report, place = _report_date(doc)
    page_date = page.published or (report if report and report[0] != "-" else None)
    entities, entity_rows = _entity_tables(
        [{**e.to_json(), "kind": e.kind} for e in doc.entities], records, page_date
    )
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
        records=records,
        record_json=[dumps(r) for r in records],
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
        where = traceback.extract_tb(exc.__traceback__)[-1]
        reason = f"extraction failed: {type(exc).__name__}: {exc} ({where.name}:{where.lineno})"
        return Extracted(digest, raw.doc_id, outlet_of(raw), error=reason[:490])
    agency = doc.page.dateline.agency if doc.page.dateline else None
    out = Extracted(digest, raw.doc_id, outlet_of(raw, agency), error=doc.error)
    if doc.error is None:
        out.parts = [_part(d, i) for i, d in enumerate(doc.all_documents())]
    return out
