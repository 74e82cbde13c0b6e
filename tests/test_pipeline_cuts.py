"""Pages cut anywhere, as crawls cut them: extraction never fails and every span holds."""

from __future__ import annotations

import random
from importlib import resources

from communique.model import RawPage
from communique.pipeline import extract_raw


def test_pages_cut_at_random_places_extract_cleanly() -> None:
    rng = random.Random(7)
    folder = resources.files("communique") / "samples"
    texts = [f.read_text("utf-8") for f in folder.iterdir() if f.name.endswith(".txt")]
    runs = 0
    for text in texts:
        for _ in range(40):
            a = rng.randrange(len(text))
            b = rng.randrange(a, len(text) + 1)
            for piece in (text[:b], text[a:b], text[a:]):
                doc = extract_raw(RawPage("cut", text=piece))
                runs += 1
                for part in doc.all_documents():
                    for ev in part.events:
                        assert part.page.text[ev.span[0] : ev.span[1]] == ev.text
                        assert ev.span[0] <= ev.trigger[0] < ev.trigger[1] <= ev.span[1]
    assert runs == len(texts) * 40 * 3
