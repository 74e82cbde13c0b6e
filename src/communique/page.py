"""Page anatomy (SPEC section 1): title, lead, captions, dateline, body, related teasers.

``split_page`` turns one RawPage into the article Page followed by one Page per teaser of the
related-stories block. All cutting is by offsets into the simplified text; ``display_text``
takes the same offsets of the original-script text, so both have the same length.

Each non-empty line of the page is a paragraph. Lines are classified with anchored or
tail-only patterns, so the whole pass is linear in the size of the page.
"""

from __future__ import annotations

import re
from dataclasses import replace

from communique.knowledge import read_table
from communique.model import Dateline, Dropped, Page, RawPage
from communique.text import has_cjk, to_simplified

# ---------------------------------------------------------------------------------------------
# Patterns

# Line breaks of other kinds become "\n" (1:1, so offsets are kept); BOM/zero-width -> space.
_BREAKS = str.maketrans({"\r": "\n", "\u2028": "\n", "\u2029": "\n", "\x0b": "\n",
                         "\x0c": "\n", "\x85": "\n", "\ufeff": " ", "\u200b": " "})  # fmt: skip
_ODD_BREAKS = re.compile("[\r\u2028\u2029\x0b\x0c\x85\ufeff\u200b]")
_LINE = re.compile(r"[^\S\n]*(\S(?:[^\n]*\S)?)")
_SPACES = re.compile(r"\s+")

_ANH = re.compile(r"(?:ả|Ả|a\u0309|A\u0309)nh\s*(?:\d+|[:：])")
_CAPTION_END = re.compile(
    r"(?:"
    r"图自\s*\S{1,12}"
    r"|[（(\[【]?\s*(?:图|图片|照片|图源|图片来源|照片来源|摄影|供图|配图|视频截图)\s*[:：/]"
    r"\s*[^。；;]{1,30}?[）)\]】]?"
    r"|(?:记者|通讯员|特约记者)[^。，,；]{1,24}摄[）)\]】]?"
    r"|[（(][^（()）。，,]{1,24}\s*摄[）)]"
    r"|[（(]?(?:新华社|中新社|越通社)发(?:\s*[^（()）。]{0,16})?[）)]?"
    r"|[（(]?资料图片?[）)]?"
    r")\s*$"
)
_CAPTION_KEY = re.compile("[图摄照影]|社发")  # cheap test before _CAPTION_END
_CAPTION_START = re.compile(r"(?:图为|上图|下图|左图|右图|图[:：])")
_MAX_CAPTION = 300  # a line longer than this is never a caption by its ending alone

_END_INLINE = re.compile(r"[（(]\s*完\s*[）)]")
_LONE_END = {"(完)", "（完）", "完", "越通社", "（越通社）", "(越通社)", "-完-", "—完—"}
_EDITOR = re.compile(
    r"[【\[（(]?\s*(?:责任编辑|责编|编辑|审核|审校|校对|监制|编审|值班编辑|主编)\s*[:：]"
)
_SOURCE = re.compile(
    r"(?:^|[\s（(【\[])(?:稿件|文章|新闻)?来源\s*[:：]|^(?:发布时间|发布日期|发稿时间)\s*[:：]"
)
_BYLINE = re.compile(
    r"(?:[（(【\[]\s*(?:本报|本网)?(?:特约|驻\S{1,6})?(?:记者|通讯员|作者|撰稿)[^）)】\]]{1,40}[）)】\]]"
    r"|(?:本报|本网)?(?:特约)?(?:记者|通讯员|作者|撰稿|文)\s*[:：/]\s*[\u4e00-\u9fff·•\s、，,]{2,30}"
    r"|(?:本报|本网)(?:特约)?记者\s+[\u4e00-\u9fff·•\s、，,]{2,30})$"
)
_STAMP_ONLY = re.compile(
    r"(?:[\d\s:：./\-年月日号时点分秒()（）\[\]【】|,，]|更新|发布|发表|时间|日期|北京时间|星期[一二三四五六日天]"
    r"|周[一二三四五六日天]|上午|下午|凌晨|晚上|中午|主体"  # 主体108年: the DPRK's calendar
    r"|(?:GMT|UTC)\s*[+\-−]\s*\d{1,2}"  # `07/09/2023 16:32 GMT+7`
    r"|(?<![A-Za-z])(?:[AP]M|GMT|UTC|HKT|CST|JST|KST|ICT|SGT|MYT|PHT|WIB|IST|MSK|CET|CEST|BST"
    r"|[ECMP][SD]T|AE[SD]T)(?![A-Za-z])"  # `2022-08-18 HKT 23:41`, `5:50 AM`
    r"|第?[A-Za-z]?\d{1,3}\s*版|第\s*\d{1,4}\s*期|最后更新)+"  # a print edition's page: `A1版`
)
_FOOTER = re.compile(r"版权所有|版權所有|[Cc]opyright|©|[Aa]ll [Rr]ights [Rr]eserved|ICP备|返回顶部")
_PAPER = re.compile(r"^《[^》]{1,20}》")
_CLOCK = re.compile(r"\d{1,2}[:：]\d\d")
_OUTLET_ONLY = re.compile(r"《?[\u4e00-\u9fffA-Za-z]{1,12}?(?:报|网|社|台|之声)》?")
_FULL_DAY = re.compile(r"\d{1,4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")  # with a year (any era's)
# an outlet's name or a byline after a stamp: no sentence, and a word of the trade in it
_REPORTER = re.compile(r"(?=[^，。；,;!?！？]{1,30}$).*?(?:记者|作者|编辑|撰稿)")
_CREDIT = re.compile(r"(?=[^，。；,;!?！？]{1,30}$).*?(?:报|网|社|台|讯|记者|作者|编辑|新闻|导)")
_STAMP_MD = re.compile(r"\d{1,2}\s*(?:月\s*\d{1,2}\s*日|/\d{1,2}\s+\d{1,2}:\d\d)")
_BREADCRUMB = re.compile(r"^(?:首页|当前位置|您的位置|你的位置|位置[:：])")
_CRUMB_SEP = re.compile(r"\s*[>＞»›/|]\s*")
_ARROWS = re.compile(r"\s*[>＞»›]\s*")
# `香港电台网站 RTHK`, `人民军队报电子版`, `法国国际广播电台 RFI 中文`: a site's name
_SITE_NAME = re.compile(r"(?:网站|网|报|社|台|之声|电子版|中文)(?:\s+[A-Za-z][A-Za-z .]*)?$")
_PREV_NEXT = re.compile(r"^[【\[]?\s*(?:上一篇|下一篇|上一页|下一页|上一条|下一条)")
_NAV_TOKENS = re.compile(
    "|".join(
        sorted(
            """分享到 分享 打印本页 打印 关闭窗口 关闭 返回顶部 返回首页 返回 上一篇 下一篇 收藏
            纠错 字号 字体 放大 缩小 默认 大 中 小 微信 微博 QQ空间 QQ 朋友圈 扫一扫 评论
            点赞 复制链接 首页 相关新闻 相关阅读 推荐阅读 延伸阅读 更多 新闻 登录 注册 搜索
            举报 手机版 客户端 TOP top 打印版 发送给朋友 转发""".split(),
            key=len,
            reverse=True,
        )
    )
)
_NAV_REST = re.compile(r"[\s\W_]+")
RELATED_HEADINGS = frozenset(r["heading"] for r in read_table("related_headings"))
_MARKER_STRIP = "【】[]<>《》:：>»›\u3000 "
_SENTENCE_END = "。！？!?"
BULLETS = ("·", "•", "▪", "●", "■", "◆", "◇", "○", "►", "▶")

# Datelines (matched at the start of a paragraph, on simplified text)
_DATE = r"(?:(?P<y>\d{4})\s*年\s*)?(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"
_DASH = r"(?:[—―─－]{1,2}|-{1,2}|–{1,2})"
# `洛杉矶5日专电`: a day, with its month or without
_DAY_MAYBE_MONTH = r"(?:(?P<y>\d{4})\s*年\s*)?(?:(?P<m>\d{1,2})\s*月\s*)?(?P<d>\d{1,2})\s*日"
_BY = r"(?:\s*[（(](?:记者|通讯员|特派记者|报道员)[^）)\n]{0,40}[）)])?"
_DATELINES = [
    re.compile(  # 越通社河内7月28日——, 越通社河内 ——, 越通社河内——, 越通社河内5月29日电
        rf"(?P<agency>越通社)(?!驻)(?P<place>[\u4e00-\u9fff]{{1,8}}?)?\s*(?:{_DATE})?\s*"
        rf"(?:(?P<dian>电)\s*)?{_DASH}"
    ),
    re.compile(rf"(?P<agency>越通社)(?P<place>[\u4e00-\u9fff]{{1,8}}?)\s*{_DATE}\s*电{_BY}"),
    re.compile(  # 越通社驻莫斯科记者报道
        r"(?P<agency>越通社)驻(?P<place>[\u4e00-\u9fff]{1,8}?)(?:首席|特派|常驻)?记者"
        r"(?:[\u4e00-\u9fff·]{0,6}?)报道"
    ),
    re.compile(  # 新华社北京2月4日电（记者 …）, 中新社北京2月4日电 (记者 …), 人民网北京…电
        r"(?P<agency>新华社|新华网|中新社|中新网|人民网|央视网|央视新闻|环球网|国际在线|光明网"
        r"|中国日报网|人民日报|越南之声|越南人民报|越南通讯社)"
        rf"(?:(?P<place>[\u4e00-\u9fff]{{1,10}}?)\s*)?{_DATE}\s*(?:电(?![话贺邮视文报])|讯|消息){_BY}"
    ),
    re.compile(  # 央视网消息（新闻联播）：, 中新网北京3月5日消息：, an outlet's news with no 电
        r"(?P<agency>(?!据)[\u4e00-\u9fff]{1,8}?(?:网|新闻|社|台))"
        rf"(?:(?P<place>[\u4e00-\u9fff]{{1,10}}?)\s*{_DAY_MAYBE_MONTH})?\s*消息"
        r"(?:\s*[（(][^）)\n]{1,12}[）)])?\s*[：:]?"
    ),
    re.compile(  # 本报讯, 本报北京2月4日电（记者 …）
        rf"(?P<agency>本报)(?:(?P<place>[\u4e00-\u9fff]{{1,10}}?)\s*(?:{_DATE})?\s*)?(?:电|讯){_BY}"
    ),
    re.compile(  # （中央社東京27日綜合外電報導）, （联合早报讯）, （韩联社首尔7月14日电）
        r"[（(【\[](?P<agency>中央社|联合早报|韩联社|共同社|塔斯社|俄新社|卫星通讯社|老挝通讯社|柬埔寨新闻社)"
        rf"(?:记者[\u4e00-\u9fff]{{2,4}})?(?:(?P<place>[\u4e00-\u9fff]{{1,8}}?)(?=\s*\d|综合|电|讯)\s*)?"
        rf"(?:{_DAY_MAYBE_MONTH})?"
        r"[^）)】\]]{0,12}?(?:电|讯|报导|报道)?[）)】\]]"
    ),
    re.compile(  # 俄罗斯卫星通讯社河内7月6日电, 解放日报4月30日讯: any outlet's dated 电 or 讯
        r"(?P<agency>[\u4e00-\u9fff]{1,10}?(?:通讯社|通信社|新闻社|社|网|报|电视台|电台|之声))"
        rf"(?:(?P<place>[\u4e00-\u9fff]{{1,8}}?)\s*)?{_DATE}\s*(?:电(?![话贺邮视文报])|讯){_BY}"
    ),
    re.compile(  # （朝中社平壤6月21日电）: the same in brackets
        r"[（(【\[](?P<agency>[\u4e00-\u9fff]{1,10}?(?:通讯社|通信社|新闻社|社))"
        rf"(?P<place>[\u4e00-\u9fff]{{1,8}}?)\s*{_DATE}\s*电[）)】\]]"
    ),
    re.compile(  # （布城16日讯）, （吉隆坡讯）, （新德里/堪培拉综合电）: a paper's own dateline
        rf"[（(](?P<place>[\u4e00-\u9fff]{{2,6}}?)(?:[/／、][\u4e00-\u9fff]{{2,6}}?)*\s*"
        rf"(?:{_DAY_MAYBE_MONTH})?\s*(?:讯|综合外?(?:电|讯|报道))[）)]"
    ),
    re.compile(  # 〔記者陳政宇／台北報導〕, 【记者 王明/北京报道】: a reporter's byline and city
        r"[〔【\[（(]\s*记者[^〕】\]）)\n]{1,20}?[／/]\s*(?P<place>[\u4e00-\u9fff]{2,6}?)\s*"
        rf"(?:{_DAY_MAYBE_MONTH})?\s*(?:报导|报道|电|讯)\s*[〕】\]）)]"
    ),
    re.compile(r"[（(](?P<agency>越通社)[）)]"),
    re.compile(  # （德国之声中文网）, (法新社), （SBS中文）: an outlet's credit alone, no party
        r"[（(](?P<agency>[A-Za-z\u4e00-\u9fff]{1,10}?(?:中文网|新闻网|网|通讯社|通信社|新闻社|社"
        r"|电视台|电台|之声|(?<=[A-Za-z])\s?中文))[）)]"
    ),
    re.compile(r"据(?P<agency>越通社)(?:[\u4e00-\u9fff]{0,6}?)报道"),
]
_DATELINE_SEARCH = 6  # paragraphs of the body searched for a dateline


# ---------------------------------------------------------------------------------------------
# Line classification


def _squash(s: str) -> str:
    return _SPACES.sub("", s)


def is_caption(line: str) -> bool:
    """A picture caption: ``… ảnh 1 …`` or a line ending with a photo credit."""
    if "nh" in line and _ANH.search(line):
        return True
    if len(line) > _MAX_CAPTION:
        return False
    tail = line[-48:]
    if _CAPTION_KEY.search(tail) and _CAPTION_END.search(tail):
        return True
    return len(line) <= 100 and _CAPTION_START.match(line) is not None


def _is_crumbs(line: str) -> bool:
    """Breadcrumbs: `首页 > 国际 > 正文`, `新闻 > 国际`."""
    parts = _ARROWS.split(line)
    return len(line) <= 40 and len(parts) > 1 and all(0 < len(p) <= 12 for p in parts)


def _masthead(lines: list[str]) -> bool:
    """The site's name above its breadcrumbs, with the title below them (`新京报\n首页 > 国际\n
    普京访问越南…`); a title can have the breadcrumbs below it, but then no second title."""
    if len(lines) != 3 or not _is_crumbs(lines[1]):
        return False
    site, crumbs, title = lines
    if classify(title) is not None or any(c in title for c in _SENTENCE_END) or any(
            p.search(title) for p in (_CLOCK, _FULL_DAY, _STAMP, _STAMP_DMY)):
        return False  # `…\n韩联社 > 朝鲜半岛\n2023-06-23 18:32 | 分享`: the title, its crumbs
    head = _ARROWS.split(crumbs)[0].strip()
    return (head in ("首页", "主页") or head in site or len(site) < len(title)
            or _SITE_NAME.search(site) is not None)


def _is_navigation(line: str) -> bool:
    if len(line) > 80:
        return False
    if _PREV_NEXT.match(line):
        return True
    if _BREADCRUMB.match(line) and (len(line) <= 40 or _CRUMB_SEP.search(line)):
        return True
    if len(_CRUMB_SEP.findall(line)) >= 2 and all(len(p) <= 12 for p in _CRUMB_SEP.split(line)):
        return True
    if len(line) <= 40:
        rest = _NAV_REST.sub("", _NAV_TOKENS.sub("", line))
        if not rest:
            return True
    return False


_BRACKETED = re.compile(r"[【\[［]([^】\]］]{0,16})[】\]］]")
_WIDE_GAP = re.compile(r"\s{2,}|\u3000+")
_OUTLET_FIRST = re.compile(_OUTLET_ONLY.pattern + r"\s+")  # the outlet, then its stamp


def _only_buttons(text: str) -> bool:
    return not _NAV_REST.sub("", _NAV_TOKENS.sub("", text))


def _without_buttons(line: str) -> str:
    """`2024/09/14　　【大 中 小】【打印】【关闭】`, `14.11.2013, 21:10　　打印版　　发送给朋友`: the
    page's buttons after its stamp, taken off."""
    line = _BRACKETED.sub(lambda m: " " if _only_buttons(m.group(1)) else m.group(), line)
    parts = _WIDE_GAP.split(line.strip())
    while len(parts) > 1 and _only_buttons(parts[-1]):
        parts.pop()
    return "\u3000".join(parts)


def _is_stamp(line: str) -> bool:
    """A line that is only a date and time (`17:46 06.07.2022`, `2023/9/10 21:48（9/10 23:05
    更新）`), or a date and time followed by the paper's credit (`2022年7月6日 08:10　　世界日报
    本报讯`, `2022/11/16 04:10　中国时报　记者 陈君硕／综合报导`): the page's stamp, not a
    sentence."""
    if len(line) > 80:
        return False
    line = _without_buttons(line).strip()
    if len(line) > 60:
        return False
    first = _OUTLET_FIRST.match(line)
    if first and _is_stamp_line(line[first.end():]):  # `新京报　2024-06-20 22:16　　记者 许子豪`
        return True
    return _is_stamp_line(line)


def _is_stamp_line(line: str) -> bool:
    if "版" in line:  # `《人民日报海外版》（2015年11月07日　第01版）`: the paper, its edition
        line = _PAPER.sub("", line)
    if _STAMP_ONLY.fullmatch(line) is not None:
        return any(p.search(line) for p in (_STAMP, _STAMP_DMY, _STAMP_SLASH, _STAMP_MD))
    m = _STAMP_ONLY.match(line) if not _SOURCE.search(line) else None  # `来源：`: a source line
    stamp, rest = (m.group(), line[m.end():]) if m else ("", "")
    cut = max(stamp.rfind(" "), stamp.rfind("\u3000"))
    if cut > 0 and not any(ch.isdigit() for ch in stamp[cut:]):
        # `2022/05/01 16:30　日本经济新闻`: the outlet's first letter (`日`) is no part of the day
        stamp, rest = stamp[: cut + 1], line[cut + 1 :]
    if not stamp[-1:].isspace():
        return False
    if not _CLOCK.search(stamp):  # `2015年4月23日 星期四　千岛日报`: a day and the outlet alone
        return bool((_FULL_DAY.search(stamp) or _STAMP.search(stamp)) and (
            _OUTLET_ONLY.fullmatch(rest.strip()) or _REPORTER.match(rest.strip())))
    return bool(any(p.search(stamp) for p in (_STAMP, _STAMP_DMY, _STAMP_SLASH, _STAMP_MD))
                and _CREDIT.match(rest.strip()))


def _is_footer(line: str) -> bool:
    """The site's footer (`版权所有 © 万象时报中文版`, `Copyright © …`, `京ICP备…`)."""
    return len(line) <= 80 and _FOOTER.search(line) is not None


def classify(line: str) -> str | None:
    """Kind of a non-article line (caption, navigation, source, byline, editor, end-mark,
    stamp)."""
    if line in _LONE_END:
        return "end-mark"
    if _is_stamp(line):
        return "stamp"
    if is_caption(line):
        return "caption"
    if len(line) <= 80 and _EDITOR.match(line):
        return "editor"
    if _is_navigation(line) or _is_footer(line):
        return "navigation"
    if len(line) <= 100 and _SOURCE.search(line):
        return "source"
    if len(line) <= 50 and _BYLINE.match(line):
        return "byline"
    return None


def _related_marker(line: str) -> bool:
    return len(line) <= 12 and line.strip(_MARKER_STRIP) in RELATED_HEADINGS


def find_dateline(text: str, start: int, end: int) -> tuple[re.Match[str], int] | None:
    """A dateline at the start of ``text[start:end]``: (match, end of the dateline)."""
    for pat in _DATELINES:
        m = pat.match(text, start, end)
        if m is None:
            continue
        gd = m.groupdict()
        if pat is _DATELINES[0] and not (gd.get("place") or gd.get("m") or m.group().strip()):
            continue
        stop = m.end()
        while stop > start and text[stop - 1].isspace():
            stop -= 1
        return m, stop
    return None


def _make_dateline(text: str, m: re.Match[str], stop: int, offset: int) -> Dateline:
    gd = m.groupdict()

    def num(key: str) -> int | None:
        v = gd.get(key)
        return int(v) if v else None

    month, day = num("m"), num("d")
    if month is not None and not 1 <= month <= 12:
        month = day = None
    if day is not None and not 1 <= day <= 31:
        day = None
    return Dateline(
        text=text[m.start() : stop],
        span=(m.start() - offset, stop - offset),
        agency=gd.get("agency"),
        place=gd.get("place") or None,
        year=num("y"),
        month=month,
        day=day,
    )


_TITLE_DATE = re.compile(_DATE)


def _title_date(text: str, start: int, end: int) -> Dateline | None:
    """A headline that opens with the full date (`2023年8月24日外交部发言人汪文斌主持例行记者会`)
    says the report date, as a dateline would."""
    m = _TITLE_DATE.match(text, start, end)
    if m is None or not m["y"]:
        return None
    dateline = _make_dateline(text, m, m.end(), 0)
    return dateline if dateline.month and dateline.day else None


# ---------------------------------------------------------------------------------------------
# Building pages


_MONTH_DAY = re.compile(r"(\d{1,2})\s*月\s*(\d{1,2})\s*日")


def _stamp_day(dropped: list[Dropped], dateline: Dateline | None) -> Dateline | None:
    """A stamp that gives no year (`11月27日 21时05分`, `发布时间：10月12日 08:30`) still says
    the report's day, as a dateline would: the day of a dateline without one (`本报讯`), or a
    dateline of its own, which spans nothing in the text since the stamp stands outside it."""
    for d in dropped[:12]:
        m = _MONTH_DAY.search(to_simplified(d.text)) if d.kind in ("stamp", "source") else None
        if m and 1 <= int(m[1]) <= 12 and 1 <= int(m[2]) <= 31:
            if dateline is not None:
                return replace(dateline, month=int(m[1]), day=int(m[2]))
            return Dateline(d.text.strip(), (0, 0), month=int(m[1]), day=int(m[2]))
    return dateline


def _build(
    doc_id: str,
    part: str,
    simp: str,
    orig: str,
    title: tuple[int, int] | None,
    paras: list[tuple[int, int]],
    dropped: list[Dropped],
    published: str | None,
    url: str | None,
) -> Page:
    pieces = ([title] if title else []) + paras
    text = "\n".join(simp[s:e] for s, e in pieces)
    display = "\n".join(orig[s:e] for s, e in pieces)
    # spans of each piece in the page text
    spans: list[tuple[int, int]] = []
    pos = 0
    for s, e in pieces:
        spans.append((pos, pos + e - s))
        pos += e - s + 1
    title_span = spans[0] if title else None
    para_spans = tuple(spans[1:] if title else spans)
    dateline = None
    for ps, pe in para_spans[:_DATELINE_SEARCH]:
        found = find_dateline(text, ps, pe)
        if found:
            dateline = _make_dateline(text, found[0], found[1], 0)
            break
    if dateline is None and title_span is not None:
        dateline = _title_date(text, title_span[0], title_span[1])
    if published is None and part == "article" and (dateline is None or not dateline.month):
        dateline = _stamp_day(dropped, dateline)
    return Page(
        doc_id=doc_id,
        part=part,
        text=text,
        display_text=display,
        title_span=title_span,
        paragraphs=para_spans,
        dateline=dateline,
        published=published,
        url=url,
        dropped=tuple(dropped),
    )


def _strip_dateline(s: str) -> str:
    found = find_dateline(s, 0, len(s))
    if found:
        s = s[found[1] :]
    return _squash(s).lstrip("，,：:—-")


def _drop_duplicate_lead(
    simp: str, paras: list[tuple[int, int]]
) -> tuple[list[tuple[int, int]], bool]:
    if len(paras) < 2:
        return paras, False
    lead = _strip_dateline(simp[paras[0][0] : paras[0][1]])
    if len(lead) < 6:
        return paras, False
    for s, e in paras[1:]:
        body = _strip_dateline(simp[s:e])
        if not body:
            continue
        if (len(lead) >= 10 and lead in body) or (len(body) >= 0.8 * len(lead) and body in lead):
            return paras[1:], True
    return paras, False


def _is_short(line: str) -> bool:
    return len(line) <= 60 and not line.endswith("。")


def _group_related(
    simp: str, lines: list[tuple[int, int]]
) -> list[tuple[tuple[int, int] | None, tuple[int, int] | None, list[tuple[int, int]]]]:
    """Related block -> [(caption, headline, summary paragraphs)] in order of appearance.

    Layout: [optional caption] headline summary… ; a caption ends with a photo credit, or is a
    short line followed by a short headline and a long summary; a headline is a short line
    without a final 。; a summary is a long paragraph (or one ending with 。) after it.
    """
    texts = [simp[s:e] for s, e in lines]
    kinds = []
    for t in texts:
        if is_caption(t):
            kinds.append("C")
        elif _is_short(t):
            kinds.append("S")
        else:
            kinds.append("L")
    blocks: list[list] = []  # [caption, headline, [summary]]
    cur: list | None = None

    def kind_at(i: int) -> str:
        return kinds[i] if i < len(kinds) else "-"

    i = 0
    n = len(lines)
    while i < n:
        k = kinds[i]
        if texts[i].startswith(BULLETS):  # `· 标题 摘要 14.03.2018`: a story of its own
            cur = [None, lines[i], []]
            blocks.append(cur)
        elif k == "C":
            cur = [lines[i], None, []]
            blocks.append(cur)
        elif k == "S":
            if cur is None or cur[1] is not None:
                cur = [None, None, []]
                blocks.append(cur)
            if cur[0] is None and kind_at(i + 1) == "S" and kind_at(i + 2) == "L":
                cur[0] = lines[i]  # an uncredited caption before the headline
                cur[1] = lines[i + 1]
                i += 2
                continue
            cur[1] = lines[i]
        else:  # long
            if cur is not None and cur[1] is not None:
                cur[2].append(lines[i])
            elif (
                (cur is None or cur[0] is None)
                and kind_at(i + 1) == "S"
                and kind_at(i + 2) == "L"
                and texts[i][-1] not in _SENTENCE_END
            ):
                cur = [lines[i], lines[i + 1], []]  # a long uncredited caption
                blocks.append(cur)
                i += 2
                continue
            else:
                if cur is None:
                    cur = [None, None, []]
                    blocks.append(cur)
                if texts[i][-1] not in _SENTENCE_END and cur[1] is None:
                    cur[1] = lines[i]  # a long headline
                else:
                    cur[2].append(lines[i])
        i += 1
    return [(c, h, s) for c, h, s in blocks if h is not None or s]


_STAMP = re.compile(r"(20\d\d|19\d\d)\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})")
_STAMP_DMY = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(20\d\d|19\d\d)(?![\d.])")  # 06.07.2022
_STAMP_SLASH = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(20\d\d|19\d\d)(?![\d/])")  # 06/04/2023


_TODAY = re.compile(r"(?:今天|今日|今晨|今晚)\s*[（(]\s*(\d{1,2})\s*日")


def _slash_date(a: int, b: int, year: int, body: str) -> tuple[int, int, int] | None:
    if a > 12 or b > 12 or a == b:
        return (year, b, a) if a > 12 or a == b else (year, a, b)
    day_first, month_first = f"{b}月{a}日" in body, f"{a}月{b}日" in body
    if day_first != month_first:
        return (year, b, a) if day_first else (year, a, b)
    today = {int(d) for d in _TODAY.findall(body)}  # `今天（7日）`: the report's day
    if len(today) == 1 and (a in today) != (b in today):
        return (year, b, a) if a in today else (year, a, b)
    # `03/08/2017` over a report of `8月2日`: the month the article names
    day_first, month_first = (re.search(rf"(?<!\d){m}月", body) is not None for m in (b, a))
    if day_first != month_first:
        return (year, b, a) if day_first else (year, a, b)
    return None


def _stamp_date(lines, body: str = "") -> str | None:  # noqa: ANN001 - dropped lines
    """The page's own date stamp (`2024年06月20日 08:49 来源：…`, `17:46 06.07.2022`) among its
    furniture. Day first with dots, as European outlets write it. `06/04/2023` could be either:
    a number over 12 is the day, else the reading whose day the article names (`4月6日`)."""
    for line in lines:
        simple = to_simplified(line)
        found = [(int(y), int(mo), int(d)) for y, mo, d in _STAMP.findall(simple)]
        found += [(int(y), int(mo), int(d)) for d, mo, y in _STAMP_DMY.findall(simple)]
        found += [x for a, b, y in _STAMP_SLASH.findall(simple)
                  if (x := _slash_date(int(a), int(b), int(y), body)) is not None]
        for y, mo, d in found:
            if 1 <= mo <= 12 and 1 <= d <= 31:
                return f"{y:04d}-{mo:02d}-{d:02d}"
    return None


def split_page(raw: RawPage) -> list[Page]:
    """The article Page, then one Page per related-story teaser (``<doc_id>#teaser-N``)."""
    published = raw.published
    title_given = raw.title
    if raw.text is not None:
        src = raw.text
    elif raw.html is not None:
        from communique.sources.html import html_to_text

        src, meta = html_to_text(raw.html)
        title_given = title_given or meta.get("title")
        published = published or meta.get("date")
    else:
        src = ""
    if _ODD_BREAKS.search(src):
        src = src.translate(_BREAKS)

    if title_given:
        title_given = _SPACES.sub(" ", title_given).strip()
        first = _LINE.search(src)
        st = _squash(to_simplified(title_given))
        fl = _squash(to_simplified(first.group(1))) if first else ""
        if st and not (fl == st or (len(fl) >= 4 and (fl in st or st in fl))):
            src = title_given + "\n" + src

    simp = to_simplified(src)
    orig = src
    lines = [m.span(1) for m in _LINE.finditer(simp)]

    drops: list[tuple[int, Dropped]] = []  # (position in the page, what went)
    title: tuple[int, int] | None = None
    paras: list[tuple[int, int]] = []
    related: list[tuple[int, int]] = []
    ended = False

    idx = 0
    # leading page furniture, then the title
    while idx < len(lines):
        s, e = lines[idx]
        idx += 1
        kind = classify(simp[s:e]) or ("navigation" if _is_crumbs(simp[s:e]) or (
            not has_cjk(simp[s:e])) else None)  # `Embassy of the People's Republic…`
        ahead = [simp[a:b] for a, b in lines[idx - 1 : idx + 4] if has_cjk(simp[a:b])][:3]
        if kind is None and not _masthead(ahead):
            title = (s, e)
            break
        kind = kind or "navigation"
        drops.append((s, Dropped("navigation" if kind == "end-mark" else kind, orig[s:e])))

    while idx < len(lines):
        s, e = lines[idx]
        line = simp[s:e]
        idx += 1
        if _related_marker(line) and (paras or ended):
            drops.append((s, Dropped("related", orig[s:e])))
            related = lines[idx:]
            # the site's footer ends the other stories (`版权所有 © 万象时报中文版`)
            end = next((k for k, (a, b) in enumerate(related) if _is_footer(simp[a:b])),
                       len(related))
            drops += [(a, Dropped("navigation", orig[a:b])) for a, b in related[end:]]
            related = related[:end]
            break
        kind = classify(line)
        if ended:
            drops.append((s, Dropped(kind or "navigation", orig[s:e])))
            continue
        if kind is not None:
            drops.append((s, Dropped(kind, orig[s:e])))
            if (kind in ("editor", "end-mark") or "返回顶部" in line) and paras:
                ended = True  # not `编辑：王晶` in the header, above the article
            continue
        m = _END_INLINE.search(line, max(0, len(line) - 40))
        if m:
            cut = s + m.start()
            ce = cut
            while ce > s and simp[ce - 1].isspace():
                ce -= 1
            if ce > s:
                paras.append((s, ce))
            drops.append((cut, Dropped("end-mark", orig[cut:e])))
            ended = True
            continue
        paras.append((s, e))

    body = simp[paras[0][0] : paras[-1][1]] if paras else ""
    published = published or _stamp_date((d.text for _, d in drops[:12]), body)
    lead = paras[0] if paras else None
    paras, lead_dup = _drop_duplicate_lead(simp, paras)
    if lead_dup and lead:
        drops.append((lead[0], Dropped("duplicate-lead", orig[lead[0] : lead[1]])))
    drops.sort(key=lambda d: d[0])
    pages = [
        _build(
            raw.doc_id,
            "article",
            simp,
            orig,
            title,
            paras,
            [d for _, d in drops],
            published,
            raw.url,
        )
    ]

    for n, (cap, head, summary) in enumerate(_group_related(simp, related), start=1):
        tdropped = [Dropped("caption", orig[cap[0] : cap[1]])] if cap else []
        pages.append(
            _build(
                f"{raw.doc_id}#teaser-{n}",
                "teaser",
                simp,
                orig,
                head,
                summary,
                tdropped,
                None,
                raw.url,
            )
        )
    return pages
