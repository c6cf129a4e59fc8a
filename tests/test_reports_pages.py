"""Tests of the Markdown and HTML reports, the ones people read: what they mark and show,
and that an article's text can never become markup, script or a link in them.

The HTML report's golden file is compared in test_reports.py; its view model and page in
test_html.py, and in a browser in test_browser.py.
"""

from __future__ import annotations

import base64
import hashlib
import re
from datetime import datetime, timezone
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from reports_support import HOSTILE, S1, S2, S3, build_result, empty_result, hostile_result

from consistency.models import Result
from consistency.reports import render
from consistency.reports.html import render_html, safe_link
from consistency.reports.markdown import escape as md_escape


@pytest.fixture(scope="module")
def result() -> Result:
    return build_result()


# ---------------------------------------------------------------------------------------
# Markdown


def test_markdown_quotes_and_counts(result):
    text = render(result, "md")
    assert "**2 discrepancies** (1 high, 1 low)" in text
    assert "| Date | 1 | 0 | 0 | 1 |" in text
    plain = text.replace("**", "").replace("\\", "")
    for quote in (S1, S2, S3):
        assert f"> {quote}" in plain
    assert "> Riverton Exchange, with 13,000 staff, became the **first retail**" in text
    assert "### Skipped inputs" in text


def test_markdown_neutralises_markup():
    escaped = md_escape("[x](javascript:1) <b> @bob ![i](http://t/p.png) | 1. - x")
    assert "[x]" not in escaped and "<b>" not in escaped and "![" not in escaped
    assert md_escape("1. Item") == "1\\. Item"
    assert md_escape("- Item") == "\\- Item"
    text = render(hostile_result(), "md")
    # Our own folding tags are the only HTML; the article's text in them is escaped as HTML.
    summaries = re.findall(r"<details><summary>(.*)</summary>", text)
    assert summaries and all("<" not in s and "[" not in s for s in summaries)
    ours = re.sub(r"<details><summary>.*</summary>|</details>", "", text)
    outside_code = re.sub(r"`[^`\n]*`", "", ours)
    assert not re.search(r"(?<!\\)[<\[]", outside_code)


def test_markdown_without_findings():
    assert "**No discrepancies found**" in render(empty_result(), "md")


# ---------------------------------------------------------------------------------------
# HTML


def test_html_marks_the_disputed_values(result):
    html = render_html(result)
    assert "<mark>last November</mark>" in html
    assert "<mark>September 2022</mark>" in html
    assert "<mark>About 1,300</mark>" in html
    assert "<mark>13,000</mark>" in html
    assert "<mark>first retail</mark>" in html
    assert "What could reconcile them" in html
    assert '<td data-label="Date from">dateline' in html
    # Valley Wire's date is inferred: marked once, in the documents table, not in the cards.
    assert html.count("inferred, not stated in the article") == 1
    assert "ticker ×2" in html and "ad ×1" in html
    assert "captured 2023-04-15" in html
    assert "corpus/scan.pdf" in html and "Skipped inputs" in html
    assert 'href="http://valley.example/a?id=1&amp;b=2"' in html
    assert "2 discrepancies found (1 high, 1 low)" in html


def _our_script(html: str) -> str:
    """The page's one inline script; fails unless there is exactly one, without attributes."""
    assert html.lower().count("<script") == 1
    found = re.search(r"<script>(.*?)</script>", html, re.DOTALL)
    assert found, "the script tag has attributes"
    return found.group(1)


def test_html_is_self_contained(result):
    html = render_html(result)
    code = _our_script(html)
    assert code == (Path(__file__).parent.parent / "reports/templates/report.js").read_text()
    for needle in ("<link", "@import", "url(", "src=", "fetch(", "XMLHttpRequest", "import("):
        assert needle not in html
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html)
    assert csp
    assert "default-src 'none'" in csp.group(1)
    digest = base64.b64encode(hashlib.sha256(code.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in csp.group(1)
    assert "unsafe-inline" not in csp.group(1).split("script-src")[1].split(";")[0]


def test_html_title_is_per_call(result):
    assert "<title>Desk check</title>" in render_html(result, title="Desk check")
    assert "<title>Consistency report</title>" in render_html(result)


def test_html_without_findings():
    html = render_html(empty_result())
    assert "No discrepancies found" in html
    assert 'class="finding' not in html
    assert "Skipped inputs" not in html


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))


def test_html_is_inert_for_a_hostile_document():
    html = render_html(hostile_result(), title=HOSTILE)
    code = _our_script(html)
    html = html.replace(f"<script>{code}</script>", "")
    assert "<script" not in html.lower()
    assert "<img" not in html.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    parser = _Tags()
    parser.feed(html)
    tags = {tag for tag, _ in parser.tags}
    assert not tags & {"script", "img", "iframe", "object", "embed"}
    for tag, attrs in parser.tags:
        for name, value in attrs:
            assert not name.startswith("on"), (tag, name, value)
            if name in ("href", "src", "action"):
                assert "javascript:" not in (value or "").lower()
                assert urlsplit(value or "").scheme in ("", "http", "https"), value
    # The unsafe URLs are shown as text, never as links.
    assert "javascript:alert(1)</code>" in html
    assert "not linked" in html


def test_safe_link():
    assert safe_link("https://a.example/x").href == "https://a.example/x"  # type: ignore[union-attr]
    assert safe_link("HTTP://a.example").href == "HTTP://a.example"  # type: ignore[union-attr]
    for url in (
        "javascript:alert(1)",
        " javascript:x",
        "java\tscript:x",
        "data:text/html,x",
        "//a.example",
        "http:/x",
        "https://a.example/\nx",
        "vbscript:x",
    ):
        link = safe_link(url)
        assert link is not None and link.href is None, url
    assert safe_link("") is None and safe_link(None) is None


def test_the_template_marks_nothing_safe():
    template = Path(__file__).parent.parent / "reports" / "templates" / "report.html.j2"
    assert "|safe" not in template.read_text(encoding="utf-8").replace(" ", "")


def test_html_generated_time(result, monkeypatch):
    stamp = '<time class="generated" datetime="2024-01-02T03:04:05Z">2024-01-02 03:04 UTC</time>'
    assert stamp in render_html(
        result, generated=datetime(2024, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
    )
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1704164645")
    assert stamp in render_html(result)
