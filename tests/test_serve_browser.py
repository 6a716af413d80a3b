"""The web app in a real chromium: click through stories to an article, hostile text stays text."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest
import uvicorn

from storyline.serve import create_app
from storyline.store import Store
from tests.test_serve_app import EN, HOSTILE, LATER, RU, SCRIPT

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium: apt-get install chromium"),
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    path = tmp_path_factory.mktemp("browser") / "browser.db"
    with Store(path) as store:
        store.add([(RU, "minsk"), (EN, "minsk"), (LATER, "minsk"), (HOSTILE, "hostile")])
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(str(path)), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=5)


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    # bypass_csp: the app's Content-Security-Policy already blocks every script, which
    # would hide a failure to escape. With it off, this test checks the escaping alone.
    context = browser.new_context(bypass_csp=True, viewport={"width": 1200, "height": 900})
    page = context.new_page()
    page.dialogs = []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    yield page
    context.close()


def assert_no_script_ran(page) -> None:
    assert page.dialogs == []
    assert page.evaluate("typeof window.__xss") == "undefined"


def test_serve_browser_click_from_stories_to_article(page, base_url, tmp_path):
    page.goto(base_url + "/")
    assert page.get_by_role("heading", name="Stories").is_visible()
    page.get_by_text(RU.title).first.click()

    page.wait_for_url(base_url + "/stories/minsk")
    assert page.get_by_role("link", name=EN.title).is_visible()
    assert page.get_by_text("МИНСК, ТАСС").first.is_visible()
    page.screenshot(path=tmp_path / "story.png", full_page=True)
    page.get_by_role("link", name=RU.title).click()

    page.wait_for_url(base_url + f"/articles/{RU.id}")
    assert page.get_by_role("heading", name=RU.title).is_visible()
    assert page.get_by_text(RU.body[0]).is_visible()
    assert page.locator(".entity-PER", has_text="Владимир Путин").first.is_visible()
    page.screenshot(path=tmp_path / "article.png", full_page=True)
    assert_no_script_ran(page)


def test_serve_browser_search_form_marks_matches(page, base_url, tmp_path):
    page.goto(base_url + "/")
    page.get_by_role("searchbox", name="Search articles").fill("gas")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=gas")
    assert page.locator("mark", has_text="gas").first.is_visible()
    page.screenshot(path=tmp_path / "search.png", full_page=True)


@pytest.mark.parametrize("path", ["/", "/stories/hostile", f"/articles/{HOSTILE.id}", "/search?q=onerror"])
def test_serve_browser_hostile_text_never_runs(page, base_url, path, tmp_path):
    page.goto(base_url + path)
    page.wait_for_load_state("load")
    assert page.get_by_text(SCRIPT).first.is_visible()
    assert page.locator("main img").count() == 0
    assert_no_script_ran(page)
    page.screenshot(path=tmp_path / "hostile.png", full_page=True)
