"""End-to-end fixtures: the sample store, the real server, headless Debian Chromium.

The server is ``communique serve`` in a subprocess on a free port, over a store built from the
bundled samples. Chromium is Debian's (``/usr/bin/chromium``, installed by ``.ci/chromium.sh``),
driven by Playwright with ``executable_path``; Playwright's own browser download is never used.
Without Chromium or Playwright the tests skip, except under CI (``$CI`` set), where they fail.

Each test gets a fresh page whose console errors, uncaught exceptions, failed requests and HTTP
error responses are collected in ``problems``; a full-page screenshot of the page as the test
left it goes to ``test-artifacts/screenshots/<test>.png``, passed or failed.

The pages name their icon (``/static/favicon.svg``), so Chromium has no reason to ask for
``/favicon.ico``: a test during which the server's access log shows that request fails at
teardown (the browser fetches icons itself, mostly out of Playwright's sight: the server's log
is the witness). Leaving a page right after its load may cancel the fetch of its icon: that
aborted request is not held against the page.
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
ICON = "/static/favicon.svg"  # what base.html names as the page's icon


def _unavailable(why: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"browser tests cannot run under CI: {why} (bash .ci/chromium.sh; "
                    "pip install -e '.[dev]')", pytrace=False)
    pytest.skip(why)


@pytest.fixture(scope="session")
def server(tmp_path_factory) -> tuple[str, Path]:
    """A running ``communique serve`` over the sample store: its URL and its log file."""
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
        env={**os.environ, "PYTHONUNBUFFERED": "1"},  # the access log, line by line
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
        yield url, Path(log.name)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


@pytest.fixture(scope="session")
def base_url(server) -> str:
    return server[0]


@pytest.fixture(scope="session")
def server_log(server) -> Path:
    """The server's output, one line per request (uvicorn's access log)."""
    return server[1]


def log_since(log: Path, offset: int) -> str:
    """What the server logged after byte ``offset``."""
    with open(log, "rb") as f:
        f.seek(offset)
        return f.read().decode(errors="replace")


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
def page(browser, base_url, server_log, problems, request):
    context = browser.new_context(viewport=VIEWPORT, base_url=base_url, locale="en-GB")
    context.set_default_timeout(10_000)
    pg = context.new_page()
    logged_before = server_log.stat().st_size

    def on_console(msg) -> None:
        if msg.type == "error":
            problems.append(f"console: {msg.text} ({msg.location.get('url')})")

    def on_response(response) -> None:
        if response.status >= 400:
            problems.append(f"HTTP {response.status}: {response.url}")

    pg.on("console", on_console)
    pg.on("response", on_response)
    pg.on("pageerror", lambda err: problems.append(f"page error: {err}"))
    def on_failed(r) -> None:
        # leaving a page right after its load cancels the browser's fetch of its icon
        if not (r.url.split("?")[0].endswith(ICON) and r.failure == "net::ERR_ABORTED"):
            problems.append(f"request failed: {r.url} {r.failure}")

    pg.on("requestfailed", on_failed)
    yield pg
    SHOTS.mkdir(parents=True, exist_ok=True)
    name = re.sub(r"[^\w.-]+", "_", request.node.name).strip("_")
    try:
        pg.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
    finally:
        context.close()
    icon = [line for line in log_since(server_log, logged_before).splitlines()
            if "/favicon.ico" in line]
    if icon:
        pytest.fail("the browser asked for /favicon.ico:\n" + "\n".join(icon), pytrace=False)
