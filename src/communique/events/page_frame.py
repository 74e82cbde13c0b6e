"""The page frame: who visits whom (`对越南进行正式访问的…`, `访俄`, `在新加坡期间`, `应…邀请`),
and who organises the meeting the page reports (`由…主办`)."""

from __future__ import annotations

import re

from communique.entities.gazetteer import gazetteer
from communique.events.grammar import (
    ARRIVED_RE,
    DURING_RE,
    GUEST_RE,
    HOSTED_RE,
    ONCE_DONE,
    VISIT_OF_RE,
    VISIT_WORD,
)
from communique.events.page_state import PageState
from communique.events.sides import Side
from communique.model import Entity, Span

# `双方同意布林肯适时访华`: a visit planned or agreed, not the page's
PLANNED = re.compile(r"同意|邀请|适时|将|拟|计划|准备|有望")


class PageFrameReader(PageState):
    """Reads the page frame before any event is coded."""

    def _read_visits(self) -> None:
        text, clause = self.text, self.clause
        shorts = gazetteer().short_forms()
        for sent in self.sentences:
            whole = text[sent[0] : sent[1]]
            if ("访" not in whole and "期间" not in whole and "邀请" not in whole
                    and not ARRIVED_RE.search(whole) and not VISIT_WORD.search(whole)):
                continue  # no word of a visit (`来韩出席`): nothing to learn here
            if ONCE_DONE.search(whole):
                continue  # `他曾于2022年10月访华`: a visit of the past, not the page's
            for cs, ce in self.clauses(sent):
                seg = text[cs:ce]
                for m in VISIT_OF_RE.finditer(seg):
                    host = clause.within(cs + m.start(1), cs + m.end(1))
                    self._mark(self._visitor(cs, cs + m.end(), sent), host)
                for m in VISIT_WORD.finditer(seg):
                    iso = shorts.get(m.group(1))
                    if iso and not PLANNED.search(seg, 0, m.start()):
                        i = m.start()
                        rel = re.match(r"[^，,。]{0,10}?访问的|[^，,。]{0,24}?的", seg[m.end() :])
                        visitor = (clause.object_after(cs + m.end() + rel.end(), sent[1]) if rel
                                   else self._visitor(cs, cs + m.end(), sent, cs + i))
                        self._mark_iso(visitor, iso)
                for m in ARRIVED_RE.finditer(seg):  # `抵达新加坡`, `抵达吉隆坡`
                    host = self._country_in(cs + m.start(1), cs + m.end(1)).entities
                    self._mark(self._visitor(cs, cs + m.start(), sent), list(host))
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
