"""Screenshots of the web workbench for the README: one PNG per page, over the sample store.

    .venv/bin/python tools/screenshots.py [--out docs/screenshots] [--width 1280]

Builds a store from the bundled samples in a temporary folder, starts ``communique serve`` on it,
and shoots each page in ``PAGES`` with Debian's headless Chromium driven by Playwright
(``/usr/bin/chromium``, or $COMMUNIQUE_CHROMIUM; ``bash .ci/chromium.sh`` installs it).
A new page is one more line in ``PAGES``.
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted(str(p) for p in (ROOT / "src/communique/samples").glob("*.txt"))

# file name, path on the server, a selector to wait for before shooting (None: just the load)
PAGES: list[tuple[str, str, str | None]] = [
    ("events.png", "/", None),
    ("document.png", "/documents/000_9fddb8e8c64c1899", None),
    ("dyad.png", "/dyad/VNM/RUS", "#chart canvas"),
    ("events-zh.png", "/?lang=zh", None),
    ("network.png", "/network", "#network canvas"),
    ("network-actors.png", "/network?nodes=actors", "#network canvas"),
    ("actors.png", "/actors", None),
    ("actor.png", "/actors/person:阮富仲", "#chart canvas"),  # the samples' most active person
]

CHROMIUM = os.environ.get("COMMUNIQUE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]
MAX_HEIGHT = 1400  # long pages are cut here: the top is what a README shows
SETTLE_MS = 1200  # ECharts animates its series in for about a second


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, port: int, log: Path) -> subprocess.Popen:
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-c", "from communique.cli import app; app()",
             "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port)],
            stdout=out, stderr=subprocess.STDOUT,
        )
    deadline = time.monotonic() + 30
    while True:
        if proc.poll() is not None:
            raise SystemExit(f"communique serve exited {proc.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2):
                return proc
        except OSError:
            if time.monotonic() > deadline:
                proc.kill()
                raise SystemExit("communique serve did not answer within 30 s") from None
            time.sleep(0.1)


def shoot(base_url: str, out: Path, width: int) -> list[Path]:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": width, "height": 800},
                                      base_url=base_url, locale="en-GB")
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda err: errors.append(str(err)))
        for name, path, wait_for in PAGES:
            errors.clear()
            response = page.goto(path)
            page.wait_for_load_state("networkidle")
            if wait_for:
                page.locator(wait_for).first.wait_for(state="visible")
                page.wait_for_timeout(SETTLE_MS)
            if response is None or response.status >= 400 or errors:
                status = response.status if response else "no response"
                print(f"warning: {path}: {status} {errors}", file=sys.stderr)
            height = min(page.evaluate("document.documentElement.scrollHeight"), MAX_HEIGHT)
            target = out / name
            page.screenshot(path=str(target), full_page=True,
                            clip={"x": 0, "y": 0, "width": width, "height": height})
            written.append(target)
            print(f"{target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}"
                  f"  {path}")
        browser.close()
    return written


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    ap.add_argument("--width", type=int, default=1280)
    args = ap.parse_args()
    if not Path(CHROMIUM).exists():
        raise SystemExit(f"{CHROMIUM} is missing: bash .ci/chromium.sh installs it")

    from communique.store import open_store
    from communique.store.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="communique-shots-") as tmp:
        db = Path(tmp) / "samples.db"
        with open_store(db) as store:
            ingest(store, SAMPLES)
        port = free_port()
        proc = start_server(db, port, Path(tmp) / "serve.log")
        try:
            shoot(f"http://127.0.0.1:{port}", args.out.resolve(), args.width)
        finally:
            proc.terminate()
            proc.wait(timeout=10)


if __name__ == "__main__":
    main()
