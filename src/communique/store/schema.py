"""The event store's tables (SQLAlchemy 2 declarative), one schema for SQLite and PostgreSQL.

A *document* is one page as read (raw text kept, identified by its content hash); its *parts*
are the article and the related-story teasers the pipeline cut from it. An *event* is one
happening (PLOVER: one meeting is one event) and each report of it is an *event mention*
pointing at the part and span that said it. Country pairs are kept per event so that the dyad
queries are an index range.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Document(Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    doc_id: Mapped[str] = mapped_column(String(200), index=True)
    url: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(String(200), index=True)
    published: Mapped[str | None] = mapped_column(String(10), index=True)
    title: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(Text)
    encoding: Mapped[str | None] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(10))
    raw: Mapped[str] = mapped_column(Text)
    n_events: Mapped[int] = mapped_column(Integer, default=0)
    ingested_at: Mapped[datetime] = mapped_column(DateTime)


class Part(Base):
    __tablename__ = "parts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    doc_id: Mapped[str] = mapped_column(String(220), index=True)
    part: Mapped[str] = mapped_column(String(20))
    seq: Mapped[int] = mapped_column(Integer)
    title: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(String(10))
    report_date: Mapped[str | None] = mapped_column(String(10))
    place: Mapped[str | None] = mapped_column(String(100))


class Entity(Base):
    __tablename__ = "entities"
    __table_args__ = (Index("ix_entities_n_events", "n_events"),)

    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))
    name: Mapped[str | None] = mapped_column(String(200), index=True)
    org: Mapped[str | None] = mapped_column(Text)
    country: Mapped[str | None] = mapped_column(String(3), index=True)
    sector: Mapped[str | None] = mapped_column(String(10))
    n_events: Mapped[int] = mapped_column(Integer, default=0)


class EntityMention(Base):
    """An entity named in a page part (once per part and role), dated by the page or event."""

    __tablename__ = "entity_mentions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity_id: Mapped[str] = mapped_column(ForeignKey("entities.id"), index=True)
    part_id: Mapped[int] = mapped_column(ForeignKey("parts.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    role: Mapped[str | None] = mapped_column(String(200))
    org: Mapped[str | None] = mapped_column(Text)
    span_start: Mapped[int | None] = mapped_column(Integer)
    span_end: Mapped[int | None] = mapped_column(Integer)
    date: Mapped[str | None] = mapped_column(String(10))


class EntityRole(Base):
    """Roles over time: each title an entity was given, first and last seen (kept up to date)."""

    __tablename__ = "entity_roles"

    entity_id: Mapped[str] = mapped_column(ForeignKey("entities.id"), primary_key=True)
    role: Mapped[str] = mapped_column(String(200), primary_key=True)
    first: Mapped[str | None] = mapped_column(String(10))
    last: Mapped[str | None] = mapped_column(String(10))
    n: Mapped[int] = mapped_column(Integer, default=0)


class EntityLink(Base):
    """How many events two entities took part in together (kept up to date)."""

    __tablename__ = "entity_links"

    entity_id: Mapped[str] = mapped_column(ForeignKey("entities.id"), primary_key=True)
    other_id: Mapped[str] = mapped_column(ForeignKey("entities.id"), primary_key=True)
    n: Mapped[int] = mapped_column(Integer, default=0)


class Event(Base):
    __tablename__ = "events"
    __table_args__ = (
        Index("ix_events_key_day", "merge_hash", "doy", "date_ord"),
        Index("ix_events_date", "date", "seq"),
        Index("ix_events_type_date", "event", "date", "seq"),
        Index("ix_events_type_mode_date", "event", "mode", "date", "seq"),
    )

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    id: Mapped[str] = mapped_column(String(40), unique=True)
    merge_key: Mapped[str] = mapped_column(Text)
    merge_hash: Mapped[int] = mapped_column(BigInteger)  # what the merge finds it by: lookup_hash
    event: Mapped[str] = mapped_column(String(20))
    mode: Mapped[str | None] = mapped_column(String(30))
    medium: Mapped[str | None] = mapped_column(String(20))
    context: Mapped[str] = mapped_column(Text, default="")
    cameo: Mapped[str | None] = mapped_column(String(8))
    score: Mapped[float | None] = mapped_column(Float)
    date: Mapped[str | None] = mapped_column(String(10))
    date_precision: Mapped[str | None] = mapped_column(String(10))
    date_source: Mapped[str | None] = mapped_column(String(10))
    date_evidence: Mapped[str | None] = mapped_column(Text)
    date_ord: Mapped[int | None] = mapped_column(Integer)
    doy: Mapped[int | None] = mapped_column(Integer)
    month: Mapped[str | None] = mapped_column(String(7))
    year: Mapped[str | None] = mapped_column(String(4))
    actor_names: Mapped[str] = mapped_column(Text, default="")
    actor_countries: Mapped[str] = mapped_column(String(100), default="")
    recipient_names: Mapped[str] = mapped_column(Text, default="")
    recipient_countries: Mapped[str] = mapped_column(String(100), default="")
    location_text: Mapped[str | None] = mapped_column(Text)
    location_place: Mapped[str | None] = mapped_column(String(100))
    location_country: Mapped[str | None] = mapped_column(String(3))
    text: Mapped[str] = mapped_column(Text)
    doc_id: Mapped[str] = mapped_column(String(220))
    main: Mapped[bool] = mapped_column(Boolean, default=False)
    confidence: Mapped[float | None] = mapped_column(Float)
    n_mentions: Mapped[int] = mapped_column(Integer, default=1)
    n_documents: Mapped[int] = mapped_column(Integer, default=1)


class EventRecord(Base):
    """The SPEC section 5 record of an event's best report (kept apart: events stay narrow)."""

    __tablename__ = "event_records"

    seq: Mapped[int] = mapped_column(ForeignKey("events.seq"), primary_key=True,
                                     autoincrement=False)
    record: Mapped[str] = mapped_column(Text)


class EventActor(Base):
    __tablename__ = "event_actors"
    __table_args__ = (
        Index("ix_event_actors_entity_date", "entity_id", "date", "event_seq"),
        Index("ix_event_actors_country_date", "country", "date", "event_seq"),
        Index("ix_event_actors_country_event_date", "country", "event", "date", "event_seq"),
    )

    event_seq: Mapped[int] = mapped_column(ForeignKey("events.seq"), primary_key=True)
    side: Mapped[str] = mapped_column(String(10), primary_key=True)
    entity_id: Mapped[str] = mapped_column(ForeignKey("entities.id"), primary_key=True)
    country: Mapped[str | None] = mapped_column(String(3))
    role: Mapped[str | None] = mapped_column(String(200))
    date: Mapped[str | None] = mapped_column(String(10))
    event: Mapped[str | None] = mapped_column(String(20))  # the event's type, as in ``events``


class EventPair(Base):
    """One row per unordered pair of countries an event involves (a < b), with what the dyad
    queries need of the event, so that they read this table alone."""

    __tablename__ = "event_pairs"
    __table_args__ = (
        Index("ix_event_pairs_ab_date", "a", "b", "date", "event_seq"),
        Index("ix_event_pairs_dyad", "a", "b", "month", "year", "event", "prominence", "score",
              "date", "event_seq"),
    )

    event_seq: Mapped[int] = mapped_column(ForeignKey("events.seq"), primary_key=True)
    a: Mapped[str] = mapped_column(String(3), primary_key=True)
    b: Mapped[str] = mapped_column(String(3), primary_key=True)
    date: Mapped[str | None] = mapped_column(String(10))
    month: Mapped[str | None] = mapped_column(String(7))
    year: Mapped[str | None] = mapped_column(String(4))
    event: Mapped[str] = mapped_column(String(20))
    score: Mapped[float | None] = mapped_column(Float)
    main: Mapped[bool] = mapped_column(Boolean, default=False)
    n_mentions: Mapped[int] = mapped_column(Integer, default=1)
    prominence: Mapped[float] = mapped_column(Float, default=0.0)


class EventMention(Base):
    """One report of an event: the document, part and span (of the part's cleaned text) that
    said it, with what this report said of mode and date."""

    __tablename__ = "event_mentions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_seq: Mapped[int] = mapped_column(ForeignKey("events.seq"), index=True)
    record_id: Mapped[str] = mapped_column(String(200))
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    part_id: Mapped[int] = mapped_column(ForeignKey("parts.id"), index=True)
    doc_id: Mapped[str] = mapped_column(String(220))
    part: Mapped[str] = mapped_column(String(20))
    outlet: Mapped[str | None] = mapped_column(String(200), index=True)
    mode: Mapped[str | None] = mapped_column(String(30))
    date: Mapped[str | None] = mapped_column(String(10))
    date_precision: Mapped[str | None] = mapped_column(String(10))
    date_source: Mapped[str | None] = mapped_column(String(10))
    span_start: Mapped[int] = mapped_column(Integer)
    span_end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    main: Mapped[bool] = mapped_column(Boolean, default=False)
    confidence: Mapped[float | None] = mapped_column(Float)


class Reject(Base):
    __tablename__ = "rejects"
    __table_args__ = (UniqueConstraint("source", "reason", name="uq_rejects_source_reason"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(String(500))
    reason: Mapped[str] = mapped_column(String(500))
    content_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)


metadata = Base.metadata
