"""The HTML report in a real browser: Debian's headless Chromium driven by Playwright.

The page is opened from file://, as an editor opens it. Every filter and the search are
used as a person would (choosing an option, typing); the page must log no console error,
make no request, and never run an article's script. Screenshots at 1280 and 390 px wide
are saved under ``test-artifacts/`` (ignored by git) for a person to look at.

Skipped, with the reason, when /usr/bin/chromium or Playwright is missing; ``.ci/run``
installs both, so CI runs them. No browser is ever downloaded.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from consistency.models import Cited, Claim, Document, Finding, Result, TimeValue
from consistency.reports.html import render_html

CHROMIUM = "/usr/bin/chromium"
ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

if not Path(CHROMIUM).exists():
    pytest.skip(f"no {CHROMIUM}: apt-get install chromium (.ci/run does)", allow_module_level=True)
sync_api = pytest.importorskip(
    "playwright.sync_api", reason="Playwright is not installed: pip install '.[test]'"
)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


class Visit:
    """A page opened from file://, with what it logged and asked for."""

    def __init__(self, browser: Any, path: Path, width: int = 1280) -> None:
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page = browser.new_page(viewport={"width": width, "height": 900})
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", self._dialog)
        self.url = path.as_uri()
        self.page.goto(self.url, wait_until="load")

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def shown(self) -> int:
        return int(self.page.locator("article.card:visible").count())

    def others(self) -> list[str]:
        """Requests other than the page itself."""
        return [u for u in self.requests if u != self.url]

    def close(self) -> None:
        self.page.close()


def _write(tmp_path: Path, name: str, result: Result) -> Path:
    path = tmp_path / name
    path.write_text(render_html(result), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def examples_page(examples_result: Result, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _write(tmp_path_factory.mktemp("html"), "examples.html", examples_result)


def test_the_report_opens_from_a_file_and_shows_the_cards(browser, examples_page):
    visit = Visit(browser, examples_page)
    cards = visit.page.locator("article.card")
    assert cards.count() >= 10
    assert visit.shown() == cards.count()
    assert visit.page.locator("#controls").is_visible()  # the script ran and showed it
    assert "Showing all" in visit.page.locator("#f-status").inner_text()
    assert visit.page.locator("svg.timeline").count() >= 1
    assert visit.page.locator("svg.graph").count() == 1
    assert visit.errors == [] and visit.others() == [] and visit.dialogs == []
    visit.close()


@pytest.mark.parametrize(
    ("control", "option"),
    [("#f-kind", "number"), ("#f-sev", "medium"), ("#f-entity", 1), ("#f-outlet", 1)],
)
def test_each_filter_changes_what_is_shown(browser, examples_page, control, option):
    visit = Visit(browser, examples_page)
    everything = visit.shown()
    select = visit.page.locator(control)
    if isinstance(option, int):
        option = select.locator("option").nth(option).get_attribute("value")
    select.select_option(option)
    shown = visit.shown()
    assert 0 < shown < everything
    assert f"Showing {shown} of {everything}" in visit.page.locator("#f-status").inner_text()
    visit.page.get_by_role("button", name="Clear").click()
    visit.page.wait_for_function(f"document.querySelectorAll('article.card:not([hidden])')"
                                 f".length === {everything}")  # fmt: skip
    assert visit.errors == [] and visit.others() == []
    visit.close()


def test_typing_a_search_filters_and_escape_clears_it(browser, examples_page):
    visit = Visit(browser, examples_page)
    everything = visit.shown()
    visit.page.keyboard.press("/")
    assert visit.page.evaluate("document.activeElement.id") == "f-text"
    visit.page.keyboard.type("Saltmarsh")
    shown = visit.shown()
    assert 0 < shown < everything
    for card in visit.page.locator("article.card:visible").all():
        assert "saltmarsh" in card.inner_text().lower()
    visit.page.keyboard.type(" nothing-like-this-anywhere")
    assert visit.shown() == 0
    assert visit.page.locator("#f-none").is_visible()
    visit.page.keyboard.press("Escape")
    assert visit.shown() == everything
    assert visit.errors == [] and visit.others() == []
    visit.close()


def test_sorting_by_entity_reorders_the_cards(browser, examples_page):
    visit = Visit(browser, examples_page)

    def entities() -> list[str]:
        return [h.split(" · ")[0] for h in visit.page.locator("article.card h3").all_inner_texts()]

    by_severity = entities()
    visit.page.locator("#f-sort").select_option("entity")
    by_entity = entities()
    assert by_entity != by_severity
    assert by_entity == sorted(by_entity, key=str.casefold)
    visit.page.locator("#f-sort").select_option("severity")
    assert entities() == by_severity
    visit.close()


def test_keys_move_between_cards(browser, examples_page):
    visit = Visit(browser, examples_page)
    visit.page.keyboard.press("j")
    assert visit.page.evaluate("document.activeElement.id") == "finding-1"
    visit.page.keyboard.press("j")
    assert visit.page.evaluate("document.activeElement.id") == "finding-2"
    visit.page.keyboard.press("k")
    assert visit.page.evaluate("document.activeElement.id") == "finding-1"
    visit.close()


def test_without_scripts_every_finding_is_shown(browser, examples_page):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(examples_page.as_uri())
    cards = page.locator("article.card")
    assert cards.count() >= 10
    assert page.locator("article.card:visible").count() == cards.count()
    assert not page.locator("#controls").is_visible()
    context.close()


def test_print_shows_the_cards_without_the_controls(browser, examples_page):
    visit = Visit(browser, examples_page)
    visit.page.emulate_media(media="print")
    assert not visit.page.locator("#controls").is_visible()
    assert visit.shown() == visit.page.locator("article.card").count()
    assert visit.page.pdf()[:4] == b"%PDF"
    visit.close()


# ---------------------------------------------------------------------------------------
# A hostile article

ATTACK = (
    '<script>window.pwned = "script"; alert(1)</script>'
    '<img src="x" onerror="window.pwned = \'onerror\'; alert(2)">'
    "<svg onload=\"window.pwned = 'svg'\"></svg>"
    "<a href=\"javascript:window.pwned='link'\">read more</a>"
)


def hostile() -> Result:
    text = f"Marlow Mills was sold in 2019. {ATTACK} more."
    doc = Document(
        id="attack.html",
        path="in/attack.html",
        name="attack.html",
        text=text,
        title=ATTACK,
        outlet=ATTACK,
        outlet_from="header",
        url="javascript:window.pwned='url'",
        published=date(2023, 1, 2),
        published_from="meta",
        published_why=(ATTACK,),
        notes=(ATTACK,),
    )
    other = Document(
        id="calm.txt",
        path="in/calm.txt",
        name="calm.txt",
        text="Marlow Mills was sold in 2021.",
        outlet="Calm Post",
        outlet_from="header",
        published=date(2023, 1, 3),
        published_from="header",
    )
    c1 = Claim(
        id="attack#0",
        document="attack.html",
        sentence=text,
        span=(0, len(text)),
        entity=ATTACK,
        event=ATTACK,
        time=TimeValue("2019", date(2019, 1, 1), date(2020, 1, 1), "year", None, "absolute"),
        attributed_to=ATTACK,
        qualifiers=(ATTACK,),
        trigger=ATTACK,
    )
    c2 = Claim(
        id="calm#0",
        document="calm.txt",
        sentence=other.text,
        span=(0, len(other.text)),
        entity=ATTACK,
        event=ATTACK,
        time=TimeValue("2021", date(2021, 1, 1), date(2022, 1, 1), "year", None, "absolute"),
    )
    finding = Finding(
        rule="DT01",
        kind="date",
        severity="high",
        confidence=1.0,
        entity=ATTACK,
        event=ATTACK,
        message=ATTACK,
        cited=(Cited(c1, ATTACK, ATTACK), Cited(c2, "2021")),
        reconcile=(ATTACK,),
        fingerprint=ATTACK,
    )
    return Result(documents=[doc, other], claims_list=[c1, c2], findings_list=[finding])


def test_a_hostile_article_never_runs(browser, tmp_path):
    visit = Visit(browser, _write(tmp_path, "attack.html", hostile()))
    page = visit.page
    assert page.locator("article.card").count() == 1
    page.locator("#f-text").fill("marlow")
    page.locator("#f-sev").select_option("high")
    for link in page.locator("article.card a").all():
        link.click()
    page.wait_for_timeout(200)
    assert page.evaluate("window.pwned === undefined")
    assert visit.dialogs == []
    assert page.locator("img").count() == 0
    assert "<script>" in page.locator("article.card blockquote").first.inner_text()  # as text
    assert visit.others() == []
    # Our own script ran (the filters work) and the page's policy blocked nothing of ours.
    assert visit.errors == []
    visit.close()


# ---------------------------------------------------------------------------------------
# Screenshots, and no sideways scroll on a phone


def _shots(browser: Any, path: Path, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    for width in (1280, 390):
        visit = Visit(browser, path, width)
        visit.page.screenshot(path=str(ARTIFACTS / f"{name}-{width}.png"), full_page=True)
        scroll, client = visit.page.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        assert scroll <= client, f"{name} at {width} px scrolls sideways ({scroll} > {client})"
        assert visit.errors == [] and visit.others() == []
        visit.close()


def test_screenshots_of_examples(browser, examples_page):
    _shots(browser, examples_page, "examples")


def test_screenshots_of_the_seeds(browser, seeds_dir, tmp_path):
    from consistency.pipeline import check

    path = _write(tmp_path, "seeds.html", check([seeds_dir]))
    _shots(browser, path, "seeds")
    html = path.read_text(encoding="utf-8")
    # The seeds' hashed file names stand for no outlet: the page names them otherwise.
    assert ">001_cf68f53edc1684e6.txt</a>" not in html
    shutil.copy(path, ARTIFACTS / "seeds.html")
