"""Code the events of one page: trigger by trigger, clause by clause, with the page as context.

The page gives what a single sentence cannot: who is visiting whom (`对越南进行正式访问的…`,
`访俄`, `在新加坡期间`), who the two sides of the main interaction are (so `双方` and an
unnamed counterpart can be resolved), and whether the main interaction was a call (so the
statements made in it inherit its medium).
"""

from __future__ import annotations

import bisect
import re

from communique.entities.gazetteer import gazetteer
from communique.entities.recognise import Recognised
from communique.events.frames import Frames
from communique.events.grammar import (
    ALREADY_DONE,
    CLAUSE_OPENERS,
    CONTENT_FRAMES,
    ONCE_DONE,
    QUESTION,
    SAID,
    STATEMENT_FRAMES,
)
from communique.events.lexicon import TriggerHit
from communique.events.page_frame import PageFrameReader
from communique.events.page_state import Found, PageFrame
from communique.events.sides import LEADING_TIME, WE, Side
from communique.model import Entity, Span

__all__ = ["Found", "PageFrame", "code_events"]


def code_events(text: str, rec: Recognised, body: Span, skip: tuple[Span, ...] = ()) -> list[Found]:
    """Events of ``text[body]`` in order; ``skip`` spans (the dateline) hold no event."""
    return _Coder(text, rec, body, skip).run()


REPORTED_IN_QUESTIONS = frozenset({"ACCUSE"})
ON_REQUEST = re.compile(r"应[^，,。；;]{0,20}?(?:要求|请求|邀请|之邀)")
# `答：我们…`, `毛宁：我们…`: who answers, before what the answer says
ANSWER_MARK = re.compile(r"^[^，,。：:\s]{1,6}[:：]")
# `坚决反对并要求…停止`: a request joined to a stance by 并 is an act of its own
JOINED_ASK = re.compile(r"并(?=要求|敦促|呼吁|促请|吁请)")


MEETING_NOUNS = ("峰会", "会议", "大会", "论坛")  # a meeting named again by its kind alone
IN_THE_TALKS = re.compile(r"\s*([^，,。；;]{1,12}?)在(?:会谈|会晤)(?:中|时)")  # `李显龙在会谈中…`


class _Coder(Frames, PageFrameReader):
    """The coder of one page: the page frame first, then sentence by sentence."""

    def run(self) -> list[Found]:
        self._read_visits()
        self.frame.organisers = self._organisers()
        found: list[Found] = []
        carried = Side()
        for sent in self.sentences:
            if self._in_question(sent):
                # A journalist's question frames what the answer reports, but the charge it
                # reports (`据报道，X对…表示严重关切`, `X发表声明，谴责…`) happened.
                found.extend(ev for ev in self._sentence(sent, Side())[1]
                             if ev.event in REPORTED_IN_QUESTIONS)
                continue
            if self.text[sent[0] : sent[1]].rstrip().endswith(("？", "?")):
                continue  # `李强将于明年访问澳大利亚？`: a headline asking, not telling
            self._back_to_main_talks(sent)
            carried, events = self._sentence(sent, carried)
            for ev in events:
                if not self.frame.participants and ev.event == "CONSULT":
                    self.frame.participants = ev.actor + self._members(ev.actor, ev.recipient)
                    self.frame.medium = ev.medium
                    self.frame.multilateral = ev.mode == "multilateral" and any(
                        e.kind == "igo" for e in ev.recipient)
            found.extend(events)
        for ev in found:
            ev.medium = ev.medium or self.frame.medium
        return found

    def _members(self, actor: tuple[Entity, ...], recipient: tuple[Entity, ...]
                 ) -> tuple[Entity, ...]:
        """The recipients, a meeting named by its members (`中日韩领导人会议`) read as those
        members: its `三国领导人` are the leaders of the three (the actors already, when its
        leaders attend it)."""
        own = {e.country for e in actor}
        out: list[Entity] = []
        for e in recipient:
            members = [m for m in self.clause.within(*e.span) if m.kind == "country"
                       ] if e.kind == "igo" and not e.known else []
            out += [m for m in members if m.country not in own] if members else [e]
        return tuple(out)

    def _note_meeting(self, events: list[Found]) -> None:
        """A meeting of two or more countries' people: whom a later `双方` means, from the
        next clause on (`他当天与尹锡悦举行会谈，双方同意…`); not one told as done before
        (`帕姆兰15日已在日内瓦会见了拜登`)."""
        for ev in events:
            sides = ev.actor + ev.recipient
            people = {e.country for e in sides if e.kind == "person" and e.country}
            if ev.event == "CONSULT" and ev.mode != "multilateral" and len(people) >= 2 and (
                    not ALREADY_DONE.search(self.text, ev.sentence[0], ev.span[0])
                    and not ONCE_DONE.search(self.text, ev.sentence[0], ev.span[0])):
                self.recent, self.recent_at = sides, ev.span[0]

    def _back_to_main_talks(self, sent: Span) -> None:
        """`李显龙在会谈中感谢…` after a meeting told in passing (`会谈前，陈庆炎…同习近平会谈`):
        a party of the page's main meeting speaking in it makes it the meeting a later `双方`
        means again."""
        m = IN_THE_TALKS.match(self.text, sent[0], sent[1])
        main = self.frame.participants
        if not m or not main or self.recent == main:
            return
        speaker = next(iter(self.clause.within(m.start(1), m.end(1))), None)
        if speaker is not None and speaker.kind == "person" and speaker.id in {e.id for e in main}:
            self.recent, self.recent_at = main, sent[0]

    def _meeting_as_actor(self, start: int, at: int) -> Side:
        """`峰会正式决定邀请美国和俄罗斯…`: a clause opened by the bare word for a meeting whose
        organisation the page named before (`第五届东亚峰会30日在河内举行`) has it act."""
        head = self.text[start:at].lstrip("，, ")
        word = next((w for w in MEETING_NOUNS if head.startswith(w)), None)
        if word is None:
            return Side()
        named = [e for e in self.clause.within(self.body[0], start)
                 if e.kind == "igo" and (e.org or e.text).endswith(word)]
        return Side((named[-1],), span=(start, start + len(word))) if named else Side()

    def _in_question(self, sent: Span) -> bool:
        start = self.text.rfind("\n", 0, sent[0]) + 1
        return bool(QUESTION.match(self.text, start))

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
                subj = self._listed_before(cs, self.clause.subject(cs, hit.start)) or (
                    self._meeting_as_actor(cs, hit.start))
                confidence = 0.0
                if not subj:
                    subject = _resolved(_Deferred(self, pending, subject))
                    pending = []
                    subj, confidence = subject, -0.1
                    if n == 0 and hit.trigger.frame in CONTENT_FRAMES and (
                            "\n" in self.text[max(self.body[0], sent[0] - 1) : sent[0] + 1]
                    ) and not self._answerer(Side(), cs, hit.start):
                        # a plan or wish whose holder is in another paragraph (not `答：我们…`,
                        # the spokesperson's)
                        continue
                    if hit.trigger.frame == "request":
                        subj = self._answering(subj, cs)
                subj = self._answerer(self._speaker_for(subj, hit.start), cs, hit.start)
                new = self._frame(hit, subj, (cs, ce), sent)
                for ev in new:
                    ev.confidence += confidence
                events.extend(new)
                self._note_meeting(new)
                new = [ev for ev in new if _between_two(ev)]
                if new and (hit.trigger.frame in CONTENT_FRAMES
                            or any(ev.event in ("AGREE", "REQUEST", "REJECT") for ev in new)):
                    content_until = sent[1]
                elif new and hit.trigger.frame == "welcome" and new[0].event == "SUPPORT":
                    content_until = max(content_until, ce)  # `欢迎中国军队来马参加联合演习`
                elif new and hit.trigger.medium == "letter":
                    content_until = sent[1]  # what the message says is not another event
                elif new and hit.trigger.frame in STATEMENT_FRAMES:
                    joined = JOINED_ASK.search(self.text, hit.end, ce)
                    content_until = max(content_until, joined.start() if joined else ce)
            pending.append((cs, ce))
        return _Deferred(self, pending, subject), events

    def _listed_before(self, cs: int, subj: Side) -> Side:
        """`外交部长黎怀忠;中央组织部副部长阮诚心;中央办公厅副主任武成兴共同主持了会议`, `…国家主席
        迪亚斯-卡内尔,朝鲜劳动党总书记金正恩,统一俄罗斯党主席梅德韦杰夫也向苏林致电`: the officials
        listed before the subject, one to a clause (after a comma, a clause that is nothing but
        the titled name), act with it."""
        if not subj or subj.both:
            return subj
        listed: list[Entity] = []
        at = cs
        while at > self.body[0] and self.text[at - 1] in ";；,，":
            end = at - 1
            last = self.clause.ending_at(end)  # a person named last in the clause, or None
            if last is None or last.kind != "person":
                break
            start = max(self.text.rfind(c, self.body[0], end) for c in ";；，,。\n") + 1
            ents = self.clause.within(start, end)
            if last.span[0] < start:
                break
            if self.text[end] in ",，" and (
                    not self._titled_name(start, end, ents) or subj.entities[0].kind != "person"):
                break  # after a comma only a clause that is a titled name, before a person
            if bisect.bisect_left(self.trigger_starts, start) != bisect.bisect_left(
                    self.trigger_starts, end):
                break  # a clause with an act of its own
            listed.insert(0, last)
            at = start
        if not listed:
            return subj
        span = (listed[0].span[0], subj.span[1]) if subj.span else None
        return Side((*listed, *subj.entities), span=span)

    def _titled_name(self, start: int, end: int, ents: list[Entity]) -> bool:
        """`[朝鲜劳动党]总书记、国务委员长[金正恩]`: the names and titles of one person, nothing
        else."""
        rest, at = [], start
        for e in ents:
            rest.append(self.text[at : e.span[0]])
            at = e.span[1]
        rest.append(self.text[at:end])
        words = [w for w in re.split(r"[、兼\s]+", "".join(rest)) if w]
        return all(any(gazetteer().entry(f"role:{w[i:]}") is not None for i in range(len(w) - 1))
                   for w in words)  # a title, or one after the body's name (`国防部副部长`)

    def _answerer(self, subj: Side, cs: int, at: int) -> Side:
        """At a press conference, `我们`/`中方` in an answer is the spokesperson speaking."""
        speaker = self.spokesperson
        if speaker is None:
            return subj
        lead = ANSWER_MARK.sub("", LEADING_TIME.sub("", self.text[cs:at]).lstrip()).lstrip()
        ours = bool(subj.entities) and all(
            e.kind == "country" and e.country == speaker.country for e in subj.entities)
        return Side((speaker,), span=subj.span) if lead.startswith(WE) or ours else subj

    def _answering(self, subj: Side, at: int) -> Side:
        """`吴谦：…日本在军事安全领域的动向…。希望日方谨言慎行`: in an answer, a wish with no
        subject of its own is the spokesperson's, not the party he spoke of."""
        speaker = self.spokesperson
        para = self.text.rfind("\n", self.body[0], at) + 1
        mark = ANSWER_MARK.match(self.text[para : para + 12].lstrip())
        if (speaker is None or not subj.countries or speaker.country in subj.countries
                or not mark or QUESTION.match(self.text, para)):  # not `记者：`, `问：`
            return subj
        return Side((speaker,), span=subj.span)

    def _speaker_for(self, subj: Side, at: int) -> Side:
        """`阮志咏强调,越南希望…`: a country that speaks through its official named just before,
        in the same paragraph, is that official."""
        if not subj.entities or subj.both or any(e.kind != "country" for e in subj.entities):
            return subj
        country = subj.entities[0].country
        floor = self.text.rfind("\n", self.body[0], at) + 1
        if any(e.country != country for e in subj.entities):
            # `戴秉国在会见时表示，中越两国是…邻邦，希望越方…`: the pair a speaker talks of is
            # no subject of his wish; he is
            said = list(SAID.finditer(self.text, floor, subj.span[0])) if subj.span else []
            speaker = [e for e in self.clause.within(floor, said[-1].start())
                       if e.kind == "person"] if said else []
            return Side(tuple(speaker[-1:]), span=subj.span) if speaker else subj
        asked = [m.span() for m in ON_REQUEST.finditer(self.text, floor, at)]
        for e in reversed(self.clause.within(floor, at)):
            if e.kind == "person" and e.country == country and not any(
                    s <= e.span[0] < t for s, t in asked):  # `应马克龙总统要求，法国…`: who asked
                return Side((e,), span=subj.span)
        return subj

    def _outside_statements(self, hits: list[TriggerHit], sent: Span) -> list[TriggerHit]:
        """Drop triggers inside `对 … 表示感谢`: what is thanked is not coded again.
        The `对` phrase may run over commas, back to the previous such statement."""
        inner: list[Span] = []
        floor = sent[0]
        for h in hits:
            told = h.trigger.frame == "to" or self.text.endswith(("表示", "表示了"), floor, h.start)
            if told and h.trigger.event in ("SUPPORT", "ACCUSE"):  # `对…表示坚决反对`
                at = max(self.text.rfind(c, floor, h.start) for c in "对向为")
                if at >= 0:
                    inner.append((at, h.start))
                floor = h.end
        return [h for h in hits if not any(s < h.start < e for s, e in inner)]


REPORTED_CLAIM = re.compile(r"\s*(?:指|指称|称|指责|批评|谴责)(?![出导示挥标])")


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
                if REPORTED_CLAIM.match(node.coder.text, cs, ce):
                    continue  # `发表声明，指中国渔政船只阻挠…，对此表示抗议`: who is charged
                own = node.coder._listed_before(cs, node.coder.clause.subject(cs, ce))
                if own:
                    return own
            node = node.before
        return node


def _resolved(side: Side | _Deferred) -> Side:
    return side.resolve() if isinstance(side, _Deferred) else side


def _between_two(ev: Found) -> bool:
    """Whether an event joins two parties at all (one that names only its own side is no
    event, and must not silence the words after it)."""
    return len({e.country for e in (*ev.actor, *ev.recipient) if e.country}) >= 2
