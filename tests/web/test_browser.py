"""The copy-desk page in a real headless Chromium (Playwright driving Debian's ``chromium``).

What a copy editor does: paste an article, upload a Word file, read the highlights and their
explanations, jump from the findings list to the text. Also: article text that looks like HTML
stays text, an oversized paste is refused with a clear message (with and without JavaScript)
and the server keeps answering. The screenshots in docs/img/ are taken here.

Skips with a message when Playwright or Chromium is missing (CI installs Chromium).
"""

from __future__ import annotations

import io
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import seed_path
from tests.web.conftest import LiveServer

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="playwright is not installed: pip install playwright")
httpx = pytest.importorskip("httpx")

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "docs" / "img"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run"]
DESKTOP = {"width": 1360, "height": 900}
NARROW = {"width": 390, "height": 844}
TITLE = "US will not cede leadership of fight against IS, Pompeo says"
DATE = "2019-02-06"


def _chromium() -> str:
    path = os.environ.get("NUMCHECK_CHROMIUM") or shutil.which("chromium") \
        or shutil.which("chromium-browser")
    if not path:
        pytest.skip("chromium is not installed (apt-get install chromium); browser tests skipped")
    return path


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = _chromium()
    playwright = sync_api.sync_playwright().start()
    try:
        try:
            launched = playwright.chromium.launch(executable_path=executable, args=ARGS)
        except Exception as exc:  # a browser that cannot start is an environment problem
            pytest.skip(f"chromium at {executable} did not start: {exc}")
        yield launched
        launched.close()
    finally:
        playwright.stop()


@pytest.fixture
def page(browser: Any, live_server: LiveServer) -> Iterator[Any]:
    context = browser.new_context(viewport=DESKTOP, base_url=live_server.url)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    tab.on("dialog", lambda dialog: errors.append(f"dialog: {dialog.message}"))
    tab.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    yield tab
    context.close()
    assert errors == [], errors  # no script errors, no CSP violations, no alert() ever


def _submit(page: Any, text: str, title: str = "", date: str = "") -> None:
    page.goto("/")
    page.fill("input[name=title]", title)
    page.fill("input[name=date]", date)
    page.fill("textarea[name=text]", text)
    page.click("button[type=submit]")
    page.wait_for_selector(".nc-verdict")


def _api(live: LiveServer, text: str, date: str = "") -> dict[str, Any]:
    body: dict[str, Any] = httpx.post(f"{live.url}/api/check", json={"text": text, "date": date},
                                      timeout=60).json()
    return body


def _offset(text: str, line: int, column: int) -> int:
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    return starts[line - 1] + column - 1


# The marked ranges of one finding in the article as the browser shows it: character offsets
# into the text of .nc-text, finding numbers (.nc-tag) left out, adjacent pieces joined.
_MARKED_RANGES = """([doc, n]) => {
  const root = document.querySelector('#' + doc + ' .nc-text');
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let at = 0; const ranges = [];
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (node.parentElement.closest('.nc-tag')) continue;
    const hit = node.parentElement.closest('.nc-hit');
    const len = node.data.length;
    if (hit && hit.dataset.f.split(' ').includes(String(n))) {
      const last = ranges[ranges.length - 1];
      if (last && last[1] === at) last[1] = at + len; else ranges.push([at, at + len]);
    }
    at += len;
  }
  return {ranges, text: Array.from(root.childNodes).map(function text(n) {
    if (n.nodeType === 3) return n.data;
    if (n.classList && n.classList.contains('nc-tag')) return '';
    return Array.from(n.childNodes).map(text).join('');
  }).join('')};
}"""


SEED_EDITS = [
    pytest.param("less than 2 square miles", "less than 1 square mile", "NC101",
                 id="conversion-1-square-mile"),
    pytest.param("killed four Americans", "killed five Americans", "NC102",
                 id="parts-five-americans"),
]


@pytest.mark.parametrize(("before", "after", "rule"), SEED_EDITS)
def test_seed_article_highlight_and_explanation(
    page: Any, live_server: LiveServer, before: str, after: str, rule: str
) -> None:
    seed = seed_path().read_text(encoding="utf-8")
    text = seed.replace(before, after)
    assert text != seed, f"the seed article no longer says {before!r}"
    expected = _api(live_server, text, DATE)
    wanted = [f for f in expected["findings"] if f["rule"] == rule]
    assert wanted, f"{rule} does not flag the edited seed article: {expected['findings']}"
    finding = wanted[0]

    _submit(page, text, TITLE, DATE)
    card = page.locator(f".nc-findings .nc-card:has(code.nc-rule:text-is('{rule}'))").first
    number = card.get_attribute("data-f")
    assert card.locator(".nc-message").inner_text() == finding["message"]

    # The highlight covers exactly the words of the evidence, at their place in the text.
    shown = page.evaluate(_MARKED_RANGES, ["nc-d1", number])
    lead = len(text) - len(text.lstrip())
    assert shown["text"] == text.strip()
    places = sorted((_offset(text, e["line"], e["column"]) - lead, e["text"])
                    for e in finding["evidence"])
    want = [[start, start + len(words)] for start, words in places]
    assert shown["ranges"] == want
    assert [shown["text"][a:b] for a, b in shown["ranges"]] == [w for _, w in places]

    # Click: the explanation and the suggestion, in place.
    mark = page.locator(f"#nc-d1 .nc-hit[data-f~='{number}']").first
    mark.click()
    popover = page.locator(".nc-pop")
    popover.wait_for(state="visible")
    words = popover.inner_text()
    assert finding["message"] in words
    assert finding["explanation"].split("\n")[0] in words
    if finding["suggestion"]:
        assert finding["suggestion"] in words
    page.keyboard.press("Escape")
    # Closing is a DOM update: wait for it rather than sample it (flaky on a loaded machine).
    popover.wait_for(state="detached", timeout=5_000)
    # Hover opens it too (the pointer leaves first: it is still where it clicked).
    page.mouse.move(0, 0)
    mark.hover()
    page.locator(".nc-pop").wait_for(state="visible")
    page.mouse.move(0, 0)
    page.locator(".nc-pop").wait_for(state="detached")

    # The findings list jumps to the place and flashes it.
    page.evaluate("window.scrollTo(0, 0)")
    card.locator(".nc-goto").last.click()
    last = len(finding["evidence"]) - 1
    # Functions, not expressions: the page's CSP forbids eval, and rightly so.
    page.wait_for_function(f"() => location.hash === '#nc-d1-f{number}-e{last}'")
    flashed = page.locator(f"#nc-d1 .nc-hit.nc-flash[data-f~='{number}']")
    assert flashed.count() >= 1
    page.wait_for_function(
        "el => { const r = el.getBoundingClientRect(); "
        "return r.top >= 0 && r.bottom <= window.innerHeight; }",
        arg=flashed.last.element_handle())


def test_screenshots_for_the_docs(page: Any) -> None:
    """The seed article with both edits: an error and a warning, as docs/copy-desk.md shows."""
    text = seed_path().read_text(encoding="utf-8")
    for before, after, _ in (p.values for p in SEED_EDITS):
        text = text.replace(str(before), str(after))
    _submit(page, text, TITLE, DATE)
    rules = page.locator(".nc-findings code.nc-rule").all_inner_texts()
    assert {"NC101", "NC102"} <= set(rules), rules
    _screenshot(page, "copy-desk-desktop.png", full_page=True)
    error = page.locator("#nc-d1 .nc-hit.nc-error").first
    error.scroll_into_view_if_needed()
    page.evaluate("window.scrollBy(0, 160)")  # the sentence above the highlight in view too
    error.click()
    page.locator(".nc-pop").wait_for(state="visible")
    _screenshot(page, "copy-desk-explanation.png")
    page.keyboard.press("Escape")
    page.set_viewport_size(NARROW)
    page.evaluate("window.scrollTo(0, 0)")
    _screenshot(page, "copy-desk-narrow.png")


def test_upload_a_word_file(page: Any, tmp_path: Path) -> None:
    docx = pytest.importorskip("docx", reason="python-docx is not installed")
    document = docx.Document()
    document.core_properties.title = "Forest reserve doubles protected land"
    document.add_heading("Forest reserve doubles protected land", 1)
    document.add_paragraph("The government has created a reserve in the northern hills.")
    document.add_paragraph("The forest covers 25 square miles (40 square kilometres) and is "
                           "home to more than 300 species of birds.")
    path = tmp_path / "forest.docx"
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(buffer.getvalue())

    page.goto("/")
    page.set_input_files("input[type=file]", str(path))
    page.click("button[type=submit]")
    page.wait_for_selector(".nc-verdict")
    assert page.locator(".nc-doc-head h2").inner_text() == "Forest reserve doubles protected land"
    assert page.locator(".nc-meta").inner_text().startswith("forest.docx")
    marks = page.locator("#nc-d1 .nc-hit.nc-error")
    assert marks.first.inner_text() == "25 square miles"
    card = page.locator(".nc-findings .nc-card").first
    assert "25 square miles is 64.7 km², not 40 km²" in card.inner_text()
    assert "line 3, column 19" in card.inner_text()  # paragraph 3 of the Word file
    assert page.locator("#nc-d1 .nc-q").count() >= 1  # "300" underlined


def test_article_html_is_shown_as_text_and_never_runs(page: Any) -> None:
    text = ("Officials said <script>window.__pwned = 1; alert('x')</script> the forest covers "
            "25 square miles (40 square kilometres).\n\n"
            "<img src=x onerror=\"window.__pwned = 2; alert('y')\"> A second paragraph.")
    title = "<script>window.__pwned = 3</script>"
    _submit(page, text, title)
    assert page.evaluate("window.__pwned") is None
    assert page.locator(".nc-text img, .nc-text script, .nc-doc-head script").count() == 0
    shown = page.locator(".nc-text").inner_text()
    assert "<script>window.__pwned = 1; alert('x')</script>" in shown
    assert "<img src=x onerror=\"window.__pwned = 2; alert('y')\">" in shown
    assert page.locator(".nc-doc-head h2").inner_text() == title
    # The edit form gives the text back as it was, as text.
    page.click(".nc-edit summary")
    assert page.locator(".nc-edit textarea").input_value() == text
    # The popover built from the finding card runs nothing either.
    page.locator(".nc-hit").first.click()
    page.locator(".nc-pop").wait_for(state="visible")
    assert page.evaluate("window.__pwned") is None


_TWENTY_MB = "() => { document.querySelector('textarea').value = 'x'.repeat(20 * 1024 * 1024); }"


def test_a_20_mb_paste_is_refused_and_the_server_keeps_answering(
    page: Any, browser: Any, live_server: LiveServer, tmp_path: Path
) -> None:
    # With JavaScript the page refuses before uploading.
    page.goto("/")
    page.evaluate(_TWENTY_MB)
    page.click("button[type=submit]")
    error = page.locator(".nc-form-error")
    error.wait_for(state="visible")
    assert "too large: 20.0 MB, the limit is 8 MB" in error.inner_text()

    # Without JavaScript the 20 MB reach the server, which reads and drops them and answers
    # with the same sentence as a page (not a reset connection). A file from disk: pushing a
    # 20 MB paste through a script-less textarea costs the browser tens of seconds of layout;
    # the server side of a 20 MB pasted form is tested without a browser in test_api.py.
    big = tmp_path / "paste.txt"
    big.write_bytes(b"x" * (20 * 1024 * 1024))
    context = browser.new_context(viewport=DESKTOP, base_url=live_server.url,
                                  java_script_enabled=False)
    try:
        plain = context.new_page()
        plain.goto("/")
        plain.set_input_files("input[type=file]", str(big))
        statuses: list[int] = []
        plain.on("response", lambda r: statuses.append(r.status))
        plain.click("button[type=submit]")
        plain.wait_for_selector(".nc-alert")
        assert 413 in statuses
        alert = plain.locator(".nc-alert").inner_text()
        assert "Not checked." in alert and "too large: 20.0 MB" in alert and "8 MB" in alert
    finally:
        context.close()

    assert live_server.alive()
    _submit(page, "The forest covers 25 square miles (40 square kilometres).")
    assert "1 error" in page.locator(".nc-verdict").inner_text()


def test_the_empty_form(page: Any) -> None:
    page.goto("/")
    _screenshot(page, "copy-desk-form.png")
    page.click("button[type=submit]")
    assert "Nothing to check" in page.locator(".nc-form-error").inner_text()


def _screenshot(page: Any, name: str, *, full_page: bool = False) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / name), full_page=full_page, animations="disabled",
                    caret="hide")
