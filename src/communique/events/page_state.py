"""What the coder knows of a page while it codes it: the text, its entities, sentences,
clauses and triggers, the page frame, and the side helpers every frame handler uses."""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field

from communique.entities.gazetteer import Hit, gazetteer
from communique.entities.recognise import Recognised, both_mentions
from communique.events.grammar import (
    ANAPHORA,
    ATTENDS,
    GONE_TO,
    GOVERNING,
    IDIOMS,
    PROVINCE_ENDINGS,
    QUESTION,
    SAYING,
    SIDELINES,
    TITLE_GAP,
)
from communique.events.lexicon import GAP, Trigger, TriggerHit, lexicon
from communique.events.sides import Clause, Side
from communique.model import Entity, Span
from communique.text import clause_spans, sentence_spans

# `两国总理`, `两国贸易部长`: the two countries' holders of a title
TWO_TITLED = re.compile(r"两国[\u4e00-\u9fff]{0,4}?(部长|外长|防长|总理|总统|议长)")
DURING_VISIT = re.compile(r"访[^，,。；;]{0,6}期间")  # `访问期间`, `访华期间`
HEADS = ("两国元首", "两国领导人", "两位领导人", "两国总统", "两国总理", "两国首脑")
VENUE_WORDS = re.compile(r"(?:峰会|会议|论坛|大会|博览会|对话会)[^。]{0,30}?(?:开幕|闭幕|举行|召开|举办)|"
                         r"(?:开幕|举行|召开|举办)[^。]{0,20}?(?:峰会|会议|论坛|大会|博览会|对话会)|"
                         r"在[^。，,]{1,12}?出席[^。，,]{0,30}?(?:峰会|会议|论坛|大会|对话会)")
PUNCTUATION = re.compile(r"[，,。；;：:、（）()]")
COMMA_OR_STOP = re.compile(r"[，,。；;]")
SEPARATELY = re.compile(r"分别(?:向|对|为|给|同|与)")


@dataclass
class Found:
    """An event before dates and records: its trigger, sides and sentence."""

    trigger: Trigger
    span: Span  # the trigger words
    sentence: Span
    event: str
    mode: str | None
    medium: str | None
    cameo: str
    actor: tuple[Entity, ...]
    recipient: tuple[Entity, ...]
    confidence: float


@dataclass
class PageFrame:
    """What the whole page tells about the interaction it reports."""

    visitors: set[str] = field(default_factory=set)  # countries of visiting sides
    hosts: set[str] = field(default_factory=set)
    participants: tuple[Entity, ...] = ()
    medium: str | None = None
    organisers: tuple[Entity, ...] = ()
    multilateral: bool = False  # the main event is a summit or conference attended
    organiser_phrase: re.Match[str] | None = None  # `由…主办`, the first on the page


class PageState:
    """The page being coded, and what the coding has learnt of it so far."""

    def __init__(self, text: str, rec: Recognised, body: Span, skip: tuple[Span, ...]) -> None:
        self.text = text
        self.body = body
        idioms = tuple((m.start(), m.end()) for m in IDIOMS.finditer(text, body[0], body[1]))
        self.triggers = _free_triggers(lexicon().find(text, body[0], body[1]), rec,
                                       skip + idioms)
        self.trigger_starts = [t.start for t in self.triggers]
        self.clause = Clause(text, _with_pairs(rec), both_mentions(text, body[0], body[1]),
                             self.trigger_starts)
        self.pairs = rec.pairs
        self.places = rec.places
        self.place_starts = [p.start for p in rec.places]
        self._clauses: dict[Span, list[Span]] = {}
        self._no_act: dict[Span, int] = {}  # frames._no_act_from, per sentence
        self.last_recipient: tuple[Entity, ...] = ()
        self.last_recipient_in: Span | None = None  # the sentence that named it
        self.recent: tuple[Entity, ...] = ()  # the sides of the meeting last named
        self.recent_at = -1  # where it was named
        # where each journalist's question opens, after its `问：`/`法新社记者：`
        self.questions = [m.end() for m in QUESTION.finditer(text, body[0], body[1])]
        self.qa = bool(self.questions)
        self.sidelines = bool(SIDELINES.search(text, body[0], body[1]))
        self.frame = PageFrame()
        self.sentences = [_past(sent, skip) for sent in sentence_spans(text, body[0], body[1])]
        self.sentence_starts = [sent[0] for sent in self.sentences]

    @property
    def summit(self) -> bool:
        """The page reports a summit attended: its other meetings are on the sidelines."""
        return self.frame.multilateral

    @functools.cached_property
    def spokesperson(self) -> Entity | None:
        """Who answers at a press conference (`外交部发言人毛宁主持例行记者会`): the person the
        first line names, else the spokesperson named last before the first question
        (`商务部新闻发言人束珏婷当天在例行新闻发布会上回答了记者提问。`)."""
        if not self.qa:
            return None
        end = self.text.find("\n", self.body[0])
        people = [e for e in self.clause.within(self.body[0], end if end >= 0 else self.body[1])
                  if e.kind == "person" and e.country]
        if people:
            return people[0]
        asked = QUESTION.search(self.text, self.body[0], self.body[1])
        named = [e for e in self.clause.within(self.body[0], asked.start() if asked else 0)
                 if e.kind == "person" and e.country and "发言人" in e.text]
        return named[-1] if named else None

    @functools.cached_property
    def venue(self) -> str | None:
        """The country where the page's conference is held (`大会在印度尼西亚首都雅加达开幕`)."""
        for sent in self.sentences:
            if VENUE_WORDS.search(self.text, sent[0], sent[1]):
                place = self._place_country(sent, sent[1])
                if place:
                    return place
        return None

    def clauses(self, sent: Span) -> list[Span]:
        found = self._clauses.get(sent)
        if found is None:
            found = self._clauses[sent] = [
                part for cl in clause_spans(self.text, sent[0], sent[1]) for part in self._gaps(cl)]
        return found

    def _gaps(self, cl: Span) -> list[Span]:
        """`韩美日外长谴责朝鲜… 朴振与王毅举行会谈`: a space between Chinese words joins two
        headlines in one title line."""
        cuts = [m.start() for m in TITLE_GAP.finditer(self.text, cl[0], cl[1])]
        if not cuts:
            return [cl]
        bounds = [cl[0], *cuts, cl[1]]
        return [(a if i == 0 else a + 1, b) for i, (a, b) in enumerate(zip(bounds, bounds[1:], strict=False))
                if b > a + 1]

    def _found(self, hit: TriggerHit, sent: Span, actor: Side, recipient: Side,
               confidence: float = 0.85, **kw: str | None) -> list[Found]:
        t = hit.trigger
        event = kw.get("event") or t.event
        a, r = _distinct(self._resolve(actor)), _distinct(self._resolve(recipient))
        if not a:
            return []
        told = {e.country for e in r}
        if event not in ("CONSULT", "AGREE", "COOPERATE") and told and (
                told < {e.country for e in a}):
            a = tuple(e for e in a if e.country not in told)  # `马克龙与习近平…，希望中国…`
        own = {e.country for e in a}
        r = tuple(e for e in r if e.country not in own) or r
        if r:
            self.last_recipient, self.last_recipient_in = r, sent
        each: list[tuple[Entity, ...]] = [r]
        if event != "CONSULT" and len({e.country for e in r}) > 1 and SEPARATELY.search(
                self.text, sent[0], hit.start):
            # `分别向老挝和柬埔寨提供…援助`: one act for each (SPEC: `分别` makes one event each)
            each = [tuple(e for e in r if e.country == c) for c in dict.fromkeys(e.country for e in r)]
        return [Found(t, (hit.start, hit.end), sent, event,
                      kw["mode"] if "mode" in kw else t.mode, kw.get("medium") or t.medium,
                      kw.get("cameo") or t.cameo, a, one, confidence) for one in each]

    def _subject_before(self, cl: Span, sent: Span, not_the_speakers: bool = True) -> Side:
        """`菲4410船无视…，以危险方式蓄意冲撞…`: a clause without a subject goes on from the
        nearest clause before that has one (for a charge, not the speaker's)."""
        says = self._speaker_before(cl[0], set()).countries if not_the_speakers else set()
        for cs, ce in reversed([c for c in self.clauses(sent) if c[1] <= cl[0]]):
            colon = max(self.text.rfind("：", cs, ce), self.text.rfind(":", cs, ce))
            subj = self.clause.subject(colon + 1 if colon >= 0 else cs, ce)  # `宣布：X…`
            if subj.span and colon < 0 and GOVERNING.search(self.text, cs, subj.span[0]):
                continue  # `宣布允许台湾当局…设立代表处`: whom the act lets, not who acts
            if subj and not subj.both and not subj.countries & says:
                return subj
        return Side()

    def _speaker_before(self, at: int, not_in: set[str]) -> Side:
        """Who speaks: the last person or side of another country named in the paragraph before
        ``at`` and followed by a verb of saying."""
        floor = self.text.rfind("\n", self.body[0], at) + 1
        for e in reversed(self.clause.within(floor, at)):
            if e.country and e.country not in not_in and SAYING.match(self.text, e.span[1]):
                return Side((e,), span=e.span)
        return Side()

    def _country_in(self, start: int, end: int) -> Side:
        """The first country named in ``[start, end)`` with those listed with it, else the
        country of the first place named there (`抵达吉隆坡`), as a party."""
        named = [e for e in self.clause.within(start, end) if e.kind == "country"]
        if named:  # `前往马来西亚、老挝、泰国、新加坡访问`: every country of the list
            listed = [e for e in self.clause.group_from(named) if e.kind == "country"]
            return Side(tuple(listed or named[:1]))
        i = bisect.bisect_left(self.place_starts, start)
        if i == len(self.places) or self.places[i].end > end or not self.places[i].country:
            return Side()
        p = self.places[i]
        return Side((Entity.of_country(self.text[p.start : p.end], (p.start, p.end), p.country),))

    def _leg_of_visit(self, place: Side, subj: Side, sent: Span, at: int) -> bool:
        """A place of the country visited, named as a place (`云南省`) where the sentence is
        told as during the visit (`访问期间，…还将前往云南省参观访问`)."""
        return (DURING_VISIT.search(self.text, sent[0], at) is not None and bool(place.countries)
                and place.countries <= self.frame.hosts - subj.countries
                and all(gazetteer().leading(e.text, "country") is None for e in place.entities))

    def _destination(self, start: int, end: int) -> Side:
        """Where ``[start, end)`` says someone or something goes (`前往土耳其灾区`, `运抵汤加`):
        the country after its first word of going."""
        went = GONE_TO.search(self.text, start, end)
        return self._country_in(went.end(), end) if went else Side()

    def _destinations(self, start: int, end: int) -> list[Side]:
        """Every country ``[start, end)`` says someone goes to, in order (`将前往胡志明市，并于
        30日转往柬埔寨金边访问`)."""
        out: list[Side] = []
        for went in GONE_TO.finditer(self.text, start, end):
            stop = COMMA_OR_STOP.search(self.text, went.end(), end)
            leg = (went.end(), stop.start() if stop else end)
            if ATTENDS.search(self.text, *leg):
                continue  # `随后赴印度果阿出席金砖国家…会晤`: gone to a summit, its own plan
            side = self._country_in(*leg)
            if side and not any(side.countries == o.countries for o in out):
                out.append(side)
        return out

    def _place_country(self, sent: Span, before: int) -> str | None:
        """`在华盛顿举行会谈`: the country of the place where a meeting is held."""
        i = bisect.bisect_left(self.place_starts, sent[0])
        while i < len(self.places) and self.places[i].start < before:
            p = self.places[i]
            at = self.text.rfind("在", sent[0], p.start)
            if at >= p.start - 3 or at >= 0 and any(  # `在印度尼西亚(首都)雅加达`
                    e.span[0] == at + 1 and e.country == p.country and p.start - e.span[1] <= 6
                    and not PUNCTUATION.search(self.text, e.span[1], p.start)
                    for e in self.clause.within(at + 1, p.start)):
                return p.country
            i += 1
        for e in self.clause.within(sent[0], before):  # `在秘鲁首都利马`, a city not listed
            if (e.kind == "country" and self.text[e.span[0] - 1 : e.span[0]] == "在"
                    and self.text.startswith(("首都", "首府", "的首都"), e.span[1])):
                return e.country
            if (e.kind == "country" and self.text[e.span[0] - 1 : e.span[0]] == "在"
                    and self.text.startswith(("与", "同", "和", "会见", "会晤", "举行", "出席"),
                                             e.span[1])):
                return e.country  # `在新加坡与总理李显龙会面`, `在新加坡出席…对话会`: a city-state,
                # or a country named
        return None

    # --- sides --------------------------------------------------------------------------------

    def _counterpart(self, side: Side, at: int | None = None) -> Side:
        """The other side of the page's main interaction, for a statement that names no one;
        without one, the nearest foreign party named before (`菲律宾…。中方对此表示…`)."""
        if side.both:
            return Side()
        own = side.countries
        # the meeting told last, if the side took part in it (`双方`, its content), else the
        # page's main interaction
        recent = self.recent if own & {e.country for e in self.recent} else ()
        other = tuple(e for e in recent or self.frame.participants
                      if e.country and e.country not in own)
        if other and not self.qa:
            return Side(other)
        if at is None or not own:
            return Side()
        if self.qa:  # a press conference: each answer is about its own question
            q = bisect.bisect_left(self.questions, at) - 1  # not a `问` of `访问` in the answer
            start = max(self.body[0], self.questions[q] if q >= 0 else 0)
        elif ANAPHORA.search(self.text, max(self.body[0], at - 12), at):
            start = max(self.body[0], at - 300)
            told = tuple(e for e in self.last_recipient if e.country not in own)
            if told and self.last_recipient_in and self.last_recipient_in[0] >= start:
                return Side(told)  # `…公然违背…。中方对此表示坚决反对`: at whom the charge was
        else:
            return Side()
        # `美方…为菲方侵权行为撑腰，我们对此坚决反对`: who acted in the sentence, not the last one
        # named; before the sentence, the party last named is the better guess (`…召见郁白，
        # 就此提出严正交涉`: the one summoned)
        i = bisect.bisect_right(self.sentence_starts, at) - 1
        clauses = self.clauses(self.sentences[i]) if i >= 0 else []
        if self.qa:  # `法新社记者：美国和英国…对也门胡塞武装目标发动空袭。中方对此…`: who acted
            first = bisect.bisect_right(self.sentence_starts, start) - 1  # in the question too
            clauses = [c for s in self.sentences[max(first, 0) : i + 1] for c in self.clauses(s)]
        for cs, ce in reversed([(max(cs, start), min(ce, at)) for cs, ce in clauses
                                if start < ce and cs < at]):
            subj = self.clause.subject(cs, ce)
            foreign = tuple(e for e in subj.entities if cs <= e.span[0] < ce
                            and e.country and e.country not in own and e.kind != "igo")
            if foreign and not subj.both:
                return Side(foreign)
        return self.foreign_named_last(start, at, own)

    def foreign_named_last(self, start: int, at: int, own: set[str]) -> Side:
        """The party of another country (not an organisation of states) named last in
        ``[start, at)``."""
        before = [e for e in self.clause.within(start, at)
                  if e.country and e.country not in own and e.kind != "igo"]
        return Side((before[-1],)) if before else Side()

    def _resolve(self, side: Side) -> tuple[Entity, ...]:
        if side.both:
            words = self.text[side.span[0] : side.span[1] + 2] if side.span else ""
            summit = any(e.kind == "igo" for e in self.frame.participants)
            if words.startswith(HEADS) and self.frame.participants and not (
                    summit and words.startswith("两国")):  # not a summit's: a pair's meeting
                # `两国元首`: the page's main meeting's, unless a meeting was just named
                # (`16日，习近平与佐科举行会谈，两国元首…`, `…与朴槿惠通电话。…两国首脑同意`)
                i = bisect.bisect_right(self.sentence_starts, side.span[0]) - 1 if side.span else -1
                states = {e.country for e in self.recent if e.country and e.kind != "igo"}
                if (len(states) == 2 and "IGO" not in states and i >= 0
                        and self.recent_at >= self.sentences[max(0, i - 1)][0]):
                    return self.recent
                return self.frame.participants
            if words.startswith(("两人", "两位")) and not words.startswith(HEADS):
                two = self._two_named_last(side)
                if two:  # `…辱骂奥巴马。两人昨日…有过短暂交谈`: the two people just named
                    return two
            told = self.recent or self.frame.participants
            if words.startswith(("两国", "双方")) and len({e.country for e in told}) > 2:
                pair = self._pair_countries(side)
                if pair:  # `安理会呼吁柬泰双方…`, three ministers at the meeting: `双方` is the pair
                    return pair
            named = self._pair_in_sentence(side) if words.startswith("双方") else ()
            if named and {e.country for e in named} != {e.country for e in told}:
                return named  # `担任俄乌之间的调停人，并希望双方…`: the pair just named
            return told or self._pair_countries(side) or self._heads_named(side) or side.entities
        return side.entities

    def _heads_named(self, side: Side) -> tuple[Entity, ...]:
        """`两国总理`, `两国贸易部长` before any meeting was told (`…共同出席签字仪式。…两国总理
        举行了会谈`): the last person with that title of each of two countries (the page's two,
        where it has them)."""
        titled = TWO_TITLED.match(self.text, side.span[0]) if side.span else None
        if titled is None:
            return ()
        title = {"外长": "部长", "防长": "部长"}.get(titled[1], titled[1])
        countries = self.frame.visitors | self.frame.hosts
        found: dict[str, Entity] = {}
        for e in self.clause.within(0, side.span[0]):
            if e.kind == "person" and e.country and title in (e.role or "") and (
                    len(countries) != 2 or e.country in countries):
                found[e.country] = e
        return tuple(found.values()) if len(found) == 2 else ()

    def _two_named_last(self, side: Side) -> tuple[Entity, ...]:
        """The last two people of two countries named in `两人`'s sentence or the one before."""
        if not side.span:
            return ()
        i = bisect.bisect_right(self.sentence_starts, side.span[0]) - 1
        start = self.sentences[max(0, i - 1)][0] if i >= 0 else 0
        found: dict[str, Entity] = {}
        for e in reversed(self.clause.within(start, side.span[0])):
            if e.kind == "person" and e.country and e.country not in found:
                found[e.country] = e
                if len(found) == 2:
                    return tuple(reversed(found.values()))
        return ()

    def _pair_in_sentence(self, side: Side) -> tuple[Entity, ...]:
        """The two countries of a pair (`俄乌`) named before `双方` in its own sentence."""
        if not side.span or not self.pairs:
            return ()
        i = bisect.bisect_right(self.sentence_starts, side.span[0]) - 1
        start = self.sentences[i][0] if i >= 0 else 0
        pair = next((h for h in reversed(self.pairs) if start <= h.start < side.span[0]), None)
        return self._countries_of(pair) if pair else ()

    def _countries_of(self, pair: Hit) -> tuple[Entity, ...]:
        """`俄乌` as the two countries it joins."""
        return tuple(Entity.of_country(self.text[pair.start : pair.end], (pair.start, pair.end), c)
                     for c in pair.countries)

    def _pair_countries(self, side: Side) -> tuple[Entity, ...]:
        """`双方` in a text with no meeting named: the two countries of `越老`, `中越` …"""
        if not self.pairs:
            return ()
        near = side.span[0] if side.span else 0
        # the pair named last before it; one named after it only within its sentence (`双方…
        # 联合声明。…在俄乌冲突问题上…`: the conflict's pair is no side of the statement)
        before = [h for h in self.pairs if h.start < near]
        i = bisect.bisect_right(self.sentence_starts, near)
        end = self.sentences[i - 1][1] if i else near
        pair = before[-1] if before else min(
            (h for h in self.pairs if h.start < end), key=lambda h: h.start, default=None)
        return self._countries_of(pair) if pair else ()


def _free_triggers(hits: list[TriggerHit], rec: Recognised, skip: tuple[Span, ...]
                   ) -> list[TriggerHit]:
    """Triggers outside entity names (`将` in `大将`) and outside ``skip`` spans, in order."""
    taken = sorted([*skip, *(e.span for e in rec.entities)])
    starts = [s for s, _ in taken]
    out = []
    for t in hits:
        i = bisect.bisect_right(starts, t.start) - 1
        if i >= 0 and taken[i][1] > t.start:
            continue
        # a trigger in parts (`召回…驻`) is free where its first part is: a name may hold the rest
        end = t.start + t.trigger.word.index(GAP) if GAP in t.trigger.word else t.end
        j = bisect.bisect_left(starts, t.start)
        if j < len(taken) and taken[j][0] < end < taken[j][1]:
            continue  # a name running out of the trigger; one inside it (`干涉中国内政`) is its own
        out.append(t)
    return out


def _with_pairs(rec: Recognised) -> tuple[Entity, ...]:
    """Entities, with `中俄`, `越老` read as the two countries they join (`中俄联合演习`), and
    provinces named as such (`老街省`, `云南省`) as the local governments that act."""
    taken = {e.span for e in rec.entities}
    extra = [
        Entity.of_country(h.name, (h.start, h.end), c)
        for h in rec.pairs for c in h.countries
    ] + [
        Entity(h.name, (h.start, h.end), "org", f"org:{h.name}", org=h.name, country=h.country,
               sector="GOV")
        for h in rec.places
        if h.name.endswith(PROVINCE_ENDINGS) and h.country and (h.start, h.end) not in taken
    ]
    if not extra:
        return rec.entities
    return tuple(sorted((*rec.entities, *extra), key=lambda e: e.span))


def _past(sent: Span, skip: tuple[Span, ...]) -> Span:
    """A sentence starts after a dateline that stands at its head (`越通社河内——…`)."""
    for s, e in skip:
        if s <= sent[0] < e < sent[1]:
            return (e, sent[1])
    return sent


def _distinct(entities: tuple[Entity, ...]) -> tuple[Entity, ...]:
    """One entity per id: `国际佛教联合会(IBC)` names one organisation twice."""
    seen: set[str] = set()
    return tuple(e for e in entities if not (e.id in seen or seen.add(e.id)))


def merge(a: Side, b: Side) -> Side:
    extra = tuple(e for e in b.entities if e not in a.entities)
    both = a if a.both else b if b.both else None  # where `双方`/`两国元首` is written
    return Side(a.entities + extra, both=both is not None, span=both.span if both else None)
