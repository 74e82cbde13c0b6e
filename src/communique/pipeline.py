"""The whole path for one page: read → anatomy → recognise → code events → dates → records.

Each step is a function of the value before it, so a page can be extracted in any worker
process; the knowledge base is loaded once per process on first use.
"""

from __future__ import annotations

import bisect
import contextlib
import dataclasses
import datetime as dt
import functools
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from functools import cache

from communique.dates import (
    BEFORE_CLAUSE,
    BEFORE_MEETING,
    FUTURE_BEFORE,
    REPORTED,
    DateMention,
    find_dates,
    resolve_event_date,
    year_clues,
)
from communique.entities.gazetteer import gazetteer
from communique.entities.recognise import recognise
from communique.events.assemble import assemble
from communique.events.coder import Found, code_events
from communique.events.grammar import ALREADY, ONCE_DONE, QUESTION, REMARK_OPENERS, TRAVEL
from communique.events.lexicon import lexicon
from communique.model import (
    DateValue,
    Document,
    Entity,
    Event,
    InputError,
    Page,
    RawPage,
    Rejected,
)
from communique.page import split_page
from communique.sources import iter_pages
from communique.text import to_simplified

DATE_WINDOW = 20_000


def extract_text(text: str, published: str | None = None, doc_id: str = "doc") -> Document:
    """Extract one page given as a string of plain text or HTML."""
    from communique.sources import looks_like_html

    if looks_like_html(text):
        return extract_raw(RawPage(doc_id, html=text, published=published))
    return extract_raw(RawPage(doc_id, text=text, published=published))


def extract_paths(
    paths: Iterable[str | os.PathLike[str]], published: str | None = None
) -> Iterator[Document | Rejected]:
    """Documents (or the reason a page gave none) for every page under ``paths``, in order."""
    for item in iter_pages(paths, published=published):
        if isinstance(item, Rejected):
            yield item
            continue
        try:
            doc = extract_raw(item)
        except Exception as err:  # noqa: BLE001 - one page's failure must not stop a batch
            yield Rejected(item.source or item.doc_id, f"extraction failed: {err!r}")
            continue
        yield Rejected(item.source or item.doc_id, doc.error) if doc.error else doc


def extract_raw(raw: RawPage) -> Document:
    """The article of a page with its teasers; a page that gives nothing says why in ``error``."""
    try:
        pages = split_page(raw)
    except InputError as err:
        return _empty(raw, str(err))
    if not pages or not pages[0].text.strip():
        return _empty(raw, "no article text found in the page")
    home = _home_country(pages[0], raw)
    host = _page_day(pages[0]) if len(pages) > 1 else None  # only teasers read it
    article, *teasers = (code_page(p, home, host if p.part == "teaser" else None) for p in pages)
    return Document(article.page, article.entities, article.events, tuple(teasers))


def _page_day(page: Page) -> dt.date | None:
    """The day of a page, from its dateline or publication, else the first day its opening
    paragraphs name (a stamp kept in the text: `2015年4月23日 星期四　千岛日报`); only its month
    and day are read."""
    d = page.dateline
    with contextlib.suppress(ValueError, TypeError):
        if d is not None and d.month and d.day:
            return dt.date(d.year or 2000, d.month, d.day)  # 2000: a leap year, 29 February
        if page.published:
            return dt.date.fromisoformat(page.published[:10])
        opening = page.text[: page.paragraphs[1][1] if len(page.paragraphs) > 1 else None]
        m = next((m for m in find_dates(opening) if m.month and m.day and not m.future), None)
        if m is not None:
            return dt.date(m.year or 2000, m.month, m.day)
    return None


def code_page(page: Page, home: str | None, host: dt.date | None = None) -> Document:
    """Entities and events of one page part (article or teaser); ``host``: for a teaser, the day
    of the page it stands on."""
    text = page.text
    skip = (page.dateline.span,) if page.dateline else ()
    rec = recognise(text, home=home, skip=skip)
    found = code_events(text, rec, (0, len(text)), skip)
    if not found:
        return Document(page, rec.entities, ())
    mentions = sorted(find_dates(text), key=lambda m: m.span)
    clues = sorted(year_clues(text, mentions), key=lambda c: c.span)
    # a press conference is the page's event: what its answers tell has its own days
    press_conference = QUESTION.search(text) is not None
    anchor = None if press_conference else _anchor(page, mentions)
    m_starts = [m.span[0] for m in mentions]
    c_starts = [c.span[0] for c in clues]
    people = [e for e in rec.entities if e.kind == "person"]
    # days that do not set the day of what follows: from an earlier paragraph a journey's day
    # (`journeys`); anywhere a day told in a step back or asked about in a question (`background`)
    journeys: set[tuple[int, int]] = set()
    background: set[tuple[int, int]] = set()
    lead = _lead_day(page, mentions)
    stepped_back: set[tuple[int, int]] = set()  # days before the lead's, told after it
    for i, m in enumerate(mentions):
        home = _sentence_around(text, m.span)
        if _travel_day(text, m.span, home):
            journeys.add(m.span)
        if _before_lead(m, lead, page):
            stepped_back.add(m.span)
        told_back = _told_back(page, m, home) and m.span in stepped_back
        if (_flashback(text, m.span, home) and not told_back or _asked(text, m.span)
                or _done_before(text, mentions, i)):
            background.add(m.span)

    not_carried = journeys | stepped_back  # days a later paragraph does not go on at

    def within(lo: int, hi: int) -> list[DateMention]:
        """The date mentions that start in ``[lo, hi)``."""
        return mentions[bisect.bisect_left(m_starts, lo) : bisect.bisect_left(m_starts, hi)]

    def date_of(f: Found) -> DateValue:
        # a plan is dated to the day it names for what is planned (`王毅将于1月13日至18日访问埃及`:
        # the 13th); a promise or request named with no such day, when made: days after its word
        # are what is asked for (`希望越方支持柬埔寨在2024年举办的…`)
        if f.event == "AGREE" and f.trigger.frame != "invite" and (
                day := planned(f.sentence)) is not None:
            return day
        told = f.sentence
        said = press_conference and _spokesperson_says(f)
        if f.event in ("AGREE", "REQUEST") and f.span[0] > f.sentence[0]:
            told = (f.sentence[0], f.span[0])
        elif f.trigger.frame == "attend" and (held := HELD_ON.match(text, f.span[1])):
            # `5月30日抵达新加坡，出席5月31日至6月2日举行的…对话会`: the meeting's own days
            told = held.span()
        elif (own := own_day_clause(f)) is not None:
            # `特朗普于10日晚抵达，11日中午在总统府与李显龙举行工作午餐`: the clause's own day
            told = own
        elif f.trigger.frame == "accused" and not said and not within(*f.sentence):
            # `一、2013年1月22日，菲律宾…提起仲裁。菲律宾…政府单方面提起仲裁，违背国际法`: the charge
            # is the statement's; a deed of years before is told as its ground, not its day
            date = dated(f.sentence, f.sentence, False)
            report = resolved((f.sentence[0], f.sentence[0]), [])
            if date.value and report.value and date.value[:4].isdigit() and (
                    report.value[:4].isdigit() and int(date.value[:4]) < int(report.value[:4]) - 1):
                return report
        elif said and f.trigger.frame == "accused":
            # `答：10月22日，菲方船只擅闯…`: the day is the trespass's; the charge is the briefing's
            told = (f.sentence[0], f.sentence[0])
        return dated(f.sentence, told, said)

    def own_day_clause(f: Found) -> tuple[int, int] | None:
        """The clause of ``f``'s trigger, from its start, when it opens with a day of its own
        and a clause before it in the sentence told another."""
        start = max(text.rfind(c, f.sentence[0], f.span[0]) for c in "，,；;") + 1
        if start <= f.sentence[0]:
            return None
        days = [m for m in within(f.sentence[0], f.span[0])
                if m.day is not None and not m.future and m.relative is None]
        before = [m for m in days if m.span[0] < start]
        own = [m for m in days if start <= m.span[0] <= start + 2]
        if not before or not own or (own[0].day, own[0].month) == (before[-1].day, before[-1].month):
            return None
        return (start, f.sentence[1])

    @functools.cache
    def planned(sentence: tuple[int, int]) -> DateValue | None:
        """The day a plan told in ``sentence`` names for itself (`将于明日（17日）发表联合声明`)."""
        own = within(*sentence)
        plan = next((m for m in own if m.future and (m.day is not None
                                                      or m.relative == "tomorrow")), None)
        if plan is None:
            return None
        now = dataclasses.replace(plan, future=False)  # read as the sentence's one day
        near = [now if m is plan else m for m in mentions[bisect.bisect_left(
            m_starts, sentence[0] - DATE_WINDOW) : bisect.bisect_left(m_starts, sentence[1])]
            if m is plan or not sentence[0] <= m.span[0]]
        date = resolved(sentence, near)
        if plan.month is None and date.value:  # `计划29日…`: the first 29th from the day told
            return _on_or_after(date, plan.day, sentence_date(sentence))
        return date if date.value else None

    @functools.cache
    def dated(sentence: tuple[int, int], told: tuple[int, int], said: bool) -> DateValue:
        date = said_date(told) if said else sentence_date(told)
        if date.source == "text":
            return date
        home = _sentence_around(text, date.span)
        if home is None or home[0] <= sentence[0] < home[1]:
            return date
        return _year_of_its_day(date, sentence_date(home))

    def resolved(sentence: tuple[int, int], near: list[DateMention],
                 anchor: DateMention | None = None, in_period: bool = False) -> DateValue:
        # Dates and year clues further than DATE_WINDOW from the event do not date it; the
        # window keeps a huge page linear and changes nothing on a page of ordinary length.
        lo, hi = sentence[0] - DATE_WINDOW, sentence[1] + DATE_WINDOW
        return _with_printed_year(page, sentence, resolve_event_date(
            sentence,
            near,
            clues[bisect.bisect_left(c_starts, lo) : bisect.bisect_left(c_starts, hi)],
            text=text,
            dateline=page.dateline,
            published=page.published,
            anchor=anchor,
            in_period=in_period,
            host=host,
        ))

    @functools.cache
    def said_date(sentence: tuple[int, int]) -> DateValue:
        """What a spokesperson says at a press conference is said on its day, whatever day the
        question was about, unless the sentence names its own."""
        return resolved(sentence, within(*sentence))

    @functools.cache
    def sentence_date(sentence: tuple[int, int]) -> DateValue:
        lo, hi = sentence[0] - DATE_WINDOW, sentence[1] + DATE_WINDOW
        para = _paragraph_start(page, sentence[0])
        # a journey's day from an earlier paragraph still gives a later day its month
        # (`习近平3月25日抵达尼斯…。\n26日下午，…。随后，两国元首…举行会谈`)
        near = [m if m.span[0] >= para or m.span not in journeys
                else dataclasses.replace(m, day=None, end_day=None)
                for m in within(lo, hi)]
        # at a press conference each answer tells of its own question's days, not the last one's
        floor = _question_start(text, sentence[0]) if press_conference else 0
        focus = _focus(page, mentions, m_starts, sentence[0], not_carried, background, floor,
                       people=people)
        since = focus.span[1] if focus else (page.paragraphs[0][0] if page.paragraphs else 0)
        # `访问期间，…`; not a past visit recalled (`2017年…访越期间，两党…达成重要共识`)
        period = any(not PAST_PERIOD.search(m.group()) for m in PERIOD_OPENING.finditer(
            text, max(since, lo), sentence[0]))
        if BEFORE_MEETING.match(text, sentence[0]) and anchor is not None:
            focus = anchor  # `会谈前，安瓦尔…主持隆重仪式`: the day of the page's talks
        return resolved(sentence, near, focus or anchor, period)

    events = assemble(page, found, date_of, _places())
    return Document(page, rec.entities, _not_history(page, events))


def _on_or_after(date: DateValue, day: int | None, told: DateValue) -> DateValue | None:
    """A plan's day written alone, in the month of the day it is told, or the next month when
    that day is past (as resolved, when the day told has no month and day to count from; None
    when no such day exists)."""
    m = DAY_VALUE.fullmatch(told.value or "")
    if day is None or m is None:
        return date if date.value else None
    year = int(m["y"]) if m["y"] and date.value[:4].isdigit() else None
    month = int(m["m"])
    if day < int(m["d"]):
        month, year = (1, year + 1 if year else None) if month == 12 else (month + 1, year)
    value = f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"
    try:
        dt.date(year or 2000, month, day)
    except ValueError:
        return None
    return dataclasses.replace(date, value=value)


DAY_VALUE = re.compile(r"(?:(?P<y>\d{4})|-)-(?P<m>\d{2})-(?P<d>\d{2})")


HISTORY_MONTHS = 6  # a printed month this far before the report's is background


def _not_history(page: Page, events: tuple[Event, ...]) -> tuple[Event, ...]:
    """SPEC section 2: history told in an article (`中越两国国防部2005年签署…协议` in a report
    of 2019) is no event of it: a printed year two or more before the report's is background,
    and so is a printed month half a year or more before the report's (`2017年11月，他在河内
    与…举行会谈` in an obituary of September 2018)."""
    year = page.dateline.year if page.dateline and page.dateline.year else (
        int(page.published[:4]) if page.published and page.published[:4].isdigit() else None)
    if page.part != "article" or year is None:
        return events
    month = page.dateline.month if page.dateline and page.dateline.year else (
        int(page.published[5:7]) if page.published and page.published[5:7].isdigit() else None)

    def old(ev: Event) -> bool:
        if ev.date.source == "text" and ev.date.value and ev.date.value[:4].isdigit():
            value = ev.date.value
            if month and value[5:7].isdigit() and (
                    (year - int(value[:4])) * 12 + month - int(value[5:7]) >= HISTORY_MONTHS):
                return True
            return int(value[:4]) < year - 1
        printed = [int(m[1]) for m in BARE_YEAR.finditer(page.text, *ev.span)
                   if page.text[m.start() - 1] not in "自从"]  # `自1989年…以来`: since when
        return bool(printed) and max(printed) < year - 1  # `2005年签署…协议`, dated no better

    return tuple(ev for ev in events if not old(ev))


def _sentence_around(text: str, span: tuple[int, int] | None) -> tuple[int, int] | None:
    if span is None or span[1] > len(text):
        return None
    lo = max(0, span[0] - DATE_WINDOW)  # a sentence is shorter: a huge page stays linear
    start = max(lo, *(text.rfind(mark, lo, span[0]) + 1 for mark in ENDS))
    end = SENTENCE_END.search(text, span[1], span[1] + DATE_WINDOW)
    return start, end.end() if end else min(len(text), span[1] + DATE_WINDOW)


def _year_of_its_day(date: DateValue, there: DateValue) -> DateValue:
    """A sentence dated by a day named in another sentence (the lead's `12月18日下午`) takes
    the year that sentence prints, not a clue of its own (`提前祝贺…建军76周年`)."""
    if there.source != "text" or not there.value or not date.value:
        return date
    rest, day = _month_day(date.value), _month_day(there.value)
    if not rest or not day.startswith(rest):
        return date
    return _in_year(date, there.value[:4], there.evidence, date.span)


def _month_day(value: str) -> str:
    """What follows the year: `-12-18` of `2024-12-18` or of `--12-18`, `` of `2024`."""
    rest = value[1:] if value.startswith("--") else value[4:]
    return rest if rest.startswith("-") else ""


def _in_year(date: DateValue, year: str, evidence: str | None,
             span: tuple[int, int] | None) -> DateValue:
    """``date`` in ``year``, printed in the text (``evidence`` at ``span``)."""
    rest = _month_day(date.value or "")
    precision = "year" if not rest else ("day" if date.precision == "month-day" else date.precision)
    return DateValue(year + rest, precision, "text", evidence, span)


# a report's day, or the day a text was published (`2月8日发表的文章`)
REPORTED_OR_PUBLISHED = (*REPORTED, "电", "发表", "刊登", "发文")


def _anchor(page: Page, mentions: list[DateMention]) -> DateMention | None:
    """The date of the page's main event: the first date in the lead or first paragraphs that
    is not the date of a report (`据老挝通讯社2月8日报道`) or of what came before it."""
    dl = page.dateline.span if page.dateline else (0, 0)
    # a teaser's headline carries its story's date (`越南与新西兰发表联合声明（2024年3月11日）`)
    heads = [page.title_span] if page.part == "teaser" and page.title_span else []
    for s, e in [*page.paragraphs[:3], *heads]:
        for m in mentions:
            if (s <= m.span[0] < e and not (dl[0] <= m.span[0] < dl[1]) and not m.future
                    and not m.topic):
                if page.text.startswith(REPORTED_OR_PUBLISHED, m.span[1]):
                    continue
                if BEFORE_CLAUSE.match(page.text, m.span[1], e):
                    continue  # `卡斯楚14日宣布…后，宏国政府今天正式宣布…`: what came before
                if m.month is not None or m.day is not None or m.relative in DEICTIC_DAYS:
                    return m
    return None


DEICTIC_DAYS = ("today", "yesterday", "day_before_yesterday")  # `今天`: the report's day


# `2019年第二次联合巡逻`, `2024年第3号台风`: a year printed alone, not a date, range or plan period.
BARE_YEAR = re.compile(
    r"(?<![\d.\-–—至到])((?:19|20)\d\d)年(?![\d〇一二三四五六七八九十]{1,2}月|度?[\-–—至到]|\d|代|前|以来|来)")


# `"金龙-2024"`, `海上联合-2024`: an exercise or a meeting named with its year.
NAMED_YEAR = re.compile(r"[\u4e00-\u9fffA-Za-z]{2}[-－–—]((?:19|20)\d\d)(?![\d年/\-－–—])")
DOCUMENT_AFTER = re.compile(
    r"[^，,。]{0,10}?(?:公约|条约|协定|宣言|决议|议定书|法》|《)|(?:度)?[^，,。]{0,6}?(?:计划|规划|阶段|预算)")
ENDS = "。！？!?；;\n"
HELD_ON = re.compile(r"了?(?:\d{4}年)?(?:\d{1,2}月)?\d{1,2}日(?:至(?:\d{1,2}月)?\d{1,2}日)?(?:在[^，,。；;]{1,12})?举行的")
EMBASSY_SITE = re.compile(r"^\s*([\u4e00-\u9fff]{2,12}?)驻[\u4e00-\u9fff]{2,20}?(?:大使馆|总领事馆|使馆)",
                          re.MULTILINE)
SPOKESPERSON = re.compile(r"(?:外交部|国防部|商务部|外务省)(?:新闻)?发言人")
SENTENCE_END = re.compile(f"[{ENDS}]")


def _with_printed_year(page: Page, sentence: tuple[int, int], date: DateValue) -> DateValue:
    """SPEC section 4 puts a year printed near the event before the publication date and
    inferred ones: the event's sentence, then the title. A year far from what the page's other
    evidence says is history (`1982年联合国海洋法公约`), not the event's."""
    if date.value is None or date.source == "text":
        return date
    known = int(date.value[:4]) if date.value[:4].isdigit() else None
    spans = [sentence] + ([page.title_span] if page.title_span else [])
    for s, e in spans:
        m = BARE_YEAR.search(page.text, s, e) or NAMED_YEAR.search(page.text, s, e)
        if m and FUTURE_BEFORE.search(page.text, max(s, m.start() - 6), m.start()):
            continue  # `一致同意力争在2016年结束谈判`: the year aimed at, not the event's
        if m and not DOCUMENT_AFTER.match(page.text, m.end()):
            year = m.group(1)
            if known is not None and abs(int(year) - known) > 1:
                continue
            return _in_year(date, year, m.group(0), (m.start(), m.end()))
    return date


# A sentence opened by a period (`大会期间,`, `访问越南期间，`): what follows it has no day.
PERIOD_OPENING = re.compile(r"(?:^|(?<=[。！？!?]))[^。！？!?\n，,]{0,30}期间[，,]", re.M)
PAST_PERIOD = re.compile(r"\d{2,4}年|去年|前年|上年|此前|曾")
FLASHBACK = ("此前", "在此之前", "之前", "前一天")
TOLD_BACK = re.compile(r"\s*(?:此前|在此之前)[，,]\s*")


def _paragraph_start(page: Page, at: int) -> int:
    i = bisect.bisect_right(page.paragraphs, (at, len(page.text))) - 1
    return page.paragraphs[i][0] if i >= 0 else 0


def _travel_day(text: str, span: tuple[int, int], home: tuple[int, int] | None) -> bool:
    """`李强于10月12日抵达河内`: the day a journey began or ended dates its own paragraph; the
    paragraphs after it go on with the story's day (`当天`, `李强表示`). ``home``: its sentence."""
    return home is not None and TRAVEL.search(text, span[1], home[1]) is not None


def _flashback(text: str, span: tuple[int, int], home: tuple[int, int] | None) -> bool:
    """A day told in passing, in a sentence that steps back (`此前一天,即2月26日,…`), remarks
    on what was just told (`这是…4日就任总统后首次…`) or tells the past (`今年3月29日，阮富仲
    曾同拜登通电话`): the story goes on at the day it left."""
    return home is not None and (
        text[home[0] : span[0]].lstrip().startswith((*FLASHBACK, *REMARK_OPENERS))
        or ONCE_DONE.search(text, span[1], home[1]) is not None)


def _told_back(page: Page, m: DateMention, home: tuple[int, int] | None) -> bool:
    """`此前,6月30日下午,武文赏…会见了…`, opening a paragraph: an event of the day before told
    in full, whose paragraph goes on at its day (the next paragraphs do not)."""
    return home is not None and home[0] == _paragraph_start(page, home[0]) and TOLD_BACK.fullmatch(
        page.text, home[0], m.span[0]) is not None


def _done_before(text: str, mentions: list[DateMention], i: int) -> bool:
    """`帕姆兰15日已在日内瓦会见了拜登`: a day something had been done by, unless the story
    goes on at it (`日本政府7日已…提出抗议。安倍首相当天…`)."""
    if not ALREADY.match(text, mentions[i].span[1]):
        return False
    nxt = next((m for m in mentions[i + 1 :] if m.day is not None or m.relative == "same_day"),
               None)
    return nxt is None or nxt.relative != "same_day"


def _question_start(text: str, at: int) -> int:
    """Where the question whose answer holds ``at`` begins (0 before the first)."""
    line = text.rfind("\n", 0, at)
    while line >= 0:
        if QUESTION.match(text, line + 1):
            return line + 1
        line = text.rfind("\n", 0, line)
    return 0


# `普京在会谈中感谢…`, `会谈后，两国领导人签署…`: the sentence tells of the talks told before
BACK_TO_TALKS = re.compile(
    r"\s*(?:[^，,。；;]{0,12}?在)?(?:会谈|会见|会晤|通话|通电话)(?:中|时|后|期间|结束后|上)")
TALKS = re.compile(r"(?:会谈|会见|会晤|通话|通电话)(?!中|时|后|前|期间|结束|上)")  # told, not named


def _lead_day(page: Page, mentions: list[DateMention]) -> DateMention | None:
    """The first full day of the lead paragraph: the story's day."""
    if not page.paragraphs:
        return None
    start, end = page.paragraphs[0]
    dl = page.dateline.span if page.dateline else (0, 0)
    return next((m for m in mentions if start <= m.span[0] < end and m.month and m.day
                 and not m.future and not dl[0] <= m.span[0] < dl[1]), None)


def _before_lead(m: DateMention, lead: DateMention | None, page: Page) -> bool:
    """`9月9日，习近平…致慰问电` (or `周日（19日）…已指责`) told after a lead of the 13th (the
    20th): a step back, whose day the next paragraphs do not go on at (as they do not at a
    journey's)."""
    return bool(lead and page.paragraphs and m.span[0] >= page.paragraphs[0][1] and m.day
                and not m.future and (m.month or lead.month, m.day) < (lead.month, lead.day))


def _focus(page: Page, mentions: list[DateMention], starts: list[int], at: int,
           not_carried: set[tuple[int, int]], background: set[tuple[int, int]], floor: int = 0,
           people: Sequence[Entity] = ()) -> DateMention | None:
    """The day the text is telling about when a sentence names none: the last day named
    before it (`10月10日,…会见了石破茂。会见石破茂时,…`), with its month or without (`23日上午,
    …举行会谈。`). Not the day a state began (`自5月7日起`), one told in a step back (`此前一天,
    即2月26日`), nor, from an earlier paragraph, a day of ``not_carried`` (a journey's, one
    before the lead's) or a period (`于4月7日至9日进行的`): those are background to the story's day. A sentence about talks told before
    (`普京在会谈中…`) takes their day, whatever days were named since."""
    para = bisect.bisect_right(page.paragraphs, (at, len(page.text))) - 1
    first_body = page.paragraphs[0][0] if page.paragraphs else 0
    dl = page.dateline.span if page.dateline else (0, 0)
    low = max(first_body, at - DATE_WINDOW, floor)
    own = page.paragraphs[para][0] if page.paragraphs and para >= 0 else 0
    def usable(m: DateMention) -> bool:
        return bool((m.day or m.relative == "today") and not m.future and not m.since and not m.topic
                    and not dl[0] <= m.span[0] < dl[1] and m.span[0] >= low
                    and not page.text.startswith(REPORTED_OR_PUBLISHED, m.span[1])
                    and m.span not in background
                    and (m.span[0] >= own or (m.end_day is None and m.span not in not_carried)))

    told = _talks_referred_to(page.text, at, low, people)
    if told:
        inside = [m for m in mentions[bisect.bisect_left(starts, told[0]) : bisect.bisect_left(
            starts, told[1])] if usable(m)]
        return inside[0] if inside else _focus(page, mentions, starts, told[0], not_carried,
                                               background, floor)

    i = bisect.bisect_left(starts, at) - 1
    while i >= 0 and mentions[i].span[0] >= low:
        m = mentions[i]
        if usable(m):
            # the first day of that sentence is its event's: `5月22日…自2023年5月21日至23日…`
            while i > 0 and usable(mentions[i - 1]) and not SENTENCE_END.search(
                    page.text, mentions[i - 1].span[1], m.span[0]) and not BEFORE_CLAUSE.match(
                    page.text, mentions[i - 1].span[1], m.span[0]):
                i -= 1
                m = mentions[i]
            return m
        i -= 1
    return None


def _talks_referred_to(text: str, at: int, low: int, people: Sequence[Entity]
                       ) -> tuple[int, int] | None:
    """The sentence telling the talks that the sentence at ``at`` refers to (`普京在会谈中…`):
    the last one before it that names the person it names first, if it names one (`会谈中，
    洪玛奈感谢…`: not the talks the king held the day before)."""
    if not BACK_TO_TALKS.match(text, at):
        return None
    end = SENTENCE_END.search(text, at)
    who = next((e for e in people if at <= e.span[0] < (end.end() if end else len(text))), None)
    names = {who.text, *(n for n in (who.name,) if n)} if who else {""}
    for m in reversed(list(TALKS.finditer(text, low, at))):
        around = _sentence_around(text, m.span())
        if around and around[1] <= at and any(n in text[around[0] : around[1]] for n in names):
            return around
    return None


def _asked(text: str, span: tuple[int, int]) -> bool:
    """Inside a journalist's question (`问：…`)."""
    line = text.rfind("\n", 0, span[0]) + 1
    return QUESTION.match(text, line) is not None


def _spokesperson_says(f: Found) -> bool:
    return (f.event in ("ACCUSE", "REQUEST", "SUPPORT", "REJECT") and bool(f.actor)
            and all(e.role == "发言人" for e in f.actor))


STATE_SECTORS = ("GOV", "DIP", "MIL", "LEG")


LOCAL_OUTLET = re.compile(r"(?P<place>[\u4e00-\u9fff]{2,8}?)(?:日报|晚报|早报|商报|新闻网|在线|广播电视台"
                          r"|电视台|网)")


def _home_country(page: Page, raw: RawPage) -> str | None:
    """The outlet's country: from the dateline's agency, else an agency named on the page."""
    agencies = lexicon().agencies
    if page.dateline and page.dateline.agency in agencies:
        return agencies[page.dateline.agency]
    source = raw.text or raw.html or ""
    head = to_simplified(source[:400])  # `中時新聞網 > 政治`: the outlet's own credit first
    # the first named: `环球网 > 国际新闻 … 据越南通讯社报道` is 环球网's page
    found = _agency_in(head, agencies)
    if found:
        return found
    site = EMBASSY_SITE.search(head)  # `中华人民共和国驻老挝…大使馆`: an embassy's own site
    sender = gazetteer().leading(site[1], "country") if site else None
    if sender and sender.end == len(site[1]) and sender.country:
        return sender.country
    masthead = next((line.strip() for line in head.splitlines() if line.strip()), "")
    body = gazetteer().leading(masthead, "org")  # `中华人民共和国外交部`: a ministry's own site
    if body and body.end == len(masthead) and body.country and body.sector in STATE_SECTORS:
        return body.country
    found = _agency_in(source[:200_000], agencies)
    if found:
        return found
    if page.dateline and page.dateline.place in _places():  # `（布城16日讯）`: the paper's city
        return _places()[page.dateline.place][1]
    local = LOCAL_OUTLET.match(masthead)  # `黑龙江日报`, `南宁晚报`: a paper of a region or city
    if local and local["place"] in _places():
        return _places()[local["place"]][1]
    # a ministry's own page (`外交部发言人华春莹主持例行记者会`): its spokesperson's country
    for m in SPOKESPERSON.finditer(source[:2_000]):
        person = gazetteer().leading(source[m.end() : m.end() + 12], "person")
        if person and person.country:
            return person.country
    return None


def _agency_in(scope: str, agencies: dict[str, str]) -> str | None:
    """The country of the agency ``scope`` names first."""
    found = [(at, iso) for name, iso in agencies.items() if (at := scope.find(name)) >= 0]
    return min(found)[1] if found else None


@cache
def _places() -> dict[str, tuple[str, str | None]]:
    gaz = gazetteer()
    return {h.name: (h.name, h.country) for h in gaz.places()}


def _empty(raw: RawPage, reason: str) -> Document:
    page = Page(raw.doc_id, "article", "", "", None, (), published=raw.published, url=raw.url)
    return Document(page, error=reason)
