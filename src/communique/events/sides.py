"""Finding the sides of an event in a clause: subject, object, partners, the `对/向` phrase.

These are the few constructions Chinese news uses for who did what to whom:
`A 同/与 B 举行会谈`, `A 会见 B`, `A 对 B 表示祝贺`, `A 向 B 捐赠`, `A 对 B 进行访问`,
with `的` marking a modifier whose head comes after it (`对越南进行访问的 梅德韦杰夫`).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from communique.model import Entity, Span

JOINERS = {"、", "和", "与", "及", "以及", "同", "跟", "暨", "、以及"}
PREPOSITIONS = ("对", "向", "同", "与", "和", "在", "由", "给", "为", "把", "从", "据", "经", "跟", "及",
                "、", "以", "将", "受", "应", "关于", "通过", "包括", "代表", "率领", "欢迎")
# Words that may stand between a subject and its verb without ending the subject.
PARTNER_MARKS = ("同", "与", "和", "跟")


@dataclass(frozen=True, slots=True)
class Side:
    """Entities acting together, or `both` for `双方/两国` (the document's participants)."""

    entities: tuple[Entity, ...] = ()
    both: bool = False
    span: Span | None = None

    @property
    def countries(self) -> set[str]:
        return {e.country for e in self.entities if e.country}

    def __bool__(self) -> bool:
        return bool(self.entities) or self.both


class Clause:
    """Entity look-ups over one document's text, by position."""

    def __init__(self, text: str, entities: tuple[Entity, ...], both: list[Span]) -> None:
        self.text = text
        self.entities = entities
        self.starts = [e.span[0] for e in entities]
        self.both = both

    def within(self, start: int, end: int) -> list[Entity]:
        i = bisect.bisect_left(self.starts, start)
        out = []
        while i < len(self.entities) and self.entities[i].span[0] < end:
            if self.entities[i].span[1] <= end:
                out.append(self.entities[i])
            i += 1
        return out

    def group_from(self, ents: list[Entity]) -> list[Entity]:
        """The first entity and those coordinated with it (`A、B和C`)."""
        if not ents:
            return []
        group = [ents[0]]
        for e in ents[1:]:
            gap = self.text[group[-1].span[1] : e.span[0]]
            if gap.strip() in JOINERS:
                group.append(e)
            else:
                break
        return group

    def head(self, start: int, end: int) -> list[Entity]:
        """Entities of ``[start, end)`` that head the noun phrase: those after the last `的`."""
        ents = self.within(start, end)
        if not ents:
            return []
        cut = self.text.rfind("的", start, ents[-1].span[0])
        if cut >= 0:
            after = [e for e in ents if e.span[0] > cut]
            if after:
                return after
        return ents

    def both_in(self, start: int, end: int) -> Span | None:
        for s, e in self.both:
            if start <= s and e <= end:
                return (s, e)
        return None

    def subject(self, start: int, end: int) -> Side:
        """The subject of a clause: the first entity (group) not governed by a preposition."""
        both = self.both_in(start, end)
        for i, e in enumerate(ents := self.within(start, end)):
            if both and both[0] < e.span[0]:
                break
            before = self.text[start : e.span[0]]
            if before.endswith(PREPOSITIONS) or self.text.startswith("的", e.span[1]):
                continue
            if any(p in before for p in ("对", "向", "在", "由")) and _governed(before):
                continue
            group = self.group_from(ents[i:])
            return Side(tuple(group), span=(group[0].span[0], group[-1].span[1]))
        if both:
            return Side(both=True, span=both)
        return Side()

    def object_after(self, start: int, end: int) -> Side:
        """The object after a verb: the head group of what follows, up to the clause end."""
        both = self.both_in(start, min(end, start + 4))
        if both:
            return Side(both=True, span=both)
        ents = self.head(start, end) if "的" in self.text[start:end] else self.within(start, end)
        group = self.group_from(ents)
        return Side(tuple(group), span=(group[0].span[0], group[-1].span[1])) if group else Side()

    def governed_by(self, start: int, end: int, marks: tuple[str, ...]) -> Side:
        """What follows the last of ``marks`` (对/向/同…) between ``start`` and ``end``."""
        pos = max(self.text.rfind(m, start, end) for m in marks)
        if pos < 0:
            return Side()
        both = self.both_in(pos, end)
        if both:
            return Side(both=True, span=both)
        group = self.group_from(self.head(pos + 1, end))
        return Side(tuple(group), span=(group[0].span[0], group[-1].span[1])) if group else Side()


def _governed(before: str) -> bool:
    """True when a preposition in ``before`` still governs what follows (no verb closed it)."""
    for p in ("对", "向", "在", "由"):
        i = before.rfind(p)
        if i >= 0 and not any(c in before[i:] for c in ",，"):
            return True
    return False
