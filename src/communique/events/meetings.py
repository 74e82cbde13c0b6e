"""Frame handlers for meetings and visits: talks with a partner, meeting a guest, calls,
summits attended, visits, welcomes and credentials."""

from __future__ import annotations

import bisect
import re

from communique.entities.gazetteer import gazetteer
from communique.events.grammar import (
    AID_GOODS,
    CALL_WORDS,
    COUNTED_PARTNERS,
    FUTURE_WELCOME,
    GENERAL_PARTNER,
    HOSTED_RE,
    JOURNEY,
    MEETING_WORDS,
    MULTILATERAL_WORDS,
    NOMINAL_AFTER,
    NOMINAL_BEFORE,
    SAID,
    SETTING_OFF,
    SIDELINES,
    WARM_GREETING,
    WELCOMED_PURPOSE,
    is_future,
)
from communique.events.lexicon import TriggerHit, lexicon
from communique.events.page_state import PUNCTUATION, Found, PageState, merge
from communique.events.sides import OBJECT_OF, OBJECT_REACH, Side
from communique.knowledge import country_names
from communique.model import Entity, Span

ANY_ABOVE = re.compile(r"了?(?:上述|以上|上面)")  # what the page told before: `参加上述活动`
COME_TO = re.compile(r"[来赴][\u4e00-\u9fff](?:举行|进行|出席|参加|会晤|会谈|工作)")  # `来华举行…会晤`
TOGETHER = re.compile(r"(同|与)[^，,。；;]{2,40}?(共同|一起|一道|一同|)\s*$")
SIGNING_CEREMONY = re.compile(r"[^，,。；;]{0,60}?(?:签字|签约|签署)仪式")
# a meeting named by its kind alone: `主持峰会`, `出席了会议`, `出席本次峰会`
BARE_MEETING = re.compile(r"了?(?:本次|此次|该|这次)?(?:峰会|会议|大会|高峰论坛)(?![室堂厅场中心])")
CHAIRED = re.compile(r"(?<!共同|联合)(主持)了?[^，,。；;]{0,20}?(?:峰会|会议|大会|开幕式)[，,]\s*$")
SHIPS = re.compile(r"舰艇?编队|舰队|[^\W\d]{0,4}舰(?![长员])|护航编队")
MADE_BY_BOTH = re.compile(r"(?:双方|两国[^，,。；;的]{0,4}?)(?:共同)?(?:发表|签署|通过)的\s*$")
GONE_TO_VISIT = re.compile(r"(?:赴|前往)((?:(?!出席|参加|并|举行|会见|同|与)[^，,。；;]){1,30}?)$")
CHAIRED_BY = re.compile(r"\s*(?:会议|峰会|会晤|论坛)由([^，,。；;]{2,40}?)(?:共同)?主持")
ORDINAL = re.compile(r"^第[^次届]{1,4}[次届]")
# an organisation named as a meeting (`中国—东盟领导人会议`), not a grouping (`七国集团`)
MEETING_NAME = re.compile(r"会议|峰会|会晤|论坛|对话会|大会|会$")
# attending from afar: `以视频方式出席`, `通过视频连线参加`, `线上出席`
REMOTE = re.compile(r"视频|线上|云端")
LEGISLATURE = re.compile(r"(?:国会|议会|议院|杜马)$")


ATTRIBUTE_VISIT = re.compile(r"[^，,。；;的]{1,12}的")
DELEGATIONS = ("代表团", "访问团", "访华团", "考察团")


class Meetings(PageState):
    """The handlers of the meeting and visit frames."""

    def _with(self, hit: TriggerHit, subj: Side, cl: Span, sent: Span, before: str) -> list[Found]:
        t = hit.trigger
        made = MADE_BY_BOTH.search(self.text, cl[0], hit.start)
        both = self.clause.both_in(made.start(), made.end()) if made else None
        if both:  # `白宫稍后公布双方发表的联合声明`: the statement is the two sides', not the publisher's
            subj, before = Side(both=True, span=both), ""
        start = subj.span[1] if subj.span else cl[0]
        # a subject carried from an earlier clause (`…与洪玛奈会谈，并与安华会谈`): a partner
        # named in this one, else the earlier clause's (`…会谈，并签署…议程`)
        partners = Side()
        if start < cl[0]:
            partners = self.clause.governed_by(cl[0], hit.start, ("同", "与", "和", "跟"), first=True)
        partners = partners or self.clause.governed_by(start, hit.start, ("同", "与", "和", "跟"),
                                                       first=True)
        if not partners and t.event == "CONSULT":  # `习近平会晤拜登`: the partner as the object
            partners = self.clause.object_after(hit.end, cl[1])
            if partners.span and partners.span[0] > hit.end + 1:
                partners = Side()  # `在会晤开场白中`: not an object
        if "分别" in before and (t.event == "CONSULT" or len(partners.countries) > 1
                                and not partners.both):
            # `分别同A、B通电话`, `分别与泰国和越南发表联合声明`: an act with each
            people = [p for p in partners.entities if p.kind != "country"]
            each = [merge(subj, Side((p,)))  # `韩中日领导人会议的` qualifies
                    for p in (people or partners.entities)]
            if t.event == "CONSULT":
                return [ev for sides in each for ev in self._consult(hit, sent, cl, sides, Side())]
            return [ev for sides in each for ev in self._found(hit, sent, sides, Side())]
        if not partners and GENERAL_PARTNER.search(self.text, start, hit.start):
            return []  # `首次与其他国家签署此类协议`: no party named, a kind of act described
        counted = t.event == "CONSULT" and COUNTED_PARTNERS.search(self.text, start, hit.start)
        went = self._places_gone(subj, start, counted) if counted else []
        if went:  # `先后前往缅甸和泰国，同两国…会谈`: talks in each, one event each
            return [ev for place in went
                    for ev in self._consult(hit, sent, cl, subj, Side((place,)), visit=True)]
        pairs = self._pairs_signed(hit, cl) if "分别" in before and t.event == "SUPPORT" else []
        if pairs:  # `分别签署了以色列与阿联酋、以色列与巴林关系正常化协议`: one signing a pair
            signers = self._resolve(merge(subj, partners))
            return [ev for pair in pairs for ev in self._found(hit, sent, Side(tuple(
                [e for e in signers if e.country in pair] or
                [Entity.of_country(self.text[hit.start:hit.end], (hit.start, hit.end), c)
                 for c in sorted(pair)])), Side())]
        actors = merge(subj, partners)
        if t.event == "CONSULT" and partners and self._future_sentence(cl, sent):
            # `将于10日结束访华行程,随后前往美国同拜登总统会晤`: a meeting planned
            return self._found(hit, sent, subj, partners, 0.7, event="AGREE", mode=None,
                               cameo="036")
        if t.event == "CONSULT":
            return self._consult(hit, sent, cl, actors, Side())
        planned = is_future(before) or (
            t.event == "COOPERATE" and self._future_sentence(cl, sent, hit.start))
        if t.event in ("COOPERATE", "SUPPORT") and "了" not in before and planned:
            # `将组成联合编队，…开展…联合海上巡航`, `双方将于明日发表联合声明`: a joint act planned
            return self._found(hit, sent, actors, Side(), 0.7, event="AGREE", cameo="030")
        if t.word.startswith("互"):  # `互致贺电`: a message each way
            ends = self._resolve(actors)
            sides = {e.country: e for e in ends if e.country}
            if len(sides) == 2:
                a, b = sides.values()
                return [*self._found(hit, sent, Side((a,)), Side((b,))),
                        *self._found(hit, sent, Side((b,)), Side((a,)))]
        if not actors.both and len(actors.countries) < 2:
            other = self._counterpart(actors)
            if actors and all(e.kind == "igo" for e in actors.entities):
                # `会议…并发表联合新闻公报`: a meeting's statement is its parties', together; a
                # grouping's (`七国集团外长发表联合声明`) is its own
                meeting = all(MEETING_NAME.search(e.text) for e in actors.entities)
                return self._found(hit, sent, other if meeting and other else actors, Side(), 0.6)
            return self._found(hit, sent, actors, other, 0.7)
        place = self._place_country(sent, hit.start)
        countries = Side(self._resolve(actors)).countries
        if place in countries and len(countries) == 2 and not self.frame.visitors:
            # `高虎城与…罗布在堪培拉…签署…`: who came to sign is the page's guest, as a
            # meeting held there makes him (``_consult``)
            self.frame.visitors |= countries - {place}
            self.frame.hosts.add(place)
        return self._found(hit, sent, actors, Side())

    def _pairs_signed(self, hit: TriggerHit, cl: Span) -> list[set[str]]:
        """`签署了以色列与阿联酋、以色列与巴林…协议`: the pairs of countries a list after the
        word names, two or more of them."""
        countries = [e for e in self.clause.within(hit.end, cl[1]) if e.kind == "country"]
        pairs = [{a.country, b.country} for a, b in zip(countries, countries[1:], strict=False)
                 if self.text[a.span[1] : b.span[0]] in ("与", "和", "同")
                 and a.country and b.country and a.country != b.country]
        return pairs if len(pairs) > 1 else []

    def _places_gone(self, subj: Side, start: int, counted: re.Match[str]) -> list[Entity]:
        """The countries ``subj`` travelled to before `同两国`/`同三国`, when they are as many
        as the count says: one entity for each (its name, else a place in it)."""
        went = [m.end() for m in JOURNEY.finditer(self.text, start, counted.start())]
        if not went:
            return []
        own = self._resolve(subj)
        mine = {e.country for e in own}
        places: dict[str, Entity] = {}
        for e in self.clause.within(went[0], counted.start()):
            if not e.country or e.country in mine or e.kind == "igo":
                continue
            held = places.get(e.country)
            if held is None or (e.kind == "country" and held.kind != "country"):
                places[e.country] = e
        count = "两三四五六七八九".index(counted.group(1)) + 2
        return list(places.values()) if len(places) == count else []

    def _meet(self, hit: TriggerHit, subj: Side, cl: Span, sent: Span, before: str
              ) -> list[Found]:
        obj = self.clause.object_after(hit.end, cl[1])
        obj = obj or self.clause.governed_by(cl[0], hit.start, ("同", "与"))
        accepted = self.text.rfind("接受", cl[0], hit.start)
        if not obj and accepted >= 0 and hit.trigger.frame == "caller":
            # `洪森接受…大使熊波辞行拜会`: the one who calls is named after `接受`
            callers = [e for e in self.clause.within(accepted + 2, hit.start) if e.country]
            if callers and callers[-1].country not in subj.countries:
                return self._consult(hit, sent, cl, Side((callers[-1],)), subj, visit=True)
        # (`将…会见日本首相安倍晋三和马来西亚总理马哈蒂尔`, not `分别`: one plan)
        if "分别" in before or "先后" in before or (
                len(obj.countries) > 1 and not self._future_sentence(cl, sent)):
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
        if obj and self._future_sentence(cl, sent):
            # `将同布林肯国务卿举行会谈，并会见美方其他官员`: a meeting planned
            return self._found(hit, sent, visitor, host, 0.7, event="AGREE", mode=None,
                               cameo="036")
        return self._consult(hit, sent, cl, visitor, host, visit=True)

    def _consult(self, hit: TriggerHit, sent: Span, cl: Span, visitor: Side, host: Side,
                 visit: bool = False) -> list[Found]:
        """A meeting: by phone or video, on the sidelines of a summit or in a third country,
        a visit (who travels is the actor), or talks where neither side is the guest."""
        clause_text = self.text[cl[0] : cl[1]]
        sentence_text = self.text[sent[0] : sent[1]]
        everyone = Side(self._resolve(merge(visitor, host)))
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
        place = self._place_country(sent, hit.start)
        sidelines = SIDELINES.search(sentence_text) and re.search(r"峰会|会议|论坛|大会|会晤", sentence_text)
        if sidelines or (self.summit or self.sidelines) and not self.frame.visitors:
            venue = place or self.venue
            if venue in countries and len(countries) == 2:  # the conference's host meets a guest
                return meeting(self._of(everyone, lambda c: c != venue),
                               self._of(everyone, lambda c: c == venue), "visit", "042")
        if sidelines:
            return meeting(everyone, Side(), "third-party", "044")
        if place and len(countries) >= 2:
            if place not in countries:
                return meeting(everyone, Side(), "third-party", "044")
            guests = self._of(everyone, lambda c: c != place)
            self.frame.visitors |= guests.countries  # later meetings of the page agree
            self.frame.hosts.add(place)
            return meeting(guests, self._of(everyone, lambda c: c == place), "visit", "042")
        if (self.summit or self.sidelines) and len(countries) >= 2:
            hosts = self.frame.hosts
            venue = self.venue or (next(iter(hosts)) if len(hosts) == 1 else None)
            if not self.frame.visitors or venue and venue not in countries:
                # guests of a summit meeting each other (`李强26日还与岸田文雄举行会谈`)
                return meeting(everyone, Side(), "third-party", "044")
        if (not place and self.venue and len(countries) >= 2 and self.venue not in countries
                and not countries & self.frame.hosts):
            # told with no place on a page of a conference abroad (`峰会…在巴厘岛闭幕。…15日，
            # 习近平分别会见了澳大利亚总理…`): guests meeting there
            return meeting(everyone, Side(), "third-party", "044")
        if len(countries) >= 2 and countries <= self.frame.visitors and (
                self.frame.hosts - countries):
            # two guests of the page's host meeting there (`特朗普与金正恩在…酒店举行会谈`, both
            # arrived in Hanoi)
            return meeting(everyone, Side(), "third-party", "044")
        if (len(countries) >= 2 and countries & self.frame.visitors and self.frame.hosts
                and not countries & self.frame.hosts and not self.qa
                and self.venue not in self.frame.visitors):
            # a guest meeting another guest, not his host (`习近平…将对阿根廷进行国事访问` on the
            # page: `1日，习近平还分别会见了法国总统马克龙…`)
            return meeting(everyone, Side(), "third-party", "044")
        guests = self._of(everyone, lambda c: c in self.frame.visitors)
        hosts = self._of(everyone, lambda c: c not in self.frame.visitors)
        if guests and hosts:
            return meeting(guests, hosts, "visit", "042")
        home = countries & self.frame.hosts
        if len(countries) == 2 and len(home) == 1 and not self.qa:
            # `特朗普…11日中午在总统府与李显龙举行工作午餐` on a page of a summit in Singapore:
            # whoever meets the page's host there is his guest
            return meeting(self._of(everyone, lambda c: c not in home),
                           self._of(everyone, lambda c: c in home), "visit", "042")
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

    def _visit(self, hit: TriggerHit, subj: Side, cl: Span, sent: Span, before: str
               ) -> list[Found]:
        text = self.text
        after = text[hit.end : hit.end + 4]
        begun = after.startswith("行程") and re.search(r"(?:开始|展开)[^，,。]{0,8}$", before)
        if after.startswith(NOMINAL_AFTER) and not begun or before.endswith(NOMINAL_BEFORE):
            return []  # `访问期间`, `此次访问`; not `开始为期三天的访华行程`
        if before.endswith("邀请") or "邀请" in before and "访问" not in before:
            return []
        if "欢迎" in before and self.text[max(cl[0], before.find("欢迎") + cl[0] - 2):].startswith(
                WARM_GREETING):
            return []  # `热烈欢迎X访问越南`: a greeting in the talks, not another visit
        if "欢迎" in before and SAID.search(text, sent[0], cl[0]):
            return []  # `范秋姮表示，越方欢迎拜登总统访越`: the visit welcomed, told as said
        if "欢迎" in before and text.startswith(WELCOMED_PURPOSE, hit.end):
            return []  # `欢迎更多中国企业来越投资`: a welcome (SUPPORT), no visit
        if re.search(r"(期间|之际|前夕|之行|(?<![日月年天])之?前)[,，;；]?$", text[hit.end : cl[1]]):
            return []  # `访问俄罗斯期间,…`, `访问越南前，…`: the visit as a time for what follows
        if re.search(r"结束(?:对|在)?[^，,。；;]{0,12}$", before):
            return []  # `将结束对马来西亚的访问,前往柬埔寨…`: the end of a visit told before
        if ATTRIBUTE_VISIT.match(text, hit.end) and re.search(r"正在\s*$", before):
            return []  # `正在访问越南的日本首相岸田…与…会谈`: who he is; the meeting is the event
        short = self._short_host(hit)  # `访华`, `来越`: the host in the word
        m = None if short else (
            re.search(r"(?:展开|开始|进行)对([^，,。；;]{1,30}?)的.{0,6}$", before)  # `对X的访问`
            or re.search(r"(?:对|赴|前往|抵达|到)(.{1,30}?)(?:进行|展开|开始).{0,6}$", before)
            or GONE_TO_VISIT.search(before))  # `随后前往印度尼西亚和新加坡访问`
        host = short or (Side(tuple(self.clause.within(cl[0] + m.start(1), cl[0] + m.end(1))))
                         if m else Side())
        if m and not host:  # `对上海进行访问`: the country of the city visited
            host = self._country_in(cl[0] + m.start(1), cl[0] + m.end(1))
        staying = None if m or short else re.search(r"在([^，,。；;在]{1,12}?)(?:进行)?$", before)
        if staying:  # `王毅于1月26日至29日在泰国访问`
            host = self._country_in(cl[0] + staying.start(1), cl[0] + staying.end(1))
        elif not m and not short:
            host = self.clause.object_after(hit.end, cl[1])
        arrived = None if host else re.search(  # `抵达越南岘港，展开为期五天的访问`
            r"(?:抵达|到达|飞抵)([^。；;]{1,20}?)[,，]\s*(?:展开|开始)[^,，。]{0,8}$",
            text[sent[0] : hit.start])
        if arrived:  # `抵达吉隆坡`
            host = self._country_in(sent[0] + arrived.start(1), sent[0] + arrived.end(1))
        if not host:
            return []
        # the party right before the word visits, unless a verb took it (`出席…峰会并访问荷兰`)
        near = [e for e in self.clause.within(cl[0], hit.start)
                if len(gap := text[e.span[1] : hit.start]) <= 4 and not any(c in gap for c in "对在向，,")
                and not OBJECT_OF.search(text, max(cl[0], e.span[0] - OBJECT_REACH), e.span[0])]
        if near and not m and not staying:
            subj = Side((near[-1],), span=near[-1].span)  # `欢迎越南代表团访问俄罗斯`
        plan = is_future(before) or self._future_sentence(cl, sent)
        if plan and self._leg_of_visit(host, subj, sent, hit.start):
            return []  # `访问期间，昂山素季还将前往云南省参观访问`: a leg of the visit told
        return [ev for visitor in self._each_country(subj, host)
                for ev in (self._found(hit, sent, visitor, host, 0.75, event="AGREE", mode=None,
                                       cameo="036") if plan else
                           self._found(hit, sent, visitor, host, mode="visit", cameo="042",
                                       medium="in_person"))]

    def _short_host(self, hit: TriggerHit) -> Side:
        word = hit.trigger.word
        if len(word) != 2 or word[0] not in "访来抵":
            return Side()
        iso = gazetteer().short_forms().get(word[1]) or gazetteer().city_shorts().get(word[1])
        at = (hit.start + 1, hit.end)
        return Side((Entity.of_country(word[1], at, iso),), span=at) if iso else Side()

    @staticmethod
    def _each_country(subj: Side, host: Side) -> list[Side]:
        """`波兰总统杜达、越南总理范明政将访华`: guests of several countries, a visit each."""
        countries = list(dict.fromkeys(e.country for e in subj.entities))
        if subj.both or len(countries) < 2 or None in countries or set(countries) & host.countries:
            return [subj]
        return [Side(tuple(e for e in subj.entities if e.country == c)) for c in countries]

    def _future_sentence(self, cl: Span, sent: Span, at: int | None = None) -> bool:
        """`X将于…出席…,并对老挝进行正式访问`: a clause joined by `并` to a plan is a plan, as
        is one with no subject of its own (`普京还将于17日前往哈尔滨,出席…开幕式`)."""
        lead = self.text[cl[0] : cl[1]].lstrip()
        joined = lead.startswith(("并", "还将", "随后", "前往", "再")) or (
            at is not None and not self.clause.within(cl[0], at))
        return joined and is_future(self.text[sent[0] : cl[0]])

    def _arrive(self, hit: TriggerHit, subj: Side, cl: Span, sent: Span, before: str
                ) -> list[Found]:
        """`金正恩26日乘专列抵达同登站`: a leader arriving in another country begins a visit to
        it (not a plan to, nor goods, teams or flights arriving)."""
        if is_future(before) or self._future_sentence(cl, sent, hit.start):
            return []
        if hit.trigger.word.startswith(SETTING_OFF) and "已" not in before:
            return []  # `今日启程前往纽约，出席…`: what he sets off to do is the news, a plan
        people = tuple(e for e in self._resolve(subj) if e.kind == "person" and e.country)
        if (not people and subj.span and SHIPS.search(self.text, subj.span[0], hit.start)
                and not AID_GOODS.search(self.text, hit.end, sent[1])):  # not relief shipped
            # `俄罗斯海军太平洋舰队舰艇编队21日上午抵达青岛某军港`: a navy's port call
            people = tuple(e for e in subj.entities if e.country and e.kind in ("org", "country"))
        if not people:  # `美国代表团抵达霍尼亚拉`: a delegation is its members
            people = tuple(e for e in subj.entities
                           if e.kind == "org" and e.country and e.text.endswith(DELEGATIONS))
        host = self._country_in(hit.end, cl[1])
        if not host and self.text[hit.end : hit.end + 1] in "，,。" and len(self.frame.hosts) == 1:
            # `特朗普於10日晚抵達，11日…`: arrived where the page's visits are made
            (iso,) = self.frame.hosts
            host = Side((Entity.of_country(self.text[hit.start : hit.end], (hit.start, hit.end),
                                           iso),))
        if not people or not host or host.countries & {e.country for e in people}:
            return []
        return [ev for visitor in self._each_country(Side(people), host)  # `通伦和洪玛奈…抵达`
                for ev in self._found(hit, sent, visitor, host, 0.7, mode="visit", cameo="042",
                                      medium="in_person")]

    def _speech(self, hit: TriggerHit, subj: Side, cl: Span, sent: Span, before: str
                ) -> list[Found]:
        """`特朗普在韩国国会发表演讲`: a speech to another state's parliament, or at the seat of
        an international organisation, is a visit to it (a plan to speak there, its plan)."""
        at = self.text.rfind("在", cl[0], hit.start)
        if at < 0:
            return []
        venues = [e for e in self.clause.within(at + 1, hit.start) if e.country and (
            e.kind == "org" and LEGISLATURE.search(e.text)
            or e.kind == "igo" and self.text.startswith("总部", e.span[1]))]
        people = tuple(e for e in self._resolve(subj) if e.kind == "person" and e.country)
        if not venues or not people or venues[-1].country in {e.country for e in people}:
            return []
        venue = Side((venues[-1],))
        if is_future(before) or self._future_sentence(cl, sent, hit.start):
            return self._found(hit, sent, Side(people), venue, 0.7, event="AGREE", mode=None,
                               cameo="036")
        return self._found(hit, sent, Side(people), venue, 0.7, mode="visit", cameo="042",
                           medium="in_person")

    def _welcome(self, hit: TriggerHit, subj: Side, cl: Span, sent: Span) -> list[Found]:
        after = self.text[hit.end : cl[1]]
        if self.text[max(cl[0], hit.start - 2) : hit.start] in WARM_GREETING and "访" in after:
            return []  # `热烈欢迎X访问越南` said in the talks: part of the visit
        obj = self.clause.object_after(hit.end, cl[1])
        if not obj or after.startswith(("仪式", "宴会", "词")):
            return []
        if FUTURE_WELCOME.search(after) and lexicon().has_action(after):
            return self._found(hit, sent, subj, obj, 0.7, event="AGREE", cameo="036")
        ceremony = re.search(r"(?:仪式|典礼)[，,]?\s*$", self.text[sent[0] : hit.start])
        said = SAID.search(self.text, sent[0], hit.start)
        if said and not ceremony and ("访" in after or COME_TO.search(after)):
            # `范秋姮表示，越方欢迎拜登总统访越`: a welcome said of a visit, not the hosting of it
            return self._found(hit, sent, subj, obj, 0.7)
        if "访" in after or COME_TO.search(after) or ceremony:
            # `欢迎莫迪来华举行非正式会晤`, `主持隆重仪式，欢迎苏林总书记`: his visit
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
        chaired = CHAIRED.search(text, sent[0], cl[0]) if hit.trigger.frame == "attend" else None
        if chaired:  # `佐科主持会议，习近平、拜登等出席`: one meeting, its chair and its guests
            chair_hit = lexicon().find(text, chaired.start(1), chaired.end(1))[0]
            start = max(text.rfind(c, sent[0], chaired.start(1)) for c in "，,") + 1
            chair = self.clause.subject(max(start, sent[0]), chaired.start(1))
            hosts = self._meeting_hosts(chair_hit, (sent[0], chaired.end()), sent, chair)
            guests = Side(tuple(e for e in subj.entities if e.id not in {h.id for h in hosts}))
            if chair and guests and hosts and all(e.kind == "igo" for e in hosts):
                return self._found(hit, sent, merge(chair, guests), Side(hosts), 0.7,
                                   mode="multilateral", cameo="040")
        rest = text[hit.start : sent[1]]
        if not any(w in rest for w in MEETING_WORDS) and hit.trigger.word not in ("与会", "列席"):
            return []
        during = SIDELINES.search(text, hit.end, cl[1])
        if during and not PUNCTUATION.search(text, hit.end, during.start()) and re.search(
                r"会见|会谈|会晤|通电话", text[during.end() : sent[1]]):
            return []  # `在出席…峰会期间会见…`: the meeting on its sidelines is the news
        if ANY_ABOVE.match(text, hit.end):
            return []  # `蔡奇、王毅等参加上述活动`: those who came along, no act of their own
        if SIGNING_CEREMONY.match(text, hit.end, cl[1]):
            # `两国领导人共同出席了…合作文件的签字仪式`: the signing they witnessed (SPEC: 057)
            return self._found(hit, sent, subj, Side(), event="SUPPORT", mode=None, cameo="057")
        if re.match(r"[^，,。]{0,30}?(?:会议|峰会|论坛|大会|活动|仪式|博览会)[^，,。的]{0,12}的[^，,。]{0,12}?"
                    r"(?:总理|总统|主席|首相|部长|外长|代表团|领导人)", text[hit.end : cl[1]]):
            # `来韩出席…会议的中国国务院总理李强`, `来华出席中国—中亚峰会并进行国事访问的…总统`:
            # who the guest is, not an act here
            return []
        together = TOGETHER.search(text, cl[0], hit.start)
        if together:  # `温家宝同鸠山由纪夫、李明博共同出席…`: all three attend
            co = [e for e in self.clause.within(together.end(1), together.start(2))
                  if e.country and e.kind != "igo"]
            subj = merge(subj, Side(tuple(co))) if co else subj
        grouping = self._grouping(hit, cl)
        foreign = (grouping,) if grouping else self._meeting_hosts(hit, cl, sent, subj,
                                                                   venue=not together)
        if not foreign:
            return []
        if all(e.kind == "country" for e in foreign) and self._posted_in(subj, foreign[0].country):
            return []  # `驻越南大使何炜在河内出席…仪式`: an envoy at work where he is posted
        if all(e.kind == "country" for e in foreign) and self._envoys(subj):
            return []  # `姜再冬大使出席中国援老挝…仪式`: an envoy's ceremonies are where he serves
        if is_future(text[cl[0] : hit.start]) or self._future_sentence(cl, sent, hit.start):
            return self._found(hit, sent, subj, Side(foreign), 0.7, event="AGREE", mode=None,
                               cameo="036")
        multilateral = any(w in rest for w in MULTILATERAL_WORDS) or any(
            e.kind == "igo" for e in foreign)
        if hit.trigger.frame == "chair" and not multilateral:
            return []  # `在河内主持召开驻东南亚使节会议`: a meeting of one's own, not a visit
        mode, cameo = ("multilateral", "040") if multilateral else ("visit", "042")
        if multilateral and hit.trigger.frame == "attend":
            subj = merge(subj, self._its_chair(hit, sent, foreign))
        if REMOTE.search(text, cl[0], hit.start):  # `以视频方式出席…领导人会议`
            return self._found(hit, sent, subj, Side(foreign), 0.7, mode=mode, cameo=cameo,
                               medium="video")
        return self._found(hit, sent, subj, Side(foreign), 0.7, mode=mode, cameo=cameo)

    def _its_chair(self, hit: TriggerHit, sent: Span, foreign: tuple[Entity, ...]) -> Side:
        """`出席第23次中国—东盟领导人会议，会议由越南总理阮春福主持` (in the sentence or opening
        the next): the chair named after the meeting attends it too."""
        i = bisect.bisect_right(self.sentence_starts, sent[0])
        end = self.sentences[i][1] if i < len(self.sentences) else sent[1]
        m = CHAIRED_BY.search(self.text, hit.end, end)
        if not m or m.start() >= sent[1] and self.text[sent[1] : m.start()].strip():
            return Side()  # in the next sentence, only where it opens it
        chairs = [e for e in self.clause.within(m.start(1), m.end(1))
                  if e.kind == "person" and e.country and e not in foreign]
        return Side(tuple(chairs))

    def _posted_in(self, subj: Side, iso: str | None) -> bool:
        """Whether every person of ``subj`` is an envoy posted in ``iso`` (`驻越南大使何炜`)."""
        name = country_names().get(iso or "")
        people = [e for e in subj.entities if e.kind == "person"]
        return bool(name and people) and all(
            f"驻{name}" in self.text[max(0, e.span[0] - 1) : e.span[1]] or f"驻{name}" in (e.org or "")
            for e in people)

    def _envoys(self, subj: Side) -> bool:
        """Whether every party of ``subj`` is a person with an envoy's title (one that heads a
        mission: 大使, 总领事…)."""
        people = [e for e in subj.entities if e.kind == "person"]
        gaz = gazetteer()
        return bool(people) and len(people) == len(subj.entities) and all(
            e.role and (title := gaz.entry(f"role:{e.role}")) and title.org for e in people)

    def _grouping(self, hit: TriggerHit, cl: Span) -> Entity | None:
        """`出席第九次中日韩领导人会议`: a meeting named by three or more countries is held by
        their grouping, not by one of them: the meeting itself is the (international) party."""
        text = self.text
        limit = min(cl[1], hit.end + 30)
        found = [(i, i + len(w)) for w in MEETING_WORDS if (i := text.find(w, hit.end, limit)) >= 0]
        if not found:
            return None
        first = min(e for _, e in found)
        end = max(e for s, e in found if s < first)  # `领导人会议`, not `领导人会`
        inside = self.clause.within(hit.end, end)
        countries = {e.country for e in inside if e.kind == "country"}
        if len(countries) < 3 or any(e.kind == "igo" for e in inside):
            return None  # a known organisation in the name holds it (`东盟与中日韩领导人会议`)
        start = hit.end + (text[hit.end] == "了")
        name = ORDINAL.sub("", text[start:end])
        return Entity(name, (start, end), "igo", f"igo:{name}", org=name, country="IGO",
                      known=False)

    def _meeting_hosts(self, hit: TriggerHit, cl: Span, sent: Span, subj: Side,
                       venue: bool = True) -> tuple[Entity, ...]:
        """Who holds the meeting attended: its named organisers, the organisation in its name
        (`东盟峰会`), the title's organisation for a bare `会议`, else (``venue``) the host
        country; not for parties attending together (`同范明政一道出席`), who hold it."""
        text = self.text
        # at a press conference each answer has its own subject: no page-wide organiser
        page_wide = not self.qa
        hosted = HOSTED_RE.search(text, cl[0], sent[1]) or (
            self.frame.organiser_phrase if page_wide else None)
        named = (self.clause.within(hosted.start(1), hosted.end(1)) if hosted
                 else list(self.frame.organisers) if page_wide else [])
        after = [e for e in self.clause.within(hit.end, cl[1])  # not the next plan's meeting
                 if e.kind in ("igo", "country", "org")]
        title = [e for e in self.clause.within(self.body[0], self.sentences[0][1])
                 if e.kind == "igo"] if self.sentences else []
        chair = bool(hosted and "主席国" in hosted.group(1))
        # `二十国集团峰会15日在印尼开幕，习近平出席峰会`: the organisation the sentence named
        earlier = [e for e in self.clause.within(sent[0], hit.start) if e.kind == "igo"]
        # `二十国集团领导人杭州峰会5日闭幕。习近平4日至5日主持峰会`: the meeting just named
        told = self._meeting_told_before(sent) if BARE_MEETING.match(text, hit.end) else []
        for group in ([e for e in after if e.kind == "igo"], named, earlier, after, told, title):
            foreign = tuple(e for e in group if e.country and e.country not in subj.countries)
            igos = tuple(e for e in foreign if e.kind == "igo")
            if foreign:  # `由东盟轮值主席国老挝主办`: ASEAN's meeting, Laos its chair
                return igos if chair and igos else foreign
        # where the sentence is set, else where the page's meeting is held (`…大会在万象举行。
        # 梁强率…代表团出席庆祝大会`)
        place = (self._place_country(sent, sent[1]) or self.venue) if venue else None
        if place and place not in subj.countries:
            return (Entity.of_country(place, (hit.start, hit.end), place),)
        return ()

    def _meeting_told_before(self, sent: Span) -> list[Entity]:
        """The organisations of states named in the sentence before ``sent``."""
        i = bisect.bisect_right(self.sentence_starts, sent[0]) - 1
        if i < 1:
            return []
        return [e for e in self.clause.within(*self.sentences[i - 1]) if e.kind == "igo"]

    def _credentials(self, hit: TriggerHit, subj: Side, cl: Span, sent: Span) -> list[Found]:
        """`X 向 Y 递交国书`; `Y (分别)接受 A、B…大使递交国书`: each ambassador a visit."""
        took = self.text.rfind("接受", cl[0], hit.start)
        if took < 0:
            host = self.clause.governed_by(cl[0], hit.start, ("向",))
            return self._found(hit, sent, subj, host, mode="visit", cameo="042",
                               medium="in_person") if host else []
        if not subj or subj.span and subj.span[0] > took:
            # `梁强…举行仪式，分别接受新任日本驻越南大使伊藤直树…递交国书`: the envoys follow
            # the verb; who receives them is the sentence's subject before it
            subj = self.clause.subject(cl[0], took) or self._subject_before(cl, sent, False)
        envoys = [e for e in self.clause.within(took + 2, hit.start)
                  if e.country and e.country not in subj.countries]
        by_country = {e.country: e for e in envoys}
        return [ev for e in by_country.values()
                for ev in self._found(hit, sent, Side((e,)), subj, mode="visit", cameo="042",
                                      medium="in_person")]
