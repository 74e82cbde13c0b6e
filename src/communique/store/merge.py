"""One event, many reports: which event mentions (SPEC section 5 records) are the same happening.

PLOVER's rule: one meeting is one event, not one per sentence, per page or per side. Mentions
fold into one event when they have the same *merge key* (event type and the people, or the
countries and organisations where no person is named, on each side; for symmetric types such as
a meeting or an agreement the sides are one set) and compatible dates and media:

- two dates of day precision with a printed or published year: at most one day apart;
- a year that was inferred (``date_source == "inferred"``): month and day at most one day apart,
  year at most one apart;
- a date without a year or day (``--MM-DD``, ``YYYY-MM``, none): only within the same page part
  (the title, lead and body of one article), where it is the same story told again, or when the
  very same sentence with the same month and day, or with no date at all, comes back on another
  page (a teaser copied under several pages);
- a phone or video call never merges with an in-person meeting or a letter, except inside one
  page part where one of the two mentions does not say how the talks were held.

A wrong merge loses an event for good while a missed one only counts it twice, so every doubt
keeps events apart. Everything here is pure: ``Merger`` holds the clusters of a batch and asks
a caller-supplied loader for the stored events a batch could join (``Want``: a key and a few
days of the year).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE"})
SOURCE_RANK = {"text": 3, "published": 2, "report": 2, "inferred": 1}
PRECISION_RANK = {"day": 3, "month-day": 2, "month": 1, "year": 0}
REMOTE = {"phone": "remote", "video": "remote"}


def _side(entities: Iterable[Mapping[str, Any]]) -> list[str]:
    ents = list(entities)
    people = sorted({e["id"] for e in ents if e.get("name") and e.get("id")})
    if people:
        return people
    return sorted({e.get("id") or f"country:{e.get('country')}" for e in ents})


def merge_key(record: Mapping[str, Any]) -> str:
    """The identity of what happened, apart from its date: type, cameo family and sides."""
    event = record["event"]
    actor, recipient = _side(record.get("actor") or ()), _side(record.get("recipient") or ())
    if event in SYMMETRIC:
        return f"{event}|{'+'.join(sorted(set(actor) | set(recipient)))}"
    cameo = (record.get("cameo") or "")[:3]
    return f"{event}:{cameo}|{'+'.join(actor)}>{'+'.join(recipient)}"


@dataclass(frozen=True, slots=True)
class When:
    """An event date as far as it is known."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    source: str | None = None
    ordinal: int | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if self.year and self.month and self.day:
            try:
                o = dt.date(self.year, self.month, self.day).toordinal()
            except ValueError:
                o = None
            object.__setattr__(self, "ordinal", o)

    @classmethod
    def parse(cls, value: str | None, source: str | None = None) -> When:
        return _parse(value, source)

    @property
    def precision(self) -> str | None:
        if self.year and self.month and self.day:
            return "day"
        if self.month and self.day:
            return "month-day"
        if self.year and self.month:
            return "month"
        return "year" if self.year else None

    @property
    def undated(self) -> bool:
        """No year, month or day at all."""
        return self.year is None and self.month is None and self.day is None

    @property
    def firm(self) -> bool:
        """A full date whose year the text printed or the publisher gave."""
        return self.ordinal is not None and self.source != "inferred"

    def rank(self) -> tuple[int, int]:
        return PRECISION_RANK.get(self.precision or "", -1), SOURCE_RANK.get(self.source or "", 0)


@functools.lru_cache(maxsize=16_384)
def _parse(value: str | None, source: str | None) -> When:
    """``When.parse``, kept: the merge parses the same few thousand dates again and again, and
    a ``When`` cannot change."""
    if not value:
        return When(source=source)
    try:
        if value.startswith("--"):
            m, d = value[2:].split("-")
            return When(None, int(m), int(d), source)
        parts = [int(p) for p in value.split("-")]
    except ValueError:
        return When(source=source)
    parts += [None] * (3 - len(parts))
    return When(parts[0], parts[1], parts[2], source)


def _month_day_gap(a: When, b: When) -> int | None:
    da, db = day_of_year(a), day_of_year(b)
    if da is None or db is None:
        return None
    gap = abs(da - db)
    return min(gap, 366 - gap)


def date_distance(a: When, b: When, same_part: bool) -> int | None:
    """How far apart two dates are if they may be the same happening, else None."""
    oa, ob = a.ordinal, b.ordinal
    if oa is not None and ob is not None:
        if a.firm and b.firm:
            gap = abs(oa - ob)
            return gap if gap <= 1 else None
        gap = _month_day_gap(a, b)
        if gap is not None and gap <= 1 and abs(a.year - b.year) <= 1:  # type: ignore[operator]
            return gap + 2 * abs(a.year - b.year)  # type: ignore[operator]
        return None
    if not same_part:
        return None
    for x, y in ((a.year, b.year), (a.month, b.month)):
        if x is not None and y is not None and x != y:
            return None
    gap = _month_day_gap(a, b)
    if gap is not None:
        return gap if gap <= 1 else None
    if a.day is not None and b.day is not None and a.day != b.day:
        return None
    return 5


def media_compatible(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    return REMOTE.get(a, a) == REMOTE.get(b, b)


@dataclass(slots=True)
class Cluster:
    """One event and what the merge needs of it; ``record`` is its representative mention
    (given as a dict, or as the JSON text it was stored as, parsed only when needed)."""

    id: str
    key: str
    stored_record: dict[str, Any] | str | None  # None: stored, read by ``load_record`` if needed
    when: When
    medium: str | None
    parts: set[str] = field(default_factory=set)
    n_mentions: int = 1
    n_documents: int = 1
    main: bool = False
    confidence: float = 0.0
    stored: bool = False
    dirty: bool = True
    mode: str | None = None
    text: str | None = None
    seq: int | None = None
    redated: bool = False
    json: str | None = None
    # not read by the merge: what the writer needs of a stored event
    score: float | None = None
    countries: tuple[str, ...] = ()  # its sides' countries
    first: Any = None  # the caller's payload of the mention that started this event
    dated_by: Any = None  # the payload of the mention that gave the event its (new) date
    # a stored event's record is read only when a better date rewrites it: most events a batch
    # looks up take a mention without it (3,557 records of about 1 KB a batch at 100,000 pages)
    load_record: Callable[[], str] | None = None

    @property
    def record(self) -> dict[str, Any]:
        if self.stored_record is None and self.load_record is not None:
            self.stored_record = self.load_record()
        if isinstance(self.stored_record, str):
            self.stored_record = json.loads(self.stored_record)
        return self.stored_record  # type: ignore[return-value]

    def distance(self, record: Mapping[str, Any], when: When, part: str) -> int | None:
        same_part = part in self.parts
        vague = same_part and (self.mode is None or record.get("mode") is None)
        if not vague and not media_compatible(self.medium, record.get("medium")):
            return None
        gap = date_distance(self.when, when, same_part)
        if gap is None and self.when.year is None and when.year is None and self.text and (
            self.text == record.get("text")
            and (_month_day_gap(self.when, when) == 0 or self.when.undated and when.undated)
        ):
            return 4
        return gap

    def absorb(self, record: Mapping[str, Any], when: When, part: str, new_document: bool,
               payload: Any = None) -> None:
        self.n_mentions += 1
        self.n_documents += int(new_document)
        self.parts.add(part)
        self.main = self.main or bool(record.get("main"))
        self.confidence = max(self.confidence, float(record.get("confidence") or 0.0))
        self.medium = self.medium or record.get("medium")
        if when.rank() > self.when.rank():
            self.when = when
            rec = dict(self.record)
            for k in ("date", "date_precision", "date_source", "date_evidence"):
                rec[k] = record.get(k)
            self.stored_record = rec
            self.redated = True
            self.dated_by = payload
            self.json = None
        self.dirty = True


def key_hash(key: str) -> int:
    """A 60-bit integer for a merge key: a short, fast index (collisions only cost a compare)."""
    return int(hashlib.sha1(key.encode("utf-8")).hexdigest()[:15], 16)


def lookup_hash(key: str, when: When, text: str | None) -> int:
    """What the store finds an event by: the hash of its key, or, for an event with no date at
    all, which only the very same sentence can join, of its key and that sentence, so that the
    lookup reads no other undated event of the key."""
    return key_hash(f"{key}\x1f{text}") if text and when.undated else key_hash(key)


def event_id(content_hash: str, part: str, record: Mapping[str, Any]) -> str:
    """Stable: the same first mention of an event always names it the same."""
    seed = f"{content_hash}\x1f{part}\x1f{record.get('id')}\x1f{record.get('span')}"
    return "ev_" + hashlib.sha1(seed.encode("utf-8")).hexdigest()[:24]


INFERRED_WINDOW = 367


# Day of the year in a leap year, by (month, day): the merge asks for it for every mention.
_DAY_OF_YEAR = {
    (d.month, d.day): d.timetuple().tm_yday
    for d in (dt.date(2000, 1, 1) + dt.timedelta(days=i) for i in range(366))
}
# The days of the year within two of each day (two, since a common year skips 29 February).
_NEAR = [()] + [tuple((doy + k - 1) % 366 + 1 for k in (-2, -1, 0, 1, 2)) for doy in range(1, 367)]


def day_of_year(when: When) -> int | None:
    """Day of the year (in a leap year, so 29 February has its own) of a date with month and
    day, whatever its year: the index the merge looks events up by."""
    return _DAY_OF_YEAR.get((when.month, when.day))


def near_days(doy: int) -> tuple[int, ...]:
    return _NEAR[doy]


@dataclass(frozen=True, slots=True)
class Want:
    """Stored events a mention could join: under ``key``, on a day of the year in [first_day,
    last_day], with a day ordinal in [lo, hi] or, when ``lo`` is None, with no year at all;
    with ``inferred``, only events whose year was inferred. With ``text``: the undated events
    that began with this very sentence (the days are then 0)."""

    key: str
    first_day: int
    last_day: int
    lo: int | None
    hi: int | None
    text: str | None = None
    inferred: bool = False


def wants_of(record: Mapping[str, Any], key: str | None = None) -> list[Want]:
    when = When.parse(record.get("date"), record.get("date_source"))
    doy = day_of_year(when)
    if when.undated and record.get("text"):
        return [Want(key or merge_key(record), 0, 0, None, None, record["text"])]
    if doy is None or (when.ordinal is None and when.year is not None):
        return []
    key = key or merge_key(record)
    o = when.ordinal
    days = sorted(near_days(doy))
    runs = [[days[0], days[0]]]
    for d in days[1:]:
        if d == runs[-1][1] + 1:
            runs[-1][1] = d
        else:
            runs.append([d, d])
    if o is None:
        return [Want(key, a, b, None, None) for a, b in runs]
    wide = [Want(key, a, b, o - INFERRED_WINDOW, o + INFERRED_WINDOW, inferred=when.firm)
            for a, b in runs]
    if not when.firm:
        return wide
    # A firm date joins a firm one at most a day away (see ``date_distance``), and only an
    # event whose year was inferred a year or so away: yearly events (a national day's
    # greetings) are not loaded for every year of the archive.
    return [Want(key, a, b, o - 1, o + 1) for a, b in runs] + wide


Loader = Callable[[Sequence[Want]], Iterable[Cluster]]


class Merger:
    """Folds the mentions of a batch into events, old (stored) and new.

    ``prefetch`` loads, in one go, the stored events the mentions of a batch could join (by
    key and date window); ``add`` then decides for each mention, in order, which event it
    belongs to. Events are indexed by key and day of the year, so a mention looks only at the
    events of its key within two days of its own (in any year), and by page part: an event or
    a mention with no month and day can match only inside one part (see ``date_distance``),
    or an undated event that began with the same sentence (the copied-teaser rule), so of the
    events with no day a mention looks only at those of its own part and those twins.
    """

    def __init__(self, load: Loader) -> None:
        self._load = load
        self.by_key: dict[str, list[Cluster]] = {}
        self._by_day: dict[tuple[str, int], list[Cluster]] = {}
        self._by_part: dict[str, list[Cluster]] = {}
        self._by_text: dict[tuple[str, str], list[Cluster]] = {}  # undated events
        self._order: dict[str, int] = {}

    def _hold(self, cluster: Cluster) -> None:
        self._order[cluster.id] = len(self._order)
        self.by_key.setdefault(cluster.key, []).append(cluster)
        self._index(cluster)
        for part in cluster.parts:
            self._by_part.setdefault(part, []).append(cluster)

    def _index(self, cluster: Cluster) -> None:
        doy = day_of_year(cluster.when)
        if doy is not None:
            self._by_day.setdefault((cluster.key, doy), []).append(cluster)
        elif cluster.text and cluster.when.undated:
            self._by_text.setdefault((cluster.key, cluster.text), []).append(cluster)

    def _unindex(self, cluster: Cluster) -> None:
        doy = day_of_year(cluster.when)
        if doy is not None:
            self._by_day[(cluster.key, doy)].remove(cluster)
        elif cluster.text and cluster.when.undated:
            self._by_text[(cluster.key, cluster.text)].remove(cluster)

    def _candidates(self, key: str, when: When, part: str,
                    text: str | None = None) -> list[Cluster]:
        here = [c for c in self._by_part.get(part, ()) if c.key == key]
        doy = day_of_year(when)
        if doy is None:
            if text and when.undated:
                mine = {id(c) for c in here}
                return here + [c for c in self._by_text.get((key, text), ()) if id(c) not in mine]
            return here
        year = when.year
        near = [c for d in near_days(doy) for c in self._by_day.get((key, d), ())
                if year is None or c.when.year is None or abs(c.when.year - year) <= 1]
        return near + [c for c in here if day_of_year(c.when) is None]

    def prefetch(
        self, records: Iterable[Mapping[str, Any]], keys: Iterable[str | None] | None = None
    ) -> None:
        """``keys``: the records' merge keys, when the caller has them already."""
        pairs = zip(records, keys, strict=True) if keys is not None else ((r, None) for r in records)
        wants = sorted({w for r, k in pairs for w in wants_of(r, k)},
                       key=lambda w: (w.key, w.first_day, w.lo or 0, w.inferred))
        if not wants:
            return
        for cluster in self._load(wants):
            if cluster.id not in self._order:
                self._hold(cluster)

    def add(
        self,
        record: Mapping[str, Any],
        *,
        content_hash: str,
        part: str,
        seen_in_document: set[str],
        record_json: str | None = None,
        key: str | None = None,
        payload: Any = None,
    ) -> tuple[Cluster, bool]:
        """The event this mention belongs to, and whether it was created for it.

        ``record`` needs only the fields the merge reads (``extracted.FACTS``) when ``key``
        (its merge key) and ``record_json`` (the whole record) are given; ``payload`` is kept
        on the event as ``first`` or ``dated_by``."""
        key = key or merge_key(record)
        when = When.parse(record.get("date"), record.get("date_source"))
        best: tuple[int, int, Cluster] | None = None
        for cluster in self._candidates(key, when, part, record.get("text")):
            gap = cluster.distance(record, when, part)
            if gap is not None:
                rank = (gap, self._order[cluster.id])
                if best is None or rank < best[:2]:
                    best = (*rank, cluster)
        if best is not None:
            cluster = best[2]
            if part not in cluster.parts:
                self._by_part.setdefault(part, []).append(cluster)
            self._unindex(cluster)
            cluster.absorb(record, when, part, cluster.id not in seen_in_document, payload)
            self._index(cluster)
            seen_in_document.add(cluster.id)
            return cluster, False
        cluster = Cluster(
            id=event_id(content_hash, part, record),
            key=key,
            stored_record=record_json if record_json is not None else dict(record),
            when=when,
            medium=record.get("medium"),
            parts={part},
            main=bool(record.get("main")),
            confidence=float(record.get("confidence") or 0.0),
            mode=record.get("mode"),
            text=record.get("text"),
            json=record_json,
            first=payload,
        )
        self._hold(cluster)
        seen_in_document.add(cluster.id)
        return cluster, True

    def dirty(self) -> list[Cluster]:
        """The events this batch made or changed, in the order the merge first held them
        (stored ones as loaded, then new ones as first reported), whichever stored events
        the batch happened to load."""
        return sorted((c for cs in self.by_key.values() for c in cs if c.dirty),
                      key=lambda c: self._order[c.id])

    def settle(self) -> None:
        """After a commit: everything held is stored and clean."""
        for cs in self.by_key.values():
            for c in cs:
                c.stored, c.dirty, c.redated = True, False, False


def merge_order(records: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """The mentions of one part, best-dated first, so that an undated title or lead joins the
    event its dated body sentence found rather than starting one of its own."""
    rank = {id(r): When.parse(r.get("date"), r.get("date_source")).rank() for r in records}
    return sorted(records, key=lambda r: rank[id(r)], reverse=True)


def fold(records: Iterable[tuple[str, str, Mapping[str, Any]]]) -> list[Cluster]:
    """Fold (content_hash, part, record) mentions into events, with nothing stored."""
    merger = Merger(lambda keys: ())
    seen: dict[str, set[str]] = {}
    by_part: dict[tuple[str, str], list[Mapping[str, Any]]] = {}
    for content_hash, part, record in records:
        by_part.setdefault((content_hash, part), []).append(record)
    ordered = [(h, p, r) for (h, p), recs in by_part.items() for r in merge_order(recs)]
    for content_hash, part, record in ordered:
        merger.add(
            record, content_hash=content_hash, part=part,
            seen_in_document=seen.setdefault(content_hash, set()),
        )
    return [c for cs in merger.by_key.values() for c in cs]
