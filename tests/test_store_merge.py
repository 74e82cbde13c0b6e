"""Event identity across mentions (store/merge.py): pure functions, no database."""

from __future__ import annotations

import random

from conftest import CUB, RUS, RUS_GUEST, VNM, VNM_LEADER, record

from communique.store.merge import (
    Merger,
    When,
    date_distance,
    day_of_year,
    fold,
    merge_key,
    near_days,
    wants_of,
)


def _fold(*mentions):
    return fold(mentions)


def test_one_meeting_from_two_outlets_and_a_teaser_is_one_event():
    title = record(id="t", date=None, main=True, text="阮富仲同梅德韦杰夫举行会谈")
    body = record(id="b", date="2023-05-22")
    lead = record(id="l", date="2023-05-22")
    other_outlet = record(id="x", mode=None, cameo="040", actor=(VNM_LEADER, RUS_GUEST),
                          recipient=(), date="2023-05-23")
    teaser = record(id="z", mode="visit", cameo="043", actor=(VNM_LEADER,),
                    recipient=(RUS_GUEST,), date="2023-05-22")
    events = _fold(
        ("pageA", "pageA/0", title), ("pageA", "pageA/0", lead), ("pageA", "pageA/0", body),
        ("pageB", "pageB/0", other_outlet),
        ("pageC", "pageC/1", teaser),
    )
    assert len(events) == 1
    ev = events[0]
    assert (ev.n_mentions, ev.n_documents, ev.main) == (5, 3, True)
    assert ev.record["date"] == "2023-05-22"


def test_an_undated_title_follows_its_dated_body_into_an_earlier_event():
    title = record(id="t", date=None, main=True)
    events = _fold(("a", "a/0", record()), ("b", "b/0", title), ("b", "b/0", record(id="b")))
    assert len(events) == 1
    assert (events[0].n_mentions, events[0].n_documents, events[0].main) == (3, 2, True)


def test_same_people_days_apart_are_two_meetings():
    events = _fold(("a", "a/0", record(date="2023-05-22")), ("b", "b/0", record(date="2023-05-25")))
    assert len(events) == 2


def test_phone_call_and_meeting_on_one_day_stay_apart():
    call = record(mode="phone", medium="phone", cameo="041", date="2023-05-22")
    events = _fold(("a", "a/0", record(date="2023-05-22")), ("b", "b/0", call))
    assert len(events) == 2


def test_different_people_of_the_same_countries_stay_apart():
    pm = {**VNM_LEADER, "name": "范明政", "id": "person:范明政", "text": "范明政"}
    events = _fold(("a", "a/0", record()), ("b", "b/0", record(recipient=(pm,))))
    assert len(events) == 2


def test_direction_matters_for_support():
    praise = record(event="SUPPORT", actor=(VNM,), recipient=(CUB,))
    back = record(event="SUPPORT", actor=(CUB,), recipient=(VNM,))
    assert len(_fold(("a", "a/0", praise), ("b", "b/0", back))) == 2
    assert len(_fold(("a", "a/0", praise), ("b", "b/0", dict(praise)))) == 1


def test_signing_and_praise_between_the_same_sides_stay_apart():
    praise = record(event="SUPPORT", actor=(VNM,), recipient=(RUS,), cameo="051")
    signing = record(event="SUPPORT", actor=(VNM,), recipient=(RUS,), cameo="057")
    assert len(_fold(("a", "a/0", praise), ("a", "a/0", signing))) == 2


def test_inferred_year_merges_within_a_year_firm_years_do_not():
    inferred = record(date="2021-05-22", date_source="inferred")
    assert len(_fold(("a", "a/0", record(date="2020-05-22")), ("b", "b/0", inferred))) == 1
    firm = record(date="2021-05-22")
    assert len(_fold(("a", "a/0", record(date="2020-05-22")), ("b", "b/0", firm))) == 2


def test_a_date_without_year_merges_only_inside_its_own_part():
    md = record(date="--05-22")
    assert len(_fold(("a", "a/0", record()), ("a", "a/0", md))) == 1
    assert len(_fold(("a", "a/0", record()), ("b", "b/0", md))) == 2
    assert len(_fold(("a", "a/0", record()), ("a", "a/1", md))) == 2


def test_a_teaser_copied_under_two_pages_is_one_event_even_without_a_year():
    teaser = record(date="--01-27", text="1月27日下午,裴氏明怀会见了通伦·西苏里。")
    assert len(_fold(("a", "a/1", teaser), ("b", "b/2", dict(teaser)))) == 1
    other = dict(teaser, text="1月27日,裴氏明怀会见通伦·西苏里。")
    assert len(_fold(("a", "a/1", teaser), ("b", "b/2", other))) == 2


def test_an_undated_teaser_copied_under_two_pages_is_one_event():
    teaser = record(date=None, text="双方承诺继续培育越老关系,推动各领域合作迈向新台阶。")
    assert len(_fold(("a", "a/1", teaser), ("b", "b/2", dict(teaser)))) == 1
    other = dict(teaser, text="双方同意加强两国在国防领域的合作。")
    assert len(_fold(("a", "a/1", teaser), ("b", "b/2", other))) == 2
    dated = dict(teaser, date="--01-27")  # the same words, but one copy has a day: apart
    assert len(_fold(("a", "a/1", teaser), ("b", "b/2", dated))) == 2


def test_talks_of_unsaid_medium_join_the_video_call_of_their_article():
    call = record(mode="phone", medium="video", cameo="041")
    talks = record(id="2", mode=None, medium="in_person", cameo="040")
    assert len(_fold(("a", "a/0", call), ("a", "a/0", talks))) == 1
    assert len(_fold(("a", "a/0", call), ("b", "b/0", talks))) == 2


def test_neighbouring_days_across_a_month_or_year_end_are_found():
    for a, b in (("2023-12-31", "2024-01-01"), ("2023-02-28", "2023-03-01")):
        assert len(_fold(("a", "a/0", record(date=a)), ("b", "b/0", record(date=b)))) == 1


def test_merge_key_sides():
    visit = merge_key(record())
    talks = merge_key(record(actor=(VNM_LEADER, RUS_GUEST), recipient=()))
    assert visit == talks == "CONSULT|person:德米特里·梅德韦杰夫+person:阮富仲"
    assert merge_key(record(event="SUPPORT", actor=(VNM,), recipient=(CUB,))) == (
        "SUPPORT:051|country:VNM>country:CUB"
    )


def test_date_distance_edges():
    firm = When.parse("2023-12-31", "text")
    assert date_distance(firm, When.parse("2024-01-01", "text"), False) == 1
    assert date_distance(firm, When.parse("2024-01-02", "text"), False) is None
    assert date_distance(When.parse("2023-05"), When.parse("2023-05-22"), True) == 5
    assert date_distance(When.parse("2023-06"), When.parse("2023-05-22"), True) is None
    assert When.parse("2023-02-30").ordinal is None


class _EveryEvent(Merger):
    """The merge as it was before the index by part: every held event of the key is tried
    when a mention has no month and day, every one with no day otherwise."""

    def _candidates(self, key, when, part, text=None):
        doy = day_of_year(when)
        same_key = self.by_key.get(key, [])
        if doy is None:
            return same_key
        year = when.year
        near = [c for d in near_days(doy) for c in self._by_day.get((key, d), ())
                if year is None or c.when.year is None or abs(c.when.year - year) <= 1]
        return near + [c for c in same_key if day_of_year(c.when) is None]


def _merged(merger: Merger, mentions) -> list[tuple]:
    seen: dict[str, set[str]] = {}
    out = []
    for content_hash, part, rec in mentions:
        cluster, created = merger.add(rec, content_hash=content_hash, part=part,
                                      seen_in_document=seen.setdefault(content_hash, set()))
        out.append((cluster.id, created))
    events = [(c.id, c.n_mentions, c.n_documents, c.main, sorted(c.parts), c.record["date"])
              for cs in merger.by_key.values() for c in cs]
    return [out, sorted(events)]


def test_looking_only_inside_the_part_for_undated_events_changes_no_merge():
    rng = random.Random(3)
    dates = [None, "2023", "2023-05", "--05-22", "--05-23", "--02-30", "2023-05-22",
             "2023-05-23", "2022-05-22", "2024-05-21", "2023-02-30"]
    texts = ["5月22日,阮富仲会见梅德韦杰夫。", "阮富仲会见梅德韦杰夫。"]
    for _ in range(40):
        mentions = []
        for i in range(60):
            page = rng.choice("abcdef")
            date = rng.choice(dates)
            rec = record(id=str(i), date=date, main=rng.random() < 0.2,
                         date_source=rng.choice(["text", "inferred", "published"]) if date
                         else None,
                         medium=rng.choice(["in_person", "phone", None]),
                         mode=rng.choice(["visit", None]), text=rng.choice(texts),
                         recipient=rng.choice([(VNM_LEADER,), (VNM,)]))
            mentions.append((page, f"{page}/{rng.randrange(2)}", rec))
        assert _merged(Merger(lambda w: ()), mentions) == _merged(_EveryEvent(lambda w: ()),
                                                                  mentions)


def test_a_firm_date_wants_firm_events_a_day_around_and_inferred_ones_a_year_around():
    firm = When.parse("2023-05-22").ordinal
    wants = wants_of(record(date="2023-05-22", date_source="text"))
    assert {(w.lo - firm, w.hi - firm, w.inferred) for w in wants} == {(-1, 1, False),
                                                                       (-367, 367, True)}
    inferred = wants_of(record(date="2023-05-22", date_source="inferred"))
    assert {(w.lo - firm, w.hi - firm, w.inferred) for w in inferred} == {(-367, 367, False)}
    assert {(w.lo, w.inferred) for w in wants_of(record(date="--05-22"))} == {(None, False)}


def test_a_batch_numbers_its_new_events_as_first_reported_whatever_it_loaded():
    """Which stored events a batch loads (here one of the second meeting's sides, on another
    day) does not change the order in which its new events are numbered."""
    from communique.store.merge import Cluster

    second = record(actor=(RUS,), recipient=(CUB,), id="b")
    stored = Cluster(id="ev_old", key=merge_key(second), stored_record=dict(second),
                     when=When.parse("2023-05-21"), medium="in_person", stored=True,
                     dirty=False)
    for loaded in ([], [stored]):
        merger = Merger(lambda wants, loaded=loaded: loaded)
        mentions = [record(id="a"), dict(second, date="2023-05-30")]
        merger.prefetch(mentions)
        made = [merger.add(m, content_hash="p", part="p/0", seen_in_document=set())[0]
                for m in mentions]
        assert [c.id for c in merger.dirty()] == [c.id for c in made]
