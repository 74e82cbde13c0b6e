"""The composed development sets (tests/dev … dev20) scored end to end, as SPEC section 6 says.

They are pages written in the style of each outlet with hand-made gold (see their READMEs); the
thresholds sit below today's figures so that a change which breaks the coder's language rules
shows here, while judgement calls of one page do not decide the suite.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from communique.evaluate import load_jsonl, score
from communique.model import Rejected
from communique.pipeline import extract_paths

HERE = Path(__file__).parent


def _scores(name: str):  # noqa: ANN202
    folder = HERE / name
    predicted, docs = [], set()
    for item in extract_paths([folder / "pages", folder / "pages.jsonl"]):
        assert not isinstance(item, Rejected), item
        docs.update(d.doc_id for d in item.all_documents())
        predicted.extend(item.records())
    return score(load_jsonl(folder / "gold.jsonl"), predicted, docs=docs)


# dev3 … dev20 were written by sessions that saw neither the extractor nor the other sets; each
# was scored untouched first and tuned on only later (dev6 untouched: P .660, R .833; dev7:
# P .568, R .702; dev8: P .842, R .724; dev9: P .768, R .612; dev10: P .829, R .794; dev11:
# P .879, R .744; dev12: P .825, R .706; dev13: P .870, R .784; dev14: P .841, R .758; dev15:
# P .890, R .896; dev16: P .848, R .778; dev17: P .911, R .826; dev18: P .875, R .778; dev19:
# P .844, R .755; dev20: P .905, R .738). The
# gold of dev2 … dev7 codes no teasers (the seeds' gold and that of dev8 and later do), so the
# teaser events the extractor finds count against precision there.
@pytest.mark.parametrize(("name", "precision", "recall", "main", "dates"), [
    ("dev", 0.80, 0.78, 0.9, 0.88),
    ("dev2", 0.80, 0.78, 0.9, 0.72),
    ("dev3", 0.85, 0.78, 0.85, 0.85),
    ("dev4", 0.70, 0.78, 0.8, 0.80),
    ("dev5", 0.66, 0.74, 0.85, 0.76),
    ("dev6", 0.60, 0.78, 0.8, 0.74),
    ("dev7", 0.55, 0.72, 0.85, 0.80),
    ("dev8", 0.82, 0.78, 0.78, 0.80),
    ("dev9", 0.76, 0.63, 0.62, 0.85),
    ("dev10", 0.88, 0.84, 0.88, 0.88),
    ("dev11", 0.91, 0.82, 0.78, 0.87),
    ("dev12", 0.90, 0.77, 0.85, 0.88),
    ("dev13", 0.88, 0.82, 0.86, 0.95),
    ("dev14", 0.85, 0.85, 0.85, 0.95),
    ("dev15", 0.86, 0.86, 0.90, 0.92),
    ("dev16", 0.87, 0.86, 0.86, 0.88),
    ("dev17", 0.90, 0.88, 0.88, 0.92),
    ("dev18", 0.87, 0.82, 0.90, 0.95),
    ("dev19", 0.86, 0.88, 0.86, 0.87),
    ("dev20", 0.87, 0.80, 0.82, 0.85),
])
def test_composed_pages_score_above_the_bar(name: str, precision: float, recall: float,
                                            main: float, dates: float) -> None:
    s = _scores(name)
    assert s.precision >= precision, s.summary()
    assert s.recall >= recall, s.summary()
    assert s.main_found / s.main_total >= main, s.summary()
    assert s.date_accuracy is not None and s.date_accuracy >= dates, s.summary()
