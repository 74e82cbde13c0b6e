"""Dates (SPEC section 4): find date expressions, the clues that fix a year, and an event's date.

Three functions, each a pure function of text and knowledge:

- :func:`find_dates` reads every date expression with its span: full dates, ranges
  (``2023年5月21日至23日``), month-day, day-only (``5日晚``), years, ISO dates, Chinese
  numerals (``二〇二三年五月二十二日``) and relative words (``当天``, ``次日``, ``今年``, ``近日``).
  Year ranges (``2020-2025年``, an anniversary's ``(1950-2026)``) are *not* dates: they are
  year clues.
- :func:`year_clues` reads what fixes a year the text does not print with a date: printed dates
  and years (``text``), anniversaries (``越中建交70周年`` -> 1950 + 70), numbered congresses and
  summits (``越共十三大``, ``第44届东盟峰会``), dated offices (``2020年东盟轮值主席国``) and plan
  periods (``2020-2025年阶段``) (``inferred``). Names, years and aliases live in
  ``kb/anniversaries.tsv``, ``kb/congresses.tsv`` and ``kb/terms.tsv``; only the shapes
  (``N周年``, ``第N届``, ``N大``) are code.
- :func:`resolve_event_date` combines them for one event sentence, in SPEC order: year printed
  with or around the date (``text``), the user's publication date (``published``), the clues
  (``inferred``), else ``--MM-DD``.

Decisions worth knowing:

- ``越共十三大以来`` ("since the 13th congress") only says the event is *after* 2021. It is kept as
  a clue with ``relation="since"`` and weight 0 so callers can see it, but it never gives a year
  by itself: an inferred year earlier than such a lower bound is rejected instead.
- ``…的决议/精神`` after a congress (carrying out its resolution) is a weak clue (the congress was
  in that year or before); ``即将召开``/``召开之际``/``成果`` make it a strong one.
- A date after ``将于``/``即将``/``拟于`` is a *future* date of something else (``即将于2026年1月
  19日至25日召开之际`` a letter was sent): it never gives the event's day, only its year.
- Anniversaries preceded by ``迈向``/``到`` are targets, not the present, and are dropped;
  ``去年是…周年`` and ``明年是…周年`` shift the year by one.
- A plan period ``2020-2025年`` is the weakest clue (its first year); a legislative term
  (``第十五届国会``) is nearly as weak.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from .knowledge import read_table, split_list
from .model import Dateline, DateValue, Span

# --------------------------------------------------------------------------- values


@dataclass(frozen=True, slots=True)
class DateMention:
    """One date expression: what it says, as far as the words themselves say it."""

    span: Span
    text: str
    year: int | None
    month: int | None
    day: int | None
    end_year: int | None = None
    end_month: int | None = None
    end_day: int | None = None
    # same_day | next_day | yesterday | today | tomorrow | this_year | last_year | next_year | vague
    # | month+0 | month-1 | month+1 (本月, 上月, 下月: the report's month, shifted)
    relative: str | None = None
    part_of_day: str | None = None  # 上午, 下午, 晚 … (or 上旬/中旬/下旬/初/底 for a month)
    future: bool = False  # after 将于/即将/拟于: the date of something yet to come
    since: bool = False  # 自5月7日起, 至5月30日结束: where a state or period begins or ends,
    # not a day of the story
    topic: bool = False  # 关于4月18日…一事的提问, 谴责朝鲜12日发射: the day of what is spoken
    # about, not of the speaking


@dataclass(frozen=True, slots=True)
class YearClue:
    """Something in the text that says which year it is."""

    year: int
    kind: str  # text | inferred
    evidence: str
    span: Span
    basis: str = "date"  # date | year | anniversary | congress | summit | office | term | period
    weight: int = 0  # strength: higher wins (see _W_*)
    relation: str = "at"  # at | since | start (first year of a period)


# clue strengths
_W_DATE = 10
_W_ANNIV_RANGE = 9
_W_ANNIV_THIS_YEAR = 9
_W_ANNIV = 7
_W_CONGRESS_AT = 6
_W_CONGRESS = 5
_W_OFFICE_CURRENT = 8
_W_OFFICE = 4
_W_CONGRESS_AFTER = 3
_W_YEAR = 2
_W_TERM = 2
_W_PERIOD = 1
_W_SINCE = 0

# --------------------------------------------------------------------------- numerals

_CN_DIGIT = {
    "〇": 0, "零": 0, "○": 0, "Ｏ": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip
_CN_UNIT = {"十": 10, "百": 100, "千": 1000}


def cn_to_int(s: str) -> int | None:
    """``十三`` -> 13, ``二十一`` -> 21, ``二〇二三`` -> 2023, ``７０`` -> 70; else None."""
    s = s.strip()
    if not s:
        return None
    if s.isdecimal():
        return int(s)  # also full-width digits
    if not any(c in _CN_UNIT for c in s):  # digit by digit: 二〇二三
        if all(c in _CN_DIGIT for c in s):
            return int("".join(str(_CN_DIGIT[c]) for c in s))
        return None
    total, cur = 0, 0
    for c in s:
        if c in _CN_DIGIT:
            cur = _CN_DIGIT[c]
        elif c in _CN_UNIT:
            total += (cur or 1) * _CN_UNIT[c]
            cur = 0
        else:
            return None
    return total + cur


# --------------------------------------------------------------------------- find_dates

_D = "0-9０-９"
_CN_Y = "〇零○一二三四五六七八九"
_YEAR = rf"(?:(?<![{_D}])[{_D}]{{4}}(?![{_D}])|[{_CN_Y}]{{4}})"
_MON = rf"(?:[{_D}]{{1,2}}|十[一二]?|[一二三四五六七八九])"
_CN_1_9 = "[一二三四五六七八九]"
_DAY = rf"(?:[{_D}]{{1,2}}|三十一?|二十{_CN_1_9}?|十{_CN_1_9}?|{_CN_1_9})"
_SEP = r"(?:至|到|－|-|—|–|~|～|〜)"
_POD = r"(?:凌晨|清晨|早晨|早上|上午|中午|午间|午后|下午|傍晚|晚上|晚间|夜间|深夜|晚|夜)"
_MPART = r"(?:上旬|中旬|下旬|初|底|末)"
_NOT_BEFORE_NUM = rf"(?<![{_D}{_CN_Y}十个第.．/])"

_DATE_RE = re.compile(
    rf"""
    (?=[{_D}{_CN_Y}十今去明当同次翌第昨前近日本上下这此])  # every form starts with one of these: a fast skip
    (?:(?P<yrange>{_YEAR}\s*年?\s*{_SEP}\s*{_YEAR}\s*年)
  | (?P<iso>(?<![{_D}.．/-])(?P<iy>(?:19|20)[0-9]{{2}})(?P<isep>[-/.])(?P<im>[01]?[0-9])(?P=isep)
        (?P<id>[0-3]?[0-9])(?![{_D}]|\.[0-9]))
  | (?P<dmy>(?<![{_D}.．/-])(?P<xd>[0-3]?[0-9])\.(?P<xm>[01]?[0-9])\.(?P<xy>(?:19|20)[0-9]{{2}})
        (?![{_D}]|\.[0-9]))
  | (?P<ymd>(?:(?P<y>{_YEAR})\s*年|(?P<ry>今年|去年|明年))
        (?:\s*(?P<m>{_MON})\s*月份?
           (?:\s*(?:(?P<d>{_DAY})\s*[日号]|(?P<dr>{_DAY})(?=\s*{_SEP}\s*{_DAY}\s*[日号])|(?P<mp>{_MPART})))?
        )?)
  | (?P<md>{_NOT_BEFORE_NUM}(?P<m2>{_MON})\s*月份?
        (?:\s*(?:(?P<d2>{_DAY})\s*[日号]|(?P<dr2>{_DAY})(?=\s*{_SEP}\s*{_DAY}\s*[日号])|(?P<mp2>{_MPART})))?)
  | (?P<rmd>(?P<rm>本月|这个月|上月|上个月|下月|下个月)
        (?:\s*(?:(?P<d4>{_DAY})\s*[日号]|(?P<dr4>{_DAY})(?=\s*{_SEP}\s*{_DAY}\s*[日号])|(?P<mp4>{_MPART})))?)
  | (?P<pd>[今昨前明]\s*[（(]\s*(?P<d5>[{_D}]{{1,2}})\s*[）)]\s*日)  # `昨（20）日`: the 20th
  | (?P<dd>(?<![{_D}.．/第])(?:(?P<d3>[{_D}]{{1,2}})\s*日(?!本|元|圆|币|内|以内|之内)
        |(?P<dr3>[{_D}]{{1,2}})(?=\s*{_SEP}\s*[{_D}]{{1,2}}\s*日))
        # `諾魯政府十五日宣布`, `昨日（十一日）`: a day in words, as Hong Kong and Taiwan papers write it
        |(?<![{_D}{_CN_Y}十百千万第月.．/])(?P<d6>三十一?|二十{_CN_1_9}?|十{_CN_1_9}?)\s*日
        (?!本|元|圆|币|内|以内|之内))
  | (?P<rw>此前一天|当天|当日|当晚|同日|同一天|同天|次日|翌日|第二天(?!的?(?:会谈|会议|议程|行程|访问|活动))|今天|今日|今晚|昨天|昨日|昨晚|前天
        |明天|明日|近日|前日(?=\s*[（(]|{_POD})
        |(?<![节生平假每忌念周期首末终当同今昨明次翌前近{_D}一二三四五六七八九十])日前(?![往来进夕线])))
    """,
    re.VERBOSE,
)
_TAIL_RE = re.compile(  # `至23日`, `（14日）至周日（17日）`
    rf"\s*[）)]?\s*{_SEP}\s*(?:(?:周|星期|礼拜)[一二三四五六日天]\s*[（(])?"
    rf"(?:(?P<y>{_YEAR})\s*年\s*)?(?:(?P<m>{_MON})\s*月\s*)?(?P<d>{_DAY})\s*[日号]"
)
_POD_RE = re.compile(rf"\s*(?P<pod>{_POD})")
# `邀请李强出席5月下旬…举行的峰会`: the day of what someone is invited to
_INVITED_TO = re.compile(r"邀请[^，,。；;]{0,24}?(?:出席|参加|访问|来访|前往|赴)\s*\Z")
# a date aimed at or planned (`将于`, `力争在2016年`, `目标是到2030年`)
FUTURE_BEFORE = re.compile(
    r"(?:即将|(?<![大上中少])将|拟|定|计划|预计|预定|力争|争取|目标是?)\s*"
    r"(?:于|在|到|(?:一直)?(?:持续|延续)(?:至|到))?\s*$")  # `演习将持续至28日`

_REL_WORDS = {
    "当天": "same_day", "当日": "same_day", "当晚": "same_day", "同日": "same_day",
    "同一天": "same_day", "同天": "same_day", "次日": "next_day", "翌日": "next_day",
    "此前一天": "day_before",
    "第二天": "next_day", "今天": "today", "今日": "today", "今晚": "today",
    "昨天": "yesterday", "昨日": "yesterday", "昨晚": "yesterday", "前天": "day_before_yesterday",
    "前日": "day_before_yesterday",
    "明天": "tomorrow", "明日": "tomorrow", "近日": "vague", "日前": "vague",
}  # fmt: skip
_REL_YEARS = {"今年": "this_year", "去年": "last_year", "明年": "next_year"}
_REL_MONTHS = {"本月": 0, "这个月": 0, "上月": -1, "上个月": -1, "下月": 1, "下个月": 1}
_REL_POD = {"当晚": "晚", "今晚": "晚", "昨晚": "晚"}
_MONTH_RELATIVES = {f"month{k:+d}" for k in _REL_MONTHS.values()}
_REPORT_DAYS = {"today", "yesterday", "day_before_yesterday"}
_DAY_RELATIVES = {"same_day", "next_day", "day_before", "today", "yesterday",
                  "day_before_yesterday", "tomorrow"}


def _num(s: str | None) -> int | None:
    return cn_to_int(s) if s else None


def _valid(y: int | None, m: int | None, d: int | None) -> bool:
    if y is not None and not 1800 <= y <= 2100:
        return False
    if m is not None and not 1 <= m <= 12:
        return False
    if d is not None:
        if not 1 <= d <= 31:
            return False
        if m is not None:
            try:
                date(y if y is not None else 2000, m, d)
            except ValueError:
                return False
    return True


_SINCE_BEFORE = re.compile(r"(?:自从|自|从)\Z")
_SINCE_AFTER = re.compile(r"\s*(?:起|以来|开始|至今)")
BEFORE_CLAUSE = re.compile(r"[^，,。；;]{0,40}?(?:之后|以后|后)[，,]")
_UNTIL_BEFORE = re.compile(r"(?:至|到|截至)\Z")  # `至5月30日结束`: where a period ends
_UNTIL_AFTER = re.compile(r"\s*(?:结束|为止|闭幕|止)")
_TOPIC_BEFORE = re.compile(r"(?:关于|就)[^，,。；;：:\s]{0,8}\Z")
_STANCE_BEFORE = re.compile(r"(?:谴责|批评|抗议|反对|祝贺|感谢|关切|担忧|哀悼|慰问)[^，,。；;：:\s]{0,8}\Z"
                            r"|(?:针对|回应)[^，,。；;：:\s]{0,20}\Z")
# `根据两国上月在北京达成的协议`: the day of the agreement an act follows, not the act's
_BASIS_BEFORE = re.compile(r"(?:根据|按照|依据|依照|落实|遵循)[^，,。；;：:\s]{0,10}\Z")
_BASIS_AFTER = re.compile(r"[^，,。；;：:！？!?]{0,20}?(?:达成|签署|签订|通过|发表|作出|确定)的")
# After a date, the words that make it the day of a report (`据老挝通讯社2月8日报道，…于2月7日晚
# 运抵`), not of what the report tells
REPORTED = ("报道", "讯", "消息")
# `外交部当天发布的声明说，7月21日，美方…`: the day of the statement that tells it
STATEMENT_OF = re.compile(r"[^，,。；;]{0,8}?(?:发布|发表)的[^，,。；;]{0,6}?(?:声明|公告|公报|通报)中?"
                          r"(?:说|称|指出|表示)")
_TOPIC_AFTER = re.compile(r"[^，,。；;：:！？!?]{0,60}?(?:一事|之事|事件|的提问|的问题|问题时)")
# `在11月8日选举中表达的意愿`: the day names a past happening, not the day of what is told
_NAMED_HAPPENING = re.compile(r"(?:举行的)?(?:大选|选举|公投|政变|事件|袭击|地震|海啸|空难)")


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateMention]:
    """Every date expression in ``text[start:end]`` with its span, in order."""
    end = len(text) if end is None else end
    out: list[DateMention] = []
    pos = start
    search = _DATE_RE.search
    while True:
        m = search(text, pos, end)
        if m is None:
            break
        pos = m.end()
        if m.lastgroup == "yrange":  # a period: a clue, not a date
            continue
        mention = _mention(text, m, end)
        if mention is not None:
            out.append(mention)
            pos = max(pos, mention.span[1])
    return out


def _mention(text: str, m: re.Match[str], end: int) -> DateMention | None:
    kind = m.lastgroup
    s, e = m.span()
    y = mo = d = None
    rel = pod = None
    if kind == "iso":
        y, mo, d = int(m["iy"]), int(m["im"]), int(m["id"])
        if not _valid(y, mo, d):
            return None
    elif kind == "dmy":  # `14.03.2018`, as European outlets write it
        y, mo, d = int(m["xy"]), int(m["xm"]), int(m["xd"])
        if not _valid(y, mo, d):
            return None
    elif kind == "ymd":
        y = _num(m["y"])
        rel = _REL_YEARS.get(m["ry"] or "")
        mo, d = _num(m["m"]), _num(m["d"] or m["dr"])
        pod = m["mp"]
        if not _valid(y, mo, d):
            return None
    elif kind == "md":
        mo, d = _num(m["m2"]), _num(m["d2"] or m["dr2"])
        pod = m["mp2"]
        if not _valid(None, mo, d):
            return None
    elif kind == "rmd":  # 本月5日, 上个月: the report's month, shifted
        rel = f"month{_REL_MONTHS[m['rm']]:+d}"
        d, pod = _num(m["d4"] or m["dr4"]), m["mp4"]
        if not _valid(None, None, d):
            return None
    elif kind in ("dd", "pd"):
        d = _num(m["d3"] or m["dr3"] or m["d5"] or m["d6"])
        if not _valid(None, None, d):
            return None
    else:  # relative word
        word = m["rw"]
        rel = _REL_WORDS[word]
        pod = _REL_POD.get(word)
    ey = em = ed = None
    if d is not None:
        t = _TAIL_RE.match(text, e, end)
        if t:
            ey, em, ed = _num(t["y"]), _num(t["m"]), _num(t["d"])
            ey2, em2 = ey or y, em or mo
            ok = _valid(ey2, em2, ed)
            if ok and em2 is not None and mo is not None:
                ok = (ey2 or 2000, em2, ed) > (y or ey2 or 2000, mo, d) or (
                    ey2 is not None and y is not None and ey2 > y
                )
            elif ok:
                ok = ed > d and em is None
            if ok:
                e = t.end()
                ey, em = ey2, em2
            else:
                ey = em = ed = None
        elif m["dr"] or m["dr2"] or m["dr3"] or m["dr4"]:
            return None
    if pod is None and (d is not None or rel in _DAY_RELATIVES):
        p = _POD_RE.match(text, e, end)
        if p:
            pod = p["pod"]
            e = p.end()
    if rel is None and y is None and mo is None and d is None:
        return None
    future = bool(FUTURE_BEFORE.search(text, max(0, s - 6), s)
                  or _INVITED_TO.search(text, max(0, s - 30), s))
    since = bool(_SINCE_BEFORE.search(text, max(0, s - 2), s) and _SINCE_AFTER.match(text, e, end)
                 or _UNTIL_BEFORE.search(text, max(0, s - 2), s) and _UNTIL_AFTER.match(text, e, end))
    topic = bool(_TOPIC_BEFORE.search(text, max(0, s - 10), s) and _TOPIC_AFTER.match(text, e, end)
                 or _BASIS_BEFORE.search(text, max(0, s - 14), s) and _BASIS_AFTER.match(text, e, end)
                 or _STANCE_BEFORE.search(text, max(0, s - 24), s)
                 or _NAMED_HAPPENING.match(text, e)) and not (
        s > 0 and text[s - 1] in "（(")  # `谴责朝鲜发射（2月7日 23时10分）`: the story's stamp
    return DateMention(
        span=(s, e), text=text[s:e], year=y, month=mo, day=d, end_year=ey, end_month=em,
        end_day=ed, relative=rel, part_of_day=pod, future=future, since=since, topic=topic,
    )  # fmt: skip


# --------------------------------------------------------------------------- knowledge


_DOT = "\0"  # a middle dot in an alias: matches any dot, or none, with spaces around


def _trie_regex(words: list[str]) -> str:
    """One regex for many literal words, shaped as a trie (Python's re does not build one, and an
    alternation of hundreds of words would be tried word by word at every position)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in re.sub(r"\s*[·•・]\s*", _DOT, w.strip()):
            node = node.setdefault(ch, {})
        node[""] = True

    def emit(node: dict) -> str:
        alts = []
        for ch in sorted((k for k in node if k), key=lambda c: (c == _DOT, c)):
            head = r"\s*[·•・.．]?\s*" if ch == _DOT else re.escape(ch)
            alts.append(head + emit(node[ch]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body  # greedy: the longest word first

    first = "".join(sorted(re.escape(c) for c in trie))
    return f"(?=[{first}]){emit(trie)}"


@cache
def _anniversaries() -> tuple[re.Pattern[str], dict[str, tuple[str, int, str]]]:
    """One regex over every anniversary form, and form -> (name, year, kind)."""
    forms: dict[str, tuple[str, int, str]] = {}
    for row in read_table("anniversaries"):
        name, year, kind = row["name"] or "", int(row["year"] or 0), row["kind"] or ""
        aliases = split_list(row["aliases"])
        if kind == "relations" and name.endswith("建交") and "-" in name:
            a, b = name[: -len("建交")].split("-", 1)
            for x, y in ((a, b), (b, a)):
                for link in ("与", "和", "同", "跟"):
                    aliases.append(f"{x}{link}{y}建交")
        more = []
        for al in aliases:
            if al.endswith("建交"):
                more.append(al[:-2] + "两国建交")
                more.append(al[:-2] + "建立外交关系")
                more.append(al[:-2] + "两国建立外交关系")
        for al in aliases + more:
            forms.setdefault(al, (name, year, kind))
    rx = re.compile(_trie_regex(list(forms)))
    # map a matched string back to its form: normalise the separators away
    norm = {re.sub(r"[\s·•・.．]", "", k): v for k, v in forms.items()}
    return rx, norm


@dataclass(frozen=True, slots=True)
class _Series:
    name: str
    numbers: dict[int, tuple[int, int | None]]  # number -> (year, end year of a term)


@cache
def _congresses() -> tuple[re.Pattern[str], dict[str, _Series]]:
    series: dict[str, _Series] = {}
    patterns: dict[str, list[str]] = {}
    for row in read_table("congresses"):
        name = row["series"] or ""
        s = series.setdefault(name, _Series(name, {}))
        if row["number"] == "*":
            patterns.setdefault(name, []).extend(split_list(row["aliases"]))
            continue
        years = (row["year"] or "").split("-")
        s.numbers[int(row["number"] or 0)] = (
            int(years[0]),
            int(years[1]) if len(years) > 1 else None,
        )
        for al in split_list(row["aliases"]):  # extra literal forms: `{n}` not needed
            patterns.setdefault(name, []).append(al.replace(row["number"] or "", "{n}", 1))
    num = r"[0-9０-９]{1,3}|[一二三四五六七八九十百]{1,4}|首"  # `首届`: the first
    alts, groups = [], {}
    for i, (name, pats) in enumerate(patterns.items()):
        for j, p in enumerate(pats):
            g = f"s{i}_{j}"
            body = re.escape(p).replace(r"\{n\}", f"(?P<n{g}>{num})").replace("\\{n\\}", "")
            alts.append(f"(?P<{g}>{body})")
            groups[g] = series[name]
    starts = {p[0] for pats in patterns.values() for p in pats}
    if "{" in starts:  # a pattern that opens with its number (`{n}届中蒙博览会`)
        starts = (starts - {"{"}) | set("0123456789０１２３４５６７８９一二三四五六七八九十百首")
    first = "".join(sorted(re.escape(c) for c in starts))
    return re.compile(f"(?=[{first}])(?:" + "|".join(alts) + ")"), groups


@cache
def _offices() -> re.Pattern[str]:
    roles: list[str] = []
    for row in read_table("terms"):
        roles.append(row["role"] or "")
        roles.extend(split_list(row["aliases"]))
    roles = sorted({r for r in roles if r}, key=len, reverse=True)
    alts = "|".join(map(re.escape, roles))
    return re.compile(
        rf"(?=[12])(?<![{_D}])(?P<y>[12][0-9]{{3}})\s*年\s*(?:度\s*)?(?:的\s*)?(?:{alts})"
    )


# --------------------------------------------------------------------------- year_clues

_ANNIV_RE = re.compile(r"(?P<n>[0-9０-９]{1,3}|[一二三四五六七八九十百]{1,4})\s*周年")
_ANNIV_PRINTED = re.compile(
    rf"\s*[（(]\s*(?:(?P<a>[{_D}]{{4}})\s*年?\s*{_SEP}\s*)?(?P<b>[{_D}]{{4}})\s*年?\s*[)）]"
)
_CLAUSE_BREAK = re.compile(r"[，,。；;！!？?\n：:]")
_PAREN = re.compile(r"[（(][^（()）]*[)）]")
_ANNIV_TARGET = re.compile(r"(?:迈向|迈进|走向|面向|直至|直到|(?<![日月年\d])到|(?<![日月年\d])至)[^，,。；;]{0,20}$")
_CONGRESS_CORE = re.compile(
    r"(?=[0-9０-９一二三四五六七八九十百首])(?:(?:[0-9０-９]{1,3}|[一二三四五六七八九十百]{1,4})\s*(?:次全国代表大会|次代表大会|大|届|次[^，,。]{0,12}?(?:会议|峰会|会晤))|首届)"
)
_AFTER_SINCE = re.compile(r"\s*(?:召开)?(?:以来|之后|后)")
_AFTER_WEAK = re.compile(r"\s*(?:的)?\s*(?:决议|精神|路线|方针|主张|文件|提出|确定|确立|以后)")
_AFTER_AT = re.compile(
    r"\s*(?:(?:即将|将)?(?:召开|举行|开幕|闭幕|胜利召开|成功召开)|前夕|期间|之际|筹备|成果|取得的成果|上)"
)
_BEFORE_AT = re.compile(r"(?:即将召开的|即将举行的|出席|参加|迎接|筹备|召开)\s*$")
_PERIOD_RE = re.compile(
    rf"(?=[12])(?<![{_D}])(?P<a>[12][0-9]{{3}})\s*年?\s*{_SEP}\s*(?P<b>[12][0-9]{{3}})\s*年(?![{_D}])"
)
_OFFICE_BEFORE = re.compile(r"(?:作为|担任|身为|在|于|出任|接任)\s*$")
_OFFICE_AFTER = re.compile(r"\s*(?:期间|之际|年|任内|任期)")


def year_clues(text: str, mentions: list[DateMention] | None = None) -> list[YearClue]:
    """Everything in ``text`` that fixes a year, in order of position.

    ``mentions`` (the output of :func:`find_dates` on the same text) may be passed to avoid
    reading the dates twice.
    """
    clues: list[YearClue] = []
    for m in mentions if mentions is not None else find_dates(text):
        if m.year is None or m.relative is not None:
            continue
        if m.month is not None:
            clues.append(YearClue(m.year, "text", _evidence(text, m), m.span, "date", _W_DATE))
        else:
            clues.append(YearClue(m.year, "text", m.text, m.span, "year", _W_YEAR))
    if "周年" in text:
        clues.extend(_anniversary_clues(text))
    clues.extend(_congress_clues(text))
    if "年" in text:
        clues.extend(_office_clues(text))
        for p in _PERIOD_RE.finditer(text):
            a, b = int(p["a"]), int(p["b"])
            if not (1900 <= a < b <= 2100):
                continue
            if (
                text[max(0, p.start() - 1) : p.start()] in "(（"
                and text[p.end() : p.end() + 1] in ")）"
            ):
                continue  # an anniversary's (1950-2026): read with the anniversary
            ev_end = p.end()
            brk = _CLAUSE_BREAK.search(text, ev_end, min(len(text), ev_end + 30))
            ev_end = brk.start() if brk else min(len(text), ev_end + 30)
            clues.append(
                YearClue(
                    a, "inferred", text[p.start() : ev_end], p.span(), "period", _W_PERIOD, "start"
                )
            )
    clues.sort(key=lambda c: c.span)
    return clues


def _evidence(text: str, m: DateMention) -> str:
    s = m.span[0]
    if s > 0 and text[s - 1] in "自从于在":
        s -= 1
    return text[s : m.span[1]]


def _clause_start(text: str, pos: int, limit: int = 60) -> int:
    lo = max(0, pos - limit)
    last = lo
    for b in _CLAUSE_BREAK.finditer(text, lo, pos):
        last = b.end()
    return last


def _anniversary_clues(text: str) -> list[YearClue]:
    rx, forms = _anniversaries()
    out: list[YearClue] = []
    for a in _ANNIV_RE.finditer(text):
        n = cn_to_int(a["n"])
        if not n or n > 500:
            continue
        s, e = a.span()
        cs = _clause_start(text, s)
        best = None
        for f in rx.finditer(text, cs, s):
            if (
                best is None
                or f.end() > best.end()
                or (f.end() == best.end() and f.start() < best.start())
            ):
                best = f
        printed = _ANNIV_PRINTED.match(text, e)
        head = text[cs : best.start() if best else s]
        if _ANNIV_TARGET.search(head):
            continue  # 迈向建党100周年: a target, not the present
        shift = 0
        weight = _W_ANNIV
        if re.search(r"(?:今年|本年)(?:是|为|适逢|恰逢|正值|迎来)?[^，,。]{0,4}$", head):
            weight = _W_ANNIV_THIS_YEAR
        elif re.search(r"去年(?:是|为|适逢|恰逢|正值)?[^，,。]{0,4}$", head):
            shift = 1
        elif re.search(r"明年(?:是|为|将是|将迎来|适逢|恰逢)?[^，,。]{0,4}$", head):
            shift = -1
        if printed:
            b = int(printed["b"])
            if printed["a"] and int(printed["a"]) + n != b:
                printed = None
            else:
                ev_s = best.start() if best else _clause_start(text, s, 12)
                out.append(
                    YearClue(
                        b,
                        "text",
                        text[ev_s : printed.end()],
                        (ev_s, printed.end()),
                        "anniversary",
                        _W_ANNIV_RANGE,
                    )
                )
                continue
        if best is None:
            continue
        gap = _PAREN.sub("", text[best.end() : s])
        if len(gap) > 8:
            continue
        key = re.sub(r"[\s·•・.．]", "", best.group())
        info = forms.get(key)
        if info is None:
            continue
        ev_s = best.start()
        if weight == _W_ANNIV_THIS_YEAR:
            m = re.search(r"(?:今年|本年)[^，,。]{0,4}$", head)
            if m:
                ev_s = cs + m.start()
        out.append(
            YearClue(
                info[1] + n + shift, "inferred", text[ev_s:e], (ev_s, e), "anniversary", weight
            )
        )
    return out


def _congress_clues(text: str) -> list[YearClue]:
    rx, groups = _congresses()
    out: list[YearClue] = []
    seen_end = -1
    for core in _CONGRESS_CORE.finditer(text):
        ws, we = max(0, core.start() - 24), min(len(text), core.end() + 20)
        for m in rx.finditer(text, ws, we):
            if m.end() <= seen_end or not (m.start() <= core.start() < m.end()):
                continue
            g = m.lastgroup or ""
            series = groups.get(g)
            if series is None:
                continue
            n = 1 if m[f"n{g}"] == "首" else cn_to_int(m[f"n{g}"] or "")
            if n is None or n not in series.numbers:
                continue
            seen_end = m.end()
            year, end_year = series.numbers[n]
            words = m.group()
            if end_year is not None or "届中央" in words:
                out.append(YearClue(year, "inferred", words, m.span(), "term", _W_TERM, "start"))
                continue
            basis = "congress" if "大" in words or "代表大会" in words else "summit"
            e = m.end()
            if text.startswith("以来", e) or _AFTER_SINCE.match(text, e):
                rel_end = _AFTER_SINCE.match(text, e)
                ev_end = rel_end.end() if rel_end else e
                out.append(
                    YearClue(
                        year,
                        "inferred",
                        text[m.start() : ev_end],
                        (m.start(), ev_end),
                        basis,
                        _W_SINCE,
                        "since",
                    )
                )
                continue
            weight = _W_CONGRESS
            if _AFTER_WEAK.match(text, e):
                weight = _W_CONGRESS_AFTER
            elif _AFTER_AT.match(text, e) or _BEFORE_AT.search(
                text, max(0, m.start() - 8), m.start()
            ):
                weight = _W_CONGRESS_AT
            if basis == "summit":
                weight = max(weight, _W_CONGRESS_AT)
            out.append(YearClue(year, "inferred", words, m.span(), basis, weight))
    return out


def _office_clues(text: str) -> list[YearClue]:
    out: list[YearClue] = []
    for m in _offices().finditer(text):
        s, e = m.span()
        before = _OFFICE_BEFORE.search(text, max(0, s - 3), s)
        after = _OFFICE_AFTER.match(text, e)
        current = bool(before) or bool(after)
        es = before.start() if before else s
        ee = after.end() if after else e
        out.append(
            YearClue(
                int(m["y"]),
                "inferred",
                text[es:ee],
                (es, ee),
                "office",
                _W_OFFICE_CURRENT if current else _W_OFFICE,
            )
        )
    return out


# --------------------------------------------------------------------------- resolve

# `此前,…`, `会谈前,…`: some day before; `竣工仪式前,…`: before a ceremony, on its day
_VAGUE_CLAUSE = re.compile(r"(?:期间|之前|此前|以前|(?<!仪式)(?<!典礼)(?<!宴会)(?<!晚宴)(?<!午宴)(?<!开幕式)前)\s*$")
# `会谈前，两国领导人共同见证…签署`, `会谈前，…主持隆重仪式`: the ceremonies of talks are held the
# day of the talks (not a delegation's other calls `在会谈前,…敬献花圈,…并会见…`)
BEFORE_MEETING = re.compile(r"\s*(?:会谈|会见|会晤|开幕式|签字仪式|签署仪式|签约仪式)(?:开始)?前[，,]")  # its day, the page's
_TALKS_CEREMONY = re.compile(BEFORE_MEETING.pattern + r"[^。；]*?(?:仪式|见证|授予|签署|签字)")
_SOURCE_LEAD = re.compile(r"\s*(?:据悉|据了解|另悉|另据悉|据[^，,。；]{1,12}?(?:报道|消息|介绍|透露))[，,]")
_FUTURE_SENTENCE = re.compile(r"(?:即将|(?<![大上中少])将于|拟于|定于|计划于|预计于|将在)")
_SLACK = timedelta(days=7)
# a related story's day alone may be a little after its page's (the links are kept up to date):
# `26日` under a page of the 24th is two days later, not last month
TEASER_AHEAD = 3
# `将从本周三（10日）起` in a report of the 8th: this week's day, not last month's
_THIS_WEEK = re.compile(r"(?:本|这|下)(?:周|星期|礼拜)[一二三四五六日天]?\s*[（(]\s*$")


@dataclass
class _Ymd:
    year: int | None
    month: int | None
    day: int | None
    evidence: str | None = None  # evidence of a year that came with the date
    span: Span | None = None
    report: bool = False  # the day is the report date, not the event's
    source: str = "text"  # where the year came from, when it came with the date


def _iso(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def _published_year(published: str | None) -> int | None:
    """The year of a publication date given as a year or a month alone (`2022`, `2022-12`)."""
    if published and len(published) in (4, 7) and published[:4].isdigit():
        return int(published[:4])
    return None


def _after_report(ref: DateMention, day: int, rep: _Ymd | None) -> bool:
    """`…将出席9月3日…大会。答：中方已于26日…`: a day told as done, in the month of a date
    still to come, would fall after the report; it is the report's month's (or the one before)."""
    if rep is None or rep.month is None or rep.day is None or ref.month is None:
        return False
    if ref.year is not None and rep.year is not None and ref.year != rep.year:
        return False
    return (ref.month, day) > (rep.month, rep.day + 7)


def _report(dateline: Dateline | None, pub: date | None) -> _Ymd | None:
    if dateline is not None and dateline.month and dateline.day:
        return _Ymd(
            dateline.year,
            dateline.month,
            dateline.day,
            dateline.text if dateline.year else None,
            dateline.span,
            True,
        )
    if pub is None:
        return None
    if dateline is not None and dateline.day and not dateline.month:  # 中央社河内10日: that day
        month = pub if dateline.day <= pub.day else pub.replace(day=1) - timedelta(days=1)
        if _valid(month.year, month.month, dateline.day):
            return _Ymd(month.year, month.month, dateline.day, f"published {pub.isoformat()}",
                        dateline.span, True, "published")
    return _Ymd(pub.year, pub.month, pub.day, f"published {pub.isoformat()}", None, True,
                "published")


def _shift(v: _Ymd, days: int) -> _Ymd:
    if v.month is None or v.day is None:
        return v
    try:
        d = date(v.year or 2001, v.month, v.day) + timedelta(days=days)  # 2001: not a leap year
    except ValueError:
        return v
    year = v.year if v.year is None else d.year
    return _Ymd(year, d.month, d.day, v.evidence, v.span, v.report, v.source)


def _in_dateline(m: DateMention, dateline: Dateline | None) -> bool:
    return dateline is not None and dateline.span[0] <= m.span[0] < dateline.span[1]


def resolve_event_date(
    sentence: Span,
    mentions: list[DateMention],
    clues: list[YearClue],
    *,
    text: str,
    dateline: Dateline | None,
    published: str | None,
    anchor: DateMention | None = None,
    in_period: bool = False,
    host: date | None = None,
) -> DateValue:
    """The date of the event read from ``text[sentence[0]:sentence[1]]`` (SPEC section 4).

    Day and month: the first date of the sentence (not a future one), else ``anchor`` (the date of
    the document's main event), else the report date of the dateline. Year: printed with the date
    or with a date around it (``text``), then ``published`` (an event is not dated after the
    publication by more than a week unless the sentence says it is to come), then the strongest
    clue (``inferred``; ties go to the clue nearest the sentence), else ``--MM-DD``.
    ``in_period``: the sentence goes on from a period (`大会期间,…`) named since the last day, so
    that, saying no day of its own, it has none. ``host``: for a teaser, the day of the page it
    stands on, which gives a day written alone (`安倍12日在马尼拉…`) its month, not its year.
    """
    s0, s1 = sentence
    pub = _iso(published)
    usable = [m for m in mentions if not _in_dateline(m, dateline)]
    own = [m for m in usable if s0 <= m.span[0] < s1]
    days = [
        m
        for m in own
        if not m.future
        and not m.topic
        and not ((text.startswith(REPORTED, m.span[1]) or STATEMENT_OF.match(text, m.span[1]))
                 and len(own) > 1)
        and (
            m.month is not None
            or m.day is not None
            or m.relative in _DAY_RELATIVES
            or m.relative == "vague"
            or m.relative in _MONTH_RELATIVES
        )
    ]
    # `卡斯楚14日宣布…后，宏国政府今天正式宣布…`: a clause told as what came before gives way
    # to the sentence's next day
    pick = next((m for i, m in enumerate(days)
                 if i + 1 == len(days) or not BEFORE_CLAUSE.match(text, m.span[1], s1)),
                None)
    vague_clause = False
    if pick is None:
        lead = _SOURCE_LEAD.match(text, s0, s1)  # `据悉，访华期间，…`: the clause after the source
        c0 = lead.end() if lead else s0
        first = _CLAUSE_BREAK.search(text, c0, s1)
        vague_clause = in_period or bool(first and _VAGUE_CLAUSE.search(text, c0, first.start())
                                         and not _TALKS_CEREMONY.match(text, c0, s1))
    elif pick.relative == "same_day":
        vague_clause = in_period  # `大会期间,…。当天,…`: the day of a period is not known
    ymd: _Ymd | None = None
    rel_year = None
    if pick is not None:
        ymd = _from_mention(pick, usable, anchor, dateline, pub, text, host)
        if ymd.month is None and pick.relative in _DAY_RELATIVES:
            # `昨天（4日）` on a page whose report date is not known: the day written out
            spelt = next((m for m in days if m.span[0] > pick.span[0] and m.relative is None
                          and m.day is not None), None)
            if spelt is not None:
                pick, ymd = spelt, _from_mention(spelt, usable, anchor, dateline, pub, text, host)
        rel_year = pick.relative if pick.relative in _REL_YEARS.values() else None
    elif anchor is not None:
        ymd = _from_mention(anchor, usable, None, dateline, pub, text, host)
        rel_year = anchor.relative if anchor.relative in _REL_YEARS.values() else None
    elif (rep := _report(dateline, pub)) is not None:
        ymd = rep  # nothing said of when: the day of the report
    if ymd is None or (ymd.month is None and ymd.year is None):
        # no day or month: a year alone, if the sentence prints one (a future date's year counts)
        ym = next((m for m in own if m.year is not None), None)
        if ym is not None:
            return DateValue(str(ym.year), "year", "text", _evidence(text, ym), ym.span)
        if rel_year is not None:  # 今年 alone
            if pub is not None:
                y = pub.year + _year_offset(rel_year)
                return DateValue(str(y), "year", "published", f"published {published}", None)
            best = _best_clue(clues, sentence)
            if best is not None:
                y = best.year + _year_offset(rel_year)
                return DateValue(str(y), "year", "inferred", best.evidence, None)
        return DateValue(None, None, None, None, None)

    year, source, evidence = ymd.year, None, None
    if year is not None:
        source, evidence = (
            ymd.source,
            ymd.evidence or (dateline.text if ymd.report and dateline else None),
        )
    elif rel_year is not None:  # 今年5月, 去年12月: the document's year, shifted
        off = _year_offset(rel_year)
        best = _best_clue(clues, sentence)
        if dateline is not None and dateline.year:
            year, source, evidence = dateline.year + off, "text", dateline.text
        elif pub is not None:
            year, source, evidence = pub.year + off, "published", f"published {published}"
        elif best is not None:
            year, source, evidence = best.year + off, "inferred", best.evidence
    else:
        best = _best_clue(clues, sentence)
        # a printed full date older than what the clues say is history (1945年9月2日 in a text
        # about the 80th anniversary), not this event's; the user's date alone does not decide it
        ref_year = (best.year if best is not None and best.weight >= _W_CONGRESS else None) or (
            dateline.year if dateline is not None else None
        )
        found = _text_year(ymd, usable, clues, text, sentence, pick, ref_year,
                           pub.year if pub is not None else None)
        if found is not None:
            year, evidence = found
            source = "text"
        elif dateline is not None and dateline.year and not ymd.report:
            ref = date(dateline.year, dateline.month or 12, dateline.day or 28)
            year = _cross(dateline.year, ymd, ref, text, sentence)
            source, evidence = "text", dateline.text
        elif pub is not None:
            year = _cross(pub.year, ymd, pub, text, sentence)
            source, evidence = "published", f"published {published}"
        elif (pub_year := _published_year(published)) is not None:
            year, source, evidence = pub_year, "published", f"published {published}"
        elif best is not None:
            year, source, evidence = best.year, "inferred", best.evidence
        elif (printed := _printed_year_near(clues, sentence, text)) is not None:
            year, source, evidence = printed.year, "text", printed.evidence
    if vague_clause and year is not None:
        ymd.day = None  # `访问俄罗斯期间,…`: within the month; without a year, keep --MM-DD
    if ymd.report and dateline is not None and evidence != dateline.text:
        note = f"[report date: {dateline.text}]"
        evidence = f"{evidence} {note}" if evidence else note
    return _value(year, ymd, source, evidence)


def _year_offset(rel: str | None) -> int:
    return {"last_year": -1, "next_year": 1}.get(rel or "", 0)


def _value(year: int | None, v: _Ymd, source: str | None, evidence: str | None) -> DateValue:
    if v.month is None:
        if year is None:
            return DateValue(None, None, None, None, v.span)
        return DateValue(f"{year:04d}", "year", source, evidence, v.span)
    if v.day is None:
        if year is None:
            return DateValue(None, None, None, None, v.span)
        return DateValue(f"{year:04d}-{v.month:02d}", "month", source, evidence, v.span)
    if year is None:
        return DateValue(f"--{v.month:02d}-{v.day:02d}", "month-day", None, None, v.span)
    return DateValue(f"{year:04d}-{v.month:02d}-{v.day:02d}", "day", source, evidence, v.span)


def _cross(year: int, v: _Ymd, ref: date, text: str, sentence: Span) -> int:
    """The year of an event dated ``v`` reported on ``ref`` (year ``year``): not after the report
    by more than a week (December events reported in January are last year's), unless the sentence
    says the event is to come."""
    if v.month is None:
        return year
    try:
        cand = date(year, v.month, v.day or 1)
    except ValueError:
        return year
    future = bool(_FUTURE_SENTENCE.search(text, sentence[0], sentence[1]))
    if cand > ref + _SLACK and not future:
        return year - 1
    if future and cand < ref - timedelta(days=180):
        return year + 1
    return year


def _from_mention(
    m: DateMention, usable: list[DateMention], anchor: DateMention | None,
    dateline: Dateline | None, pub: date | None, text: str, host: date | None = None,
) -> _Ymd:  # fmt: skip
    """Month, day (and a printed year) of a mention, relative forms resolved."""
    if m.relative in ("same_day", "next_day", "day_before"):  # of the day told before
        ref = _previous_full(m, usable, text)
        if ref is None and anchor is not None and anchor is not m and anchor.day is not None:
            ref = anchor
        if ref is not None:
            base = _from_mention(ref, usable, None, dateline, pub, text)
        else:
            base = _report(dateline, pub)
            if base is None:
                return _Ymd(None, None, None, span=m.span)
            base.report = False  # 当天 in a dateline-only text: the report day is the event day
        base.span = m.span
        return _shift(base, {"next_day": 1, "day_before": -1}.get(m.relative, 0))
    if m.relative in ("today", "yesterday", "day_before_yesterday", "tomorrow", "vague"):
        base = _report(dateline, pub)
        if base is None:
            return _Ymd(None, None, None, span=m.span)
        base.report = False
        base.span = m.span
        if m.relative == "vague":
            base.day = None
            return base
        return _shift(
            base,
            {"today": 0, "yesterday": -1, "day_before_yesterday": -2, "tomorrow": 1}[m.relative],
        )
    if m.relative in _MONTH_RELATIVES:  # 本月中旬, 上月5日: the month of the report, shifted
        base = _report(dateline, pub)
        if base is None or base.month is None:
            return _Ymd(None, None, None, span=m.span)
        k = (base.year or 2001) * 12 + base.month - 1 + int(m.relative[5:])
        year, month = (k // 12 if base.year else None), k % 12 + 1
        day = m.day if _valid(year, month, m.day) else None
        return _Ymd(year, month, day, base.evidence, m.span, source=base.source)
    if m.month is None and m.day is not None:  # 26日: the month of the context
        rep = _report(dateline, pub)
        ref = _month_context(m, usable, anchor, text, rep)
        if ref is not None and not _after_report(ref, m.day, rep):
            y = ref.year
            return _Ymd(y, ref.month, m.day, _evidence(text, ref) if y else None, m.span)
        if rep is not None and rep.month is not None:
            month, year = rep.month, rep.year
            published_by = pub is not None and (pub.year, pub.month) == (year or pub.year, month) and (
                m.day <= pub.day)
            # the 26th reported on the 3rd: last month; the 6th in a report dated the 5th
            # (another time zone, a night) or published by then: this one
            if rep.day is not None and _THIS_WEEK.search(text, max(0, m.span[0] - 8), m.span[0]):
                year, month = _nearest_month(year, month, rep.day, m.day)
            elif rep.day is not None and m.day > rep.day + 1 and not published_by:
                month -= 1
                if month == 0:
                    month, year = 12, (year - 1 if year else None)
            if dateline is None or not dateline.year:
                year = None  # the year is the resolver's: published, with the crossing rule
            return _Ymd(year, month, m.day, dateline.text if year else None, m.span)
        nxt = next(
            (x for x in usable if x.span[0] > m.span[0] and x.month is not None and not x.future),
            None,
        )
        if nxt is not None:
            return _Ymd(
                nxt.year, nxt.month, m.day, _evidence(text, nxt) if nxt.year else None, m.span
            )
        if host is not None:  # the 12th on a page of the 16th: that month; of the 3rd: the last
            ahead = m.day <= host.day + TEASER_AHEAD
            month = host if ahead else host.replace(day=1) - timedelta(days=1)
            if _valid(None, month.month, m.day):
                return _Ymd(None, month.month, m.day, span=m.span)
        return _Ymd(None, None, None, span=m.span)
    return _Ymd(m.year, m.month, m.day, _evidence(text, m) if m.year else None, m.span)


def _nearest_month(year: int | None, month: int, day: int, wanted: int) -> tuple[int | None, int]:
    """`本周二（26日）` in a report of 2 March: the 26th nearest the report's day (February's)."""
    here = date(year or 2001, month, day)
    best: tuple[int, int | None, int] | None = None
    for step in (-1, 0, 1):
        k = (year or 2001) * 12 + month - 1 + step
        try:
            gap = abs((date(k // 12, k % 12 + 1, wanted) - here).days)
        except ValueError:
            continue
        if best is None or gap < best[0]:
            best = (gap, k // 12 if year else None, k % 12 + 1)
    return (best[1], best[2]) if best else (year, month)


def _previous_full(m: DateMention, usable: list[DateMention], text: str) -> DateMention | None:
    prev = None
    for x in usable:
        if x.span[0] >= m.span[0]:
            break
        if x.future or x.topic:
            continue
        if x.day is not None and x.relative is None and (x.end_day is None or prev is None):
            prev = x  # a range (`于14日至17日…访问`) is no one day for a later `当天`
        elif x.relative in _REPORT_DAYS and (x.span[0] == 0 or text[x.span[0] - 1].isspace()):
            prev = x  # `昨天下午，…会谈。\n同日，…`: not a day said in a speech (`…指出，昨天我…`)
    return prev


_CONTEXT_REACH = 5_000  # how far back a day-only date looks for its sentence and paragraph


def _month_context(
    m: DateMention, usable: list[DateMention], anchor: DateMention | None, text: str,
    rep: _Ymd | None,
) -> DateMention | None:
    """The mention whose month a day-only date takes. A month without a day in an earlier
    sentence (`这是菅义伟9月就任首相后的首次出访。19日，…`) dates something else: where the
    report (``rep``) gives a month, it does not pass on. Nor does another month's day from an
    earlier paragraph (`…于5月26日再次会面。\n金正恩10日下午抵达新加坡` in a report of 13 June)
    where the day fits the report's month."""
    reported = rep is not None and rep.month is not None
    fits = rep.month if rep is not None and rep.day is not None and m.day is not None and (
        m.day <= rep.day + 1) else None
    lo = max(0, m.span[0] - _CONTEXT_REACH)  # a huge page stays linear
    sentence = max(lo, *(text.rfind(c, lo, m.span[0]) + 1 for c in "。！？!?\n"))
    paragraph = max(lo, text.rfind("\n", lo, m.span[0]) + 1)
    prev = None
    for x in usable:
        if x.span[0] >= m.span[0]:
            break
        if fits is not None and x.span[0] < paragraph and x.month != fits:
            continue
        if x.month is not None and not x.future and x.relative is None and (
                x.day is not None or not reported or x.span[0] >= sentence):
            prev = x
    if prev is not None:
        return prev
    if anchor is not None and anchor is not m and anchor.month is not None and not (
            fits is not None and anchor.span[0] < paragraph and anchor.month != fits):
        return anchor
    return None


def _text_year(
    v: _Ymd, usable: list[DateMention], clues: list[YearClue], text: str, sentence: Span,
    pick: DateMention | None,
    ref_year: int | None = None,
    published_year: int | None = None,
) -> tuple[int, str] | None:  # fmt: skip
    """A year printed around the date: a dated mention of the same month (one whose range holds
    the day first), a printed anniversary range, or a year printed just before the date in its
    sentence (``在2026年新年…之际，1月27日上午``)."""
    pos = v.span[0] if v.span else sentence[0]
    best, best_key = None, None
    for x in usable:
        if x.year is None or x.month is None or x.relative is not None:
            continue
        if ref_year is not None and x.year < ref_year - 1:
            continue  # 1945年9月2日 in a text of 2025: history, not this event
        lo = (x.month, x.day or 1)
        hi = (x.end_month or x.month, x.end_day or x.day or 31)
        if v.day is not None:
            holds = lo <= (v.month, v.day) <= hi
        else:
            holds = x.month <= (v.month or 0) <= (x.end_month or x.month)
        same_month = v.month in (x.month, x.end_month)
        if not holds and not same_month:
            continue
        if not holds and published_year is not None and x.year < published_year - 1:
            continue  # 1973年8月1日 for 8月8日 on a page of 2022: another day, and history
        if (x.day is None and published_year is not None and x.year != published_year
                and not sentence[0] <= x.span[0] < sentence[1]):
            continue  # `印度2019年11月宣布…` on a page of 2020: the month of something else
        key = (0 if holds else 1, abs(x.span[0] - pos))
        if best_key is None or key < best_key:
            best, best_key = x, key
    if best is not None:
        return best.year or 0, _evidence(text, best)
    for c in clues:
        if c.kind == "text" and c.basis == "anniversary":
            return c.year, c.evidence
    if pick is not None:
        for c in clues:
            if (
                c.basis == "year"
                and sentence[0] <= c.span[0] < pick.span[0]
                and pick.span[0] - c.span[1] <= 40
            ):
                return c.year, c.evidence
    return None


def _printed_year_near(clues: list[YearClue], sentence: Span, text: str, reach: int = 300
                       ) -> YearClue | None:
    """The year of a numbered thing of this year printed near the sentence (`受2024年第11号
    台风影响`), when nothing else on the page says which year it is."""
    near = [c for c in clues if c.kind == "text" and c.basis == "year"
            and text.startswith("第", c.span[1])
            and c.span[0] < sentence[1] + reach and c.span[1] > sentence[0] - reach]
    return min(near, key=lambda c: abs(c.span[0] - sentence[0])) if near else None


def _best_clue(clues: list[YearClue], sentence: Span) -> YearClue | None:
    floor = max((c.year for c in clues if c.relation == "since"), default=None)
    cands = [
        c for c in clues
        if c.kind == "inferred" and c.relation != "since" and (floor is None or c.year >= floor)
    ]  # fmt: skip
    if not cands:
        return None

    def dist(c: YearClue) -> int:
        if c.span[1] <= sentence[0]:
            return sentence[0] - c.span[1]
        if c.span[0] >= sentence[1]:
            return c.span[0] - sentence[1]
        return 0

    return min(cands, key=lambda c: (-c.weight, dist(c)))
