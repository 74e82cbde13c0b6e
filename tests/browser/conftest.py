"""End-to-end fixtures: the sample store, the real server, headless Debian Chromium.

The server is ``communique serve`` in a subprocess on a free port, over a store built from the
bundled samples. Chromium is Debian's (``/usr/bin/chromium``, installed by ``.ci/chromium.sh``),
driven by Playwright with ``executable_path``; Playwright's own browser download is never used.
Without Chromium or Playwright the tests skip, except under CI (``$CI`` set), where they fail.

Each test gets a fresh page whose console errors, uncaught exceptions, failed requests and HTTP
error responses are collected in ``problems``; a full-page screenshot of the page as the test
left it goes to ``test-artifacts/screenshots/<test>.png``, passed or failed.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted(str(p) for p in (ROOT / "src/communique/samples").glob("*.txt"))
SHOTS = ROOT / "test-artifacts" / "screenshots"
CHROMIUM = os.environ.get("COMMUNIQUE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]
VIEWPORT = {"width": 1280, "height": 900}
# Chromium asks every site for /favicon.ico and logs the 404 as a console error; the app
# serves none (yet). That one request is not held against the page.
IGNORED_URLS = ("/favicon.ico",)


def _unavailable(why: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"browser tests cannot run under CI: {why} (bash .ci/chromium.sh; "
                    "pip install -e '.[dev]')", pytrace=False)
    pytest.skip(why)


@pytest.fixture(scope="session")
def base_url(tmp_path_factory) -> str:
    """The URL of a running ``communique serve`` over the sample store."""
    from communique.store import open_store
    from communique.store.ingest import ingest

    db = tmp_path_factory.mktemp("browser") / "samples.db"
    with open_store(db) as store:
        ingest(store, SAMPLES)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = open(db.with_suffix(".log"), "w+b")  # noqa: SIM115 (closed at teardown)
    proc = subprocess.Popen(
        [sys.executable, "-c", "from communique.cli import app; app()",
         "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port)],
        stdout=log, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    try:
        while True:
            if proc.poll() is not None:
                log.seek(0)
                pytest.fail(f"communique serve exited {proc.returncode}:\n"
                            + log.read().decode(errors="replace"), pytrace=False)
            try:
                with urllib.request.urlopen(url + "/", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("communique serve did not answer within 30 s", pytrace=False)
            time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        _unavailable(f"{CHROMIUM} is missing")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is missing")
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def problems() -> list[str]:
    """What went wrong on the test's page: console errors, page errors, failed requests."""
    return []


@pytest.fixture
def page(browser, base_url, problems, request):
    context = browser.new_context(viewport=VIEWPORT, base_url=base_url, locale="en-GB")
    context.set_default_timeout(10_000)
    pg = context.new_page()

    def ignored(url: str) -> bool:
        return any(url.split("?")[0].endswith(u) for u in IGNORED_URLS)

    def on_console(msg) -> None:
        if msg.type == "error" and not ignored(msg.location.get("url", "")):
            problems.append(f"console: {msg.text} ({msg.location.get('url')})")

    def on_response(response) -> None:
        if response.status >= 400 and not ignored(response.url):
            problems.append(f"HTTP {response.status}: {response.url}")

    pg.on("console", on_console)
    pg.on("response", on_response)
    pg.on("pageerror", lambda err: problems.append(f"page error: {err}"))
    pg.on("requestfailed", lambda r: problems.append(f"request failed: {r.url} {r.failure}"))
    yield pg
    SHOTS.mkdir(parents=True, exist_ok=True)
    name = re.sub(r"[^\w.-]+", "_", request.node.name).strip("_")
    try:
        pg.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
    finally:
        context.close()
