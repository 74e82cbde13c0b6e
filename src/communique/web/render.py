"""Interface labels in English and Chinese, and the highlighted text of a document.

``highlight`` builds markup from spans: the text is cut at every span boundary and each piece
is escaped on its own, so nothing from the page can open a tag.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from markupsafe import Markup, escape

LANGS = ("en", "zh")

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "title": "communique",
        "events": "Events",
        "filters": "Filters",
        "actor": "Actor",
        "country": "Country",
        "between": "Dyad",
        "event": "Event",
        "mode": "Mode",
        "date_from": "From",
        "date_to": "To",
        "q": "Text",
        "apply": "Apply",
        "reset": "Reset",
        "date": "Date",
        "actors": "Actors",
        "recipients": "Recipients",
        "score": "Score",
        "evidence": "Evidence",
        "document": "Document",
        "no_events": "No events match.",
        "prev": "Previous",
        "next": "Next",
        "shown": "{first}–{last} of {total}",
        "shown_page": "{n} of {total}",
        "dropped": "Dropped from the article (captions, teasers, bylines)",
        "teasers": "Related-story teasers",
        "entities": "Entities",
        "trigger": "trigger",
        "source": "Source",
        "published": "Published",
        "dyad": "Dyad",
        "by_month": "By month",
        "by_year": "By year",
        "mean_score": "Mean score",
        "headlines": "Headline events",
        "period": "Period",
        "count": "Events",
        "headline": "Headline",
        "lang_switch": "中文",
        "not_found": "Not found",
        "bad_filter": "Bad filter",
        "reports": "reports",
        "legend": "Highlighted: entities, trigger words, event sentences",
        "stale": "The extractor has changed since this page was stored: "
                 "spans shown are the stored ones.",
        "network": "Network",
        "actor_index": "Actors",
        "nodes": "Nodes",
        "nodes_countries": "Countries",
        "nodes_actors": "People and organisations",
        "limit_edges": "Links",
        "network_legend": "Line width: events between the two; colour: their mean PLOVER score "
                          "(red: conflict, grey: neutral, green: cooperation). Click a node or "
                          "a link to open it.",
        "truncated_edges": "Only the {n} most frequent links are shown.",
        "pair": "Pair",
        "no_links": "No interactions match.",
        "search": "Name",
        "name": "Name",
        "kind": "Kind",
        "sector": "Sector",
        "roles": "Roles over time",
        "role": "Role",
        "org": "Organisation",
        "first": "First seen",
        "last": "Last seen",
        "mentions": "Mentions",
        "as_written": "As written",
        "no_roles": "The sources give no title.",
        "counterparts": "Most frequent counterparts",
        "together": "Events together",
        "timeline": "Events over time",
        "side": "As",
        "side_actor": "actor",
        "side_recipient": "recipient",
        "kind_person": "person",
        "kind_org": "organisation",
        "kind_igo": "international organisation",
        "kind_country": "country",
        "no_actors": "No actors match.",
        "too_costly": "Query over its time budget",
        "pair_events": "Events of the pair",
        "more_events": "…and {n} more",
        "n_events": "{n} events",
    },
    "zh": {
        "title": "communique",
        "events": "事件",
        "filters": "筛选",
        "actor": "行为者",
        "country": "国家",
        "between": "双边",
        "event": "事件类型",
        "mode": "方式",
        "date_from": "起",
        "date_to": "止",
        "q": "文本",
        "apply": "筛选",
        "reset": "清除",
        "date": "日期",
        "actors": "行为方",
        "recipients": "对象方",
        "score": "分值",
        "evidence": "依据",
        "document": "文章",
        "no_events": "没有符合条件的事件。",
        "prev": "上一页",
        "next": "下一页",
        "shown": "第{first}–{last}条，共{total}条",
        "shown_page": "本页{n}条，共{total}条",
        "dropped": "正文之外的部分（图片说明、相关新闻、署名）",
        "teasers": "相关新闻摘要",
        "entities": "实体",
        "trigger": "触发词",
        "source": "来源",
        "published": "发布日期",
        "dyad": "双边关系",
        "by_month": "按月",
        "by_year": "按年",
        "mean_score": "平均分值",
        "headlines": "主要事件",
        "period": "时期",
        "count": "事件数",
        "headline": "主要事件",
        "lang_switch": "English",
        "not_found": "未找到",
        "bad_filter": "筛选条件有误",
        "reports": "篇报道",
        "legend": "标注：实体、触发词、事件句",
        "stale": "抽取程序在本文入库后已更新：显示的是入库时的位置。",
        "network": "关系网络",
        "actor_index": "行为者",
        "nodes": "节点",
        "nodes_countries": "国家",
        "nodes_actors": "人物与机构",
        "limit_edges": "连线数",
        "network_legend": "连线粗细：双方之间的事件数；颜色：平均PLOVER分值（红：冲突，灰：中性，"
                          "绿：合作）。点击节点或连线可打开相应页面。",
        "truncated_edges": "仅显示最常见的{n}条连线。",
        "pair": "双方",
        "no_links": "没有符合条件的互动。",
        "search": "名称",
        "name": "名称",
        "kind": "类别",
        "sector": "领域",
        "roles": "历任职务",
        "role": "职务",
        "org": "机构",
        "first": "最早",
        "last": "最近",
        "mentions": "提及次数",
        "as_written": "原文写法",
        "no_roles": "报道中未提及职务。",
        "counterparts": "主要交往对象",
        "together": "共同事件",
        "timeline": "事件时间线",
        "side": "身份",
        "side_actor": "行为方",
        "side_recipient": "对象方",
        "kind_person": "人物",
        "kind_org": "机构",
        "kind_igo": "国际组织",
        "kind_country": "国家",
        "no_actors": "没有符合条件的行为者。",
        "too_costly": "查询超时",
        "pair_events": "双方事件",
        "more_events": "……另有{n}条",
        "n_events": "共{n}个事件",
    },
}


def lang_of(value: str | None) -> str:
    return value if value in LANGS else "en"


def labels(lang: str) -> dict[str, str]:
    return LABELS[lang_of(lang)]


def _entity_title(e: Mapping[str, Any]) -> str:
    bits = [e.get("name") or e.get("org") or e.get("text") or ""]
    if e.get("latin"):
        bits.append(f"({e['latin']})")
    extra = [x for x in (e.get("role"), e.get("org") if e.get("name") else None,
                         e.get("country"), e.get("sector")) if x]
    if extra:
        bits.append("· " + " · ".join(extra))
    return " ".join(b for b in bits if b)


def highlight(
    text: str,
    entities: Iterable[Mapping[str, Any]] = (),
    events: Iterable[Mapping[str, Any]] = (),
    start: int = 0,
    end: int | None = None,
) -> Markup:
    """``text[start:end]`` as markup: entity mentions, trigger words and event sentences
    wrapped in ``<span>`` elements; pieces and attributes escaped one by one.

    Spans may overlap: the text is cut at every boundary and each piece carries every mark
    that covers it, so the output is flat and always well formed."""
    end = len(text) if end is None else min(end, len(text))
    marks: list[tuple[int, int, str, Mapping[str, Any]]] = []
    for e in entities:
        span = e.get("span") or ()
        if len(span) == 2 and span[0] is not None and span[1] is not None:
            marks.append((int(span[0]), int(span[1]), "ent", e))
    for ev in events:
        span = ev.get("span") or ()
        if len(span) == 2 and span[0] is not None:
            marks.append((int(span[0]), int(span[1]), "sent", ev))
        trig = ev.get("trigger") or ()
        if len(trig) == 2 and trig[0] is not None:
            marks.append((int(trig[0]), int(trig[1]), "trg", ev))
    marks = [(max(a, start), min(b, end), k, m) for a, b, k, m in marks if a < end and b > start
             and a < b]
    cuts = sorted({start, end, *(a for a, _, _, _ in marks), *(b for _, b, _, _ in marks)})
    out: list[str] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        piece = text[a:b]
        if not piece:
            continue
        over = [(ma, mb, k, m) for ma, mb, k, m in marks if ma <= a and mb >= b]
        if not over:
            out.append(str(escape(piece)))
            continue
        kinds = sorted({k for _, _, k, _ in over})
        attrs = [f'class="{" ".join(kinds)}"']
        ents = sorted((m for m in over if m[2] == "ent"), key=lambda m: m[1] - m[0])
        if ents:
            e = ents[0][3]
            attrs.append(f'title="{escape(_entity_title(e))}"')
            if e.get("id"):
                attrs.append(f'data-entity="{escape(e["id"])}"')
        evs = [m[3] for m in over if m[2] in ("trg", "sent")]
        if evs:
            ids = " ".join(dict.fromkeys(str(ev.get("id") or "") for ev in evs))
            attrs.append(f'data-events="{escape(ids)}"')
        out.append(f"<span {' '.join(attrs)}>{escape(piece)}</span>")
    return Markup("".join(out))


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of the lines of a cleaned text (title, then paragraphs), blank lines skipped."""
    spans, at = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((at, at + len(line)))
        at += len(line) + 1
    return spans


def by_paragraph(
    text: str, entities: list[Mapping[str, Any]], events: list[Mapping[str, Any]]
) -> list[dict[str, Any]]:
    """The text line by line, highlighted, with the events whose sentence starts there."""
    out = []
    for a, b in paragraphs(text):
        here = [ev for ev in events if ev.get("span") and a <= ev["span"][0] < b]
        out.append({"start": a, "end": b, "html": highlight(text, entities, events, a, b),
                    "events": here})
    placed = {id(ev) for p in out for ev in p["events"]}
    rest = [ev for ev in events if id(ev) not in placed]
    if rest and out:
        out[-1]["events"] = out[-1]["events"] + rest
    return out
