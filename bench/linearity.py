"""Benchmark: extraction time of one page against its size (it should grow linearly).

Builds single pages of 0.25 to 16 MB from the paragraphs of the bundled seed pages (title, then
body paragraphs repeated in order) and times ``extract_raw`` on each, the median of a few runs.
A linear path keeps the time per character flat from the smallest page to the largest.

    python bench/linearity.py [--max-mb 16] [--repeat 3]
"""

from __future__ import annotations

import argparse
import statistics
import time
from importlib import resources

from communique.model import RawPage
from communique.pipeline import extract_raw


def seed_paragraphs() -> list[str]:
    folder = resources.files("communique") / "samples"
    paras: list[str] = []
    for f in sorted(folder.iterdir(), key=lambda p: p.name):
        if f.name.endswith(".txt"):
            text = f.read_text("utf-8").split("\n更多\n")[0]
            paras += [
                line.replace("(完)", "") for line in text.splitlines()[1:]
                if len(line) > 40 and "ảnh" not in line and "越通社" not in line
            ]
    return paras


def page_of(size: int, paras: list[str]) -> str:
    out, n, i = ["越南与俄罗斯加强合作", ""], 0, 0
    while n < size:
        p = paras[i % len(paras)]
        out.append(p)
        n += len(p.encode("utf-8")) + 1
        i += 1
    return "\n".join(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--max-mb", type=float, default=16)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    paras = seed_paragraphs()
    extract_raw(RawPage("warm", text=page_of(10_000, paras)))
    print(f"{'MB':>6} {'chars':>10} {'seconds':>9} {'µs/char':>8} {'events':>7}")
    mb = 0.25
    while mb <= args.max_mb:
        text = page_of(int(mb * 2**20), paras)
        times, events = [], 0
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            doc = extract_raw(RawPage("big", text=text))
            times.append(time.perf_counter() - t0)
            events = len(doc.events)
        sec = statistics.median(times)
        print(f"{mb:6.2f} {len(text):10,d} {sec:9.3f} {sec / len(text) * 1e6:8.2f} {events:7d}")
        mb *= 2


if __name__ == "__main__":
    main()
