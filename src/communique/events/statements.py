"""Frame handlers for what one side says or does to another: statements (praise, thanks,
concern, support), requests, plans and promises, invitations, aid provided and accusations."""

from __future__ import annotations

import bisect
import re

from communique.entities.gazetteer import gazetteer
from communique.events.grammar import (
    AID_GOODS,
    ATTENDS,
    DEMANDED_SANCTION,
    GENERAL_ADDRESSEE,
    GIVEN,
    GOING,
    GONE_TO,
    HANDED_PEOPLE,
    IF_CLAUSE,
    LEAVING_POST,
    NOMINAL_BEFORE,
    PASSIVE_AGENT,
    SAID,
    VISIT_OF_RE,
    WISHED_STATE,
    is_future,
)
from communique.events.lexicon import TriggerHit, lexicon
from communique.events.meetings import BARE_MEETING, Meetings
from communique.events.page_state import Found, merge
from communique.events.sides import Side
from communique.model import Entity, Span

# what makes a letter a message of support: congratulations, condolences, thanks, greetings
GREETING = re.compile(r"贺|慰问|哀悼|吊唁|悼念|志哀|感谢|致谢|致敬|欢迎|祝愿|问候|致意|支持|赞赏")
# `将分别会见阮春福`: hosts, each to receive one guest
HOSTS_TO_RECEIVE = re.compile(r"\s*(?:于[^，,。]{1,8})?分别(?:会见|接见|会晤)")

NEXT_PLAN = re.compile(r"[，,；;][^，,；;。]{1,12}?(?<![大上中少])(?:将|愿|拟)")


JOIN_IN = re.compile(r"[^，,。；]{0,6}?(?:参与|加入|共建)")
VISIT_OR_MEETING = re.compile(r"访|出席|会议|峰会|论坛|典礼|仪式|庆典|活动|会晤|会谈|大会")


# A plan to go somewhere (`将访华`, `将出席…峰会`): guests of several countries go each on their own
JOURNEY_PLAN = re.compile(r"访")
ENDING = re.compile(r"(?:于[^，,。]{0,12}?)?结束")  # `将(于10日)结束…访问`: a visit's end
ENVOY_AFTER = re.compile(r"大使|使节|使馆|总领事|领事|外交官")  # `驻韩` + `大使`: a post
COMMA = re.compile(r"[，,]")
MEETING_REACH = 300  # characters back to where a meeting named by its kind was named in full
AWARDS = ("授予", "颁授")
# `姜再冬代表中国政府将疫苗移交老方`: 将 that moves the thing handed over, as 把; not `将于…移交`
DISPOSAL_JIANG = re.compile(r"(?<!即)将(?!于|在|会|要|继续|向|对|同|与|为|把)[^，,。；]{1,8}$")
GOES_ABROAD = re.compile(rf"\s*(?:于[^，,。；]{{1,12}}?)?(?:{GOING})")
POSTED_JOINER = re.compile(r"和|及|、|与")
MEETS_THERE = re.compile(r"会晤|会见|会谈")
SUMMONED = re.compile(r"召见|约见")  # an envoy summoned: the protests that follow are to them
ASKED_OF_NOT = set("申提聘敬宴约恳回")  # `申请`, `提请`, `聘请` …: no ask of a party
FORCEFUL = ("COERCE", "ASSAULT")  # acts of force on people or ships: told in the passive too
# `在台岛周边海空域`, `在台湾海峡、台岛北部、南部及台岛以东海空域`: waters or land around a party
AROUND = re.compile(r"在[^，,。；;]{1,40}?(?:周边|附近|周围|以东|以西|以南|以北|沿海|海域|空域|领海)")


# `就越共中央总书记阮富仲逝世`: whose death a message of condolence is about
DIED = re.compile(r"就[^，,。；;]{1,30}?(?:逝世|去世|病逝|辞世|遇难|不幸遇难)")
THREAT_REACH = 300  # characters before a threat's sentence where its target may be named


class Statements(Meetings):
    """The handlers of the statement frames (a statement of talks held is a meeting)."""

    def _province_after(self, hit: TriggerHit, subj: Side) -> Side:
        """`越南四省书记感谢广西在…`: a province of another country thanked or congratulated
        right after the word stands for its government."""
        i = bisect.bisect_left(self.place_starts, hit.end)
        if i == len(self.places) or self.places[i].start != hit.end:
            return Side()
        p = self.places[i]
        if p.role != "province" or not p.country or p.country in subj.countries:
            return Side()
        words = self.text[p.start : p.end]
        return Side((Entity(words, (p.start, p.end), "org", f"org:{p.name}", None, None, p.name,
                            p.country, "GOV", known=False),))

    def _at_a_third(self, both: Side, hit: TriggerHit, cl: Span) -> bool:
        """`双方…并批评中国海警…`: both sides charge a party of neither."""
        own = {e.country for e in self._resolve(both)}
        obj = (self.clause.object_after(hit.end, cl[1])
               or self.clause.governed_by(cl[0], hit.start, ("对",), first=True))
        return bool(own) and bool(obj.countries - own)

    def _statement(self, hit: TriggerHit, subj: Side, cl: Span, sent: Span, before: str
                   ) -> list[Found]:
        """Praise, thanks, congratulations, concern, aid: `A 对 B 表示…` or `A 祝贺 B`;
        `A和B分别…` is one statement each."""
        if "分别" in before and len(subj.countries) > 1:
            return [ev for e in subj.entities
                    for ev in self._statement(hit, Side((e,), span=e.span), cl, sent, "")]
        if hit.trigger.word in ("致函", "致信") and not GREETING.search(self.text, *sent):
            return []  # `致函联合国秘书长，阐明中方立场，并请…`: a letter carries other acts
        if (hit.trigger.word in AWARDS and "把" in self.text[cl[0] : hit.start]
                and not self.clause.within(hit.end, min(cl[1], hit.end + 12))):
            return []  # `把和平奖授予这样一个人`: given to no party named
        agent = self._passive_agent(hit, cl)
        if agent is not None and not agent:
            return []  # `遭受台风袭击`: suffered at the hands of no party
        if agent:
            # `越南渔船…被中国海警船只撞沉`: the agent acts on the subject, else on the party of
            # another country the sentence named before, else on the other side of the page
            victim = subj if subj and not subj.both and subj.countries - agent.countries else (
                self.foreign_named_last(sent[0], agent.span[0], agent.countries)
                or self._counterpart(agent, hit.start))
            return self._found(hit, sent, agent, victim, 0.7)
        if subj.both and hit.trigger.event in ("SUPPORT", "ACCUSE") and not (
                hit.trigger.event == "ACCUSE" and self._at_a_third(subj, hit, cl)):
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
        if governed and hit.trigger.event == "ACCUSE":
            governed = self._with_partners(governed, subj, cl[0], hit.start)
        if not governed and hit.trigger.word.endswith("交涉"):  # `与中方有关部门交涉`
            governed = self.clause.governed_by(cl[0], hit.start, ("与", "同"))
        if not governed and hit.trigger.event == "THREATEN":
            governed = self._condition_party(sent[0], cl[0], subj)
        if not governed and hit.trigger.frame == "to":
            governed = self._governed_before(hit, sent)
        if not governed and hit.trigger.event == "REJECT" and hit.trigger.mode == "meet":
            # `奥巴马原定6日与杜特尔特举行会晤，但白宫…宣布取消会晤`: the one to be met
            governed = self.clause.governed_by(sent[0], hit.start, ("与", "同"))
        if not governed and hit.trigger.event == "SANCTION":
            # `将…公司和…公司列入不可靠实体清单` (what 将 moves), `宣布与中华民国断交`
            governed = (self.clause.governed_by(cl[0], hit.start, ("把", "将"), first=True)
                        or self.clause.governed_by(cl[0], hit.start, ("与", "同", "和")))
        after = self.clause.object_after(hit.end, cl[1]) or self._province_after(hit, subj)
        if hit.trigger.event == "AID":  # `援助柬埔寨的60万剂国药集团疫苗`: to whom, what
            first = self.clause.within(hit.end, cl[1])[:1]
            if first and first[0].span[0] <= hit.end + 1 and self.text.startswith(
                    "的", first[0].span[1]):
                after = Side(tuple(first))
        if not after and hit.trigger.event == "ACCUSE" and hit.trigger.frame == "object" and (
                self.text.startswith(
                    ("，", ",", "：", ":"), hit.end)):  # `吴钊燮批评，中国长期以各种手段打压…`
            nxt = next((c for c in self.clauses(sent) if c[0] > hit.end), None)
            after = self.clause.subject(nxt[0], nxt[1]) if nxt else Side()
        each = self.clause.group_from(self.clause.within(hit.end, cl[1])) if (
            "分别" in before and after and not subj.both) else []
        if len({e.country for e in each} - subj.countries) > 1:
            # `分别召见欧盟驻华使团团长和日本驻华大使`: one act on each
            return [ev for e in each if e.country not in subj.countries
                    for ev in self._found(hit, sent, subj, Side((e,)), 0.85)]
        handed = hit.trigger.word == "移交"
        if handed and self.text.startswith("给", hit.end):  # `将这批人员移交给中国公安部工作组`
            governed = self.clause.governed_by(hit.end, cl[1], ("给",), first=True) or governed
        if hit.trigger.word.endswith("驻"):  # `召回驻印尼大使格里格森`: where the envoy served
            after = self._posted_to(hit.end) or after
        options = [governed, after] if hit.trigger.frame == "to" else [after, governed]
        foreign = [o for o in options if o.both or o.countries - subj.countries]
        obj = (foreign or [o for o in options if o] or [Side()])[0]
        confidence = 0.85
        if not obj and (hit.trigger.event in ("SANCTION", "COERCE")
                        or hit.trigger.mode == "meet"):
            # `暂停进口原产地为日本的水产品`: the country named in what is banned or stopped;
            # `取消原定…举行的中美国防部长会谈`: the other party of the meeting called off
            named = [e for e in self.clause.within(hit.end, cl[1])
                     if e.country and e.country not in subj.countries]
            obj = Side(tuple(named[:1]))
            if not obj and hit.trigger.event == "SANCTION":  # `不派官方代表出席北京冬奥会`: where
                held = self._country_in(hit.end, cl[1])   # what is boycotted is held
                obj = held if held.countries - subj.countries else obj
        if not obj and hit.trigger.event in FORCEFUL:
            # `…越南渔船…，中国执法力量登上该渔船，用铁棍殴打船员`: the people or boats acted on
            # are of the party of another country the sentence named before
            obj, confidence = self.foreign_named_last(sent[0], hit.start, subj.countries), 0.7
        if not obj and hit.trigger.frame == "object" and re.match(
                r"[^，,。；]*?[\u4e00-\u9fff]{2}", self.text[hit.end : cl[1]]):
            if hit.trigger.event != "REJECT":
                return []  # `坚决反对任何形式的"台独"`: what is opposed is not a party
            # `拉夫罗夫拒绝就停火作出承诺`: refused to the other side of the talks
            obj, confidence = self._counterpart(subj, hit.start), 0.6
        if not obj and hit.trigger.event == "REJECT" and not re.search(
                r"[\u4e00-\u9fff]", self.text[hit.end : cl[1]]):
            # `朝方要求全面解除制裁，美方无法接受`: what is refused was asked by the party before
            obj, confidence = self.foreign_named_last(sent[0], hit.start, subj.countries), 0.6
        if not obj and hit.trigger.event == "ACCUSE" and not re.search(
                r"[\u4e00-\u9fff]", self.text[hit.end : cl[1]]) and cl[0] > sent[0]:
            # `田中光指出，中国…利诱诺鲁，意图打压…，政府表达强烈谴责`: of the one the report
            # said acted, the subject of its first clause
            said = SAID.search(self.text, sent[0], cl[0])
            lead = self.clause.within(said.end(), self._clause_end(said.end(), sent, opens=True))[:1] if (
                said) else []
            actor = Side(tuple(lead)) if lead and lead[0].span[0] == said.end() else Side()
            if actor and actor.countries - subj.countries:
                obj, confidence = actor, 0.6
        if not obj and hit.trigger.event == "THREATEN":
            # a threat that names no one is aimed at whom its sentence spoke against before it
            # (`…对X表示坚决反对，并称将采取坚决有力措施`), else at the party it named last
            # (`如果美方执意加征关税，中方将采取反制措施`)
            obj = (self._acted_on_before(sent, subj)
                   or self.foreign_named_last(sent[0], hit.start, subj.countries))
            if not obj and hit.trigger.frame == "reserved":
                # `德方保留采取进一步…措施的权利`: at the party the story is about
                obj = self._counterpart(subj, hit.start) or self.foreign_named_last(
                    max(0, sent[0] - THREAT_REACH), sent[0], subj.countries)
            confidence = 0.6
        if not obj and hit.trigger.frame == "mourn":
            # `为悼念越南国家主席陈大光，古巴全国降半旗志哀`: for the country of the one mourned
            mourned = [e for e in self.clause.within(sent[0], sent[1])
                       if e.country and e.country not in subj.countries and e.kind != "igo"]
            if not mourned:
                return []  # a country mourning its own
            obj, confidence = Side((Entity.of_country(mourned[-1].text, mourned[-1].span,
                                                      mourned[-1].country),)), 0.7
        if not obj and hit.trigger.event == "SUPPORT" and (
                died := DIED.search(self.text, cl[0], hit.start)):
            # `普京就阮富仲逝世致唁电`: condolences go to the country of the one who died
            dead = [e for e in self.clause.within(died.start(), died.end())
                    if e.country and e.country not in subj.countries]
            if dead:
                obj, confidence = Side((Entity.of_country(
                    dead[-1].text, dead[-1].span, dead[-1].country),)), 0.75
        if not obj and self.last_recipient and ("也" in before or (
                hit.trigger.medium == "letter"
                and {e.country for e in self.last_recipient} - subj.countries)):
            # `…等多个政党也致电祝贺`, `柬埔寨国王和首相22日分别致唁电`: to whom the messages
            # told before went
            obj, confidence = Side(self.last_recipient), 0.7
        if hit.trigger.event == "ACCUSE" and not (obj.both or obj.countries - subj.countries) and (
                SUMMONED.search(self.text, sent[0], hit.start)):
            # `召见美国驻华大使伯恩斯，就佩洛西窜台提出严正交涉`: made to the one summoned, not to
            # one's own side named in the matter (`就…对菲律宾船只发射水炮一事提出抗议`)
            summoned = self._acted_on_before(sent, subj)
            if summoned:
                obj, confidence = summoned, 0.75
        if not obj or obj.both:
            if subj.both:
                return []  # both sides praising their own relations is not an event
            obj, confidence = self._counterpart(subj, hit.start), 0.6
        moved = handed and DISPOSAL_JIANG.search(before)  # `将疫苗移交老方`: 把, no plan
        if (is_future(before) and not moved or "宣布" in before or "决定" in before) and (
                hit.trigger.event in ("AID", "CONSULT")):
            return self._found(hit, sent, subj, obj, 0.7, event="AGREE", mode=None, cameo="033")
        if hit.trigger.event == "CONSULT":
            return self._consult(hit, sent, cl, subj, obj)
        if handed and HANDED_PEOPLE.search(self.text, sent[0], cl[1]):  # `这批人员…，…移交泰方`
            return self._found(hit, sent, subj, obj, confidence, event="COOPERATE", cameo="063")
        return self._found(hit, sent, subj, obj, confidence)

    def _condition_party(self, start: int, end: int, subj: Side) -> Side:
        """`如果英方对中国官员实施制裁，中方将作出坚决回应`: the one a threat's condition names first,
        of another side than the threat's."""
        cond = IF_CLAUSE.search(self.text, start, end)
        if cond is None:
            return Side()
        first = next((e for e in self.clause.within(cond.end(), end)
                      if e.country and e.country not in subj.countries), None)
        return Side((first,), span=first.span) if first else Side()

    def _posted_to(self, at: int) -> Side:
        """The countries named right at ``at`` (after `驻`), as parties."""
        found: list[Entity] = []
        short = gazetteer().short_forms().get(self.text[at : at + 1])
        if short and ENVOY_AFTER.match(self.text, at + 1):  # `召回驻韩大使`
            return Side((Entity.of_country(self.text[at], (at, at + 1), short),))
        while (hit := gazetteer().leading(self.text[at : at + 12], "country")) and hit.country:
            found.append(Entity.of_country(self.text[at : at + hit.end], (at, at + hit.end),
                                           hit.country))
            at += hit.end
            joiner = POSTED_JOINER.match(self.text, at)  # `驻美国和澳大利亚大使`: envoys to each
            if not joiner:
                break
            at = joiner.end()
        return Side(tuple(found))

    def _drill(self, hit: TriggerHit, subj: Side, cl: Span, sent: Span, before: str
               ) -> list[Found]:
        """`东部战区…在台岛周边海空域组织…演训`: forces drilled around another party show it
        force (MOBILIZE); `与柬埔寨举行…演习`: drilled with a partner (COOPERATE). A drill at
        home, or only planned, is neither."""
        if not subj or subj.both or is_future(before) or before.endswith(NOMINAL_BEFORE):
            return []  # `本次演习为期半个月`: the drill told, described
        partner = self.clause.governed_by(cl[0], hit.start, ("与", "同", "和"))
        if partner.countries - subj.countries or len(subj.countries) > 1:
            return self._found(hit, sent, merge(subj, partner), Side(), 0.7,
                               event="COOPERATE", cameo="062")
        around = list(AROUND.finditer(self.text, cl[0], hit.start))
        if not around:
            return []
        start, end = around[-1].span()
        named = [e for e in self.clause.within(start, end)
                 if e.country and e.country not in subj.countries]
        target = Side(tuple(named[:1])) if named else self._country_in(start, end)
        if not target or target.countries <= subj.countries:
            return []
        return self._found(hit, sent, subj, target, 0.7)

    def _passive_agent(self, hit: TriggerHit, cl: Span) -> Side | None:
        """Who does a forceful act told in the passive (`被中国海警船只撞沉`): an empty side when
        no party is named (`遭受台风袭击`); None when the act is not told in the passive."""
        if hit.trigger.frame != "object" or hit.trigger.event not in FORCEFUL:
            return None
        m = PASSIVE_AGENT.search(self.text, cl[0], hit.start)
        if m is None:
            return None
        named = [e for e in self.clause.within(m.start(1), m.end(1)) if e.country]
        return Side(tuple(named[:1]), span=named[0].span) if named else Side()

    def _with_partners(self, governed: Side, subj: Side, start: int, at: int) -> Side:
        """`对蔡英文过境美国并与麦卡锡会面表示坚决反对`: who did the deplored thing with the party
        `对` names (after `与`/`同`) is spoken against too."""
        mark = self.text.find("对", start, at)
        if mark < 0 or governed.both:
            return governed
        have = {e.id for e in governed.entities}
        partners = tuple(e for e in self.clause.within(mark + 1, at)
                         if e.span[0] > 0 and self.text[e.span[0] - 1] in "与同"
                         and e.id not in have and e.country and e.country not in subj.countries)
        return Side(governed.entities + partners, span=governed.span) if partners else governed

    def _acted_on_before(self, sent: Span, subj: Side) -> Side:
        """Whom an earlier act of this sentence was aimed at, when they are of other countries
        than ``subj``."""
        if self.last_recipient_in != sent or not all(
                e.country and e.country not in subj.countries for e in self.last_recipient):
            return Side()
        return Side(self.last_recipient)

    def _governed_before(self, hit: TriggerHit, sent: Span) -> Side:
        """`对越南战胜疫情,至今…表示祝贺`: the `对` phrase began in an earlier clause."""
        at = max(self.text.rfind(c, sent[0], hit.start) for c in "对向")
        if at < 0:
            return Side()
        return self.clause.governed_by(at, min(self._clause_end(at, sent), hit.start), ("对", "向"))

    def _request(self, hit: TriggerHit, subj: Side, sent: Span) -> list[Found]:
        if hit.trigger.word == "请" and (self.text[hit.start - 1 : hit.start] in ASKED_OF_NOT
                                        or not self.clause.starts_at(hit.end)
                                        or "转达" in self.text[hit.end : sent[1]]):
            # `请中方…发挥建设性作用`, the party right after; not `申请`, `请问`, nor greetings
            # passed on (`请梅德韦杰夫转达对普京总统的良好祝愿`, SPEC: no event)
            return []
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
        if not obj:  # `向印尼总统佐科发出最后呼吁，要求…`: the addressee before the verb
            obj = self.clause.governed_by(self._clause_start(hit.start, sent), hit.start, ("向",))
        if obj.both and hit.trigger.word in ("希望", "呼吁"):
            # `土耳其会继续担任俄乌之间的调停人，并希望双方…`: both sides of others, asked
            pair = self._resolve(obj)
            if pair and not {e.country for e in pair} & subj.countries:
                obj = Side(pair)
        if hit.trigger.word in ("希望", "呼吁") and (not obj or obj.both):
            return []  # a general wish or appeal (`希望两国关系…`, `呼吁解除…`) names no one
        if hit.trigger.word == "希望" and obj.span and WISHED_STATE.search(
                self.text[obj.span[1] : self._clause_end(obj.span[1], sent)]):
            return []  # `希望孟加拉国社会早日恢复稳定`: a wish for the other's good, no ask
        if obj.both or not obj:
            obj = self._counterpart(subj, hit.start)
        if DEMANDED_SANCTION.search(self.text, hit.end, self._clause_end(hit.end, sent)):
            # a mission ordered closed is closed by whoever orders it (PLOVER SANCTION)
            return self._found(hit, sent, subj, obj, 0.75, event="SANCTION", mode=None,
                               cameo="161")
        mode, cameo = lexicon().request_mode(self.text[hit.end : sent[1]])
        return self._found(hit, sent, subj, obj, 0.75, mode=mode, cameo=cameo)

    def _clause_start(self, at: int, sent: Span) -> int:
        """Where the clause of ``sent`` holding ``at`` begins, or the one before it when ``at``
        opens its own (`向佐科发出呼吁，要求…`: the ask of the clause before)."""
        starts = [c[0] for c in self.clauses(sent) if c[0] <= at]
        if not starts:
            return sent[0]
        own = starts[-1]
        before = self.text[own:at].strip("，, ")
        return starts[-2] if not before and len(starts) > 1 else own

    def _clause_end(self, at: int, sent: Span, opens: bool = False) -> int:
        """Where the clause of ``sent`` holding ``at`` ends; with ``opens``, where the clause
        that ``at`` opens ends (not the one ending at it)."""
        return next((c[1] for c in self.clauses(sent) if c[0] <= at < c[1] + (not opens)),
                    sent[1])

    def _future(self, hit: TriggerHit, subj: Side, cl: Span, sent: Span) -> list[Found]:
        # the plan runs to the end of the sentence, or to the next one's (`…将前往广州，习近平
        # 将在当地与马克龙再次会面`: two plans, two holders)
        start = hit.end
        if LEAVING_POST.match(self.text, hit.end):
            return []  # `即将离任的…大使`: who he is, no plan (as for is_future)
        if ENDING.match(self.text, hit.end):  # `将结束对马来西亚的访问，前往柬埔寨…`: what next
            comma = COMMA.search(self.text, hit.end, sent[1])
            if not comma:
                return []
            start = comma.end()
            cl = (start, self._clause_end(start, sent, opens=True))
            if MEETS_THERE.search(self.text, start, cl[1]):
                return []  # `…结束访华，随后前往美国同拜登会晤`: the meeting's own plan
        nxt = NEXT_PLAN.search(self.text, start, sent[1])
        code = lexicon().has_action(self.text[start : nxt.start() if nxt else sent[1]])
        if code is None and GOES_ABROAD.match(self.text, start) and (
                self._destination(start, cl[1]).countries - subj.countries - self.frame.hosts):
            # `安倍晋三将前往泰国，继续其东南亚之行`: to go abroad is to visit (not another city
            # of the country visited: `马克龙周五将前往广州`)
            code = "036"
        if code is None and hit.trigger.frame != "promise":
            return []
        if subj.both:
            return self._found(hit, sent, subj, Side(), 0.75, cameo=code)
        obj = self._planned_with(subj, start, cl, sent)
        if "分别" in self.text[start : start + 4] and len(obj.entities) > 1:
            return [ev for e in obj.entities  # `还将分别会见苏林和陈青敏`: a plan for each
                    for ev in self._found(hit, sent, subj, Side((e,)), 0.7, cameo=code)]
        if (HOSTS_TO_RECEIVE.match(self.text, start) and len(obj.entities) == 1
                and not subj.both and len(subj.entities) > 1):
            # `习近平、张德江将分别会见阮春福`: the guest is to call on each host
            return [ev for e in subj.entities
                    for ev in self._found(hit, sent, obj, Side((e,)), 0.7, cameo=code)]
        goes = JOURNEY_PLAN.search(self.text, start, nxt.start() if nxt else sent[1])
        legs = self._destinations(start, nxt.start() if nxt else sent[1]) if goes else []
        if legs and all(self._leg_of_visit(leg, subj, sent, hit.start) for leg in legs) and not any(
                e.kind == "person" for e in obj.entities):
            return []  # `访问期间，昂山素季还将前往云南省参观访问`: a leg of the visit told
        if len(legs) > 1 and obj.countries == legs[0].countries:
            # `将前往胡志明市，并于30日转往柬埔寨金边访问`: a plan to each place of the journey
            return [ev for leg in legs for ev in self._found(hit, sent, subj, leg, 0.7, cameo=code)]
        visited = self._visited_before_attending(start, cl) if obj.countries == {"IGO"} else []
        return [ev for who in (self._each_country(subj, obj) if goes else [subj])
                for ev in self._found(hit, sent, who, obj, 0.7, cameo=code)] + [
            ev for host in visited for ev in self._found(hit, sent, subj, host, 0.7, cameo="036")]

    def _visited_before_attending(self, start: int, cl: Span) -> list[Side]:
        """`将对法国、葡萄牙进行国事访问并出席二十国集团首尔峰会`: each country to visit, a plan
        of its own beside the summit's."""
        attends = ATTENDS.search(self.text, start, cl[1])
        visit = VISIT_OF_RE.search(self.text, start, attends.start()) if attends else None
        if visit is None:
            return []
        hosts = [e for e in self.clause.within(visit.start(1), visit.end(1)) if e.kind == "country"]
        return [Side((e,)) for e in dict((e.country, e) for e in hosts).values()]

    def _planned_with(self, subj: Side, start: int, cl: Span, sent: Span) -> Side:
        """The other party of a plan told from ``start``: the meeting to attend, the one named
        after the verb, the place to go, the one to meet; else the page's counterpart."""
        igos = tuple(e for e in self.clause.within(start, cl[1]) if e.kind == "igo")
        attends = ATTENDS.search(self.text, start, cl[1])
        if attends and not igos and BARE_MEETING.match(self.text, attends.end()):
            # `将出席高峰论坛开幕式`: the forum named before (`出席“一带一路”国际合作高峰论坛`)
            igos = tuple(e for e in self.clause.within(max(self.body[0], sent[0] - MEETING_REACH),
                                                       sent[0]) if e.kind == "igo")[-1:]
        to_attend = Side(igos[:1]) if attends else Side()
        # `将于明日离开吉隆坡，前往印尼峇厘岛出席亚太经合组织领导人非正式会议`: the meeting, not
        # the country it is held in
        later = ATTENDS.search(self.text, cl[1], sent[1])
        attended = Side(tuple(e for e in self.clause.within(later.end(), sent[1])
                              if e.kind == "igo")[:1]) if later else Side()
        destination = self._destination(start, cl[1])  # `将…前往柬埔寨进行国事访问`
        with_whom = ("向", "同", "与", "对", "为")
        met_here = self.clause.governed_by(start, cl[1], with_whom)
        met_later = self.clause.governed_by(start, sent[1], with_whom)
        options = [to_attend,  # `将…出席第27次中国—东盟领导人会议`
                   self.clause.object_after(start, cl[1]), destination, met_here, Side(igos[:1]),
                   attended, met_later,
                   self._destination(start, sent[1])]  # `运送…物资,…预计近期运抵汤加`
        obj = next((o for o in options if o and not o.both and o.countries - subj.countries),
                   None) or self._counterpart(subj)
        if obj is destination and attended and not igos and not JOURNEY_PLAN.search(
                self.text, start, cl[1]):
            return attended  # `将于周四前往柬埔寨金边，出席东盟地区论坛…`: not where it is held
        met = met_here or met_later  # `将前往泰国，与泰国总理巴育举行会谈`: whom he meets there
        if obj is destination and met and met.countries == obj.countries and all(
                e.kind == "person" for e in met.entities):
            return met
        return obj

    def _invite(self, hit: TriggerHit, subj: Side, sent: Span, before: str) -> list[Found]:
        if "应" in before and before.rfind("应") > max(before.rfind(","), before.rfind("，")):
            return []  # `应…邀请`: the invitation behind a visit under way is not an event
        obj = self.clause.object_after(hit.end, sent[1])
        asked = JOIN_IN.match(self.text, obj.span[1] if obj and obj.span else hit.end)
        if obj and asked and not VISIT_OR_MEETING.search(self.text, asked.end(), sent[1]):
            # `邀请越南积极参与韩国政府提出的"印太战略"`: asked to join a policy, not invited to come
            return self._found(hit, sent, subj, obj, 0.7, event="REQUEST", mode="assist",
                               cameo="020")
        if obj:
            return self._found(hit, sent, subj, obj, 0.8)
        return self._found(hit, sent, subj, self._counterpart(subj), 0.6)

    def _provide(self, hit: TriggerHit, subj: Side, cl: Span, sent: Span, before: str
                 ) -> list[Found]:
        """`A 向 B 提供…物资/资金/疫苗`: aid handed over (a plan to: AGREE)."""
        if not AID_GOODS.search(self.text, hit.end, min(cl[1], hit.end + 40)):
            return []
        to = self.clause.governed_by(cl[0], hit.start, ("向", "为", "给"))
        if not to or to.both:
            return []
        if is_future(before) or "宣布" in before or "决定" in before:
            return self._found(hit, sent, subj, to, 0.7, event="AGREE", cameo="033")
        return self._found(hit, sent, subj, to, 0.8)

    def _rescue(self, hit: TriggerHit, subj: Side, cl: Span, sent: Span, before: str
                ) -> list[Found]:
        """`中国救援队…出发,前往土耳其灾区开展国际救援`: rescuers sent abroad are aid to the
        country they go to (going to: AGREE)."""
        to = self._destination(sent[0], hit.start)
        if not subj and to:  # `云南救援队一行37人于29日凌晨抵达仰光`: a team named by its province
            went = GONE_TO.search(self.text, sent[0], hit.start)
            near = [p for p in self.places if p.country and went
                    and sent[0] <= p.start and p.end <= went.start()]
            subj = Side((Entity.of_country(self.text[near[-1].start : near[-1].end],
                                           (near[-1].start, near[-1].end), near[-1].country),)
                        ) if near else Side()
        if not to or not subj or subj.both or to.countries <= subj.countries:
            return []
        if is_future(before):
            return self._found(hit, sent, subj, to, 0.7, event="AGREE", cameo="033")
        return self._found(hit, sent, subj, to, 0.75)

    def _received(self, hit: TriggerHit, subj: Side, cl: Span, sent: Span) -> list[Found]:
        """`A 接收了 B (通过…)提供的紧急救援物资`: aid from B to A."""
        gave = GIVEN.search(self.text, hit.end, cl[1])
        if not gave or not AID_GOODS.search(self.text, gave.end(), cl[1]) or not subj:
            return []
        giver = self.clause.subject(hit.end, gave.start())
        if not giver or giver.both or not giver.countries - subj.countries:
            return []
        return self._found(hit, sent, giver, subj, 0.75)

    def _accused(self, hit: TriggerHit, subj: Side, cl: Span, sent: Span) -> list[Found]:
        """`范秋姮强调,中国船只的上述行为违反了…`: the one who says it accuses the one named;
        `谢锋表示，美方必将为自己的错误付出代价`: threatens the one who will pay."""
        if hit.trigger.event == "THREATEN" and not is_future(self.text[cl[0] : hit.start]):
            return []  # `日本为侵略战争付出沉重代价`: a price paid, history
        accused = self.clause.subject(cl[0], hit.start)
        if not accused:
            head = [e for e in self.clause.within(cl[0], hit.start) if e.country]
            accused = Side((head[0],)) if head else self._subject_before(cl, sent)
        if not accused or accused.both:
            return []
        speaker = self._speaker_before(hit.start, accused.countries)  # `中国海警：菲船…`
        answers = self.spokesperson  # `答：菲方的说法罔顾事实。`
        if not speaker and answers is not None and answers.country not in accused.countries:
            speaker = Side((answers,))
        if not speaker:  # `外交部郑重声明，…。一、菲律宾…政府单方面提起仲裁，违背国际法`
            declared = self.clause.speaker(sent[0])
            speaker = declared if declared.countries - accused.countries else Side()
        if not speaker:
            return []
        return self._found(hit, sent, speaker, accused, 0.65)
