"""Free text in the evidence, found through an index of character bigrams.

Chinese is written without spaces and most of its words have two characters, so neither a
word index nor a trigram index finds ``会谈`` or ``越南``. Each mention's text is cut into runs of
letters and digits (lower-cased); a run gives its overlapping bigrams in order, then its last
character (``越南总理`` → ``越南 南总 总理 理``), so that every character starts a term and no
two runs' bigrams stand next to each other.

The index holds each distinct text of an event once: the same sentence reported by many pages
(syndicated copies, an archive's repeats) is one entry, keyed by the event and a CRC-32 of the
text. (Two different texts of one event with the same CRC would lose the second's entry: a
chance of one in four billion per pair.)

* SQLite keeps the terms in a contentless FTS5 table (``mention_search``). A query is a phrase
  of terms per word (see ``_phrase``), which FTS5 matches at consecutive positions. The rowid
  is the key, ``event_seq << 32 | crc``, because a contentless table returns nothing but its
  rowid and the event is what a search wants.
* PostgreSQL keeps the same terms, with their positions, as a ``tsvector`` under a GIN index
  (``mention_terms``), written and queried in the types' own literal syntax so that no
  text-search parser or dictionary touches them; a query is a ``<->`` phrase of the same
  terms per word. Each entry also holds, with no position, a tag for each country of its event's
  sides and each pair of them (``|VNM``, ``|RUS|VNM``: no text term holds ``|``). A search
  within a dyad or a country asks for the tag too, so that the index alone finds the few of a
  big dyad's events that hold a rare word, instead of the query probing each of them.

A query is words separated by spaces, all of which one text of the event must hold, as a
search box reads them (``越南 合作``); a phrase in quotes (``"ASEAN Regional"``, ``“…”``) is
one word, spaces and all. For a word of one run, the index match is exactly a substring match.
Where a word holds spaces or punctuation, the index matches its runs in order, and the caller
checks the events it returns with ``LIKE`` on their mentions, so a search finds exactly what a
scan finds.
"""

from __future__ import annotations

import operator
import re
import zlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import combinations
from typing import Any

from sqlalchemy import Connection, Row, Select, cast, column, literal, select, table, text
from sqlalchemy.dialects import postgresql

from communique.store.bulk import insert_rows

RUN = re.compile(r"[^\W_]+")
CODE = re.compile(r"[A-Z0-9]+")  # a country code a tag may hold
WORD = re.compile(r'"([^"]*)"?|“([^”]*)”?|(\S+)')  # a quote left open runs to the end
CHUNK = 5_000
SHIFT = 32
MASK = (1 << SHIFT) - 1
MAX_POSITION = 16_383  # tsvector's last position

FTS = table("mention_search", column("rowid"))
# light tables, as migrations use them: the backfill runs inside migration 0003
EM = table("event_mentions", column("id"), column("event_seq"), column("text"))
EVENTS = table("events", column("seq"), column("actor_countries"), column("recipient_countries"))
TERMS = table("mention_terms", column("event_seq"), column("terms"))


def words(query: str) -> list[str]:
    """The words of a query, each of which a text must hold: quoted phrases whole."""
    found = [next(g for g in m.groups() if g is not None) for m in WORD.finditer(query)]
    return [w for w in found if w.strip()] or [query]


def runs(text_: str) -> list[str]:
    return RUN.findall(text_.lower())


def run_terms(run: str) -> list[str]:
    return [run[i : i + 2] for i in range(len(run) - 1)] + [run[-1]]


def terms(text_: str) -> list[str]:
    out: list[str] = []
    for run in runs(text_):  # run_terms, inlined: every stored mention passes here
        out += map(operator.add, run, run[1:])
        out.append(run[-1])
    return out


def create(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql(
            "CREATE VIRTUAL TABLE mention_search USING fts5("
            "terms, content='', tokenize='unicode61 remove_diacritics 0')"
        )
    else:
        conn.exec_driver_sql(
            "CREATE TABLE mention_terms (event_seq INTEGER NOT NULL REFERENCES events (seq), "
            "crc BIGINT NOT NULL, terms TSVECTOR NOT NULL, PRIMARY KEY (event_seq, crc))"
        )
        conn.exec_driver_sql(
            "CREATE INDEX ix_mention_terms_terms ON mention_terms USING gin (terms)"
        )


def drop(conn: Connection) -> None:
    name = "mention_search" if conn.dialect.name == "sqlite" else "mention_terms"
    conn.exec_driver_sql(f"DROP TABLE IF EXISTS {name}")


def crc(text_: str) -> int:
    """The key of a text among its event's texts in the index."""
    return zlib.crc32(text_.encode("utf-8"))


def index(conn: Connection, rows: Sequence[tuple[int, str]],
          countries: Mapping[int, Iterable[str]] | None = None) -> None:
    """Add the texts of events, as (event seq, text), in the caller's transaction; a text the
    event has already is skipped, and its terms never computed (half the mentions of an
    archive repeat a text their event has). ``countries``: the countries of each event's sides
    (PostgreSQL's tags), read from the stored events for those not given."""
    new = {(seq << SHIFT) | crc(text_): text_ for seq, text_ in rows}
    for key in _indexed(conn, list(new)):
        new.pop(key, None)
    if conn.dialect.name == "sqlite":
        insert_rows(conn, "mention_search", ("rowid", "terms"),
                    [(k, " ".join(terms(t))) for k, t in new.items()])
        return
    seqs = sorted({k >> SHIFT for k in new})
    countries = countries or {}
    unknown = [seq for seq in seqs if seq not in countries]
    if unknown:
        countries = {**countries, **sides_countries(conn, unknown)}
    tags = {seq: _tag_lexemes(countries.get(seq, ())) for seq in seqs}
    # `COPY`: a row-by-row INSERT … ON CONFLICT cost the server more than all the other tables'
    # COPY together
    insert_rows(conn, "mention_terms", ("event_seq", "crc", "terms"),
                [(k >> SHIFT, k & MASK, _tsvector(t) + tags.get(k >> SHIFT, ""))
                 for k, t in new.items()])


def _tag_lexemes(countries: Iterable[str]) -> str:
    """The tags of an event whose sides are of these countries (each one, each pair), as
    lexemes with no position to append to a ``tsvector``."""
    codes = sorted({c for c in countries if c and CODE.fullmatch(c)})
    tags = [tag(c) for c in codes] + [tag(a, b) for a, b in combinations(codes, 2)]
    return "".join(f" '{t}'" for t in tags)


def sides(actor_countries: str | None, recipient_countries: str | None) -> tuple[str, ...]:
    """The countries of an event's sides, from its ``*_countries`` columns."""
    return tuple(f"{actor_countries or ''},{recipient_countries or ''}".split(","))


def sides_countries(conn: Connection, seqs: Sequence[int]) -> dict[int, tuple[str, ...]]:
    """The countries of the stored events' sides."""
    out: dict[int, tuple[str, ...]] = {}
    for i in range(0, len(seqs), CHUNK):
        q = select(EVENTS.c.seq, EVENTS.c.actor_countries, EVENTS.c.recipient_countries).where(
            EVENTS.c.seq.in_(seqs[i : i + CHUNK]))
        for seq, a, r in conn.execute(q):
            out[seq] = sides(a, r)
    return out


def tag_countries(conn: Connection) -> None:
    """Tag the texts already indexed with their events' countries (a store made before the
    tags, on PostgreSQL): one pass over the events, in chunks."""
    if conn.dialect.name != "postgresql":
        return
    for rows in _chunks_by_key(conn, EVENTS.c.seq, EVENTS.c.actor_countries,
                               EVENTS.c.recipient_countries):
        lexemes = [(seq, t) for seq, a, r in rows if (t := _tag_lexemes(sides(a, r)))]
        if lexemes:
            conn.exec_driver_sql(
                "UPDATE mention_terms AS t SET terms = t.terms || v.tags::tsvector "
                "FROM unnest(%s::int4[], %s::text[]) AS v(seq, tags) WHERE t.event_seq = v.seq",
                ([seq for seq, _ in lexemes], [t for _, t in lexemes]))


def _chunks_by_key(conn: Connection, key: Any, *columns: Any) -> Iterator[Sequence[Row]]:
    """A whole table, CHUNK rows at a time in the order of its key (the first column)."""
    last = 0
    while rows := conn.execute(
            select(key, *columns).where(key > last).order_by(key).limit(CHUNK)).all():
        yield rows
        last = rows[-1][0]


def _indexed(conn: Connection, keys: list[int]) -> list[int]:
    """Those of ``keys`` (``event_seq << 32 | crc``) whose text is in the index already."""
    found: list[int] = []
    if conn.dialect.name == "sqlite":
        for i in range(0, len(keys), 500):
            chunk = keys[i : i + 500]
            marks = ",".join("?" * len(chunk))
            found += [k for (k,) in conn.exec_driver_sql(
                f"SELECT rowid FROM mention_search WHERE rowid IN ({marks})", tuple(chunk))]
        return found
    seqs = sorted({k >> SHIFT for k in keys})
    for i in range(0, len(seqs), CHUNK):
        found += [(seq << SHIFT) | crc for seq, crc in conn.exec_driver_sql(
            "SELECT event_seq, crc FROM mention_terms WHERE event_seq = ANY(%s)",
            (seqs[i : i + CHUNK],))]
    return found


def untag(conn: Connection) -> None:
    """Take the tags out of the index (the schema before them)."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(
            "UPDATE mention_terms SET terms = ts_delete(terms, ARRAY(SELECT t FROM "
            "unnest(tsvector_to_array(terms)) AS t WHERE left(t, 1) = '|'))")


def backfill(conn: Connection) -> None:
    """Index the mentions already stored (a store made before the index existed)."""
    for rows in _chunks_by_key(conn, EM.c.id, EM.c.event_seq, EM.c.text):
        index(conn, [(r[1], r[2] or "") for r in rows])


def _tsvector(text_: str) -> str:
    """The terms with their positions (1-based), in ``tsvector``'s input syntax."""
    at: dict[str, str] = {}
    for i, term in enumerate(terms(text_)[:MAX_POSITION], 1):
        got = at.get(term)  # each term's entry as a string at once: most have one position
        at[term] = f"'{term}':{i}" if got is None else f"{got},{i}"
    return " ".join(at.values())


def _tsquery(query: str) -> str:
    def phrase(ts: list[str], prefix: str | None) -> str:
        return "(" + " <-> ".join([f"'{t}'" for t in ts] + [f"'{prefix}':*"] * bool(prefix)) + ")"

    return " & ".join(phrase(*ts) for ts in _phrases(query))


def usable(query: str) -> bool:
    """Whether the index can narrow this query (else the caller scans the mentions)."""
    return bool(runs(query))


def exact(query: str) -> bool:
    """Whether the index alone answers the query, with no ``LIKE`` to check it."""
    return all(runs(w) == [w.lower()] for w in words(query))


def _fts_query(query: str) -> str:
    def phrase(ts: list[str], prefix: str | None) -> str:
        return '"' + " ".join(ts + [prefix] * bool(prefix)) + '"' + " *" * bool(prefix)

    return " AND ".join(phrase(*ts) for ts in _phrases(query))


def _phrases(query: str) -> list[tuple[list[str], str | None]]:
    return [_phrase(w) for w in words(query) if runs(w)]


def _phrase(word: str) -> tuple[list[str], str | None]:
    """The terms a text holding ``word`` has at consecutive positions: each run but the last
    whole (its last character, a term of its own, pins where the run ends), then the last
    run's bigrams, or its one character as the prefix of the next term. What stands between
    the runs (spaces, punctuation) the caller checks with ``LIKE``."""
    *whole, last = runs(word)
    terms_ = [t for run in whole for t in run_terms(run)]
    if len(last) == 1:
        return terms_, last
    return terms_ + run_terms(last)[:-1], None


def tag(*codes: str) -> str | None:
    """The tag of events with sides of this country, or of this pair (None: not a code)."""
    if not codes or not all(CODE.fullmatch(c) for c in codes):
        return None
    return "".join(f"|{c}" for c in sorted(codes))


def events(query: str, dialect: str, tagged: Sequence[str] = ()) -> Select:
    """The seqs of the events a text of which may hold ``query`` (exactly: see ``exact``).

    ``tagged``: tags (``tag``) that the events the caller wants all have, because it filters
    on their dyad or country; on PostgreSQL the index then finds only the texts tagged so."""
    if dialect == "sqlite":
        return select(FTS.c.rowid.op(">>")(SHIFT)).where(
            text("mention_search MATCH :fts")).params(fts=_fts_query(query))
    wanted = " & ".join([_tsquery(query), *(f"'{t}'" for t in tagged)])
    return select(TERMS.c.event_seq).where(
        TERMS.c.terms.op("@@")(cast(literal(wanted), postgresql.TSQUERY))
    )


