"""Exports of stored events in formats that existing event-data tools read unchanged.

- ICEWS: the 20 columns of the ICEWS coded event files, in their order, one row per event
  (comma-separated by default, ``sep="\\t"`` for the Dataverse ``.tab`` layout);
- PLOVER JSONL: one object per event with PLOVER's field names (the SPEC section 5 record of
  the event's best report) and every report of it under ``mentions``;
- Parquet: the flat event table of ``communique events``.

Every export streams: the store is read in chunks, so the file can be larger than memory.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy import func, select

from communique.knowledge import read_table
from communique.store import Store
from communique.store import schema as s
from communique.store.queries import EVENT_COLUMNS, EventFilter, iter_events

ICEWS_COLUMNS = (
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text",
    "CAMEO Code", "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID",
    "Sentence Number", "Publisher", "City", "District", "Province", "Country", "Latitude",
    "Longitude",
)

CAMEO_TEXT = {
    "01": "Make public statement", "02": "Appeal", "020": "Make an appeal or request",
    "021": "Appeal for material cooperation", "022": "Appeal for diplomatic cooperation",
    "023": "Appeal for aid", "024": "Appeal for political reform",
    "025": "Appeal to yield", "026": "Appeal to others to meet or negotiate",
    "027": "Appeal to others to settle dispute", "028": "Appeal to engage in or accept mediation",
    "03": "Express intent to cooperate", "030": "Express intent to cooperate",
    "036": "Express intent to meet or negotiate", "04": "Consult", "040": "Consult",
    "041": "Discuss by telephone", "042": "Make a visit", "043": "Host a visit",
    "044": "Meet at a 'third' location", "05": "Engage in diplomatic cooperation",
    "051": "Praise or endorse", "057": "Sign formal agreement",
    "06": "Engage in material cooperation", "061": "Cooperate economically",
    "062": "Cooperate militarily", "07": "Provide aid", "070": "Provide aid",
    "071": "Provide economic aid", "072": "Provide military aid",
    "073": "Provide humanitarian aid", "08": "Yield", "09": "Investigate", "10": "Demand",
    "11": "Disapprove", "111": "Criticize or denounce", "112": "Accuse", "12": "Reject",
    "13": "Threaten", "14": "Protest", "15": "Exhibit force posture",
    "16": "Reduce relations", "17": "Coerce", "18": "Assault", "19": "Fight",
    "20": "Use unconventional mass violence",
}

SECTORS = {
    "GOV": "Government", "PTY": "Parties", "LEG": "Legislative / Parliamentary",
    "MIL": "Military", "DIP": "Foreign Ministry", "JUD": "Judicial", "BUS": "Business",
    "MED": "Media", "CVL": "Social", "IGO": "International Government Organization",
}



def cameo_text(code: str | None) -> str:
    if not code:
        return ""
    return CAMEO_TEXT.get(code) or CAMEO_TEXT.get(code[:3]) or CAMEO_TEXT.get(code[:2], "")


# Where ICEWS's own country names differ from CLDR's English ones.
ICEWS_NAMES = {"RUS": "Russian Federation", "IGO": "International Organization"}


def _country(code: str | None) -> str:
    """The country's name as ICEWS writes it: CLDR's English name, but for ICEWS_NAMES."""
    return _english_names().get(code or "", code or "")


@cache
def _english_names() -> dict[str, str]:
    from babel import Locale

    english = Locale("en").territories
    names = {r["code"]: english.get(r["iso2"] or "", r["code"]) for r in read_table("countries")}
    names.update(ICEWS_NAMES)
    return names


def _name(e: dict[str, Any]) -> str:
    """ICEWS names a state acting as a whole by the state's name, not the words that said it
    (``越老`` for Vietnam and Laos)."""
    if e.get("name") or e.get("org"):
        return e.get("name") or e.get("org")
    if e.get("country") and e["country"] != "IGO":
        return _country(e["country"])
    return e.get("text") or ""


def _side(entities: list[dict[str, Any]]) -> tuple[str, str, str]:
    names = "; ".join(_name(e) for e in entities)
    sectors = ",".join(dict.fromkeys(SECTORS.get(e.get("sector") or "", "") for e in entities
                                     if e.get("sector")))
    countries = "; ".join(dict.fromkeys(_country(e.get("country")) for e in entities
                                        if e.get("country")))
    return names, sectors, countries


def _sentence_number(text: str, start: int) -> int:
    head = text[: max(0, start)]
    return 1 + sum(head.count(m) for m in "。！？!?\n")


def _iter_full(
    store: Store, flt: EventFilter, *, mentions: bool = False, chunk: int = 2000
) -> Iterator[dict[str, Any]]:
    """Events with their record, first report (part text, outlet, document) and reports."""
    em, pt, er = s.EventMention.__table__, s.Part.__table__, s.EventRecord.__table__
    cols = ("id", "seq")
    for frame in iter_events(store, flt, columns=cols, chunk=chunk):
        ids = frame["seq"].tolist()
        first = select(func.min(em.c.id)).where(em.c.event_seq.in_(ids)).group_by(em.c.event_seq)
        q = (
            select(em.c.event_seq, em.c.doc_id, em.c.outlet, em.c.span_start, pt.c.text)
            .join(pt, pt.c.id == em.c.part_id)
            .where(em.c.id.in_(first))
        )
        reports: dict[str, list[dict[str, Any]]] = {}
        with store.engine.connect() as conn:
            q_rec = select(er.c.seq, er.c.record).where(er.c.seq.in_(ids))
            records = {r.seq: r.record for r in conn.execute(q_rec)}
            firsts = {r.event_seq: r for r in conn.execute(q)}
            if mentions:
                q = (
                    select(em.c.event_seq, em.c.doc_id, em.c.part, em.c.outlet, em.c.date,
                           em.c.span_start, em.c.span_end, em.c.text)
                    .where(em.c.event_seq.in_(ids))
                    .order_by(em.c.id)
                )
                for m in conn.execute(q):
                    reports.setdefault(m.event_seq, []).append(
                        {"doc_id": m.doc_id, "part": m.part, "outlet": m.outlet, "date": m.date,
                         "span": [m.span_start, m.span_end], "text": m.text}
                    )
        for row in frame.itertuples(index=False):
            yield {"row": row, "record": json.loads(records[row.seq]), "first": firsts.get(row.seq),
                   "mentions": reports.get(row.seq, [])}


def icews_rows(store: Store, flt: EventFilter | None = None, **kw: Any) -> Iterator[list[Any]]:
    flt = flt or EventFilter(**kw)
    for item in _iter_full(store, flt):
        rec, row, first = item["record"], item["row"], item["first"]
        actor, recipient = list(rec.get("actor") or []), list(rec.get("recipient") or [])
        if not recipient and len(actor) > 1:
            actor, recipient = actor[:1], actor[1:]
        src, tgt = _side(actor), _side(recipient)
        loc = rec.get("location") or {}
        yield [
            row.seq, rec.get("date") or "", src[0], src[1], src[2], cameo_text(rec.get("cameo")),
            rec.get("cameo") or "", rec.get("score") if rec.get("score") is not None else "",
            tgt[0], tgt[1], tgt[2], first.doc_id if first else rec.get("doc_id", ""),
            _sentence_number(first.text, first.span_start) if first else "",
            (first.outlet if first else "") or "", loc.get("place") or "", "", "",
            _country(loc.get("country")), "", "",
        ]


def write_icews(
    store: Store, out: str | Path | TextIO, flt: EventFilter | None = None, *, sep: str = ",",
    **kw: Any,
) -> int:
    """ICEWS coded-event rows; returns how many were written."""
    with _open(out) as fh:
        w = csv.writer(fh, delimiter=sep, lineterminator="\n")
        w.writerow(ICEWS_COLUMNS)
        n = 0
        for n, r in enumerate(icews_rows(store, flt, **kw), 1):  # noqa: B007
            w.writerow(r)
    return n


def plover_records(store: Store, flt: EventFilter | None = None, **kw: Any) -> Iterator[dict]:
    flt = flt or EventFilter(**kw)
    for item in _iter_full(store, flt, mentions=True):
        rec = dict(item["record"])
        rec.pop("trigger", None)
        rec["id"] = item["row"].id
        rec["mentions"] = item["mentions"]
        yield rec


def write_plover(
    store: Store, out: str | Path | TextIO, flt: EventFilter | None = None, **kw: Any
) -> int:
    n = 0
    with _open(out) as fh:
        for rec in plover_records(store, flt, **kw):
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
    return n


def parquet_schema():
    import pyarrow as pa

    types = {"score": pa.float64(), "confidence": pa.float64(), "n_mentions": pa.int64(),
             "n_documents": pa.int64(), "main": pa.bool_()}
    return pa.schema([(c, types.get(c, pa.string())) for c in EVENT_COLUMNS])


def write_parquet(
    store: Store, out: str | Path, flt: EventFilter | None = None, **kw: Any
) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    flt = flt or EventFilter(**kw)
    schema = parquet_schema()
    n = 0
    with pq.ParquetWriter(str(out), schema) as writer:
        for frame in iter_events(store, flt, columns=EVENT_COLUMNS):
            writer.write_table(pa.Table.from_pandas(frame, schema=schema, preserve_index=False))
            n += len(frame)
    return n


class _open:
    def __init__(self, out: str | Path | TextIO) -> None:
        self.out, self.fh = out, None

    def __enter__(self) -> TextIO:
        if isinstance(self.out, str | Path):
            self.fh = open(self.out, "w", encoding="utf-8", newline="")  # noqa: SIM115
            return self.fh
        return self.out

    def __exit__(self, *exc: object) -> None:
        if self.fh is not None:
            self.fh.close()
