"""From coded events to records: dates, contexts, scores, places, the headline, one per event.

Repeats of one event in a page (title, lead, body) are kept once; only interactions between
two political entities of different countries (or with an international organisation) are
events in this genre's sense: a minister inspecting a brigade is domestic news.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace
from functools import cache

from communique.entities.gazetteer import gazetteer
from communique.events.coder import Found
from communique.events.grammar import ATTENDS, RECAP
from communique.events.lexicon import lexicon
from communique.knowledge import read_table
from communique.model import DateValue, Event, Location, Page, Span

# `…将访问加蓬、埃及，并访问阿盟总部`: the rest of one announced journey
ITINERARY_GOES_ON = re.compile(r"[，,]\s*(?:并|还)将?\s*$")
PLACE_RE = re.compile(r"在([^,，。；]{2,12}?)(?:会见|会谈|举行|出席|访问|期间|表示|举办|召开|主持)")


def assemble(
    page: Page,
    found: list[Found],
    date_of: Callable[[Found], DateValue],
    places: dict[str, tuple[str, str | None]],
) -> tuple[Event, ...]:
    """Records of one page, in text order, each event once; ``date_of`` dates a coded event."""
    lex = lexicon()
    kept = [f for f in found if _international(f)]
    main = _headline(page, kept)
    events: dict[tuple, Event] = {}
    for f in kept:
        date = date_of(f)
        key = _key(f, date)
        is_main = main is not None and _key(main, date_of(main)) == key
        held = events.pop(key, None)
        if held is not None and (not _in_title(page, held.span[0])
                                 or _in_title(page, f.sentence[0])):
            events[key] = _with_main(held) if is_main else held
            continue
        paragraph = _paragraph(page, f.sentence)
        context = ("diplomatic", *lex.contexts_of(page.text[paragraph[0] : paragraph[1]]))
        is_main = is_main or (held is not None and held.main)  # the body tells the title's event
        events[key] = Event(
            id=_event_id(page.doc_id, f, date),
            doc_id=page.doc_id,
            part=page.part,
            event=f.event,
            mode=f.mode,
            medium=f.medium,
            context=context,
            cameo=f.cameo,
            score=lex.scores.get(f.cameo, 0.0),
            actor=f.actor,
            recipient=f.recipient,
            date=date,
            location=_location(page, f.sentence, places, _host(f)),
            text=page.text[f.sentence[0] : f.sentence[1]],
            span=f.sentence,
            trigger=f.span,
            confidence=max(0.3, min(0.95, f.confidence - _unknown_penalty(f))),
            main=is_main,
        )
    events_ = _without_remarks(page, _share_years(list(events.values())))
    events_ = _fold_each_apart(_fold_itinerary(page, events_))
    return _fold_meetings(_fold_headline(page, _fold_generic(events_)))


def _without_remarks(page: Page, events: list[Event]) -> list[Event]:
    """`…召回驻美国和澳大利亚大使。这是法国历史上首次召回驻美国大使`: a remark counting an act
    told before it is that act (it has given the page its year, `_share_years`), not another."""
    out: list[Event] = []
    for ev in events:
        told = next((i for i in reversed(range(len(out))) if out[i].event == ev.event
                     and _countries(out[i].actor) & _countries(ev.actor)), None)  # the last told
        if told is None or not RECAP.match(page.text, ev.span[0], ev.trigger[0]):
            out.append(ev)
            continue
        # `…中马泰联合演习…开幕。这是中国、马来西亚、泰国三国军队首次…`: the parties it names
        # that the act's own sentence left out are the act's too
        o = out[told]
        have = _countries(o.actor) | _countries(o.recipient)
        out[told] = replace(o, actor=o.actor + tuple(e for e in ev.actor if e.country not in have),
                            recipient=o.recipient + tuple(e for e in ev.recipient
                                                          if e.country not in have))
    return out


def _fold_itinerary(page: Page, events: list[Event]) -> list[Event]:
    """`秦刚将访问加蓬、安哥拉、贝宁和埃及，并访问阿拉伯国家联盟总部`: one announced journey, told
    in two clauses of one sentence, is one plan to visit every place it names."""
    out: list[Event] = []
    for ev in events:
        last = out[-1] if out else None
        if (last is not None and ev.event == last.event == "AGREE" and ev.cameo == last.cameo
                and ev.span == last.span and _ids(ev.actor) == _ids(last.actor)
                and ev.date == last.date and last.trigger[1] <= ev.trigger[0]
                and not any(e.name for e in (*last.recipient, *ev.recipient))  # places, not people
                and not ATTENDS.match(page.text, ev.trigger[0])  # `访华，并出席…博览会`
                and ITINERARY_GOES_ON.search(page.text[last.span[0] : ev.trigger[0]])):
            known = _ids(last.recipient)
            more = tuple(e for e in ev.recipient if e.id not in known)
            out[-1] = replace(last, recipient=last.recipient + more, main=last.main or ev.main)
            continue
        out.append(ev)
    return out


def _fold_each_apart(events: list[Event]) -> list[Event]:
    """`巴西和荷兰召回驻印尼大使 1月18日，巴西和荷兰分别宣布召回…`: an act told of two parties
    together and of each apart in one sentence is the acts apart."""
    apart: dict[tuple, list[frozenset[str]]] = defaultdict(list)
    for ev in events:
        if ev.event != "CONSULT" and len(ev.actor) == 1:
            apart[(ev.span, ev.event, _ids(ev.recipient), ev.date.value)].append(_ids(ev.actor))
    drop: set[int] = set()
    heads: set[int] = set()
    for i, ev in enumerate(events):
        key = (ev.span, ev.event, _ids(ev.recipient), ev.date.value)
        each = apart.get(key, [])
        if len(ev.actor) > 1 and len(each) > 1 and frozenset().union(*each) == _ids(ev.actor):
            drop.add(i)
            if ev.main:  # the first act apart heads the page instead
                heads.add(next(j for j, o in enumerate(events) if len(o.actor) == 1 and (
                    o.span, o.event, _ids(o.recipient), o.date.value) == key))
    return _kept(events, drop, heads)


def _fold_generic(events: list[Event]) -> list[Event]:
    """`中国海警船"故意撞击"菲方船只，…并指责中方的行动`: one speaker's one charge against one
    party, named once by its body and once as `中方`, is one event, told by the body."""
    groups: dict[tuple, list[int]] = defaultdict(list)
    for i, ev in enumerate(events):
        if ev.event != "CONSULT" and ev.recipient:
            groups[(ev.span, ev.event, _ids(ev.actor), _countries(ev.recipient))].append(i)
    drop: set[int] = set()
    heads: set[int] = set()
    for members in groups.values():
        told = [i for i in members if any(e.kind != "country" for e in events[i].recipient)]
        if not told:
            continue
        for i in members:
            if i not in told:
                drop.add(i)
                if events[i].main:
                    heads.add(told[0])
    return _kept(events, drop, heads)


def _kept(events: list[Event] | tuple[Event, ...], drop: set[int], heads: set[int]
          ) -> list[Event]:
    """``events`` without those at ``drop``, those at ``heads`` made the headline."""
    return [_with_main(ev) if i in heads and not ev.main else ev
            for i, ev in enumerate(events) if i not in drop]


def _countries(side: tuple) -> frozenset[str | None]:
    return frozenset(e.country for e in side)


def _ids(side: tuple) -> frozenset[str]:
    return frozenset(e.id for e in side)


def _share_years(events: list[Event]) -> list[Event]:
    """An event dated `--06-20` in a page where another event of 06-20 has its year printed
    (`这是中国政府2021年首次…`) happened that year too."""
    years = {ev.date.value[5:]: ev.date for ev in events
             if ev.date.value and len(ev.date.value) == 10 and ev.date.value[4] == "-"
             and ev.date.source == "text"}
    out = []
    for ev in events:
        v = ev.date.value
        dated = years.get(v[2:]) if v and v.startswith("--") else None
        if dated is not None:
            ev = replace(ev, date=replace(dated, span=dated.span))
        out.append(ev)
    return out


def _fold_headline(page: Page, events: list[Event]) -> tuple[Event, ...]:
    """A title repeats an event the body tells with more detail (the mode from `在河内`, the
    full names): keep the body's record, marked as the headline."""
    if not page.title_span:
        return tuple(events)
    ts, te = page.title_span
    out = list(events)
    for ev in events:
        if not ts <= ev.span[0] < te:
            continue
        body = [b for b in out if not ts <= b.span[0] < te]
        # a title has no date of its own but the lead's: a twin a day off is the same event
        dated_in_title = ev.date.span is not None and ts <= ev.date.span[0] < te
        # (a plan the body dates to its planned day is the title's plan whatever the day)
        sides = [b for b in body if _same_sides(ev, b)] or [
            b for b in body if not dated_in_title and _same_sides(ev, b, near=True)
            and (_near_days(ev.date.value, b.date.value, 1) or ev.event == b.event == "AGREE")]
        if not sides and not dated_in_title:
            # the lead's day is another story's (`美国代表团赶赴所罗门群岛` over a briefing of the
            # 19th; the delegation arrived on the 22nd): the body's twin of one day that week
            week = [b for b in body if _same_sides(ev, b, near=True)
                    and _ids((*ev.actor, *ev.recipient)) <= _ids((*b.actor, *b.recipient))]
            sides = week if len({b.date.value for b in week}) == 1 else []
        # a statement's mode is the headline's words (`坚决反对`); a meeting's, the body's place
        same_mode = [b for b in sides if b.mode == ev.mode and ev.event != "CONSULT"]
        twin = next(iter(same_mode + sides), None) or next(
            (b for b in body if ev.event == "AID" and b.event == "AGREE"
             and _same_sides(ev, b, any_type=True)), None)
        # `日本援助越南` over `日本政府宣布向越南提供…援助`: the headline tells a pledge as done
        if twin is not None:
            out[out.index(twin)] = replace(twin, main=twin.main or ev.main)
            out.remove(ev)
    return tuple(out)


def _in_title(page: Page, at: int) -> bool:
    return page.title_span is not None and page.title_span[0] <= at < page.title_span[1]


def _fold_meetings(events: tuple[Event, ...]) -> tuple[Event, ...]:
    """One meeting told twice is one event:
    - attending a meeting (`王毅出席澜湄合作外长会`) and chairing it with others the same day
      (`王毅同泰国外长共同主持…外长会`): the one with more of its parties;
    - a meeting told without its setting (`这是朴振与王毅时隔11个月再次会面`) and with it the
      same day (`在雅加达与王毅举行会谈`): the one with the setting.
    Indexed by sides, so that a page of thousands of meetings stays linear."""
    settled: dict[frozenset[str], list[int]] = defaultdict(list)
    by_recipient: dict[frozenset[str], list[int]] = defaultdict(list)
    for i, o in enumerate(events):
        if _attended(o):
            by_recipient[_ids(o.recipient)].append(i)
        if o.event == "CONSULT" and o.mode is not None:
            settled[_people(o)].append(i)
    drop: set[int] = set()
    heads: set[int] = set()
    for i, ev in enumerate(events):
        if _attended(ev):
            met = [j for j in by_recipient.get(_ids(ev.recipient), ()) if j != i and j not in drop
                   and _ids(ev.actor) < _ids(events[j].actor)
                   and _same_day(events[j].date.value, ev.date.value)]
        elif ev.event == "CONSULT" and ev.mode is None:
            met = [j for j in settled.get(_people(ev), ())
                   if j not in drop and j != i and _same_day(events[j].date.value, ev.date.value)]
        else:
            continue
        if met:
            if ev.main and not any(events[j].main or j in heads for j in met):
                heads.add(met[0])
            drop.add(i)
    return tuple(_kept(events, drop, heads))


def _attended(ev: Event) -> bool:
    return ev.event == "CONSULT" and ev.mode == "multilateral" and bool(ev.recipient)


def _people(ev: Event) -> frozenset[str]:
    return frozenset(e.id for e in (*ev.actor, *ev.recipient))


def _same_sides(a: Event, b: Event, any_type: bool = False, near: bool = False) -> bool:
    same_time = _near_days if near else _same_day
    if (a.event != b.event and not any_type) or not same_time(a.date.value, b.date.value):
        return False
    ca = {e.country for e in a.actor}, {e.country for e in a.recipient}
    cb = {e.country for e in b.actor}, {e.country for e in b.recipient}
    if a.event in ("CONSULT", "AGREE") or any_type:
        return ca[0] | ca[1] == cb[0] | cb[1]
    return ca == cb


def _international(f: Found) -> bool:
    actor = {e.country for e in f.actor if e.country}
    recipient = {e.country for e in f.recipient if e.country}
    if f.recipient and {_state(c) for c in actor} == {_state(c) for c in recipient} != {"IGO"}:
        return False  # `李克强…在澳门出席…开幕式`: a state and its own territory
    if not actor:
        return False
    if actor == recipient == {"IGO"}:  # `欧盟—东盟纪念峰会`: two organisations, if not one
        return {e.id for e in f.actor} != {e.id for e in f.recipient}
    if f.recipient and (not recipient or recipient <= actor and actor <= recipient):
        return False
    # `东盟领导人签署《吉隆坡宣言》`: what an organisation of states signs is international
    return len(actor | recipient) >= 2 or (actor == {"IGO"} and "签" in f.trigger.word)


@cache
def _territories() -> dict[str, str]:
    return {r["territory"] or "": r["state"] or "" for r in read_table("territories")}


def _state(country: str) -> str:
    return _territories().get(country, country)


def _headline(page: Page, found: list[Found]) -> Found | None:
    """The event the page is about: the first coded in the title, else in the first paragraph."""
    if not found:
        return None
    spans = [page.title_span] if page.title_span else []
    spans += list(page.paragraphs[:2])
    for s, e in spans:
        inside = [f for f in found if s <= f.span[0] < e]
        if inside:
            consults = [f for f in inside if f.event == "CONSULT"]
            return (consults or inside)[0]
    return found[0]


def _key(f: Found, date: DateValue) -> tuple:
    """One meeting told several times is one event; each statement made in it is its own."""
    return (
        f.event,
        f.mode,
        frozenset(e.id for e in f.actor),
        frozenset(e.id for e in f.recipient),
        date.value,
        None if f.event == "CONSULT" else f.sentence,
    )


def _with_main(ev: Event) -> Event:
    return replace(ev, main=True)


def _same_day(a: str | None, b: str | None) -> bool:
    """`--12-03` in a title and `2019-12-03` in the body are one day."""
    if a == b:
        return True
    if not a or not b:
        return False
    if a.startswith("--") or b.startswith("--"):
        return a[-6:] == b[-6:] and len(a) >= 7 and len(b) >= 7
    return False


def _near_days(a: str | None, b: str | None, days: int = 7) -> bool:
    """Within a visit's week: `2024-06-19` and `--06-20`; a month alone is near its days."""
    if not a or not b:
        return True
    (ma, da), (mb, db) = (_month_and_day(v) for v in (a, b))
    if ma is None or mb is None:
        return True
    if da is None or db is None:
        return ma == mb
    return abs((ma * 31 + da) - (mb * 31 + db)) <= days


def _month_and_day(value: str) -> tuple[int | None, int | None]:
    parts = value.lstrip("-").split("-")
    if value.startswith("--"):
        return int(parts[0]), int(parts[1])
    return (int(parts[1]) if len(parts) > 1 else None, int(parts[2]) if len(parts) > 2 else None)


def _paragraph(page: Page, sentence: Span) -> Span:
    i = bisect.bisect_right(page.paragraphs, (sentence[0], len(page.text) + 1)) - 1
    if i >= 0 and page.paragraphs[i][0] <= sentence[0] < page.paragraphs[i][1]:
        return page.paragraphs[i]
    return sentence


def _location(page: Page, sentence: Span, places: dict[str, tuple[str, str | None]],
              host: str | None = None) -> Location | None:
    m = PLACE_RE.search(page.text, sentence[0], sentence[1])
    if m:
        words = m.group(1)
        hit = next((h for h in gazetteer().find(words) if h.kind in ("place", "country")), None)
        if hit is not None:
            place = hit.name if hit.kind == "place" else None
            return Location(words, place, hit.country, (m.start(1), m.end(1)))
        return Location(words, None, None, (m.start(1), m.end(1)))
    dl = page.dateline
    if dl is not None and dl.place and host is not None:
        country = places.get(dl.place, (dl.place, None))[1]
        if country == host:  # the dateline is where the report was filed: the event's place
            return Location(dl.place, dl.place, country, None)  # only when the host is there
    return None


def _host(f: Found) -> str | None:
    """The country a visit was made to, where the event has one."""
    if f.mode != "visit":
        return None
    return next((e.country for e in f.recipient if e.country), None)


def _unknown_penalty(f: Found) -> float:
    unknown = sum(1 for e in (*f.actor, *f.recipient) if e.kind == "person" and not e.known)
    return 0.05 * min(unknown, 2)


def _event_id(doc_id: str, f: Found, date: DateValue) -> str:
    sides = "|".join(sorted(e.id for e in f.actor)) + ">" + "|".join(sorted(e.id for e in f.recipient))
    raw = f"{doc_id}\t{f.event}\t{f.mode}\t{sides}\t{date.value}\t{f.span[0]}"
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]

