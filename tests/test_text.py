# ruff: noqa: E501  (Chinese strings count double width)
"""text.py: offset-preserving simplification and the sentence/clause splitters."""

from __future__ import annotations

import time

import pytest

from communique import text as text_mod
from communique.text import clause_spans, sentence_spans, to_simplified


def pieces(s: str, spans: list[tuple[int, int]]) -> list[str]:
    return [s[a:b] for a, b in spans]


# --- to_simplified ---------------------------------------------------------------------------


def test_traditional_to_simplified_keeps_length():
    trad = "越南國家主席蘇林於河內會見中華人民共和國國務院總理李強，雙方就兩國關係交換意見。"
    simp = to_simplified(trad)
    assert (
        simp == "越南国家主席苏林于河内会见中华人民共和国国务院总理李强，双方就两国关系交换意见。"
    )
    assert len(simp) == len(trad)


def test_simplified_and_ascii_unchanged():
    s = "越共中央总书记阮富仲同统俄党主席梅德韦杰夫举行会谈。Miguel Díaz-Canel ảnh 1"
    assert to_simplified(s) == s
    assert to_simplified("") == ""
    assert to_simplified("plain ASCII only") == "plain ASCII only"


def test_fullwidth_letters_and_digits_to_halfwidth_only():
    s = "ＡＳＥＡＮ峰会于２０２３年５月举行，（ａｂｃ）：。"
    out = to_simplified(s)
    assert out == "ASEAN峰会于2023年5月举行，（abc）：。"
    assert len(out) == len(s)


def test_length_changing_conversion_falls_back_char_by_char(monkeypatch):
    class Fake:
        def convert(self, s: str) -> str:
            # a phrase rule that changes the length, plus ordinary 1:1 characters
            return s.replace("後來", "后来了").replace("國", "国")

    monkeypatch.setattr(text_mod, "_converter", lambda: Fake())
    src = "第一行國家\n後來國家\n"
    out = to_simplified(src)
    assert len(out) == len(src)
    assert out == "第一行国家\n後來国家\n"  # the changed line went char by char


def test_to_simplified_is_fast():
    trad = (
        "越南國家主席蘇林於河內會見中華人民共和國國務院總理李強，雙方就兩國關係交換意見。\n" * 20000
    )
    t0 = time.perf_counter()
    out = to_simplified(trad)
    took = time.perf_counter() - t0
    assert len(out) == len(trad)
    # ~0.86 M chars; the budget of the whole pipeline is 500k chars/s, this must be tiny
    assert took < 0.5


# --- sentence_spans / clause_spans ----------------------------------------------------------


def test_sentences_split_at_ends_and_newlines():
    s = "双方同意加强合作。他说：好！是吗？\n新的一段；第二句"
    assert pieces(s, sentence_spans(s)) == [
        "双方同意加强合作。",
        "他说：好！",
        "是吗？",
        "新的一段；",
        "第二句",
    ]


def test_closing_quotes_stay_with_their_sentence():
    s = "他表示：“越南愿同中方加强合作。”随后双方签署协议。"
    spans = sentence_spans(s)
    assert pieces(s, spans) == ["他表示：“越南愿同中方加强合作。”随后双方签署协议。"]
    s2 = "会议指出，要加强合作。”双方同意。"
    assert pieces(s2, sentence_spans(s2)) == ["会议指出，要加强合作。”", "双方同意。"]


def test_no_split_inside_short_brackets_but_split_inside_long_ones():
    s = "会议通过了决议（全文见附件。共十条）。双方同意。"
    assert pieces(s, sentence_spans(s)) == ["会议通过了决议（全文见附件。共十条）。", "双方同意。"]
    long_inner = "很长的说明。" * 20
    s2 = f"开始（{long_inner}）结束。"
    assert len(sentence_spans(s2)) > 2


def test_spans_are_trimmed_and_offsets_respected():
    s = "  前言。  第一句。 第二句！  "
    spans = sentence_spans(s)
    assert pieces(s, spans) == ["前言。", "第一句。", "第二句！"]
    start = s.index("第一句")
    assert pieces(s, sentence_spans(s, start)) == ["第一句。", "第二句！"]
    assert pieces(s, sentence_spans(s, start, start + 4)) == ["第一句。"]
    assert sentence_spans(s, 5, 5) == []
    assert sentence_spans("") == []


def test_clause_spans_add_commas():
    s = "5月22日下午,在越共中央总部,阮富仲同梅德韦杰夫举行会谈，双方交换意见。"
    assert pieces(s, clause_spans(s)) == [
        "5月22日下午,",
        "在越共中央总部,",
        "阮富仲同梅德韦杰夫举行会谈，",
        "双方交换意见。",
    ]
    s2 = "他会见了古巴大使（罗赫利奥，波兰科），双方交谈。"
    assert pieces(s2, clause_spans(s2)) == ["他会见了古巴大使（罗赫利奥，波兰科），", "双方交谈。"]


def test_text_without_end_mark():
    s = "越南政府总理范明政1日在河内会见日本驻越大使，双方就加强两国"
    assert pieces(s, sentence_spans(s)) == [s]


@pytest.mark.parametrize("fn", [sentence_spans, clause_spans])
def test_splitters_are_linear(fn):
    s = ("阮富仲强调，越南始终珍视“兄弟般的”支持（和帮助）。" * 40 + "\n") * 1000
    t0 = time.perf_counter()
    spans = fn(s)
    # a guard against a blow-up (a quadratic splitter takes minutes on 1 M characters), not a
    # speed measurement: that is bench/linearity.py's (about 0.3 s here)
    assert time.perf_counter() - t0 < 10
    assert spans and all(0 <= a < b <= len(s) for a, b in spans)


def test_outside_keeps_what_overlaps_nothing_taken():
    from communique.events.lexicon import TriggerHit
    from communique.text import has_cjk, outside

    def hit(a: int, b: int) -> TriggerHit:
        return TriggerHit(a, b, None)  # type: ignore[arg-type]

    taken = [hit(5, 9), hit(20, 30)]
    items = [hit(0, 5), hit(4, 6), hit(8, 10), hit(9, 12), hit(25, 26), hit(30, 31)]
    assert [(h.start, h.end) for h in outside(items, taken)] == [(0, 5), (9, 12), (30, 31)]
    assert has_cjk("越南") and not has_cjk("Embassy of China")
