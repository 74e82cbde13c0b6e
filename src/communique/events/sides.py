"""Finding the sides of an event in a clause: subject, object, partners, the `对/向` phrase.

These are the few constructions Chinese news uses for who did what to whom:
`A 同/与 B 举行会谈`, `A 会见 B`, `A 对 B 表示祝贺`, `A 向 B 捐赠`, `A 对 B 进行访问`,
with `的` marking a modifier whose head comes after it (`对越南进行访问的 梅德韦杰夫`).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from communique.events.grammar import SPEAKS
from communique.model import Entity, Span

JOINERS = {"、", "和", "与", "及", "以及", "暨", "、以及"}  # `同`, `跟` lead a partner: see governed_by
MEMBER_COUNT = re.compile(r"^(?:[一二三四五六七八九十两]{1,3}个?|各)(?:国|成员国)(?=.)")
PREPOSITIONS = ("对", "向", "同", "与", "和", "在", "由", "给", "为", "把", "从", "据", "经", "跟", "及",
                "、", "以", "将", "受", "应", "关于", "通过", "包括", "代表", "率领", "欢迎", "就",
                "围绕", "针对", "鉴于", "根据", "按照", "随着", "赴", "前往", "抵达", "飞抵", "出席", "选择")
GONE_TO_BEFORE = ("访", "来")  # `访华`, `来华`: where one goes, not who goes
PRONOUNS = ("他", "她")
# `要求缅甸军方立即释放昂山素姬`: an act between an organisation and a person, no title run
ACTION_GAP = re.compile(r"立即|立刻|马上|尽快|尽早|必须|务必|停止|释放|撤出|撤回")
# people named by what they are, listed before a party (`专家组全体成员和`): the object goes on
LISTED_FIRST = re.compile(r"[^\W\d同与对向在由为把从给将就和及的]{2,10}(?:和|及|以及)")
POSSESSIVE_QI = re.compile(r"其(?![他它中余实次后间])")  # `其家属`, not `其他`, `其中`
WE = ("我们", "我方", "我国")  # a spokesperson's side: the speaker named last
LED = ("为首的", "为团长的", "率领的", "带领的", "领导的", "率团", "一行")
LED_UNDER = re.compile(r"[^，,。；]{0,4}?在[^，,。；]{1,40}?(?:率领|带领|陪同)下")
# After a name, words that make it a modifier (`胡志明主席陵墓`, `越南的立场`), not an agent.
NOT_AGENT = ("的", "陵", "塑像", "纪念碑", "故居", "像", "纪念馆", "思想", "主义", "时代", "遗体",
             "问题", "局势", "形势", "事务", "地区", "海域", "政策", "经济", "方面", "市场", "企业")
# `台湾、涉藏问题关乎…`: a name listed with matters (`问题`, `事务`), one of the topics
LISTED_TOPIC = re.compile(r"(?:[、和及与][^，,。；;、]{1,8}){1,4}?(?:问题|事务)")
LEADING_TIME = re.compile(
    r"^(?:[\d〇零一二三四五六七八九十]+[年月日号]|[上中下]午|早上|晚上?|当[天日]|同日|近日|日前"
    r"|今[天年]|昨天|[于在]|已|还|也|又|再次|同时|随后|此外|另外|会谈中|会谈上|会上|期间)+")
# `欧盟驻华使团团长和日本驻华大使`: an envoy's post between two listed parties.
ENVOY_THEN_JOINER = re.compile(r"驻[^，,。；;、和与及]{1,4}(?:使团团长|使团|大使|代表|总领事)[、和与及]")
CHAIR_OF = ("轮值主席国", "主席国", "东道国")
# What may not stand between a qualifying country or organisation and the person it qualifies.
GAP_BREAKS = set(",，。；;、：:同与和对向在于已将是的")


# `出席第三届核安全峰会并访问荷兰`: what a verb of meeting or going takes is its object
OBJECT_OF = re.compile(r"(?:出席|参加|会见|会晤|访问|前往|抵达|赴)了?(?:第[\d一二三四五六七八九十]+[届次])?\s*$")
OBJECT_REACH = 12  # the longest such verb with its 第N届, searched for at the end only


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

    def __init__(self, text: str, entities: tuple[Entity, ...], both: list[Span],
                 verbs: list[int] | None = None) -> None:
        self.text = text
        self.entities = entities
        self.starts = [e.span[0] for e in entities]
        self._ends = {e.span[1]: e for e in entities}
        self.both = both
        self.verbs = verbs or []  # where the page's event words start, in order

    def starts_at(self, pos: int) -> bool:
        i = bisect.bisect_left(self.starts, pos)
        return i < len(self.starts) and self.starts[i] == pos

    def ending_at(self, end: int) -> Entity | None:
        """The entity whose words end at ``end``, if one does."""
        return self._ends.get(end)

    def within(self, start: int, end: int) -> list[Entity]:
        i = bisect.bisect_left(self.starts, start)
        out = []
        while i < len(self.entities) and self.entities[i].span[0] < end:
            if self.entities[i].span[1] <= end:
                out.append(self.entities[i])
            i += 1
        return out

    def group_from(self, ents: list[Entity]) -> list[Entity]:
        """The first entity and those coordinated with it (`A、B和C`); each member is the
        person its titles lead to (`中国外交部副部长、…中方秘书长罗照辉`)."""
        if not ents:
            return []
        k = self._title_holder(ents, 0)
        group = [ents[k]]
        k += 1
        while k < len(ents):
            e = ents[k]
            gap = self.text[group[-1].span[1] : e.span[0]]
            gap = MEMBER_COUNT.sub("", gap)  # `东盟十国以及中国、日本…`: the count names no one
            if not (gap.strip() in JOINERS or e.span == group[-1].span or _title_then_joiner(gap)):
                break
            k = self._title_holder(ents, k) if e.span != group[-1].span else k
            group.append(ents[k])
            k += 1
        return group

    def _title_holder(self, ents: list[Entity], i: int) -> int:
        """Index of the person a run of titles and organisations from ``ents[i]`` leads to,
        or ``i`` when the run reaches no person."""
        j = i
        if (i + 1 < len(ents) and ents[i].kind == "igo" and ents[i + 1].kind == "country"
                and self.text[ents[i].span[1] : ents[i + 1].span[0]] in CHAIR_OF):
            i = j = i + 1  # `东盟轮值主席国马来西亚`: the country that chairs it
        while j + 1 < len(ents) and ents[j].kind != "person":
            gap = self.text[ents[j].span[1] : ents[j + 1].span[0]]
            if len(gap) > 14 or any(c in GAP_BREAKS for c in gap.replace("、", "")) or (
                    self._verb_in(ents[j].span[1], ents[j + 1].span[0])) or ACTION_GAP.search(gap):
                break  # `德国外交部周二召见中国驻德国大使吴恳`: a verb between, not a title
            j += 1
        if j > i and ents[j].kind == "person":
            return j
        nxt = ents[i + 1] if i + 1 < len(ents) else None
        if (nxt and ents[i].kind == "country" and nxt.kind == "org"
                and nxt.span[0] == ents[i].span[1] and nxt.country in (None, ents[i].country)):
            return i + 1  # `美国洛克希德·马丁公司`: the country only qualifies its body
        return i

    def _verb_in(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.verbs, start)
        return i < len(self.verbs) and self.verbs[i] < end

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
        i = bisect.bisect_left(self.both, (start, 0))
        if i < len(self.both) and self.both[i][1] <= end:
            return self.both[i]
        return None

    def subject(self, start: int, end: int) -> Side:
        """The subject of a clause: the first entity (group) not governed by a preposition."""
        both = self.both_in(start, end)
        lead = LEADING_TIME.sub("", self.text[start : start + 12])
        if lead.startswith(PRONOUNS) and not lead.startswith(("他们", "她们", "他国")):
            return self.pronoun(start + 1)
        if lead.startswith(WE):
            return self.pronoun(start + 1) or self.speaker(start)
        ents = self.within(start, end)
        agent = None  # `协定由A与B签署`: with no subject, who 由 names did it
        governed_until = -1  # where the last entity a preposition governs ends
        for i, e in enumerate(ents):
            if both and both[0] < e.span[0]:
                break
            before = self.text[start : e.span[0]]
            if before.endswith("由") and agent is None and not _governed(before[:-1]):
                agent = i
            if before.endswith(PREPOSITIONS + GONE_TO_BEFORE) or e.span[0] == governed_until:
                governed_until = e.span[1]  # `将美国洛克希德·马丁公司…`: what it modifies too
                continue
            side_of = (e.kind == "country" and self.text.startswith("方面", e.span[1])
                       and not before.rstrip().endswith(("在", "就", "对")))
            if not side_of and (self.text.startswith(NOT_AGENT, e.span[1]) or LISTED_TOPIC.match(
                    self.text, e.span[1])):
                continue  # (but `巴勒斯坦方面对此强烈反对`: Palestine's side)
            if self.text.startswith(LED, e.span[1]) and e.kind == "person":
                return self._side([e])  # `由 X 为首的代表团`: the leader speaks for it
            head = before[before.rfind("的") + 1 :]  # `正在对越南进行访问的 X`: X heads it
            if _governed(before) or len(LEADING_TIME.sub("", head).strip()) > 6 or (
                    OBJECT_OF.search(before, max(0, len(before) - OBJECT_REACH))):
                continue  # far into the clause, or right after a verb: an object, not the subject
            if self._gives_way(ents, i):
                continue  # `外交部：秦刚将访问…`: the source a headline quotes, not who acts
            return self._with_leader(self._side(self._person_head(ents, i)), end)
        if both and not self.text[start : both[0]].endswith(PREPOSITIONS):
            return Side(both=True, span=both)  # not `，同两国有关部门…会谈`: a partner
        if agent is not None:
            return self._side(self._person_head(ents, agent))
        return Side()

    def _gives_way(self, ents: list[Entity], i: int) -> bool:
        """An organisation or country heading a clause with a colon, a person named right
        after it: the person is the subject."""
        e = ents[i]
        if e.kind == "person" or not self.text.startswith(("：", ":"), e.span[1]):
            return False
        nxt = ents[i + 1] if i + 1 < len(ents) else None
        return nxt is not None and nxt.kind == "person" and nxt.span[0] - e.span[1] <= 2

    def _person_head(self, ents: list[Entity], i: int) -> list[Entity]:
        """`美国蒙大拿州美国参议院议员史蒂夫·戴恩斯`: a country or organisation that only
        qualifies the person after it is not the subject; the person is."""
        return self.group_from(ents[i:])

    def _with_leader(self, side: Side, end: int) -> Side:
        """`代表团在阮文海大使率领下`: the leader named after the delegation joins its side."""
        if not side.span:
            return side
        m = LED_UNDER.match(self.text, side.span[1], end)
        if m:
            leaders = [e for e in self.within(m.start(), m.end()) if e.kind == "person"]
            if leaders:
                return Side((*leaders, *side.entities), span=side.span)
        return side

    def _side(self, group: list[Entity]) -> Side:
        if not group:
            return Side()
        return Side(tuple(group), span=(group[0].span[0], group[-1].span[1]))

    def object_after(self, start: int, end: int) -> Side:
        """The object of a verb: the first entity after it not governed by a preposition
        (`会见了正在对越南进行国事访问的老挝…通伦`: not 越南, but 通伦)."""
        both = self.both_in(start, min(end, start + 4))
        if both:
            return Side(both=True, span=both)
        lead = self.text[start : start + 2].lstrip("了")
        if lead.startswith(PRONOUNS):
            return self.pronoun(start)
        ents = self.within(start, end)
        for i, e in enumerate(ents):
            gap = self.text[start : e.span[0]]
            if self.text.startswith(LED, e.span[1]) and e.kind == "person":
                return self._side([e])
            if i == 0 and LISTED_FIRST.fullmatch(gap.lstrip("了")) and not _governed(gap):
                return self._side(self._person_head(ents, i))  # `会见了专家组全体成员和白天大使`
            if gap.endswith(PREPOSITIONS) or _governed(gap):
                continue
            if self.text.startswith("的", e.span[1]) and i + 1 < len(ents):
                continue  # `越南的立场`: a modifier, the head comes later
            return self._side(self._person_head(ents, i))
        return Side()

    def governed_by(self, start: int, end: int, marks: tuple[str, ...], first: bool = False
                    ) -> Side:
        """What follows the last (or ``first``) of ``marks`` (对/向/同…) in ``[start, end)``."""
        found = [p for m in marks if (p := (self.text.find(m, start, end) if first
                                            else self.text.rfind(m, start, end))) >= 0]
        if not found:
            return Side()
        pos = min(found) if first else max(found)
        both = self.both_in(pos, min(end, pos + 5))
        if both:
            return Side(both=True, span=both)
        if self.text.startswith(PRONOUNS, pos + 1) or POSSESSIVE_QI.match(self.text, pos + 1):
            return self.pronoun(pos + 1)  # `向其家属表示慰问`: to the one named last
        ents = self.head(pos + 1, end)
        return self._side(self._person_head(ents, 0)) if ents else Side()

    def speaker(self, at: int) -> Side:
        """`外交部发言人…发表声明。声明说,我们…`: the body that spoke last before ``at``."""
        i = bisect.bisect_left(self.starts, at) - 1
        while i >= 0:
            e = self.entities[i]
            if e.kind in ("org", "igo") and SPEAKS.match(self.text, e.span[1]):
                return Side((e,), span=(at, at + 1))
            i -= 1
        return Side()

    def pronoun(self, at: int) -> Side:
        """`…期间,李强同他举行会谈`: the person named last before the pronoun's clause."""
        floor = max(self.text.rfind(c, 0, at) for c in "，,。；;\n")
        i = bisect.bisect_left(self.starts, floor) - 1
        while i >= 0 and self.entities[i].kind != "person":
            i -= 1
        if i < 0:
            return Side()
        e = self.entities[i]
        return Side((e,), span=(at, at + 1))


def _title_then_joiner(gap: str) -> bool:
    """`老挝驻越南大使、柬埔寨驻越南大使`: a short title word between two listed parties, or
    an envoy's post (`欧盟驻华使团团长和日本驻华大使`)."""
    if ENVOY_THEN_JOINER.fullmatch(gap):
        return True
    if not (2 <= len(gap) <= 5 and gap[-1] in "、和与及"):
        return False
    from communique.entities.gazetteer import gazetteer

    return gazetteer().entry(f"role:{gap[:-1]}") is not None


def _governed(before: str) -> bool:
    """True when a preposition in ``before`` still governs what follows (no verb closed it)."""
    for p in ("对", "向", "在", "由", "就"):
        i = before.rfind(p)
        if i >= 0 and not any(c in before[i:] for c in ",，的"):
            return True
    return False
