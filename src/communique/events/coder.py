"""Code the events of one page: trigger by trigger, clause by clause, with the page as context.

The page gives what a single sentence cannot: who is visiting whom (`对越南进行正式访问的…`,
`访俄`, `在新加坡期间`), who the two sides of the main interaction are (so `双方` and an
unnamed counterpart can be resolved), and whether the main interaction was a call (so the
statements made in it inherit its medium).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from communique.entities.gazetteer import gazetteer
from communique.entities.recognise import Recognised, both_mentions
from communique.events.lexicon import Trigger, TriggerHit, lexicon
from communique.events.sides import Clause, Side
from communique.model import Entity, Span
from communique.text import clause_spans, sentence_spans

NEGATION = ("不", "未", "没有", "并未", "尚未", "无意", "拒绝", "未能", "没能", "不会", "不能", "无法")
NOMINAL_BEFORE = ("此次", "这次", "本次", "该", "此访", "上次", "那次", "历次", "多次", "曾")
NOMINAL_AFTER = ("期间", "之际", "前夕", "成果", "结束", "时", "中", "后", "前", "之行", "的", "团", "上",
                 "仪式", "活动", "计划", "行程")
# `访华`, `来越`, `赴俄`: one character for the visit, one for the host country's short form.
VISIT_WORD = re.compile(
    r"(?<![一-龥]的)(?:访|来|赴|抵)([一-龥])(?=进行|期间|之际|访问|出席|参加|工作|的|，|,|。|并|后|前|$)")
ANAPHORA = re.compile(r"对此|对这|此举|对该|就此")
QUESTION = re.compile(r"\s*(?:问|记者问|提问)[:：]")
SUPPORT_NOUN_BEFORE = ("的", "给予", "提供", "获得", "得到", "予以", "在", "和")
HABITUAL = re.compile(r"多次|曾经|曾|历来|经常|每年|年来|屡次|以往|过去|去年|前年|回顾|相互")
FUTURE_WELCOME = re.compile(r"明年|下月|下个月|今后|年内|将|即将|于近期")
AID_GOODS = re.compile(r"物资|援助|资金|现汇|疫苗|大米|粮食|设备|帐篷|药品|口罩|净水|救援|捐款|美元|万元|贷款")
SAYING = re.compile(r"[^，,。]{0,6}?(?:表示|强调|指出|说|称|认为|重申|回应|答问)")
GENERAL_ADDRESSEE = ("各方", "各国", "国际社会", "有关各方", "有关方面", "世界各国", "全世界", "所有国家")
TITLE_GAP = re.compile(r"(?<=[\u4e00-\u9fff])[ \u3000]+(?=[\u4e00-\u9fff])")
GUEST_RE = re.compile(r"(?:来访|到访|访华|访越)的")
PROVINCE_ENDINGS = ("省", "自治区", "州")
PAST_YEAR = re.compile(r"去年|前年|上个月|上月|此前[^，,。]{0,6}曾")
VISIT_OF_RE = re.compile(r"(?:对|在)([^，,。]{1,30}?)进行.{0,6}?访问")
DURING_RE = re.compile(r"在([^,，。；\d年]{1,8}?)(?:访问|出访|工作访问|国事访问|正式访问)?期间")
HOSTED_RE = re.compile(r"由([^。；]{1,60}?)(?:共同|联合)?(?:主办|举办|主持|承办)")
CLAUSE_OPENERS = ("并", "同时", "随后", "此外", "另外", "之后", "此后", "会后", "会谈后", "他还", "她还")
MEETING_WORDS = ("会议", "峰会", "论坛", "大会", "研讨会", "座谈会", "对话会", "磋商", "活动", "仪式",
                 "招待会", "年会", "博览会")
MULTILATERAL_WORDS = ("峰会", "国际", "多边", "论坛", "全球", "地区", "东盟", "联合国", "成员国")
CALL_WORDS = re.compile(r"视频|电话|线上|网络会议|通话")
SIDELINES = re.compile(r"(峰会|会议|论坛|大会|会)(期间|间隙|框架内|场边)")
# Frames whose trigger takes what follows as its content: triggers inside it are not events.
CONTENT_FRAMES = {"request", "future", "invite", "promise"}
STATEMENT_FRAMES = {"object", "to"}


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


def code_events(text: str, rec: Recognised, body: Span, skip: tuple[Span, ...] = ()) -> list[Found]:
    """Events of ``text[body]`` in order; ``skip`` spans (the dateline) hold no event."""
    return _Coder(text, rec, body, skip).run()


class _Coder:
    def __init__(self, text: str, rec: Recognised, body: Span, skip: tuple[Span, ...]) -> None:
        self.text = text
        self.body = body
        self.clause = Clause(text, _with_pairs(rec), both_mentions(text, body[0], body[1]))
        self.pairs = rec.pairs
        self.places = rec.places
        self.place_starts = [p.start for p in rec.places]
        self._clauses: dict[Span, list[Span]] = {}
        self.last_recipient: tuple[Entity, ...] = ()
        self.recent: tuple[Entity, ...] = ()  # the sides of the meeting last named
        self.qa = bool(QUESTION.search(text, body[0], body[1]))
        self.sidelines = bool(SIDELINES.search(text, body[0], body[1]))
        self.frame = PageFrame()
        self.sentences = [_past(sent, skip) for sent in sentence_spans(text, body[0], body[1])]
        self.triggers = _free_triggers(lexicon().find(text, body[0], body[1]), rec, skip)
        self.trigger_starts = [t.start for t in self.triggers]

    @property
    def summit(self) -> bool:
        """The page reports a summit attended: its other meetings are on the sidelines."""
        return self.frame.multilateral

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

    def run(self) -> list[Found]:
        self._read_visits()
        self.frame.organisers = self._organisers()
        found: list[Found] = []
        carried = Side()
        for sent in self.sentences:
            if self._in_question(sent):
                continue  # a journalist's question frames; the answer reports
            carried, events = self._sentence(sent, carried)
            for ev in events:
                sides = ev.actor + ev.recipient
                people = {e.country for e in sides if e.kind == "person" and e.country}
                if ev.event == "CONSULT" and ev.mode != "multilateral" and len(people) >= 2:
                    self.recent = sides
                if not self.frame.participants and ev.event == "CONSULT":
                    self.frame.participants = ev.actor + ev.recipient
                    self.frame.medium = ev.medium
                    self.frame.multilateral = ev.mode == "multilateral" and any(
                        e.kind == "igo" for e in ev.recipient)
            found.extend(events)
        for ev in found:
            ev.medium = ev.medium or self.frame.medium
        return found

    def _in_question(self, sent: Span) -> bool:
        start = self.text.rfind("\n", 0, sent[0]) + 1
        return bool(QUESTION.match(self.text, start))

    # --- the page frame: who visits whom ------------------------------------------------------

    def _read_visits(self) -> None:
        text, clause = self.text, self.clause
        shorts = gazetteer().short_forms()
        for sent in self.sentences:
            whole = text[sent[0] : sent[1]]
            if "访" not in whole and "期间" not in whole and "邀请" not in whole:
                continue  # no word of a visit: nothing to learn here
            for cs, ce in self.clauses(sent):
                seg = text[cs:ce]
                for m in VISIT_OF_RE.finditer(seg):
                    host = clause.within(cs + m.start(1), cs + m.end(1))
                    self._mark(self._visitor(cs, cs + m.end(), sent), host)
                for m in VISIT_WORD.finditer(seg):
                    iso = shorts.get(m.group(1))
                    if iso:
                        i = m.start()
                        rel = re.match(r"[^，,。]{0,10}?访问的", seg[m.end() :])
                        visitor = (clause.object_after(cs + m.end() + rel.end(), sent[1]) if rel
                                   else self._visitor(cs, cs + m.end(), sent, cs + i))
                        self._mark_iso(visitor, iso)
                for m in DURING_RE.finditer(seg):
                    host = [e for e in clause.within(cs + m.start(1), cs + m.end(1))
                            if e.kind == "country"]  # `在新加坡期间`, not `在东盟主席国期间`
                    visitor = clause.subject(cs + m.end(), ce) or clause.subject(ce, sent[1])
                    self._mark(visitor, host)
                for m in GUEST_RE.finditer(seg):  # `来访的老挝外长`, `到访的印度陆军参谋长`
                    guest = clause.object_after(cs + m.end(), ce)
                    host = self._host_of_sentence(sent, guest)
                    if guest and host:
                        self._mark_iso(guest, host)
                i = seg.find("邀请")
                if i > 0 and (j := seg.rfind("应", 0, i)) >= 0:
                    host = clause.within(cs + j, cs + i)
                    self._mark(clause.subject(ce, sent[1]), host)

    def _host_of_sentence(self, sent: Span, guest: Side) -> str | None:
        """The country receiving a guest: where the sentence is set, else the other party."""
        place = self._place_country(sent, sent[1])
        if place and place not in guest.countries:
            return place
        others = [e.country for e in self.clause.within(sent[0], sent[1])
                  if e.country and e.country not in guest.countries and e.kind != "igo"]
        return others[0] if others else None

    def _visitor(self, cs: int, after: int, sent: Span, word: int | None = None) -> Side:
        """Who makes the visit: the head after `…访问的`, the name right before the visit
        word (`…代表团访俄`), or the subject of the clause."""
        if self.text.startswith("的", after):
            head = self.clause.object_after(after + 1, sent[1])
            if head:
                return head
        if word is not None:
            before = [e for e in self.clause.within(cs, word)
                      if len(self.text[e.span[1] : word]) <= 4
                      and not any(c in self.text[e.span[1] : word] for c in "，,、的")]
            if before:
                return Side((before[-1],), span=before[-1].span)
        return (self.clause.subject(cs, after) or self.clause.subject(sent[0], after)
                or self.clause.subject(after, sent[1]))

    def _mark(self, visitor: Side, host: list[Entity]) -> None:
        for iso in {e.country for e in host if e.country}:
            self._mark_iso(visitor, iso)

    def _mark_iso(self, visitor: Side, iso: str) -> None:
        visitors = {c for c in visitor.countries if c != iso}
        if visitors:
            self.frame.hosts.add(iso)
            self.frame.visitors |= visitors

    def _organisers(self) -> tuple[Entity, ...]:
        out: list[Entity] = []
        for m in HOSTED_RE.finditer(self.text, self.body[0], self.body[1]):
            self.frame.organiser_phrase = self.frame.organiser_phrase or m
            out.extend(self.clause.within(m.start(1), m.end(1)))
        return tuple(out)

    # --- sentences and clauses ----------------------------------------------------------------

    def _sentence(self, sent: Span, carried: Side | _Deferred
                  ) -> tuple[Side | _Deferred, list[Found]]:
        """Events of one sentence, and the subject it hands on (worked out when needed)."""
        events: list[Found] = []
        content_until = -1  # triggers before this point are the content of an earlier one
        lo = bisect.bisect_left(self.trigger_starts, sent[0])
        hi = bisect.bisect_left(self.trigger_starts, sent[1])
        in_sentence = self._outside_statements(self.triggers[lo:hi], sent)
        clauses = self.clauses(sent)
        if not in_sentence:
            return _Deferred(self, clauses, carried), events
        subject: Side | _Deferred = carried
        pending: list[Span] = []  # clauses whose subject is not yet needed
        for n, (cs, ce) in enumerate(clauses):
            if self.text[cs:ce].lstrip().startswith(CLAUSE_OPENERS):
                content_until = -1
            for hit in (t for t in in_sentence if cs <= t.start < ce):
                if hit.start < content_until:
                    continue
                subj = self.clause.subject(cs, hit.start)
                confidence = 0.0
                if not subj:
                    subject = _resolved(_Deferred(self, pending, subject))
                    pending = []
                    subj, confidence = subject, -0.1
                    if n == 0 and hit.trigger.frame in CONTENT_FRAMES and (
                            "\n" in self.text[max(self.body[0], sent[0] - 1) : sent[0] + 1]):
                        continue  # a plan or wish whose holder is in another paragraph
                subj = self._speaker_for(subj, hit.start)
                new = self._frame(hit, subj, (cs, ce), sent)
                for ev in new:
                    ev.confidence += confidence
                events.extend(new)
                new = [ev for ev in new if _between_two(ev)]
                if new and (hit.trigger.frame in CONTENT_FRAMES
                            or any(ev.event in ("AGREE", "REQUEST") for ev in new)):
                    content_until = sent[1]
                elif new and hit.trigger.medium == "letter":
                    content_until = sent[1]  # what the message says is not another event
                elif new and hit.trigger.frame in STATEMENT_FRAMES:
                    content_until = max(content_until, ce)
            pending.append((cs, ce))
        return _Deferred(self, pending, subject), events

    def _speaker_for(self, subj: Side, at: int) -> Side:
        """`阮志咏强调,越南希望…`: a country that speaks through its official named just before,
        in the same paragraph, is that official."""
        if not subj.entities or subj.both or any(e.kind != "country" for e in subj.entities):
            return subj
        country = subj.entities[0].country
        if any(e.country != country for e in subj.entities):
            return subj
        floor = self.text.rfind("\n", self.body[0], at) + 1
        for e in reversed(self.clause.within(floor, at)):
            if e.kind == "person" and e.country == country:
                return Side((e,), span=subj.span)
        return subj

    def _outside_statements(self, hits: list[TriggerHit], sent: Span) -> list[TriggerHit]:
        """Drop triggers inside `对 … 表示感谢`: what is thanked is not coded again.
        The `对` phrase may run over commas, back to the previous such statement."""
        inner: list[Span] = []
        floor = sent[0]
        for h in hits:
            if h.trigger.frame == "to" and h.trigger.event in ("SUPPORT", "ACCUSE"):
                at = max(self.text.rfind(c, floor, h.start) for c in "对向为")
                if at >= 0:
                    inner.append((at, h.start))
                floor = h.end
        return [h for h in hits if not any(s < h.start < e for s, e in inner)]

    def _frame(self, hit: TriggerHit, subj: Side, cl: Span, sent: Span) -> list[Found]:
        before = self.text[cl[0] : hit.start]
        if before.endswith(NEGATION):
            return []
        name = hit.trigger.frame
        if HABITUAL.search(before) or PAST_YEAR.search(self.text, sent[0], hit.start):
            return []  # `多次参加`, `去年12月…访问`: history, not an event of this report
        nominal = before.endswith("所") or self.text.startswith("的", hit.end) or (
            before.endswith("的") and len(hit.trigger.word) <= 2
            and hit.trigger.event != "CONSULT") or (
            hit.trigger.word == "支持" and (before.endswith(SUPPORT_NOUN_BEFORE)
                                           or self.text.startswith(("下", "和帮助"), hit.end)))
        setting = hit.trigger.event == "CONSULT" and name in ("host", "caller", "with") and (
            re.match(r"[^，,。]{0,30}时[，,]", self.text[hit.end : cl[1] + 1]))
        if setting:  # `会见石破茂时,…`, `与卢拉会见时,…`: the setting of what follows
            obj = (self.clause.object_after(hit.end, cl[1]) if name != "with" else Side()) or (
                self.clause.governed_by(cl[0], hit.start, ("与", "同", "和")))
            if obj:
                hosts = [e for e in self.frame.participants
                         if e.kind == "person" and e.country not in obj.countries]
                self.recent = self._resolve(_merge(Side((hosts[0],)) if hosts else subj, obj))
            return []
        if hit.trigger.event == "CONSULT" and name in ("with", "host", "caller") and (
                before.endswith(NOMINAL_BEFORE)):
            return []  # `此次会谈`: the meeting already told, named again
        if hit.trigger.event == "CONSULT" and name in ("with", "host", "caller") and (
                self.text.startswith(NOMINAL_AFTER, hit.end)) and not self.clause.within(
                hit.end, hit.end + 1) and not self.clause.starts_at(hit.end):
            return []  # `会谈前`, `会谈结束时`, `会见中`: the meeting as a time, not reported again
        if nominal and name not in ("visit", "hosted"):
            return []  # `所签署的协议`, `援助的物资`: a thing named, not an act reported
        if before.endswith("在") and self.text.startswith(("中", "里", "上"), hit.end):
            return []  # `在联合声明中指出`: the document as a place
        if hit.trigger.word.startswith(("见证", "共同见证")) and not re.search(
                r"签|换文|交换", self.text[hit.end : sent[1]]):
            return []  # witnessing is an event only where something is signed
        if any(m.start() <= hit.start < m.end() for m in self.hosted_phrases(sent)):
            if name != "hosted":
                return []  # `由 A 与 B 共同主办`: who organised a meeting
        if name == "hosted":
            return self._hosted(hit, subj, cl, sent)
        if name in ("with", "joint"):
            return self._with(hit, subj, cl, sent, before)
        if name in ("host", "caller"):
            return self._meet(hit, subj, cl, sent, before)
        if name == "visit":
            return self._visit(hit, subj, cl, sent, before)
        if name == "welcome":
            return self._welcome(hit, subj, cl, sent)
        if name == "attend":
            return self._attend(hit, subj, cl, sent)
        if name == "invite":
            return self._invite(hit, subj, sent, before)
        if name in ("future", "promise"):
            return self._future(hit, subj, cl, sent)
        if name == "request":
            return self._request(hit, subj, sent)
        if name == "credentials":
            return self._credentials(hit, subj, cl, sent)
        if name == "destination":  # `选择越南作为其首个正式出访国家`
            chose = self.text.rfind("选择", cl[0], hit.start)
            host = self.clause.governed_by(chose, hit.start, ("选择",)) if chose >= 0 else Side()
            if not host or _is_future(before):
                return []
            return self._found(hit, sent, subj, host, 0.7, mode="visit", cameo="042")
        if name == "provide":
            return self._provide(hit, subj, cl, sent, before)
        if name == "accused":
            return self._accused(hit, subj, cl, sent)
        return self._statement(hit, subj, cl, sent, before)

    def _found(self, hit: TriggerHit, sent: Span, actor: Side, recipient: Side,
               confidence: float = 0.85, **kw: str | None) -> list[Found]:
        t = hit.trigger
        a, r = _distinct(self._resolve(actor)), _distinct(self._resolve(recipient))
        if not a:
            return []
        own = {e.country for e in a}
        r = tuple(e for e in r if e.country not in own) or r
        if r:
            self.last_recipient = r
        return [Found(t, (hit.start, hit.end), sent, kw.get("event") or t.event,
                      kw["mode"] if "mode" in kw else t.mode, kw.get("medium") or t.medium,
                      kw.get("cameo") or t.cameo, a, r, confidence)]

    def hosted_phrases(self, sent: Span) -> list[re.Match[str]]:
        return list(HOSTED_RE.finditer(self.text, sent[0], sent[1]))

    def _with(self, hit: TriggerHit, subj: Side, cl: Span, sent: Span, before: str) -> list[Found]:
        t = hit.trigger
        start = subj.span[1] if subj.span else cl[0]
        partners = self.clause.governed_by(start, hit.start, ("同", "与", "和", "跟"), first=True)
        if t.event == "CONSULT" and "分别" in before:
            return [ev for p in partners.entities
                    for ev in self._consult(hit, sent, cl, _merge(subj, Side((p,))), Side())]
        actors = _merge(subj, partners)
        if t.event == "CONSULT":
            return self._consult(hit, sent, cl, actors, Side())
        if t.word.startswith("互"):  # `互致贺电`: a message each way
            ends = self._resolve(actors)
            sides = {e.country: e for e in ends if e.country}
            if len(sides) == 2:
                a, b = sides.values()
                return [*self._found(hit, sent, Side((a,)), Side((b,))),
                        *self._found(hit, sent, Side((b,)), Side((a,)))]
        if not actors.both and len(actors.countries) < 2:
            return self._found(hit, sent, actors, self._counterpart(actors), 0.7)
        return self._found(hit, sent, actors, Side())

    def _meet(self, hit: TriggerHit, subj: Side, cl: Span, sent: Span, before: str
              ) -> list[Found]:
        obj = self.clause.object_after(hit.end, cl[1])
        obj = obj or self.clause.governed_by(cl[0], hit.start, ("同", "与"))
        if "分别" in before or "先后" in before or len(obj.countries) > 1:
            return [ev for e in obj.entities
                    for ev in self._meet_one(hit, subj, Side((e,)), cl, sent)]
        return self._meet_one(hit, subj, obj, cl, sent)

    def _meet_one(self, hit: TriggerHit, subj: Side, obj: Side, cl: Span, sent: Span) -> list[Found]:
        visitor, host = (obj, subj) if hit.trigger.frame == "host" else (subj, obj)
        v = self.frame.visitors
        if subj.countries & v and not obj.countries & v:
            visitor, host = subj, obj
        elif obj.countries & v and not subj.countries & v:
            visitor, host = obj, subj
        return self._consult(hit, sent, cl, visitor, host, visit=True)

    def _consult(self, hit: TriggerHit, sent: Span, cl: Span, visitor: Side, host: Side,
                 visit: bool = False) -> list[Found]:
        """A meeting: by phone or video, on the sidelines of a summit or in a third country,
        a visit (who travels is the actor), or talks where neither side is the guest."""
        clause_text = self.text[cl[0] : cl[1]]
        sentence_text = self.text[sent[0] : sent[1]]
        everyone = Side(self._resolve(_merge(visitor, host)))
        countries = everyone.countries

        def meeting(actor: Side, recipient: Side, mode: str | None, cameo: str,
                    medium: str = "in_person") -> list[Found]:
            return self._found(hit, sent, actor, recipient, mode=mode, cameo=cameo,
                               medium=medium, event="CONSULT")

        if hit.trigger.mode == "phone" or CALL_WORDS.search(clause_text):
            medium = "video" if re.search(r"视频|线上", sentence_text) else "phone"
            return meeting(everyone, Side(), "phone", "041", medium)
        if hit.trigger.mode == "multilateral" or (
                hit.trigger.frame in ("with", "joint", "attend")
                and any(e.kind == "igo" for e in everyone.entities)):
            igos = () if any(e.kind == "igo" for e in everyone.entities) or len(
                countries) < 2 else self._title_igos(sent)  # co-chairs of two countries
            return meeting(everyone, Side(igos), "multilateral", "040")
        if SIDELINES.search(sentence_text) and re.search(r"峰会|会议|论坛|大会", sentence_text):
            return meeting(everyone, Side(), "third-party", "044")
        place = self._place_country(sent, hit.start)
        if place and len(countries) >= 2:
            if place not in countries:
                return meeting(everyone, Side(), "third-party", "044")
            guests = self._of(everyone, lambda c: c != place)
            self.frame.visitors |= guests.countries  # later meetings of the page agree
            self.frame.hosts.add(place)
            return meeting(guests, self._of(everyone, lambda c: c == place), "visit", "042")
        if (self.summit or self.sidelines) and not self.frame.visitors and len(countries) >= 2:
            return meeting(everyone, Side(), "third-party", "044")
        guests = self._of(everyone, lambda c: c in self.frame.visitors)
        hosts = self._of(everyone, lambda c: c not in self.frame.visitors)
        if guests and hosts:
            return meeting(guests, hosts, "visit", "042")
        if visit and host and visitor and not visitor.both and not host.both:
            return meeting(visitor, host, "visit", "042")
        return meeting(everyone, Side(), None, "040")

    @staticmethod
    def _of(side: Side, keep) -> Side:  # noqa: ANN001 - a predicate on a country code
        return Side(tuple(e for e in side.entities if e.country and keep(e.country)))

    def _title_igos(self, sent: Span) -> tuple[Entity, ...]:
        """The organisation whose meeting this is, named in the sentence or the title."""
        for lo, hi in (sent, (self.body[0], self.sentences[0][1] if self.sentences else 0)):
            igos = tuple(e for e in self.clause.within(lo, hi) if e.kind == "igo")
            if igos:
                return igos[:1]
        return ()

    def _place_country(self, sent: Span, before: int) -> str | None:
        """`在华盛顿举行会谈`: the country of the place where a meeting is held."""
        i = bisect.bisect_left(self.place_starts, sent[0])
        while i < len(self.places) and self.places[i].start < before:
            p = self.places[i]
            if self.text.rfind("在", sent[0], p.start) >= p.start - 3:
                return p.country
            i += 1
        return None

    def _visit(self, hit: TriggerHit, subj: Side, cl: Span, sent: Span, before: str
               ) -> list[Found]:
        text = self.text
        after = text[hit.end : hit.end + 4]
        if after.startswith(NOMINAL_AFTER) or before.endswith(NOMINAL_BEFORE):
            return []
        if before.endswith("邀请") or "邀请" in before and "访问" not in before:
            return []
        if "欢迎" in before and self.text[max(cl[0], before.find("欢迎") + cl[0] - 2):].startswith(
                ("热烈", "表示", "衷心")):
            return []  # `热烈欢迎X访问越南`: a greeting in the talks, not another visit
        if re.search(r"(期间|之际|前夕|之行)[,，;；]?$", text[hit.end : cl[1]]) or after.startswith(
                "以来"):
            return []  # `访问俄罗斯期间,…`: the visit as a time for what follows
        m = re.search(r"(?:对|赴|前往|抵达|到)(.{1,30}?)进行.{0,6}$", before)
        if m:
            host = Side(tuple(self.clause.within(cl[0] + m.start(1), cl[0] + m.end(1))))
        else:
            host = self.clause.object_after(hit.end, cl[1])
        if not host:
            return []
        near = [e for e in self.clause.within(cl[0], hit.start)
                if len(gap := text[e.span[1] : hit.start]) <= 4 and not any(c in gap for c in "对在向，,")]
        if near and not m:
            subj = Side((near[-1],), span=near[-1].span)  # `欢迎越南代表团访问俄罗斯`
        if _is_future(before) or self._future_sentence(cl, sent):
            return self._found(hit, sent, subj, host, 0.75, event="AGREE", mode=None, cameo="036")
        return self._found(hit, sent, subj, host, mode="visit", cameo="042", medium="in_person")

    def _future_sentence(self, cl: Span, sent: Span) -> bool:
        """`X将于…出席…,并对老挝进行正式访问`: a clause joined by `并` to a plan is a plan."""
        return (self.text[cl[0] : cl[1]].lstrip().startswith(("并", "还将", "随后"))
                and _is_future(self.text[sent[0] : cl[0]]))

    def _provide(self, hit: TriggerHit, subj: Side, cl: Span, sent: Span, before: str
                 ) -> list[Found]:
        """`A 向 B 提供…物资/资金/疫苗`: aid handed over (a plan to: AGREE)."""
        if not AID_GOODS.search(self.text, hit.end, min(cl[1], hit.end + 40)):
            return []
        to = self.clause.governed_by(cl[0], hit.start, ("向", "为", "给"))
        if not to or to.both:
            return []
        if _is_future(before) or "宣布" in before or "决定" in before:
            return self._found(hit, sent, subj, to, 0.7, event="AGREE", cameo="033")
        return self._found(hit, sent, subj, to, 0.8)

    def _accused(self, hit: TriggerHit, subj: Side, cl: Span, sent: Span) -> list[Found]:
        """`范秋姮强调,中国船只的上述行为违反了…`: the one who says it accuses the one named."""
        accused = self.clause.subject(cl[0], hit.start)
        if not accused:
            head = [e for e in self.clause.within(cl[0], hit.start) if e.country]
            accused = Side((head[0],)) if head else Side()
        if not accused or accused.both:
            return []
        speaker = self._speaker_before(cl[0], accused.countries)
        if not speaker:
            return []
        return self._found(hit, sent, speaker, accused, 0.65)

    def _speaker_before(self, at: int, not_in: set[str]) -> Side:
        """Who speaks: the last person or side of another country named in the paragraph before
        ``at`` and followed by a verb of saying."""
        floor = self.text.rfind("\n", self.body[0], at) + 1
        for e in reversed(self.clause.within(floor, at)):
            if e.country and e.country not in not_in and SAYING.match(self.text, e.span[1]):
                return Side((e,), span=e.span)
        return Side()

    def _credentials(self, hit: TriggerHit, subj: Side, cl: Span, sent: Span) -> list[Found]:
        """`X 向 Y 递交国书`; `Y (分别)接受 A、B…大使递交国书`: each ambassador a visit."""
        took = self.text.rfind("接受", cl[0], hit.start)
        if took < 0:
            host = self.clause.governed_by(cl[0], hit.start, ("向",))
            return self._found(hit, sent, subj, host, mode="visit", cameo="042",
                               medium="in_person") if host else []
        envoys = [e for e in self.clause.within(took + 2, hit.start)
                  if e.country and e.country not in subj.countries]
        by_country = {e.country: e for e in envoys}
        return [ev for e in by_country.values()
                for ev in self._found(hit, sent, Side((e,)), subj, mode="visit", cameo="042",
                                      medium="in_person")]

    def _welcome(self, hit: TriggerHit, subj: Side, cl: Span, sent: Span) -> list[Found]:
        after = self.text[hit.end : cl[1]]
        if self.text[max(cl[0], hit.start - 2) : hit.start] in ("热烈", "表示", "衷心") and "访" in after:
            return []  # `热烈欢迎X访问越南` said in the talks: part of the visit
        obj = self.clause.object_after(hit.end, cl[1])
        if not obj or after.startswith(("仪式", "宴会", "词")):
            return []
        if FUTURE_WELCOME.search(after) and lexicon().has_action(after):
            return self._found(hit, sent, subj, obj, 0.7, event="AGREE", cameo="036")
        if "访" in after:
            return self._consult(hit, sent, cl, obj, subj, visit=True)
        return self._found(hit, sent, subj, obj, 0.75)

    def _hosted(self, hit: TriggerHit, subj: Side, cl: Span, sent: Span) -> list[Found]:
        """`A 在(由) B 举办的 <meeting> 上 …`: A attends a meeting that B hosts."""
        text = self.text
        at = text.rfind("在", cl[0], hit.start)
        if at < 0 or not re.match(r"[^，,。]{0,40}?上", text[hit.end : cl[1]]):
            return []
        host = self.clause.governed_by(at, hit.start, ("在", "由"))
        attendee = self.clause.subject(cl[0], at)
        if not attendee or not host or host.countries <= attendee.countries:
            return []
        rest = text[hit.end : cl[1]]
        multilateral = any(w in rest for w in MULTILATERAL_WORDS)
        mode, cameo = ("multilateral", "040") if multilateral else ("visit", "042")
        return self._found(hit, sent, attendee, host, 0.7, mode=mode, cameo=cameo)

    def _attend(self, hit: TriggerHit, subj: Side, cl: Span, sent: Span) -> list[Found]:
        text = self.text
        if not (subj.span and sent[0] <= subj.span[0] < sent[1]):
            return []  # who attended is not said in this sentence
        rest = text[hit.start : sent[1]]
        if not any(w in rest for w in MEETING_WORDS) and hit.trigger.word != "与会":
            return []
        foreign = self._meeting_hosts(hit, cl, sent, subj)
        if not foreign:
            return []
        if _is_future(text[cl[0] : hit.start]) or self._future_sentence(cl, sent):
            return self._found(hit, sent, subj, Side(foreign), 0.7, event="AGREE", mode=None,
                               cameo="036")
        multilateral = any(w in rest for w in MULTILATERAL_WORDS) or any(
            e.kind == "igo" for e in foreign)
        mode, cameo = ("multilateral", "040") if multilateral else ("visit", "042")
        return self._found(hit, sent, subj, Side(foreign), 0.7, mode=mode, cameo=cameo)

    def _meeting_hosts(self, hit: TriggerHit, cl: Span, sent: Span, subj: Side
                       ) -> tuple[Entity, ...]:
        """Who holds the meeting attended: its named organisers, the organisation in its name
        (`东盟峰会`), the title's organisation for a bare `会议`, else the host country."""
        text = self.text
        hosted = HOSTED_RE.search(text, cl[0], sent[1]) or self.frame.organiser_phrase
        named = (self.clause.within(hosted.start(1), hosted.end(1)) if hosted
                 else list(self.frame.organisers))
        after = [e for e in self.clause.within(hit.end, sent[1])
                 if e.kind in ("igo", "country", "org")]
        title = [e for e in self.clause.within(self.body[0], self.sentences[0][1])
                 if e.kind == "igo"] if self.sentences else []
        chair = bool(hosted and "主席国" in hosted.group(1))
        for group in ([e for e in after if e.kind == "igo"], named, after, title):
            foreign = tuple(e for e in group if e.country and e.country not in subj.countries)
            igos = tuple(e for e in foreign if e.kind == "igo")
            if foreign:  # `由东盟轮值主席国老挝主办`: ASEAN's meeting, Laos its chair
                return igos if chair and igos else foreign
        place = self._place_country(sent, sent[1])
        if place and place not in subj.countries:
            return (Entity(place, (hit.start, hit.end), "country", f"country:{place}",
                           country=place),)
        return ()

    def _invite(self, hit: TriggerHit, subj: Side, sent: Span, before: str) -> list[Found]:
        if "应" in before and before.rfind("应") > max(before.rfind(","), before.rfind("，")):
            return []  # `应…邀请`: the invitation behind a visit under way is not an event
        obj = self.clause.object_after(hit.end, sent[1])
        if obj:
            return self._found(hit, sent, subj, obj, 0.8)
        return self._found(hit, sent, subj, self._counterpart(subj), 0.6)

    def _future(self, hit: TriggerHit, subj: Side, cl: Span, sent: Span) -> list[Found]:
        code = lexicon().has_action(self.text[hit.end : sent[1]])
        if code is None and hit.trigger.frame != "promise":
            return []
        if subj.both:
            return self._found(hit, sent, subj, Side(), 0.75, cameo=code)
        igos = tuple(e for e in self.clause.within(hit.end, cl[1]) if e.kind == "igo")
        attends = re.search(r"出席|参加|与会", self.text[hit.end : cl[1]])
        options = [Side(igos[:1]) if attends else Side(),  # `将…出席第27次中国—东盟领导人会议`
                   self.clause.object_after(hit.end, cl[1]),
                   self.clause.governed_by(hit.end, cl[1], ("向", "同", "与", "对", "为")),
                   Side(igos[:1]),
                   self.clause.governed_by(hit.end, sent[1], ("向", "同", "与", "对", "为"))]
        foreign = [o for o in options if o and not o.both and o.countries - subj.countries]
        obj = foreign[0] if foreign else self._counterpart(subj)
        return self._found(hit, sent, subj, obj, 0.7, cameo=code)

    def _request(self, hit: TriggerHit, subj: Side, sent: Span) -> list[Found]:
        after = self.text[hit.end : sent[1]].lstrip("，,:：")
        meet = re.match(r"(?:能|能够|尽快|早日)?(?:与|同|和)([^，,。]{1,30}?)(?:会面|会晤|会谈|见面|通话|举行)",
                        after)
        if meet:  # `他希望与中国国家主席习近平会面`
            start = hit.end + (len(self.text[hit.end : sent[1]]) - len(after))
            who = self.clause.within(start + meet.start(1), start + meet.end(1))
            if who:
                return self._found(hit, sent, subj, Side((who[-1],)), 0.75, mode="meet",
                                   cameo="026")
        if after.startswith(GENERAL_ADDRESSEE) or not re.match(r"[\u4e00-\u9fff]", after) or (
                after[:1] in "和与及"):
            return []  # an appeal to everyone, or `要求` as a noun: not a request to a party
        obj = self.clause.object_after(hit.end, sent[1])
        if obj and obj.span and len(self.text[hit.end : obj.span[0]].strip(",，:：")) > 2:
            obj = Side()  # the addressee stands right after the verb: `建议中国…`
        if hit.trigger.word in ("希望", "呼吁") and (not obj or obj.both):
            return []  # a general wish or appeal (`希望两国关系…`, `呼吁解除…`) names no one
        if obj.both or not obj:
            obj = self._counterpart(subj, hit.start)
        mode, cameo = lexicon().request_mode(self.text[hit.end : sent[1]])
        return self._found(hit, sent, subj, obj, 0.75, mode=mode, cameo=cameo)

    def _statement(self, hit: TriggerHit, subj: Side, cl: Span, sent: Span, before: str
                   ) -> list[Found]:
        """Praise, thanks, congratulations, concern, aid: `A 对 B 表示…` or `A 祝贺 B`;
        `A和B分别…` is one statement each."""
        if "分别" in before and len(subj.countries) > 1:
            return [ev for e in subj.entities
                    for ev in self._statement(hit, Side((e,), span=e.span), cl, sent, "")]
        if subj.both and hit.trigger.event in ("SUPPORT", "ACCUSE"):
            return []  # `双方积极评价两国关系`: both sides on their own relations, not an event
        if "分别" in before and not subj.both and len(subj.countries) == 1:
            to = self.clause.governed_by(cl[0], hit.start, ("向", "对", "给"))
            if len(to.countries) > 1:  # `分别向土耳其总统和叙利亚总统致慰问电`: one each
                return [ev for e in to.entities
                        for ev in self._found(hit, sent, subj, Side((e,)), 0.85)]
        if hit.trigger.frame == "to":  # `对中国政府向越南捐赠…表示感谢`: the outer `对`
            governed = (self.clause.governed_by(cl[0], hit.start, ("对",), first=True)
                        or self.clause.governed_by(cl[0], hit.start, ("向", "给")))
        else:
            governed = (self.clause.governed_by(cl[0], hit.start, ("对",), first=True)
                        or self.clause.governed_by(cl[0], hit.start, ("向", "为", "给")))
        if not governed and hit.trigger.frame == "to":
            governed = self._governed_before(hit, sent)
        after = self.clause.object_after(hit.end, cl[1])
        options = [governed, after] if hit.trigger.frame == "to" else [after, governed]
        foreign = [o for o in options if o.both or o.countries - subj.countries]
        obj = (foreign or [o for o in options if o] or [Side()])[0]
        confidence = 0.85
        if not obj and hit.trigger.frame == "object" and re.match(
                r"[^，,。；]*?[\u4e00-\u9fff]{2}", self.text[hit.end : cl[1]]):
            return []  # `坚决反对任何形式的"台独"`: what is opposed is not a party
        if not obj and "也" in before and self.last_recipient:
            obj, confidence = Side(self.last_recipient), 0.7  # `…等多个政党也致电祝贺`
        if not obj or obj.both:
            if subj.both:
                return []  # both sides praising their own relations is not an event
            obj, confidence = self._counterpart(subj, hit.start), 0.6
        if (_is_future(before) or "宣布" in before or "决定" in before) and hit.trigger.event in (
                "AID", "CONSULT"):
            return self._found(hit, sent, subj, obj, 0.7, event="AGREE", mode=None, cameo="033")
        if hit.trigger.event == "CONSULT":
            return self._consult(hit, sent, cl, subj, obj)
        return self._found(hit, sent, subj, obj, confidence)

    def _governed_before(self, hit: TriggerHit, sent: Span) -> Side:
        """`对越南战胜疫情,至今…表示祝贺`: the `对` phrase began in an earlier clause."""
        at = max(self.text.rfind(c, sent[0], hit.start) for c in "对向")
        if at < 0:
            return Side()
        end = min([p for c in "，," if (p := self.text.find(c, at, hit.start)) >= 0] or [hit.start])
        return self.clause.governed_by(at, end, ("对", "向"))

    # --- sides --------------------------------------------------------------------------------

    def _counterpart(self, side: Side, at: int | None = None) -> Side:
        """The other side of the page's main interaction, for a statement that names no one;
        without one, the nearest foreign party named before (`菲律宾…。中方对此表示…`)."""
        if side.both:
            return Side()
        own = side.countries
        other = tuple(e for e in self.recent or self.frame.participants
                      if e.country and e.country not in own)
        if other and not self.qa:
            return Side(other)
        if at is None or not own:
            return Side()
        if self.qa:  # a press conference: each answer is about its own question
            start = max(self.body[0], self.text.rfind("问", self.body[0], at))
        elif ANAPHORA.search(self.text, max(self.body[0], at - 12), at):
            start = max(self.body[0], at - 300)
        else:
            return Side()
        before = [e for e in self.clause.within(start, at)
                  if e.country and e.country not in own and e.kind != "igo"]
        return Side((before[-1],)) if before else Side()

    def _resolve(self, side: Side) -> tuple[Entity, ...]:
        if side.both:
            return (self.recent or self.frame.participants or self._pair_countries(side)
                    or side.entities)
        return side.entities

    def _pair_countries(self, side: Side) -> tuple[Entity, ...]:
        """`双方` in a text with no meeting named: the two countries of `越老`, `中越` …"""
        if not self.pairs:
            return ()
        near = side.span[0] if side.span else 0
        pair = min(self.pairs, key=lambda h: abs(h.start - near))
        return tuple(
            Entity(self.text[pair.start : pair.end], (pair.start, pair.end), "country",
                   f"country:{c}", country=c)
            for c in pair.countries
        )


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
        j = bisect.bisect_left(starts, t.start)
        if j < len(taken) and taken[j][0] < t.end:
            continue
        out.append(t)
    return out


class _Deferred:
    """The subject a run of sentences without triggers hands on, worked out only when a later
    sentence needs it (most pages have long runs that never do)."""

    def __init__(self, coder: _Coder, clauses: list[Span], before: Side | _Deferred) -> None:
        # `before` is what the sentences before hand on
        self.coder, self.clauses, self.before = coder, clauses, before

    def resolve(self) -> Side:
        node: Side | _Deferred = self
        while isinstance(node, _Deferred):  # newest sentence first; a long run stays flat
            for cs, ce in reversed(node.clauses):
                own = node.coder.clause.subject(cs, ce)
                if own:
                    return own
            node = node.before
        return node


def _resolved(side: Side | _Deferred) -> Side:
    return side.resolve() if isinstance(side, _Deferred) else side


def _with_pairs(rec: Recognised) -> tuple[Entity, ...]:
    """Entities, with `中俄`, `越老` read as the two countries they join (`中俄联合演习`), and
    provinces named as such (`老街省`, `云南省`) as the local governments that act."""
    taken = {e.span for e in rec.entities}
    extra = [
        Entity(h.name, (h.start, h.end), "country", f"country:{c}", country=c)
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


FUTURE_RE = re.compile(
    r"即将|(?<![大上中少])将(?:于|在|会|要|继续|赴|前往|出席|访问|同|与|对|向)?|拟|计划|准备|打算|有望|预定|预计|定于")


def _is_future(before: str) -> bool:
    """A plan: `将于…`, `即将`, `拟` in what precedes the verb, not undone by a past `已`."""
    ends = [m.end() for m in FUTURE_RE.finditer(before)]
    return bool(ends) and "已" not in before[ends[-1] :] and "了" not in before[ends[-1] :]


def _between_two(ev: Found) -> bool:
    """Whether an event joins two parties at all (one that names only its own side is no
    event, and must not silence the words after it)."""
    return len({e.country for e in (*ev.actor, *ev.recipient) if e.country}) >= 2


def _distinct(entities: tuple[Entity, ...]) -> tuple[Entity, ...]:
    """One entity per id: `国际佛教联合会(IBC)` names one organisation twice."""
    seen: set[str] = set()
    return tuple(e for e in entities if not (e.id in seen or seen.add(e.id)))


def _merge(a: Side, b: Side) -> Side:
    extra = tuple(e for e in b.entities if e not in a.entities)
    return Side(a.entities + extra, both=a.both or b.both)
