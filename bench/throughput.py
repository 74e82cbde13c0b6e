"""Throughput of the whole extraction path, with jieba's POS tagger as a yardstick.

    python bench/throughput.py [--mb 10] [--repeat 3] [--jieba-mb 1] [--json out.json]

Builds a corpus of at least ``--mb`` MB (10^6 bytes of UTF-8) of pages from the seed pages
bundled in ``communique/samples``, varied so that no two pages are the same text: for pages of
the same kind (VNA pages: title, lead, dateline, body, end mark, ``更多`` and teaser blocks) the
body paragraphs are drawn at random from the bodies of all seed pages and the teaser blocks from
all teaser blocks, and every ``M月D日`` date is moved by a per-page number of days (years by a few
years). Pages of no known kind are only renumbered.

Then, in one process (per-core figures) and in the same run, ``--repeat`` times:

(a) ``communique.pipeline.extract_raw(RawPage(doc_id, text=...))`` on every page of the corpus,
    each call timed on its own;
(b) ``jieba.posseg.cut`` over a fixed subset of the same pages (the first pages of the corpus,
    at least ``--jieba-mb`` MB), since jieba (~36k characters/s) would take minutes over 10 MB.

Medians over the repeats are reported: articles/s, characters/s, µs per character, and the
ratio of extraction time to jieba time per character, measured on exactly the same subset (the
extraction time of the subset is the sum of its pages' individual timings). Loading (the first
extract call, jieba's dictionary) is timed separately and kept out of the figures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import platform
import random
import re
import statistics
import sys
import time
from dataclasses import dataclass
from importlib import resources

from communique.model import RawPage

MB = 1_000_000

VARIATION = (
    "seed pages varied: body paragraphs drawn from the bodies of all seed pages of the same "
    "kind, teaser blocks reshuffled, M月D日 dates moved by a per-page offset"
)


# ---------------------------------------------------------------------------------------------
# corpus


@dataclass
class SeedPage:
    name: str
    kind: str  # "vna" (structure recognised) or "other"
    head: list[str]  # title .. dateline
    body: list[str]  # paragraphs between the dateline and the end mark
    tail: list[str]  # end mark .. 更多
    teasers: list[list[str]]  # blocks of related stories (caption, headline, summary)
    text: str


def _paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def parse_seed(name: str, text: str) -> SeedPage:
    paras = _paragraphs(text)
    more = next((i for i, p in enumerate(paras) if p == "更多"), None)
    dateline = next(
        (i for i, p in enumerate(paras[:10]) if "越通社" in p and ("——" in p or "记者报道" in p)),
        None,
    )
    if more is None or dateline is None or dateline >= more:
        return SeedPage(name, "other", paras, [], [], [], text)
    end = next(
        (
            i
            for i in range(dateline + 1, more)
            if paras[i] == "越通社" or "(完)" in paras[i] or "（完）" in paras[i]
        ),
        more,
    )
    related = paras[more + 1 :]
    blocks = [related[i : i + 3] for i in range(0, len(related), 3)]
    return SeedPage(
        name,
        "vna",
        head=paras[: dateline + 1],
        body=paras[dateline + 1 : end],
        tail=paras[end : more + 1],
        teasers=blocks,
        text=text,
    )


def load_seeds() -> list[SeedPage]:
    folder = resources.files("communique") / "samples"
    files = sorted(
        (f for f in folder.iterdir() if f.name.endswith(".txt")),
        key=lambda f: f.name,
    )
    if not files:
        sys.exit(f"bench: no seed pages (*.txt) in {folder}")
    return [parse_seed(f.name, f.read_text("utf-8")) for f in files]


_MONTH_DAY = re.compile(r"(\d{1,2})月(\d{1,2})日")
_YEAR = re.compile(r"((?:19|20)\d{2})年")


def renumber_dates(text: str, days: int, years: int) -> str:
    def month_day(m: re.Match[str]) -> str:
        try:
            d = dt.date(2001, int(m.group(1)), int(m.group(2))) + dt.timedelta(days=days)
        except ValueError:
            return m.group(0)
        return f"{d.month}月{d.day}日"

    text = _MONTH_DAY.sub(month_day, text)
    return _YEAR.sub(lambda m: f"{int(m.group(1)) + years}年", text)


def build_corpus(seeds: list[SeedPage], mb: float, seed: int) -> list[tuple[str, str]]:
    """(doc_id, text) pages until their UTF-8 size reaches ``mb`` MB."""
    rng = random.Random(seed)
    pools: dict[str, tuple[list[str], list[list[str]]]] = {}
    for s in seeds:
        body, teasers = pools.setdefault(s.kind, ([], []))
        body.extend(s.body)
        teasers.extend(s.teasers)
    pages: list[tuple[str, str]] = []
    size = 0
    k = 0
    while size < mb * MB:
        template = seeds[k % len(seeds)]
        if template.kind == "other":
            text = template.text
        else:
            body_pool, teaser_pool = pools[template.kind]
            body = rng.sample(body_pool, min(len(template.body), len(body_pool)))
            blocks = rng.sample(teaser_pool, min(len(template.teasers), len(teaser_pool)))
            paras = template.head + body + template.tail + [p for b in blocks for p in b]
            text = "\n\n".join(paras) + "\n"
        text = renumber_dates(text, rng.randint(1, 364), rng.randint(-3, 3))
        pages.append((f"bench_{k:05d}_{template.name.removesuffix('.txt')}", text))
        size += len(text.encode("utf-8"))
        k += 1
    return pages


# ---------------------------------------------------------------------------------------------
# timing


def _load_extract():
    try:
        from communique.pipeline import extract_raw
    except ImportError as exc:
        sys.exit(
            "bench: cannot time the extraction path: "
            f"`from communique.pipeline import extract_raw` failed ({exc}). "
            "The pipeline module must provide extract_raw(raw: RawPage) -> Document."
        )
    return extract_raw


def _load_jieba():
    try:
        import jieba
        import jieba.posseg as pseg
    except ImportError:
        sys.exit("bench: jieba is not installed (pip install -e '.[dev]')")
    jieba.setLogLevel(logging.WARNING)
    t0 = time.perf_counter()
    jieba.initialize()
    for _ in pseg.cut("越南与俄罗斯加强合作，为地区和平与发展作出贡献。"):
        pass
    return pseg, time.perf_counter() - t0


def _count_events(doc) -> tuple[int, bool]:
    docs = doc.all_documents() if hasattr(doc, "all_documents") else [doc]
    return sum(len(getattr(d, "events", ())) for d in docs), bool(getattr(doc, "error", None))


def _rate(n: float, seconds: float) -> float:
    return n / seconds if seconds > 0 else float("inf")


def _human(n: float) -> str:
    for unit, size in (("M", 1e6), ("k", 1e3)):
        if abs(n) >= size:
            return f"{n / size:.2f}{unit}"
    return f"{n:.1f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=10.0, help="corpus size, MB of UTF-8 (10)")
    ap.add_argument("--repeat", type=int, default=3, help="measurements of each kind (3)")
    ap.add_argument(
        "--jieba-mb", type=float, default=1.0, help="size of the subset jieba is timed on (1)"
    )
    ap.add_argument("--seed", type=int, default=20240601, help="random seed of the variation")
    ap.add_argument("--json", metavar="PATH", help="write the figures as JSON")
    args = ap.parse_args(argv)
    if args.repeat < 1 or args.mb <= 0 or args.jieba_mb <= 0:
        ap.error("--mb, --jieba-mb and --repeat must be positive")

    extract_raw = _load_extract()
    pseg, jieba_load = _load_jieba()

    seeds = load_seeds()
    pages = build_corpus(seeds, args.mb, args.seed)
    chars = [len(t) for _, t in pages]
    total_bytes = sum(len(t.encode("utf-8")) for _, t in pages)
    n_sub = 0
    sub_bytes = 0
    while n_sub < len(pages) and sub_bytes < args.jieba_mb * MB:
        sub_bytes += len(pages[n_sub][1].encode("utf-8"))
        n_sub += 1
    sub_chars = sum(chars[:n_sub])
    raws = [RawPage(doc_id=doc_id, text=text, source="bench") for doc_id, text in pages]

    t0 = time.perf_counter()
    extract_raw(RawPage(doc_id="warmup", text=seeds[0].text, source="bench"))
    extract_load = time.perf_counter() - t0

    print(
        f"corpus: {len(pages)} pages, {total_bytes / MB:.2f} MB UTF-8, {sum(chars):,} characters "
        f"from {len(seeds)} {VARIATION}",
        file=sys.stderr,
    )
    ext_all: list[float] = []
    ext_sub: list[float] = []
    jieba_sub: list[float] = []
    events = errors = 0
    for r in range(args.repeat):
        times = []
        for i, raw in enumerate(raws):
            t = time.perf_counter()
            doc = extract_raw(raw)
            times.append(time.perf_counter() - t)
            if r == 0 and i + 1 == n_sub and n_sub < len(raws):
                projected = sum(times) * sum(chars) / max(sub_chars, 1) * args.repeat
                print(
                    f"  extraction projected at {projected:.0f} s for {args.repeat} passes "
                    "over the corpus" + (" (use --mb to shrink it)" if projected > 300 else ""),
                    file=sys.stderr,
                )
            if r == 0:
                n, err = _count_events(doc)
                events += n
                errors += err
        ext_all.append(sum(times))
        ext_sub.append(sum(times[:n_sub]))
        t = time.perf_counter()
        for _, text in pages[:n_sub]:
            for _ in pseg.cut(text):
                pass
        jieba_sub.append(time.perf_counter() - t)
        print(
            f"  repeat {r + 1}/{args.repeat}: extract {ext_all[-1]:.2f} s (all), "
            f"jieba {jieba_sub[-1]:.2f} s (subset)",
            file=sys.stderr,
        )

    med_all = statistics.median(ext_all)
    med_sub = statistics.median(ext_sub)
    med_jieba = statistics.median(jieba_sub)
    ratios = [e / j for e, j in zip(ext_sub, jieba_sub, strict=True) if j > 0]
    ratio = statistics.median(ratios) if ratios else float("inf")

    rows = [
        ("extract_raw, whole corpus", len(pages), sum(chars), med_all),
        ("extract_raw, jieba subset", n_sub, sub_chars, med_sub),
        ("jieba.posseg.cut, subset", n_sub, sub_chars, med_jieba),
    ]
    print()
    print(
        f"communique throughput — single process, Python {platform.python_version()}, "
        f"{platform.machine()}; medians of {args.repeat} repeats"
    )
    print(
        f"corpus: {len(pages)} pages, {total_bytes / MB:.2f} MB UTF-8, {sum(chars):,} chars "
        f"({len(seeds)} {VARIATION})"
    )
    print(
        f"jieba subset: the first {n_sub} pages, {sub_bytes / MB:.2f} MB, {sub_chars:,} chars "
        "(jieba is timed on this subset only and compared per character)"
    )
    print()
    print(
        f"{'':27} {'pages':>6} {'chars':>8} {'seconds':>8} {'pages/s':>8} {'chars/s':>8} "
        f"{'µs/char':>8}"
    )
    for label, n, c, sec in rows:
        print(
            f"{label:27} {n:6d} {_human(c):>8} {sec:8.2f} {_rate(n, sec):8.1f} "
            f"{_human(_rate(c, sec)):>8} {1e6 * sec / c:8.2f}"
        )
    print()
    print(
        f"extract / jieba, time per character on the same subset: {ratio:.3g}x "
        "(>1: extraction is slower than jieba's tagger alone)"
    )
    print(
        f"events extracted: {events:,} ({events / len(pages):.1f} per page), "
        f"pages with an error: {errors}"
    )
    print(
        f"loading, not counted above: first extract_raw call {extract_load:.2f} s, "
        f"jieba dictionary {jieba_load:.2f} s"
    )

    if args.json:
        out = {
            "python": platform.python_version(),
            "machine": platform.machine(),
            "processes": 1,
            "repeat": args.repeat,
            "variation": VARIATION,
            "corpus": {"pages": len(pages), "bytes": total_bytes, "chars": sum(chars)},
            "subset": {"pages": n_sub, "bytes": sub_bytes, "chars": sub_chars},
            "extract": {
                "seconds": ext_all,
                "median_seconds": med_all,
                "articles_per_s": _rate(len(pages), med_all),
                "chars_per_s": _rate(sum(chars), med_all),
                "subset_seconds": ext_sub,
                "subset_median_seconds": med_sub,
                "subset_chars_per_s": _rate(sub_chars, med_sub),
            },
            "jieba": {
                "seconds": jieba_sub,
                "median_seconds": med_jieba,
                "articles_per_s": _rate(n_sub, med_jieba),
                "chars_per_s": _rate(sub_chars, med_jieba),
            },
            "ratio_extract_over_jieba_per_char": ratio,
            "events": events,
            "pages_with_error": errors,
            "load_seconds": {"extract_first_call": extract_load, "jieba": jieba_load},
        }
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(out, fh, indent=2)
            fh.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
