"""The values that flow between the stages, and their JSON form (SPEC section 5).

Every stage is a function from one of these immutable values to the next:
RawPage (read) -> Page (anatomy, cleaned text) -> Mention/Entity (recognise)
-> Event (code, resolve dates) -> record dict (SPEC section 5).
Spans are always [start, end) offsets into ``Page.text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Span = tuple[int, int]


class InputError(ValueError):
    """A page that cannot be read: the message says why, in words a user can act on."""


@dataclass(frozen=True, slots=True)
class RawPage:
    """One page as a reader got it, decoded to ``str`` but otherwise untouched."""

    doc_id: str
    text: str | None = None  # plain text, when the source was text
    html: str | None = None  # markup, when the source was HTML
    url: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) the user or the page metadata gave
    title: str | None = None  # a title given outside the text (JSONL field, HTML metadata)
    source: str | None = None  # where it came from: a path, or path:line for JSONL records
    encoding: str | None = None  # the encoding that was detected


@dataclass(frozen=True, slots=True)
class Dropped:
    """A piece of the page that is not article text, kept so a user can see what went."""

    kind: str  # caption | navigation | byline | source | editor | duplicate-lead | end-mark | related
    text: str


@dataclass(frozen=True, slots=True)
class Dateline:
    """`越通社河内5月29日——`, `新华社北京2月4日电`: the agency, place and report date."""

    text: str
    span: Span
    agency: str | None = None
    place: str | None = None
    year: int | None = None
    month: int | None = None
    day: int | None = None


@dataclass(frozen=True, slots=True)
class Page:
    """One document after anatomy: the article, or one related-story teaser."""

    doc_id: str
    part: str  # article | teaser
    text: str  # cleaned, simplified text: title line, then paragraphs, joined by "\n"
    display_text: str  # the same text in the script of the source (same length and offsets)
    title_span: Span | None
    paragraphs: tuple[Span, ...]  # paragraph spans after the title
    dateline: Dateline | None = None
    published: str | None = None
    url: str | None = None
    dropped: tuple[Dropped, ...] = ()


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, organisation, country or international organisation (SPEC section 3)."""

    text: str  # the words of the mention, title and organisation included
    span: Span
    kind: str  # person | org | country | igo
    id: str
    name: str | None = None  # a person's normalised name; None for an org or a country
    role: str | None = None
    org: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-3, or IGO
    sector: str | None = None
    known: bool = True  # found in the knowledge base (False: found by pattern or tagger)

    @classmethod
    def of_country(cls, words: str, span: Span, iso: str) -> Entity:
        """A country as a party, named by ``words`` (its name, a short form, a place in it)."""
        return cls(words, span, "country", f"country:{iso}", country=iso)

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "name": self.name,
            "role": self.role,
            "org": self.org,
            "country": self.country,
            "sector": self.sector,
            "id": self.id,
            "span": list(self.span),
        }


@dataclass(frozen=True, slots=True)
class Location:
    text: str
    place: str | None = None
    country: str | None = None
    span: Span | None = None

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "place": self.place, "country": self.country}


@dataclass(frozen=True, slots=True)
class DateValue:
    """An event date with the words that fixed it (SPEC section 4)."""

    value: str | None  # YYYY-MM-DD, YYYY-MM, YYYY, --MM-DD, or None
    precision: str | None  # day | month | year | month-day
    source: str | None  # text | published | inferred | report | None
    evidence: str | None = None
    span: Span | None = None


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    doc_id: str
    part: str
    event: str  # PLOVER type
    mode: str | None
    medium: str | None
    context: tuple[str, ...]
    cameo: str
    score: float
    actor: tuple[Entity, ...]
    recipient: tuple[Entity, ...]
    date: DateValue
    location: Location | None
    text: str  # the sentence the event was read from
    span: Span  # of that sentence
    trigger: Span  # of the trigger words
    confidence: float
    main: bool = False

    def to_record(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "doc_id": self.doc_id,
            "part": self.part,
            "event": self.event,
            "mode": self.mode,
            "medium": self.medium,
            "context": list(self.context),
            "cameo": self.cameo,
            "score": self.score,
            "actor": [e.to_json() for e in self.actor],
            "recipient": [e.to_json() for e in self.recipient],
            "date": self.date.value,
            "date_precision": self.date.precision,
            "date_source": self.date.source,
            "date_evidence": self.date.evidence,
            "location": self.location.to_json() if self.location else None,
            "text": self.text,
            "span": list(self.span),
            "trigger": list(self.trigger),
            "main": self.main,
            "confidence": round(self.confidence, 3),
        }


@dataclass(frozen=True, slots=True)
class Document:
    """What ``extract`` returns for one page part: its cleaned text, entities and events."""

    page: Page
    entities: tuple[Entity, ...] = ()
    events: tuple[Event, ...] = ()
    teasers: tuple[Document, ...] = field(default=())
    error: str | None = None  # why the page gave nothing, for bad input

    @property
    def doc_id(self) -> str:
        return self.page.doc_id

    @property
    def text(self) -> str:
        return self.page.text

    def all_documents(self) -> list[Document]:
        """This document followed by its teasers, in order of appearance."""
        return [self, *self.teasers]

    def records(self) -> list[dict[str, Any]]:
        """SPEC section 5 records of this document and its teasers."""
        return [ev.to_record() for doc in self.all_documents() for ev in doc.events]


@dataclass(frozen=True, slots=True)
class Rejected:
    """An input that gave no page, and why: recorded, never raised out of a batch."""

    source: str
    reason: str
