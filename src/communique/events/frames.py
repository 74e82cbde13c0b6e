"""The frame of a trigger: the filters that tell an act reported from a word that only names
one (negated, habitual, nominal, a setting), then the handler of the trigger's construction."""

from __future__ import annotations

import bisect
import re

from communique.events.grammar import (
    CALLED_OFF,
    COMMENTARY,
    CONDITION,
    GENERAL_TARGETS,
    HABITUAL,
    HOSTED_RE,
    NEGATED_INTENT,
    NEGATION,
    NOMINAL_AFTER,
    NOMINAL_BEFORE,
    PAST_YEAR,
    RECAP,
    REMOTE_ACTS,
    SUPPORT_NOUN_BEFORE,
    is_future,
)
from communique.events.lexicon import TriggerHit
from communique.events.page_state import Found, merge
from communique.events.sides import Side
from communique.events.statements import Statements
from communique.model import Span

# After a meeting word that opens its clause: the meeting is what the clause is about.
MEETING_AS_SUBJECT = ("在", "于", "持续", "历时", "是", "为期")
# `这是石破就任以来首次与习近平举行会谈`: the meeting told, counted.
# `要求高达25亿美元的经济援助`: aid named as a thing, by what qualifies it
AID_NOUN = re.compile(r"的[\u4e00-\u9fff]{1,4}$")
# `就中国海警船只撞沉越南渔船一事回答提问`, `对中国执法力量殴打越南渔民表示抗议`: an act named
# as the matter spoken about
MATTER_BEFORE = re.compile(r"(?:就|对|关于)[^，,。；;]*$")
MATTER_AFTER = re.compile(r"[^，,。；;]{0,40}?(?:一事|事件|表示|严重关切|关切|关注)")
ABOUT = re.compile(r"关于[^，,。；;]*$")
DOCUMENT_AFTER = re.compile(r"[^，,。；;]{0,40}?的[^，,。；;]{0,6}?(?:声明|宣言|公报|协定|协议|备忘录|文件)")
# `出席金砖国家领导人非正式会晤`: a meeting named as what is attended
DESCRIBED = re.compile(r"(?:是|有助于|将有助于|有利于)(?!在)")
HELD_BEFORE = re.compile(r"(?:举行|进行|开展|召开)了?[^，,。；;]{1,12}$")
ATTENDED_BEFORE = re.compile(r"(?:出席|参加|列席)了?[^，,。；;了的并]{2,30}$")
# `根据协定，两国军队可…`, `条约规定…另一方…提供军事援助`: what a text provides, no act
DOCUMENT_SOURCE = re.compile(r"\s*(?:根据|按照|依据|依照)[^，,。；;]{0,14}?(?:协定|协议|条约|备忘录)[，,]"
                             r"[^，,。；;]{0,20}?(?=可以|可|应当|应|必须|须|将)")  # `…两国将于3月1日起互免签证`
DOCUMENT_PROVIDES = re.compile(r"(?:协定|协议|条约|宪章|声明|公报)(?:明确)?规定")
# `关切越渔船遭中国海警船撞沉`: the act one is concerned about, named right after the word
CONCERN_BEFORE = re.compile(r"(?:关切|关注)[^，,。；;\s]{0,30}$")
FORCE = {"COERCE", "ASSAULT", "SANCTION", "THREATEN", "MOBILIZE", "RETREAT"}
# `…曾因2017年…陷入低谷。当时德国指责…`: a sentence told of the time the one before recalled
BACK_THEN = re.compile(r"\s*(?:当时|彼时|那时)")
ANNIVERSARY = re.compile(r"\s*[0-9０-９一二三四五六七八九十百]{1,4}\s*周年")
ONCE = re.compile(r"曾")  # `曾访华`: told as the past
# `已向越方提供了多批疫苗援助`, `累计向…捐赠`: aid summed up over time, not one delivery
SUMMED_UP = re.compile(r"多批|累计|先后")
TOPIC_END = re.compile(r"等?(?:方面|领域)")
LIFTED = re.compile(r"(?:取消|解除|撤销|撤除|停止|放弃)[^，,。；;]{0,6}$")


class Frames(Statements):
    """The frame of each trigger, dispatched to its handler."""

    def _back_then(self, sent: Span) -> bool:
        """`当时…` after a sentence that recalls the past (`曾`, `去年`: ``history`` markers)."""
        if not BACK_THEN.match(self.text, sent[0]):
            return False
        i = bisect.bisect_left(self.sentence_starts, sent[0]) - 1
        return i >= 0 and HABITUAL.search(self.text, *self.sentences[i]) is not None

    def _no_act_from(self, sent: Span) -> int:
        """Where in ``sent`` what follows reports no act: all of a sentence of commentary
        (`分析指出，…河内的「走廊会谈」显示…`), what an agreement provides from where it is
        cited (`根据协定，两国军队可…`, `条约规定…`); else past the sentence's end."""
        found = self._no_act.get(sent)
        if found is None:
            text = self.text
            if COMMENTARY.match(text, sent[0], sent[1]):
                found = sent[0]
            else:
                cited = (DOCUMENT_SOURCE.match(text, *sent), DOCUMENT_PROVIDES.search(text, *sent))
                found = min((m.end() for m in cited if m), default=sent[1])
            self._no_act[sent] = found
        return found

    def _frame(self, hit: TriggerHit, subj: Side, cl: Span, sent: Span) -> list[Found]:
        before = self.text[cl[0] : hit.start]
        if before.endswith(NEGATION) or NEGATED_INTENT.search(before):
            return []  # `不寻求通过强化同盟关系反对中国`: disowned, not done
        if before.endswith(("和", "与", "及")) and self.text[hit.end : hit.end + 1] in "，,。；;" and (
                not HELD_BEFORE.search(before)):  # not `举行中澳外交与战略对话`: its name
            return []  # `无视国际社会的强烈质疑和反对，`: a noun in a list, no act
        if before.endswith(("根据", "依据", "按照")):
            return []  # `根据联合声明，…`: the source of what follows, not an act
        if hit.trigger.event == "COOPERATE" and DESCRIBED.match(self.text, hit.end):
            return []  # `联合训练有助于增进互信`, `联合演习是…年度合作计划中的项目`: the kind of act
        if hit.start >= self._no_act_from(sent):
            return []  # commentary, or what a text provides: no act
        if ABOUT.search(before) and DOCUMENT_AFTER.match(self.text, hit.end):
            return []  # `发表了关于将越日关系提升为…的联合声明`: what a document is about
        if hit.trigger.mode == "phone" and self.text.startswith(REMOTE_ACTS, hit.end):
            return []  # `以视频方式观看…`, `通过视频连线出席…`: done from afar, not a call
        if hit.trigger.event == "ACCUSE" and self.text.startswith(GENERAL_TARGETS, hit.end):
            return []  # `反对外部势力干涉俄罗斯内政`: no one named is accused
        if self.text.startswith("以来", hit.end) or ANNIVERSARY.match(self.text, hit.end):
            return []  # `台美断交以来`, `条约签署30周年`: a time counted from, not an act
        if hit.trigger.event in ("CONSULT", "COOPERATE", "AID") and CALLED_OFF.search(before):
            return []  # `取消中美两军战区领导通话`: called off
        name = hit.trigger.frame
        habit = HABITUAL.search(before)
        if habit and hit.trigger.event == "ACCUSE" and habit.group() == "多次" and re.search(
                r"已(?:经)?[^，,。]{0,12}$", before[: habit.start()]):
            habit = None  # `已多次与中方交涉`: the protests this report is about, made again
        if not habit and before.lstrip().startswith("并"):
            # `普拉博沃曾以当选总统身份访华，并同习近平会晤`: joined to a clause told as the past
            habit = ONCE.search(self.text, sent[0], cl[0])
        if not habit and before.lstrip().startswith(("与", "同")):
            # `…过去数月多次前往北京，与中方进行谈判`: the partner of a habit told just before
            habit = HABITUAL.search(self.text, sent[0], cl[0])
        if habit or PAST_YEAR.search(self.text, sent[0], hit.start) or self._back_then(sent):
            return []  # `多次参加`, `去年12月…访问`: history, not an event of this report
        nominal = before.endswith("所") or self.text.startswith("的", hit.end) or (
            before.endswith("的") and len(hit.trigger.word) <= 2
            and hit.trigger.event != "CONSULT") or (
            hit.trigger.event == "AID" and name != "rescue" and (
                AID_NOUN.search(before) or self.text.startswith(
                ("承诺", "计划", "项目"), hit.end))) or (
            hit.trigger.word == "支持" and (before.endswith(SUPPORT_NOUN_BEFORE)
                                           or self.text.startswith(("下", "和帮助"), hit.end)))
        setting = hit.trigger.event == "CONSULT" and name in ("host", "caller", "with") and (
            re.match(r"[^，,。]{0,30}时[，,]", self.text[hit.end : cl[1] + 1]))
        if setting:  # `会见石破茂时,…`, `与卢拉会见时,…`: the setting of what follows
            obj = (self.clause.object_after(hit.end, cl[1]) if name != "with" else Side()) or (
                self.clause.governed_by(cl[0], hit.start, ("与", "同", "和")))
            if obj:
                # who speaks next (`与卢拉会见时，习近平表示…`), else the page's host
                then = self.clause.subject(cl[1], sent[1])
                hosts = [e for e in (*then.entities, *self.frame.participants)
                         if e.kind == "person" and e.country not in obj.countries]
                self.recent = self._resolve(merge(Side((hosts[0],)) if hosts else subj, obj))
            return []
        if hit.trigger.event == "CONSULT" and name in ("with", "host", "caller", "visit") and (
                before.endswith(NOMINAL_BEFORE)):
            return []  # `此次会谈`, `上一次访问`: a meeting told or recalled, named again
        if hit.trigger.event == "CONSULT" and (
                (not before.strip() and self.text.startswith(MEETING_AS_SUBJECT, hit.end))
                or RECAP.match(self.text, sent[0], hit.start)
                or RECAP.match(self.text, cl[0], hit.start)):
            return []  # `会谈在…间隙举行`, `这是…首次与习近平举行会谈`: the meeting told, described
        if hit.trigger.event == "CONSULT" and name in ("with", "host", "caller") and (
                self.text.startswith(NOMINAL_AFTER, hit.end)) and not self.text.startswith(
                "前来", hit.end) and not self.clause.within(
                hit.end, hit.end + 1) and not self.clause.starts_at(hit.end) and not (
                self.text.startswith("后", hit.end) and name == "with"
                and self.clause.governed_by(cl[0], hit.start, ("同", "与", "和", "跟"))):
            # `会谈前`, `会谈结束时`, `会见中`: the meeting as a time, not reported again; but
            # `A与B在惠灵顿举行会谈后发表联合声明` tells the talks too, and `会见前来辞行的…`
            # whom it meets
            return []
        if hit.trigger.event in FORCE and CONDITION.match(before):
            return []  # `如果美方出台…贸易制裁措施，…`: the condition of a warning, not an act
        if hit.trigger.event in FORCE and (MATTER_BEFORE.search(before) and MATTER_AFTER.match(
                self.text, hit.end) or CONCERN_BEFORE.search(before)):
            return []  # `就…撞沉…一事`: the matter a statement is about, not reported here
        if nominal and name not in ("visit", "hosted"):
            return []  # `所签署的协议`, `援助的物资`: a thing named, not an act reported
        if before.endswith("在") and self.text.startswith(("中", "里", "上", "方面", "领域"),
                                                          hit.end):
            return []  # `在联合声明中指出`, `在援助方面,…`: a document or a topic, not an act
        if "在" in before and TOPIC_END.match(self.text, hit.end):
            return []  # `在出口管制、单边制裁等方面`: one of the topics listed, not an act
        if hit.trigger.event == "AID" and SUMMED_UP.search(self.text, cl[0], cl[1]):
            return []
        if hit.trigger.event == "SANCTION" and LIFTED.search(before):
            return []  # `取消单边制裁`: what is to be lifted, not a sanction
        if hit.trigger.word.startswith(("见证", "共同见证")) and not re.search(
                r"签|换文|交换|互换", self.text[hit.start : sent[1]]):
            return []  # witnessing is an event only where something is signed
        if any(m.start() <= hit.start < m.end() for m in self.hosted_phrases(sent)):
            if name != "hosted":
                return []  # `由 A 与 B 共同主办`: who organised a meeting
        if name == "hosted":
            return self._hosted(hit, subj, cl, sent)
        if name == "with" and ATTENDED_BEFORE.search(before):
            return []  # `出席金砖国家领导人非正式会晤`: the meeting attended, told by 出席
        if name in ("with", "joint"):
            return self._with(hit, subj, cl, sent, before)
        if name in ("host", "caller"):
            return self._meet(hit, subj, cl, sent, before)
        if name == "visit":
            return self._visit(hit, subj, cl, sent, before)
        if name == "arrive":
            return self._arrive(hit, subj, cl, sent, before)
        if name == "welcome":
            return self._welcome(hit, subj, cl, sent)
        if name == "speech":
            return self._speech(hit, subj, cl, sent, before)
        if name in ("attend", "chair"):
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
            if not host or is_future(before):
                return []
            return self._found(hit, sent, subj, host, 0.7, mode="visit", cameo="042")
        if name == "provide":
            return self._provide(hit, subj, cl, sent, before)
        if name == "rescue":
            return self._rescue(hit, subj, cl, sent, before)
        if name == "received":
            return self._received(hit, subj, cl, sent)
        if name == "accused":
            return self._accused(hit, subj, cl, sent)
        if name == "drill":
            return self._drill(hit, subj, cl, sent, before)
        return self._statement(hit, subj, cl, sent, before)

    def hosted_phrases(self, sent: Span) -> list[re.Match[str]]:
        return list(HOSTED_RE.finditer(self.text, sent[0], sent[1]))
