"""Free-text search through the bigram index: it finds exactly what a scan of the evidence finds."""

from __future__ import annotations

import re

import pytest
from conftest import SAMPLE_DIR, downgrade
from sqlalchemy import func, select

from communique.store import open_store, search
from communique.store import queries as q
from communique.store import schema as s
from communique.store.ingest import ingest

EM = s.EventMention.__table__


def test_terms_are_bigrams_then_the_last_character_of_each_run():
    assert search.terms("越南总理会见ASEAN代表，并致辞。") == [
        "越南", "南总", "总理", "理会", "会见", "见a", "as", "se", "ea", "an", "n代", "代表", "表",
        "并致", "致辞", "辞",
    ]
    assert search.terms("“ 。") == []


def test_a_query_is_words_apart_and_phrases_in_quotes():
    assert search.words(" 越南\u3000合作 ") == ["越南", "合作"]
    assert search.words('"ASEAN Regional" 论坛') == ["ASEAN Regional", "论坛"]
    assert search.words("会谈 “越南 合作”") == ["会谈", "越南 合作"]
    assert search.words('"越南 合作') == ["越南 合作"]  # a quote left open runs to the end


@pytest.fixture
def samples(store):
    ingest(store, sorted(str(p) for p in SAMPLE_DIR.glob("*.txt")))
    return store


def _mentions(store) -> list[tuple[str, str]]:
    EV = s.Event.__table__
    with store.engine.connect() as conn:
        rows = conn.execute(select(EV.c.id, EM.c.text).join(EV, EV.c.seq == EM.c.event_seq))
        return [(r[0], r[1]) for r in rows]


def _queries(mentions: list[tuple[str, str]]) -> list[str]:
    """Pieces of the stored evidence of 1, 2, 3 and 6 characters, one across punctuation, and
    one that is nowhere."""
    texts = sorted({t for _, t in mentions if len(t) > 20})
    found = []
    for i, t in enumerate(texts[:: max(1, len(texts) // 6)]):
        at = (7 * i) % (len(t) - 8)
        found += [t[at], t[at : at + 2], t[at : at + 3], t[at : at + 6]]
    found += [m.group() for t in texts if (m := re.search(r"\w[、，,（(]\w", t))][:2]
    return found + ["没有这句话"]


@pytest.mark.parametrize("few, many, dense", [
    (q.FEW, q.MANY, q.DENSE),  # as shipped
    (0, q.MANY, 0),  # every text listed first, the walk checks each event against the list
    (0, q.MANY, 10**9),  # a page: a text in any of the first events walks and probes them
    (0, 0, 0),  # a text in too many events to list: the walk probes each
])
def test_free_text_finds_what_a_scan_of_the_evidence_finds(samples, monkeypatch, few, many,
                                                            dense):
    """On PostgreSQL a text within a dyad or country is listed from the index first, if it is
    in at most ``FEW`` events (the query reads those), or in at most ``MANY`` and not common
    among the first the walk reads (the walk checks the list); else the walk probes each event.
    Every way finds what a scan finds, and a page is the start of the whole list."""
    monkeypatch.setattr(q, "FEW", few)
    monkeypatch.setattr(q, "MANY", many)
    monkeypatch.setattr(q, "DENSE", dense)
    mentions = _mentions(samples)
    assert len(mentions) > 50
    for query in _queries(mentions):
        expected = {eid for eid, t in mentions if query in t}
        assert set(q.events(samples, text=query)["id"]) == expected, query
        # filters that drive the search (a dyad, a country) with the text checked on their events
        for within in ({"between": ("VNM", "CHN")}, {"country": "LAO"}, {"country": "VNM"}):
            kept = set(q.events(samples, **within)["id"])
            whole = q.events(samples, text=query, **within)["id"].tolist()
            assert set(whole) == expected & kept, (query, within)
            page = q.events(samples, text=query, limit=2, **within)["id"].tolist()
            assert page == whole[:2], (query, within)


def _tagged(store, word: str, *codes: str) -> set[int]:
    with store.engine.connect() as conn:
        return set(conn.scalars(search.events(word, store.dialect, [search.tag(*codes)])))


def _having(store, word: str, *codes: str) -> set[str]:
    """The events of a country (or of a pair of countries) with a text holding ``word``,
    found by a scan of the evidence."""
    flt = {"between": codes} if len(codes) == 2 else {"country": codes[0]}
    kept = set(q.events(store, **flt)["id"])
    return {eid for eid, text in _mentions(store) if word in text and eid in kept}


def _seqs(store, ids: set[str]) -> set[int]:
    EV = s.Event.__table__
    with store.engine.connect() as conn:
        return set(conn.scalars(select(EV.c.seq).where(EV.c.id.in_(sorted(ids)))))


def test_the_index_alone_finds_a_word_within_a_dyad_or_a_country(samples, store_url):
    """On PostgreSQL each indexed text carries its event's countries and pairs as tags, so the
    index answers a word within a dyad without probing the dyad's events; a store made before
    the tags gets them."""
    if samples.dialect != "postgresql":
        pytest.skip("SQLite's index has no tags: its search probes the dyad's events")
    cases = [("合作", "CHN", "VNM"), ("越南", "LAO", "VNM"), ("越南", "VNM"), ("俄罗斯", "RUS")]
    expected = {case: _seqs(samples, _having(samples, *case)) for case in cases}
    assert all(expected.values())
    for (word, *codes), seqs in expected.items():
        assert _tagged(samples, word, *codes) == seqs, (word, codes)
    assert _tagged(samples, "合作", "CHN", "LAO") == set()  # a pair the samples never have
    # the query reads the few events the index finds first, not the dyad's events one by one
    with samples.engine.connect() as conn:
        flt = q.EventFilter(text="合作", between=("VNM", "CHN")).resolved(conn)
        assert flt.text_seqs == tuple(sorted(expected[("合作", "CHN", "VNM")]))
        assert q.EventFilter(text="合作").resolved(conn).text_seqs is None  # nothing drives it
    downgrade(samples, store_url, "0007")
    with open_store(store_url, migrate_schema=False) as old:
        assert _tagged(old, "越南", "VNM") == set()
    with open_store(store_url) as again:
        for (word, *codes), seqs in expected.items():
            assert _tagged(again, word, *codes) == seqs, (word, codes)


def test_words_apart_must_all_be_in_one_text_and_a_quoted_phrase_stays_whole(samples):
    mentions = _mentions(samples)
    texts = sorted({t for _, t in mentions if len(t) > 20})
    narrower = 0
    for t in texts[:: max(1, len(texts) // 6)]:
        a, b, odd = t[3:5], t[-7:-5], t[8:11] + "，"  # the last: a word the index cannot end
        for query, need in ((f"{a} {b}", (a, b)), (f"  {b}\u3000{a} ", (a, b)),
                            (f"{a} {odd}", (a, odd))):
            expected = {eid for eid, text in mentions if all(w in text for w in need)}
            assert set(q.events(samples, text=query)["id"]) == expected, query
        both = {eid for eid, text in mentions if a in text and b in text}
        narrower += len(both) < len({eid for eid, text in mentions if a in text})
        phrase = f"{a} {b}"
        quoted = {eid for eid, text in mentions if phrase in text}
        assert set(q.events(samples, text=f'"{phrase}"')["id"]) == quoted
        assert set(q.events(samples, text=f"“{phrase}”")["id"]) == quoted
    assert narrower  # the words are not each enough alone
    # words across punctuation: the index matches their runs in order, LIKE the rest
    across = [m.group() for t in texts if (m := re.search(r"\w\w\w?[、，,（(]\w\w\w?", t))]
    assert len(across) >= 3
    for word in across[:: max(1, len(across) // 4)]:
        expected = {eid for eid, text in mentions if word in text}
        assert expected and set(q.events(samples, text=word)["id"]) == expected, word


def test_the_index_narrows_a_rare_word_to_few_mentions(samples):
    mentions = _mentions(samples)
    word = "会谈"
    with samples.engine.connect() as conn:
        got = list(conn.scalars(search.events(word, samples.dialect)))
        total = conn.scalar(select(func.count()).select_from(EM))
        having = set(conn.scalars(select(EM.c.event_seq).where(EM.c.text.contains(word))))
    assert having and having == set(got)  # one word (one run): the index is exact
    assert len(got) < total / 2
    assert sum(word in t for _, t in mentions) >= len(having)


def test_the_index_keeps_each_text_of_an_event_once(samples):
    table = "mention_search" if samples.dialect == "sqlite" else "mention_terms"
    with samples.engine.connect() as conn:
        pairs = set(conn.execute(select(EM.c.event_seq, EM.c.text)).all())
        mentions = conn.scalar(select(func.count()).select_from(EM))
        entries = conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar()
    assert entries == len(pairs) < mentions  # the samples repeat sentences (title, lead, body)


def test_a_store_made_before_the_index_gets_it_filled(samples, store_url):
    before = set(q.events(samples, text="越南")["id"])
    downgrade(samples, store_url, "0002")
    with open_store(store_url) as again:
        assert set(q.events(again, text="越南")["id"]) == before
        with again.engine.connect() as conn:
            assert len(set(conn.scalars(search.events("越南", again.dialect)))) > 10


def test_a_store_made_before_actor_rows_had_types_gets_them(samples, store_url):
    """Migration 0004 copies each event's type into its actor rows."""
    before = q.events(samples, country="VNM", event="CONSULT")["id"].tolist()
    downgrade(samples, store_url, "0003")
    with open_store(store_url) as again, again.engine.connect() as conn:
        assert conn.exec_driver_sql(
            "SELECT count(*) FROM event_actors EA JOIN events EV ON EV.seq = EA.event_seq "
            "WHERE EA.event IS NULL OR EA.event <> EV.event").scalar() == 0
        assert before and q.events(again, country="VNM", event="CONSULT")["id"].tolist() == before


@pytest.mark.parametrize("word", ["越南", "会谈", "国防部", "表示"])
def test_a_frequent_word_read_along_the_dates_gives_the_same_page(samples, monkeypatch, word):
    """When the count finds the word in many events, the web list reads events in date order
    and looks each up in the index's set: the same events, in the same order, as sorting the
    set's events."""
    from dataclasses import replace

    from communique.web import data

    flt = q.EventFilter(text=word)
    whole = q.events(samples, flt)["id"].tolist()
    assert whole and q.events(samples, replace(flt, frequent_text=True))["id"].tolist() == whole
    monkeypatch.setattr(data, "COUNT_FIRST", 1)  # every word with two events counts as frequent
    for descending in (False, True):
        page = data.list_events(samples, flt, limit=3, descending=descending)
        expected = whole[::-1][:3] if descending else whole[:3]
        assert [e["id"] for e in page["items"]] == expected
