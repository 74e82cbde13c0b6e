"""Script normalisation and sentence/clause splitting, offset-preserving.

``to_simplified`` keeps the length of its input so that every offset found in the simplified
text points at the same characters of the original-script text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Protocol, TypeVar

# Full-width ASCII letters and digits -> half-width (1:1). Full-width punctuation is kept:
# the splitters and the page anatomy rely on ，。（） etc.
_FULLWIDTH = {
    **{cp: cp - 0xFEE0 for cp in range(0xFF10, 0xFF1A)},  # ０-９
    **{cp: cp - 0xFEE0 for cp in range(0xFF21, 0xFF3B)},  # Ａ-Ｚ
    **{cp: cp - 0xFEE0 for cp in range(0xFF41, 0xFF5B)},  # ａ-ｚ
}
_HAS_FULLWIDTH = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
# Anything that could be a CJK ideograph; pure ASCII/Latin text skips OpenCC.
_HAS_CJK = re.compile("[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]")


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


def _convert_same_length(s: str) -> str:
    cc = _converter()
    out = cc.convert(s)
    if len(out) == len(s):
        return out
    # A phrase rule changed the length somewhere: convert line by line, and the lines that
    # still change length character by character, so offsets stay 1:1.
    parts = []
    for line in s.splitlines(keepends=True):
        conv = cc.convert(line)
        if len(conv) != len(line):
            chars = []
            for ch in line:
                c = cc.convert(ch)
                chars.append(c if len(c) == 1 else ch)
            conv = "".join(chars)
        parts.append(conv)
    return "".join(parts)


def to_simplified(s: str) -> str:
    """Traditional -> Simplified Chinese, full-width ASCII letters/digits -> half-width.

    The result always has the same length as ``s`` (offsets map 1:1).
    """
    if not s:
        return s
    if _HAS_CJK.search(s):
        s = _convert_same_length(s)
    if _HAS_FULLWIDTH.search(s):
        s = s.translate(_FULLWIDTH)
    return s


def has_cjk(s: str) -> bool:
    """Whether ``s`` holds a CJK ideograph (a line of Latin letters alone does not)."""
    return _HAS_CJK.search(s) is not None


class _Spanned(Protocol):
    start: int
    end: int


S = TypeVar("S", bound=_Spanned)


def outside(items: Iterable[S], taken: Sequence[_Spanned]) -> list[S]:
    """The ``items`` that overlap none of ``taken`` (in text order, none overlapping another):
    a bisection each, so a huge page stays linear."""
    starts = [t.start for t in taken]

    def free(h: S) -> bool:
        i = bisect.bisect_right(starts, h.start) - 1  # the last one starting at or before h
        if i >= 0 and taken[i].end > h.start:
            return False
        return i + 1 >= len(taken) or taken[i + 1].start >= h.end

    return [h for h in items if free(h)]


# ---------------------------------------------------------------------------------------------
# Sentence and clause splitting

_SENT_END = frozenset("。！？!?；;")
_CLAUSE_END = _SENT_END | frozenset("，,")
# Characters that stay with the sentence they close.
_CLOSERS = frozenset("”’」』）)】》〉]\"'…")
_PAIRS = {"（": "）", "(": ")", "“": "”", "「": "」", "『": "』", "《": "》", "【": "】", "‘": "’"}
_OPENERS = frozenset(_PAIRS)
_CLOSE_TO_OPEN = {v: k for k, v in _PAIRS.items()}
_SHORT_BRACKET = 80  # a bracket or quote this short is never split inside
_WS = " \t\r\n\u00a0\u3000\ufeff\u200b"


_BRACKET_RE = re.compile("[" + re.escape("".join(_PAIRS) + "".join(_PAIRS.values())) + "\n]")
_SENT_RE = re.compile("[" + re.escape("".join(_SENT_END) + "".join(_PAIRS)) + "\n]")
_CLAUSE_RE = re.compile("[" + re.escape("".join(_CLAUSE_END) + "".join(_PAIRS)) + "\n]")


def _protected(text: str, start: int, end: int) -> dict[int, int]:
    """Opening position -> closing position of short, matched brackets and quotes."""
    out: dict[int, int] = {}
    stack: list[tuple[str, int]] = []
    for m in _BRACKET_RE.finditer(text, start, end):
        ch = m.group()
        i = m.start()
        if ch in _OPENERS:
            stack.append((ch, i))
            if len(stack) > 64:
                del stack[:32]
        elif ch == "\n":
            stack.clear()
        else:
            want = _CLOSE_TO_OPEN[ch]
            # pop to the matching opener, forgetting a few unmatched ones in between
            for k in range(len(stack) - 1, max(-1, len(stack) - 5), -1):
                if stack[k][0] == want:
                    pos = stack[k][1]
                    del stack[k:]
                    if i - pos <= _SHORT_BRACKET:
                        out[pos] = i
                    break
    return out


def _split(
    text: str, start: int, end: int | None, enders: frozenset[str], finder: re.Pattern[str]
) -> list[tuple[int, int]]:
    if end is None or end > len(text):
        end = len(text)
    start = max(0, start)
    if start >= end:
        return []
    protect = _protected(text, start, end)
    spans: list[tuple[int, int]] = []
    seg = start
    guard = -1  # no split at or before this index (inside a short bracket or quote)
    for m in finder.finditer(text, start, end):
        i = m.start()
        if i < seg:
            continue  # absorbed as a closer of the previous sentence
        ch = m.group()
        if ch == "\n":
            spans.append((seg, i))
            seg = i + 1
            guard = -1
        elif ch in _OPENERS:
            if i in protect:
                guard = max(guard, protect[i])
        elif i > guard:
            j = i + 1
            # absorb repeated enders and closing quotes/brackets
            while j < end:
                c = text[j]
                if c in enders or (c in _CLOSERS and c not in "\"'"):
                    j += 1
                elif c in "\"'" and text.count(c, seg, j) % 2 == 1:
                    j += 1
                else:
                    break
            spans.append((seg, j))
            seg = j
    if seg < end:
        spans.append((seg, end))
    out = []
    for s, e in spans:
        while s < e and text[s] in _WS:
            s += 1
        while e > s and text[e - 1] in _WS:
            e -= 1
        if s < e:
            out.append((s, e))
    return out


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:end]``, split at 。！？!?；; and newlines."""
    return _split(text, start, end, _SENT_END, _SENT_RE)


def clause_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Clause spans: sentence ends plus commas (，,)."""
    return _split(text, start, end, _CLAUSE_END, _CLAUSE_RE)
