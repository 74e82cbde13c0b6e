"""Score predicted events against hand-written gold events (SPEC section 6).

Gold lines (``seeds.gold.jsonl``) carry ``doc``, ``event``, ``mode``, ``date``, ``actor`` and
``recipient`` lists of ``{name, org, country}``, ``main``; predicted records (SPEC section 5)
carry ``doc_id`` and the same fields. Either key is accepted on either side, so the gold file can
be scored against itself.

How an event is scored, in order:

1. **Scope.** With ``docs`` given (the ids of the pages the predictions were made from), only
   gold lines and predictions whose *page* (the doc id before ``#``) is one of them count; a
   teaser ``P#teaser-3`` is in scope when ``P`` is, so teasers the extractor failed to split
   off are misses, not ignored. Without ``docs``, the scope is the pages the gold covers, and
   predictions on other pages are set aside (counted as ``pred_outside``, not as false
   positives).
2. **Pools.** An article is scored on its own (pool = its doc id); the teasers of one page are
   one pool ``P#teasers``, so ``P#teaser-2`` predicted matches ``P#teaser-5`` gold (the number
   is an accident of page layout), but never a teaser of another page.
3. **Distinct tuples.** Both sides are collapsed to distinct (pool, event, sides, day) tuples.
   *Sides* are country sets: CONSULT and AGREE have one set over actor and recipient together,
   the other types (actor countries, recipient countries). Entities whose country is null are
   left out of the sets (they still count for names). *Day* is the date string as written
   (``2023-05-22``, ``2023-05``, ``--01-27``, None). The tuple's representative record is the
   first one marked ``main`` if any, else the first in file order; the names of all collapsed
   records are merged so the name score sees every name given for that tuple.
4. **Agreement.** A predicted tuple agrees with a gold tuple of the same pool when ``event`` is
   equal and the sides agree: CONSULT/AGREE the one country set is equal; other types the actor
   sets are equal and the recipient sets are equal, except that a gold tuple whose recipient
   country set is empty accepts any recipient. (The exception is for the other types only:
   for CONSULT/AGREE the recipient is part of the one set.)
5. **Matching.** Gold tuples are taken headline (``main``) first, then in file order; each takes
   the unmatched agreeing predicted tuple closest to it: date correct (as in 7) first, then the
   same month and day, then the same mode, then the number of gold names found among the
   prediction's names, then the earliest prediction. Greedy, one to one.
6. **Detection.** precision = matched / distinct predicted tuples, recall = matched / distinct
   gold tuples, F1 their harmonic mean (0 when a denominator is 0).
7. **On matched pairs.**
   - *mode*: equal, with None == None (a SUPPORT has no mode and must be predicted without one).
   - *date*: both dates are read as (year, month, day), each possibly missing. The prediction is
     correct when its month and day equal the gold's (missing == missing: gold ``2023-05``
     wants no day, gold ``2026`` wants neither month nor day, so a prediction more precise than
     the gold is wrong), and, when the gold has a year, the year is equal too. A gold without a
     year (``--01-27``) accepts any year or none: the text does not print it. A gold date of
     None (the text dates the event nowhere) is correct only for a prediction of None: any date
     there is invented (a report date is not the event's date). A date that cannot be read is
     compared as a string.
   - *year*: reported separately, over the pairs whose gold has a year: the predicted year is
     equal (whatever the month and day).
   - *names*: over the gold entities with a name (merged over collapsed records, distinct after
     normalisation), the fraction found among the prediction's names on the corresponding side
     (either side for CONSULT/AGREE). Names are compared after normalisation (NFKC, the
     separators ``·•・.-`` and their kin unified to ``·``, spaces dropped) and by containment
     when the shorter has two characters or more, so ``梅德韦杰夫`` ~ ``德米特里·梅德韦杰夫``.
8. **Main events.** Every gold tuple whose representative is ``main`` is counted on its own:
   found (matched), and among the found, mode correct, date correct, both.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from communique.text import to_simplified

SYMMETRIC = frozenset({"CONSULT", "AGREE"})

# After NFKC (which turns fullwidth ．－ into . -), these separate the parts of a foreign name.
_NAME_SEPARATORS = re.compile(r"[·•・.\-‧･‐‑‒–—⋅∙]+")
_DATE = re.compile(r"(?:(\d{4})|-)(?:-(\d{1,2}))?(?:-(\d{1,2}))?")


# ---------------------------------------------------------------------------------------------
# reading


def load_jsonl(path: str | Path) -> list[dict[str, Any]]:
    """The JSON objects of a JSONL file, one a line; blank lines are skipped."""
    rows: list[dict[str, Any]] = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{n}: not a JSON object: {exc.msg}") from exc
            if not isinstance(obj, dict):
                raise ValueError(f"{path}:{n}: expected a JSON object, got {type(obj).__name__}")
            rows.append(obj)
    return rows


# ---------------------------------------------------------------------------------------------
# small normalisations


def normalise_name(name: str | None) -> str | None:
    """``亚历山大•福明`` -> ``亚历山大·福明``, ``麥卡錫`` -> ``麦卡锡`` (one name in either script, as
    the extractor reads a traditional page in simplified characters); None or blank -> None."""
    if not name:
        return None
    text = to_simplified(unicodedata.normalize("NFKC", str(name)))
    text = re.sub(r"\s+", "", text)
    text = _NAME_SEPARATORS.sub("·", text).strip("·")
    return text or None


def names_match(a: str, b: str) -> bool:
    """Equal normalised names, or one contained in the other (the shorter of 2+ characters)."""
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= 2 and short in long_


def parse_date(value: str | None) -> tuple[int | None, int | None, int | None] | None:
    """``2023-05-22`` -> (2023, 5, 22); ``--01-27`` -> (None, 1, 27); ``2023-05`` -> (2023, 5,
    None); None or unreadable -> None."""
    if not value:
        return None
    m = _DATE.fullmatch(str(value).strip().split("T", 1)[0])
    if not m:
        return None
    year, month, day = (int(g) if g else None for g in m.groups())
    if year is None and month is None:
        return None
    return year, month, day


def date_correct(gold: str | None, pred: str | None) -> bool:
    """The date rule of the module docstring (step 7)."""
    if not gold:
        return not pred
    g, p = parse_date(gold), parse_date(pred)
    if g is None:
        return str(gold).strip() == str(pred or "").strip()
    if p is None:
        return False
    if (g[1], g[2]) != (p[1], p[2]):
        return False
    return g[0] is None or g[0] == p[0]


def year_correct(gold: str | None, pred: str | None) -> bool | None:
    """Whether the predicted year equals the gold's; None when the gold has no year."""
    g = parse_date(gold)
    if g is None or g[0] is None:
        return None
    p = parse_date(pred)
    return p is not None and p[0] == g[0]


def _same_month_day(gold: str | None, pred: str | None) -> bool:
    g, p = parse_date(gold), parse_date(pred)
    return g is not None and p is not None and (g[1], g[2]) == (p[1], p[2])


def page_of(doc_id: str) -> str:
    """The page a document belongs to: ``P#teaser-3`` -> ``P``."""
    return doc_id.split("#", 1)[0]


def pool_of(doc_id: str) -> str:
    """The scoring pool: an article is its own; the teasers of page ``P`` are ``P#teasers``."""
    page, sep, rest = doc_id.partition("#")
    if sep and rest.startswith("teaser"):
        return f"{page}#teasers"
    return doc_id


def _doc_id(rec: dict[str, Any]) -> str:
    return str(rec.get("doc_id") or rec.get("doc") or "")


def _entities(rec: dict[str, Any], side: str) -> list[dict[str, Any]]:
    return [e for e in rec.get(side) or [] if isinstance(e, dict)]


def _countries(entities: Iterable[dict[str, Any]]) -> frozenset[str]:
    return frozenset(str(e["country"]).strip() for e in entities if e.get("country"))


def _names(entities: Iterable[dict[str, Any]]) -> set[str]:
    return {n for n in (normalise_name(e.get("name")) for e in entities) if n}


def _event_type(rec: dict[str, Any]) -> str:
    return str(rec.get("event") or "").strip().upper()


def _mode(rec: dict[str, Any]) -> str | None:
    return rec.get("mode") or None


def _day(rec: dict[str, Any]) -> str | None:
    d = rec.get("date")
    return (str(d).strip() or None) if d else None


# ---------------------------------------------------------------------------------------------
# distinct tuples


@dataclass
class EventTuple:
    """One distinct (pool, event, sides, day) tuple and the records that told it."""

    pool: str
    event: str
    sides: tuple[frozenset[str], ...]  # (all,) for CONSULT/AGREE, else (actor, recipient)
    day: str | None
    record: dict[str, Any]  # the representative: the first ``main`` record, else the first
    records: list[dict[str, Any]]
    names: tuple[set[str], ...]  # normalised names per side, merged over ``records``
    order: int  # position of the first record in its input

    @property
    def doc_id(self) -> str:
        return _doc_id(self.record)

    @property
    def page(self) -> str:
        return page_of(self.pool)

    @property
    def main(self) -> bool:
        return bool(self.record.get("main"))

    @property
    def mode(self) -> str | None:
        return _mode(self.record)

    @property
    def symmetric(self) -> bool:
        return self.event in SYMMETRIC

    def all_names(self) -> set[str]:
        return set().union(*self.names)


def _sides(event: str, rec: dict[str, Any]) -> tuple[frozenset[str], ...]:
    actor = _countries(_entities(rec, "actor"))
    recipient = _countries(_entities(rec, "recipient"))
    return (actor | recipient,) if event in SYMMETRIC else (actor, recipient)


def _side_names(event: str, rec: dict[str, Any]) -> tuple[set[str], ...]:
    actor = _names(_entities(rec, "actor"))
    recipient = _names(_entities(rec, "recipient"))
    return (actor | recipient,) if event in SYMMETRIC else (actor, recipient)


def collapse(records: Iterable[dict[str, Any]]) -> list[EventTuple]:
    """Distinct tuples in order of first appearance (step 3 of the module docstring)."""
    by_key: dict[tuple[Any, ...], EventTuple] = {}
    for order, rec in enumerate(records):
        event = _event_type(rec)
        pool = pool_of(_doc_id(rec))
        sides = _sides(event, rec)
        day = _day(rec)
        key = (pool, event, sides, day)
        names = _side_names(event, rec)
        found = by_key.get(key)
        if found is None:
            by_key[key] = EventTuple(pool, event, sides, day, rec, [rec], names, order)
            continue
        found.records.append(rec)
        for merged, more in zip(found.names, names, strict=True):
            merged |= more
        if rec.get("main") and not found.record.get("main"):
            found.record = rec
    return list(by_key.values())


def agrees(gold: EventTuple, pred: EventTuple) -> bool:
    """Same pool, same type, countries agree (step 4)."""
    if gold.pool != pred.pool or gold.event != pred.event:
        return False
    if gold.symmetric:
        return gold.sides == pred.sides
    return gold.sides[0] == pred.sides[0] and (not gold.sides[1] or gold.sides[1] == pred.sides[1])


def _shared_names(gold: EventTuple, pred: EventTuple) -> int:
    theirs = pred.all_names()
    return sum(1 for g in gold.all_names() if any(names_match(g, p) for p in theirs))


def _closeness(gold: EventTuple, pred: EventTuple) -> tuple[Any, ...]:
    return (
        date_correct(gold.day, pred.day),
        _same_month_day(gold.day, pred.day),
        gold.mode == pred.mode,
        _shared_names(gold, pred),
        -pred.order,
    )


# ---------------------------------------------------------------------------------------------
# scores


@dataclass
class Pair:
    """A gold tuple and the predicted tuple it took, with what was right about it."""

    gold: EventTuple
    pred: EventTuple
    mode_ok: bool
    date_ok: bool
    year_ok: bool | None  # None: the gold has no year
    names_found: int
    names_total: int
    missing_names: list[str] = field(default_factory=list)


@dataclass
class DocRow:
    pool: str
    gold: int
    predicted: int
    tp: int

    @property
    def fp(self) -> int:
        return self.predicted - self.tp

    @property
    def fn(self) -> int:
        return self.gold - self.tp


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def _accuracy(a: int, b: int) -> float | None:
    return a / b if b else None


@dataclass
class Scores:
    gold_lines: int  # gold lines in scope
    pred_records: int  # predicted records in scope
    pred_outside: int  # predicted records on pages out of scope (not scored)
    pages: list[str]
    gold: list[EventTuple]
    predicted: list[EventTuple]
    pairs: list[Pair]
    missed: list[EventTuple]  # gold tuples without a match
    false_positives: list[EventTuple]  # predicted tuples without a match
    docs: list[DocRow]

    # detection
    @property
    def tp(self) -> int:
        return len(self.pairs)

    @property
    def n_gold(self) -> int:
        return len(self.gold)

    @property
    def n_pred(self) -> int:
        return len(self.predicted)

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.n_pred)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.n_gold)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    # on matched pairs
    @property
    def mode_correct(self) -> int:
        return sum(p.mode_ok for p in self.pairs)

    @property
    def date_correct(self) -> int:
        return sum(p.date_ok for p in self.pairs)

    @property
    def year_correct(self) -> int:
        return sum(p.year_ok is True for p in self.pairs)

    @property
    def year_total(self) -> int:
        return sum(p.year_ok is not None for p in self.pairs)

    @property
    def names_found(self) -> int:
        return sum(p.names_found for p in self.pairs)

    @property
    def names_total(self) -> int:
        return sum(p.names_total for p in self.pairs)

    @property
    def mode_accuracy(self) -> float | None:
        return _accuracy(self.mode_correct, self.tp)

    @property
    def date_accuracy(self) -> float | None:
        return _accuracy(self.date_correct, self.tp)

    @property
    def year_accuracy(self) -> float | None:
        return _accuracy(self.year_correct, self.year_total)

    @property
    def name_accuracy(self) -> float | None:
        return _accuracy(self.names_found, self.names_total)

    # main events
    @property
    def main_pairs(self) -> list[Pair]:
        return [p for p in self.pairs if p.gold.main]

    @property
    def main_total(self) -> int:
        return sum(t.main for t in self.gold)

    @property
    def main_found(self) -> int:
        return len(self.main_pairs)

    @property
    def main_mode(self) -> int:
        return sum(p.mode_ok for p in self.main_pairs)

    @property
    def main_date(self) -> int:
        return sum(p.date_ok for p in self.main_pairs)

    @property
    def main_complete(self) -> int:
        """Main events found with both their mode and their date right."""
        return sum(p.mode_ok and p.date_ok for p in self.main_pairs)

    def by_type(self) -> dict[str, tuple[int, int, int]]:
        """event type -> (gold, predicted, matched)."""
        out: dict[str, list[int]] = {}
        for t in self.gold:
            out.setdefault(t.event, [0, 0, 0])[0] += 1
        for t in self.predicted:
            out.setdefault(t.event, [0, 0, 0])[1] += 1
        for p in self.pairs:
            out[p.gold.event][2] += 1
        return {k: (v[0], v[1], v[2]) for k, v in sorted(out.items())}

    def summary(self) -> dict[str, Any]:
        """The figures, as plain JSON values."""
        return {
            "pages": len(self.pages),
            "gold_lines": self.gold_lines,
            "pred_records": self.pred_records,
            "pred_outside": self.pred_outside,
            "gold": self.n_gold,
            "predicted": self.n_pred,
            "matched": self.tp,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "main": {
                "total": self.main_total,
                "found": self.main_found,
                "mode": self.main_mode,
                "date": self.main_date,
                "complete": self.main_complete,
            },
            "mode_accuracy": self.mode_accuracy,
            "date_accuracy": self.date_accuracy,
            "year_accuracy": self.year_accuracy,
            "name_accuracy": self.name_accuracy,
            "counts": {
                "mode": [self.mode_correct, self.tp],
                "date": [self.date_correct, self.tp],
                "year": [self.year_correct, self.year_total],
                "names": [self.names_found, self.names_total],
            },
            "docs": [
                {
                    "doc": d.pool,
                    "gold": d.gold,
                    "predicted": d.predicted,
                    "tp": d.tp,
                    "fp": d.fp,
                    "fn": d.fn,
                }
                for d in self.docs
            ],
        }


def _pair(gold: EventTuple, pred: EventTuple) -> Pair:
    found = total = 0
    missing: list[str] = []
    for gold_side, pred_side in zip(gold.names, pred.names, strict=True):
        for name in sorted(gold_side):
            total += 1
            if any(names_match(name, p) for p in pred_side):
                found += 1
            else:
                missing.append(name)
    return Pair(
        gold=gold,
        pred=pred,
        mode_ok=gold.mode == pred.mode,
        date_ok=date_correct(gold.day, pred.day),
        year_ok=year_correct(gold.day, pred.day),
        names_found=found,
        names_total=total,
        missing_names=missing,
    )


def score(
    gold: list[dict[str, Any]],
    predicted: list[dict[str, Any]],
    docs: set[str] | None = None,
) -> Scores:
    """Score ``predicted`` records against ``gold`` lines as SPEC section 6 says (see the
    module docstring for every rule). ``docs``: the ids of the pages the predictions were made
    from; only those are scored. Without it, the pages the gold covers."""
    pages = {page_of(d) for d in docs} if docs is not None else {page_of(_doc_id(g)) for g in gold}
    gold_in = [g for g in gold if page_of(_doc_id(g)) in pages]
    pred_in = [p for p in predicted if page_of(_doc_id(p)) in pages]

    gold_t = collapse(gold_in)
    pred_t = collapse(pred_in)

    by_pool: dict[str, list[EventTuple]] = {}
    for t in pred_t:
        by_pool.setdefault(t.pool, []).append(t)
    taken: set[int] = set()
    pairs: list[Pair] = []
    missed: list[EventTuple] = []
    for g in sorted(gold_t, key=lambda t: (not t.main, t.order)):
        candidates = [p for p in by_pool.get(g.pool, []) if id(p) not in taken and agrees(g, p)]
        if not candidates:
            missed.append(g)
            continue
        best = max(candidates, key=lambda p: _closeness(g, p))
        taken.add(id(best))
        pairs.append(_pair(g, best))
    pairs.sort(key=lambda p: p.gold.order)
    missed.sort(key=lambda t: t.order)
    false_pos = [p for p in pred_t if id(p) not in taken]

    pools = sorted({t.pool for t in gold_t} | {t.pool for t in pred_t})
    rows = [
        DocRow(
            pool=pool,
            gold=sum(t.pool == pool for t in gold_t),
            predicted=sum(t.pool == pool for t in pred_t),
            tp=sum(p.gold.pool == pool for p in pairs),
        )
        for pool in pools
    ]
    return Scores(
        gold_lines=len(gold_in),
        pred_records=len(pred_in),
        pred_outside=len(predicted) - len(pred_in),
        pages=sorted(pages),
        gold=gold_t,
        predicted=pred_t,
        pairs=pairs,
        missed=missed,
        false_positives=false_pos,
        docs=rows,
    )


# ---------------------------------------------------------------------------------------------
# report


def _entity_label(e: dict[str, Any]) -> str:
    label = e.get("name") or e.get("org") or e.get("text")
    country = e.get("country")
    if label and country and label != country:
        return f"{label}/{country}"
    return str(label or country or "?")


def _sides_label(rec: dict[str, Any]) -> str:
    def side(name: str) -> str:
        return "+".join(_entity_label(e) for e in _entities(rec, name)) or "∅"

    return f"{side('actor')}→{side('recipient')}"


def _clip(text: Any, width: int = 60) -> str:
    s = re.sub(r"\s+", " ", str(text or "")).strip()
    return s if len(s) <= width else s[: width - 1] + "…"


def _fmt(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.3f}"


def format_report(scores: Scores) -> str:
    """A plain-text report: per-document table, per-type table, misses, false positives and
    wrong modes/dates, then the summary figures LAST (``tail -n 14`` shows them)."""
    s = scores
    out: list[str] = []
    width = max([len(d.pool) for d in s.docs] + [8])
    out.append(f"{'document':<{width}}  gold  pred    tp    fp    fn")
    for d in s.docs:
        out.append(
            f"{d.pool:<{width}}  {d.gold:4d}  {d.predicted:4d}  {d.tp:4d}  {d.fp:4d}  {d.fn:4d}"
        )
    out.append("")
    out.append(f"{'event':<10}  gold  pred    tp  precision  recall")
    for event, (g, p, m) in s.by_type().items():
        out.append(f"{event:<10}  {g:4d}  {p:4d}  {m:4d}  {_ratio(m, p):9.3f}  {_ratio(m, g):6.3f}")
    out.append("")
    for t in s.missed:
        main = " [main]" if t.main else ""
        out.append(
            f"MISS {t.doc_id} {t.event}{main} {_sides_label(t.record)} {t.day or '-'} "
            f"{_clip(t.record.get('evidence'))}"
        )
    for t in s.false_positives:
        out.append(
            f"FP {t.doc_id} {t.event} {_sides_label(t.record)} {t.day or '-'} "
            f"{_clip(t.record.get('text'))}"
        )
    for p in s.pairs:
        wrong = []
        if not p.mode_ok:
            wrong.append(f"mode {p.gold.mode or '-'}≠{p.pred.mode or '-'}")
        if not p.date_ok:
            wrong.append(f"date {p.gold.day or '-'}≠{p.pred.day or '-'}")
        if p.missing_names:
            wrong.append("names missing " + ",".join(p.missing_names))
        if wrong:
            main = " [main]" if p.gold.main else ""
            out.append(
                f"WRONG {p.gold.doc_id} {p.gold.event}{main} {_sides_label(p.gold.record)} "
                + "; ".join(wrong)
            )

    def frac(a: int, b: int) -> str:
        return f"{_fmt(_accuracy(a, b))} ({a}/{b})"

    out += [
        "",
        "── summary " + "─" * 60,
        f"scope: {len(s.pages)} pages, {len(s.docs)} documents/pools; gold {s.n_gold} distinct "
        f"events ({s.gold_lines} lines); predicted {s.n_pred} distinct ({s.pred_records} records"
        + (f", {s.pred_outside} out of scope" if s.pred_outside else "")
        + ")",
        f"events:  precision {frac(s.tp, s.n_pred)}  recall {frac(s.tp, s.n_gold)}  F1 {s.f1:.3f}",
        f"main:    found {s.main_found}/{s.main_total}, with mode {s.main_mode}/{s.main_found}, "
        f"with date {s.main_date}/{s.main_found}; found with mode and date "
        f"{s.main_complete}/{s.main_total}",
        f"matched: mode {frac(s.mode_correct, s.tp)}  date {frac(s.date_correct, s.tp)}  "
        f"year {frac(s.year_correct, s.year_total)}",
        f"names:   {frac(s.names_found, s.names_total)} of gold names found on matched pairs",
        f"misses {len(s.missed)}, false positives {len(s.false_positives)}, matched with a wrong "
        f"mode {s.tp - s.mode_correct}, wrong date {s.tp - s.date_correct}",
    ]
    return "\n".join(out)
