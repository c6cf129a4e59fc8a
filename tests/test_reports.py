"""Tests of the report renderers (``consistency.reports``) and of ``consistency.tables``.

The results are built by hand from invented articles, so these tests need no other stage
of the pipeline.

The HTML, JSON, SARIF, terminal, GitHub and Code Quality reports are also compared with
saved "golden" files in ``tests/golden/`` after the tool's version is blanked. When a
change to a report is intended, rewrite them and review the diff before committing::

    CONSISTENCY_REFRESH_GOLDEN=1 pytest tests/test_reports.py
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import re
import xml.etree.ElementTree as ET
from datetime import date, datetime, timezone
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pandas as pd
import pytest

from consistency.errors import ConfigError
from consistency.models import (
    Cited,
    Claim,
    Document,
    Finding,
    Quantity,
    Removed,
    Result,
    Skipped,
    TimeValue,
)
from consistency.reports import FORMATS, render, write
from consistency.reports.common import segments, tool_version
from consistency.reports.csv import COLUMNS as CSV_COLUMNS
from consistency.reports.html import render_html, safe_link
from consistency.reports.markdown import escape as md_escape
from consistency.tables import CLAIM_COLUMNS, FINDING_COLUMNS, claims_frame, findings_frame

GOLDEN = Path(__file__).parent / "golden"
REFRESH = os.environ.get("CONSISTENCY_REFRESH_GOLDEN") == "1"
#: The HTML report's one timestamp (the time it was made), blanked where runs are compared.
GENERATED = re.compile(r'<time class="generated" datetime="[^"]*">[^<]*</time>')


def blank_time(text: str) -> str:
    return GENERATED.sub('<time class="generated" datetime="TIME">TIME</time>', text)


# ---------------------------------------------------------------------------------------
# An invented story told by two invented outlets


def _document(doc_id: str, sentences: list[str], **fields: Any) -> tuple[Document, list[int]]:
    text = "\n\n".join(sentences)
    starts = []
    at = 0
    for sentence in sentences:
        starts.append(at)
        at += len(sentence) + 2
    doc = Document(id=doc_id, path=f"corpus/{doc_id}", name=doc_id, text=text, **fields)
    return doc, starts


S1 = (
    "Riverton Exchange, with 13,000 staff, became the first retail exchange licensed last November."
)
S2 = "Riverton Exchange was the first exchange to win a licence, in September 2022."
S3 = "About 1,300 people work for Riverton Exchange, the company said."


def build_result() -> Result:
    doc1, at1 = _document(
        "harbor-post.txt",
        ["Riverton, April 14, 2023.", S1],
        title="Riverton exchange wins licence",
        outlet="The Harbor Post",
        url="https://harbor.example/news/riverton",
        published=date(2023, 4, 14),
        published_from="dateline",
        published_note='dateline "Riverton, April 14, 2023"',
        removed=(
            Removed("ticker", "Markets: up"),
            Removed("ad", "Buy now"),
            Removed("ticker", "Weather"),
        ),
        notes=("captured 2023-04-15",),
    )
    doc2, at2 = _document(
        "valley-wire.html",
        [S2, S3],
        title="A licence for Riverton",
        outlet="Valley Wire",
        url="http://valley.example/a?id=1&b=2",
        published=date(2023, 5, 2),
        published_from="inferred",
        published_note="inferred from the capture date of the corpus",
        format="html",
        confidence=0.6,
    )
    c1 = Claim(
        id="harbor-post.txt#1",
        document=doc1.id,
        sentence=S1,
        span=(at1[1], at1[1] + len(S1)),
        entity="Riverton Exchange",
        event="licensed",
        time=TimeValue(
            "last November",
            date(2022, 11, 1),
            date(2022, 12, 1),
            "month",
            date(2023, 4, 14),
            "dateline",
            '"last November" read from 2023-04-14 (dateline)',
        ),
        quantity=Quantity("13,000", 13000, 13000, "people"),
        qualifiers=("first", "retail"),
        index=1,
    )
    c2 = Claim(
        id="valley-wire.html#0",
        document=doc2.id,
        sentence=S2,
        span=(at2[0], at2[0] + len(S2)),
        entity="Riverton Exchange",
        event="licensed",
        time=TimeValue(
            "September 2022", date(2022, 9, 1), date(2022, 10, 1), "month", None, "absolute"
        ),
        qualifiers=("first",),
    )
    c3 = Claim(
        id="valley-wire.html#1",
        document=doc2.id,
        sentence=S3,
        span=(at2[1], at2[1] + len(S3)),
        entity="Riverton Exchange",
        event="employs",
        quantity=Quantity("About 1,300", 1250, 1350, "people", approx=True),
        attributed_to="the company",
        index=1,
    )
    f1 = Finding(
        rule="DT01",
        kind="date",
        severity="high",
        confidence=0.9,
        entity="Riverton Exchange",
        event="licensed",
        message=(
            "The Harbor Post dates the licence to November 2022, Valley Wire to September 2022."
        ),
        cited=(
            Cited(c1, "2022-11", '"last November" read from 2023-04-14 (dateline)'),
            Cited(c2, "2022-09", "absolute date"),
        ),
        reconcile=(
            'The Harbor Post says "first retail" and Valley Wire "first": two licences?',
            "Valley Wire's publication date is inferred.",
        ),
        fingerprint="dt01-5e1c0a9b",
    )
    f2 = Finding(
        rule="NU01",
        kind="number",
        severity="low",
        confidence=0.66666,
        entity="Riverton Exchange",
        event="employs",
        message="The Harbor Post counts 13,000 staff, Valley Wire about 1,300.",
        cited=(Cited(c1, "13,000 people"), Cited(c3, "[1,250, 1,350] people", "about: ±50")),
        reconcile=("A factor of ten: a slip in one source?",),
        fingerprint="nu01-2b7d44e0",
    )
    return Result(
        documents=[doc1, doc2],
        claims_list=[c1, c2, c3],
        findings_list=[f1, f2],
        skipped=[Skipped("corpus/scan.pdf", "not a text format (pdf)")],
    )


HOSTILE = (
    '<script>alert(1)</script> <img src=x onerror=alert(1)> <a href="javascript:alert(1)">x</a>'
)


def hostile_result() -> Result:
    sentence = f"Mallory Corp was licensed on {HOSTILE} in 2021."
    doc = Document(
        id="evil.html",
        path="corpus/evil.html",
        name="evil.html",
        text=sentence,
        title=HOSTILE,
        outlet=HOSTILE,
        url="javascript:alert(1)",
        published=date(2023, 1, 2),
        published_from="meta",
        published_note=HOSTILE,
        notes=(HOSTILE,),
        removed=(Removed(HOSTILE, "x"),),
    )
    other = Document(
        id="other.txt",
        path="corpus/other.txt",
        name="other.txt",
        text="Mallory Corp was licensed in 2019.",
        outlet="Plain News",
        url=" JaVaScRiPt:alert(2)",
    )
    c1 = Claim(
        id="evil#0",
        document="evil.html",
        sentence=sentence,
        span=(0, len(sentence)),
        entity=HOSTILE,
        event="licensed",
        time=TimeValue(HOSTILE, None, None, "unknown"),
        qualifiers=("<img",),
        attributed_to=HOSTILE,
    )
    c2 = Claim(
        id="other#0",
        document="other.txt",
        sentence="Mallory Corp was licensed in 2019.",
        span=(0, 34),
        entity="Mallory Corp",
        event="licensed",
        time=TimeValue("2019", date(2019, 1, 1), date(2020, 1, 1), "year"),
    )
    finding = Finding(
        rule="DT01",
        kind="date",
        severity="medium",
        confidence=0.5,
        entity=HOSTILE,
        event=HOSTILE,
        message=HOSTILE,
        cited=(Cited(c1, HOSTILE, HOSTILE), Cited(c2, "2019")),
        reconcile=(HOSTILE,),
        fingerprint="dt01-evil",
    )
    return Result(
        documents=[doc, other],
        claims_list=[c1, c2],
        findings_list=[finding],
        skipped=[Skipped(HOSTILE, HOSTILE)],
    )


def empty_result() -> Result:
    return Result(documents=[], claims_list=[], findings_list=[])


@pytest.fixture(scope="module")
def result() -> Result:
    return build_result()


def _golden(name: str, actual: str) -> None:
    actual = actual.replace(tool_version(), "VERSION")
    path = GOLDEN / name
    if REFRESH:
        GOLDEN.mkdir(exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="\n")
    assert path.exists(), f"no golden file {path}: run CONSISTENCY_REFRESH_GOLDEN=1 pytest"
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"{name} differs from {path}; refresh if intended (see docstring)"


# ---------------------------------------------------------------------------------------
# Every format


def test_formats_are_listed():
    # Sorted by name: they are read from the consistency.formats entry points.
    assert list(FORMATS) == [
        "codeclimate",
        "csv",
        "github",
        "gitlab",
        "html",
        "json",
        "junit",
        "md",
        "sarif",
        "text",
    ]
    assert FORMATS["gitlab"] is FORMATS["codeclimate"]


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_every_format_is_deterministic(result, fmt):
    first = blank_time(render(result, fmt))
    assert first == blank_time(render(build_result(), fmt))
    assert first.endswith("\n")


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_every_format_renders_an_empty_result(fmt):
    assert render(empty_result(), fmt)


def test_unknown_format_is_a_config_error(result):
    with pytest.raises(ConfigError, match="unknown report format"):
        render(result, "pdf")


def test_write_to_a_file_and_to_stdout(result, tmp_path, capsysbinary):
    target = tmp_path / "out" / "report.json"
    write(result, "json", target)
    assert target.read_bytes() == render(result, "json").encode("utf-8")
    write(result, "md", "-")
    assert capsysbinary.readouterr().out == render(result, "md").encode("utf-8")


# ---------------------------------------------------------------------------------------
# JSON


def test_json_follows_the_contract(result):
    obj = json.loads(render(result, "json"))
    assert list(obj) == ["schema", "documents", "claims", "findings", "skipped", "summary"]
    assert obj["schema"] == "consistency/findings@1"
    doc = obj["documents"][0]
    assert list(doc) == [
        "id",
        "path",
        "name",
        "outlet",
        "title",
        "url",
        "published",
        "published_from",
        "published_note",
        "notes",
        "confidence",
        "outlet_from",
        "title_from",
        "identity",
    ]
    assert doc["identity"] == "url:https://harbor.example/news/riverton"
    assert doc["published"] == "2023-04-14"
    assert doc["published_from"] == "dateline"
    assert obj["documents"][1]["confidence"] == 0.6
    claim = obj["claims"][0]
    assert list(claim) == [
        "id",
        "document",
        "sentence",
        "span",
        "entity",
        "event",
        "object",
        "time",
        "quantity",
        "qualifiers",
        "negated",
        "hedged",
        "attributed_to",
        "fact",
    ]
    assert list(claim["time"]) == ["text", "start", "end", "granularity", "anchor", "anchor_from"]
    assert claim["time"]["start"] == "2022-11-01"
    assert list(claim["quantity"]) == ["text", "low", "high", "unit"]
    assert obj["claims"][1]["quantity"] is None
    finding = obj["findings"][0]
    assert list(finding) == [
        "id",
        "rule",
        "kind",
        "kinds",
        "also",
        "severity",
        "confidence",
        "entity",
        "event",
        "message",
        "claims",
        "reconcile",
        "fingerprint",
        "status",
        "accepted",
    ]
    assert finding["id"] == finding["fingerprint"] == "dt01-5e1c0a9b"
    # Without a review (no --fail-on, nothing accepted) every finding fails.
    assert (finding["status"], finding["accepted"]) == ("failing", None)
    assert list(finding["claims"][0]) == ["claim", "document", "name", "quote", "value", "how"]
    assert finding["claims"][0]["quote"] == S1
    assert finding["claims"][1]["name"] == "valley-wire.html"
    assert obj["findings"][1]["confidence"] == 0.667
    assert obj["skipped"] == [
        {"path": "corpus/scan.pdf", "reason": "not a text format (pdf)", "kind": "input"}
    ]
    assert obj["summary"] == {
        "fail_on": "low",
        "findings": 2,
        "failing": 2,
        "accepted": 0,
        "stale": [],
        "expired": [],
        "absent": [],
    }


def test_json_has_no_infinity():
    res = build_result()
    claim = res.claims_list[2]
    unbounded = Claim(**{**claim.__dict__, "quantity": Quantity("at least 10", 10, float("inf"))})
    res.claims_list[2] = unbounded
    text = render(res, "json")
    assert "Infinity" not in text
    assert json.loads(text)["claims"][2]["quantity"]["high"] is None


def test_json_golden(result):
    _golden("report.json", render(result, "json"))


# ---------------------------------------------------------------------------------------
# CSV


def test_csv_has_one_row_per_cited_claim(result):
    frame = pd.read_csv(io.StringIO(render(result, "csv")), keep_default_na=False)
    assert list(frame.columns) == list(CSV_COLUMNS)
    assert len(frame) == 4
    assert list(frame["finding"]) == ["dt01-5e1c0a9b"] * 2 + ["nu01-2b7d44e0"] * 2
    assert list(frame["document"]) == [
        "harbor-post.txt",
        "valley-wire.html",
        "harbor-post.txt",
        "valley-wire.html",
    ]
    assert frame["outlet"][1] == "Valley Wire"
    assert frame["quote"][3] == S3
    assert frame["value"][0] == "2022-11"
    assert frame["confidence"][2] == pytest.approx(0.667)


def test_csv_of_nothing_is_a_header():
    assert render(empty_result(), "csv") == ",".join(CSV_COLUMNS) + "\n"


# ---------------------------------------------------------------------------------------
# SARIF


def test_sarif_structure(result):
    log = json.loads(render(result, "sarif"))
    assert log["version"] == "2.1.0"
    assert len(log["runs"]) == 1
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["DT01", "NU01"]
    # DT01 is described by its rule class; NU01 (no longer a rule) by its findings' kind.
    assert rules[0]["name"] == "dates.conflict"
    assert rules[0]["shortDescription"]["text"] == (
        "Two sources date the same event to times that cannot both be true."
    )
    assert rules[0]["fullDescription"]["text"].startswith("Each source's time expression")
    assert "**Contradiction**" in rules[0]["help"]["markdown"]
    assert rules[0]["defaultConfiguration"] == {"level": "error"}
    assert rules[1]["name"] == "NumberConflict"
    assert rules[1]["shortDescription"]["text"]
    results = run["results"]
    assert len(results) == 2
    assert [r["level"] for r in results] == ["error", "note"]
    assert [r["ruleIndex"] for r in results] == [0, 1]
    assert results[0]["message"]["text"].startswith("The Harbor Post dates")
    assert results[0]["partialFingerprints"] == {"consistency/v2": "dt01-5e1c0a9b"}
    assert "suppressions" not in results[0] and "baselineState" not in results[0]
    first = results[0]["locations"][0]["physicalLocation"]
    assert first["artifactLocation"]["uri"] == "corpus/harbor-post.txt"
    doc = result.documents[0]
    region = first["region"]
    assert region["snippet"]["text"] == S1
    # A document built by hand has no file map: it is located in its own text.
    lines = doc.text.split("\n")
    assert region["startLine"] == region["endLine"] == 3
    assert lines[2][region["startColumn"] - 1 : region["endColumn"] - 1] == S1
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert notes[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == (
        "corpus/scan.pdf"
    )


def test_sarif_golden(result):
    _golden("report.sarif", render(result, "sarif"))


# ---------------------------------------------------------------------------------------
# JUnit


def test_junit_has_a_failure_per_finding(result):
    root = ET.fromstring(render(result, "junit").encode("utf-8"))
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["consistency"]
    suite = suites[0]
    assert suite.get("failures") == "2"
    failures = suite.findall("testcase/failure")
    assert [f.get("message") for f in failures] == [f.message for f in result.findings_list]
    assert S1 in (failures[0].text or "")
    skipped = suite.findall("testcase/skipped")
    assert [s.get("message") for s in skipped] == ["not a text format (pdf)"]


def test_junit_without_findings_passes():
    root = ET.fromstring(render(empty_result(), "junit").encode("utf-8"))
    cases = root.findall("testsuite/testcase")
    assert [c.get("name") for c in cases] == ["no findings"]
    assert root.find("testsuite/testcase/failure") is None
    assert root.find("testsuite").get("failures") == "0"  # type: ignore[union-attr]


def test_junit_survives_control_characters(result):
    res = hostile_result()
    claim = res.findings_list[0].cited[1].claim
    bad = Claim(**{**claim.__dict__, "sentence": "page\x0cbreak\x00"})
    res.findings_list[0] = Finding(
        **{
            **res.findings_list[0].__dict__,
            "cited": (res.findings_list[0].cited[0], Cited(bad, "x")),
        }
    )
    ET.fromstring(render(res, "junit").encode("utf-8"))


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


def test_html_golden(result):
    _golden("report.html", render_html(result, generated=datetime(2024, 1, 2, tzinfo=timezone.utc)))


def test_html_generated_time(result, monkeypatch):
    stamp = '<time class="generated" datetime="2024-01-02T03:04:05Z">2024-01-02 03:04 UTC</time>'
    assert stamp in render_html(
        result, generated=datetime(2024, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
    )
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1704164645")
    assert stamp in render_html(result)


# ---------------------------------------------------------------------------------------
# The CI formats (more in test_ci_formats.py)


@pytest.mark.parametrize(
    ("fmt", "name"),
    [("text", "report.txt"), ("github", "report.github"), ("codeclimate", "report.codeclimate")],
)
def test_ci_format_golden(result, fmt, name):
    _golden(name, render(result, fmt))


# ---------------------------------------------------------------------------------------
# Segments


def test_segments_rebuild_the_quote_and_mark_whole_words():
    quote = "The ONLY licence, commonly cited, came Last November 2022."
    parts = segments(quote, ["only", "last  november", "2022"])
    assert "".join(p.text for p in parts) == quote
    assert [p.text for p in parts if p.mark] == ["ONLY", "Last November 2022"]
    assert segments("", ["x"]) == [segments("", [])[0]]


# ---------------------------------------------------------------------------------------
# Tables


def test_findings_frame(result):
    frame = findings_frame(result)
    assert list(frame.columns) == list(FINDING_COLUMNS)
    assert list(frame["id"]) == ["dt01-5e1c0a9b", "nu01-2b7d44e0"]
    assert frame["documents"][0] == "harbor-post.txt; valley-wire.html"
    assert frame["values"][0] == "2022-11 vs 2022-09"
    assert frame["reconcile"][1] == "A factor of ten: a slip in one source?"
    assert frame["confidence"].dtype == "float64"
    pd.testing.assert_frame_equal(frame, result.findings)


def test_claims_frame(result):
    frame = claims_frame(result)
    assert list(frame.columns) == list(CLAIM_COLUMNS)
    assert len(frame) == 3
    first = frame.iloc[0]
    assert first["time_start"] == date(2022, 11, 1)
    assert first["anchor_from"] == "dateline"
    assert first["qualifiers"] == "first,retail"
    assert first["low"] == 13000.0
    assert frame["name"][1] == "valley-wire.html"
    assert pd.isna(frame["low"][1])
    assert frame["negated"].dtype == bool
    pd.testing.assert_frame_equal(frame, result.claims)


def test_empty_frames_have_the_columns():
    empty = empty_result()
    assert list(findings_frame(empty).columns) == list(FINDING_COLUMNS)
    assert list(claims_frame(empty).columns) == list(CLAIM_COLUMNS)
    assert len(claims_frame(empty)) == 0


def test_csv_cells_never_start_a_formula() -> None:
    from consistency.reports.csv import inert

    assert inert('=HYPERLINK("http://x","click")') == '\'=HYPERLINK("http://x","click")'
    assert inert("@SUM(A1)") == "'@SUM(A1)"
    assert inert("-2+3") == "'-2+3"
    assert inert("Acme said") == "Acme said"
    assert inert(0.5) == 0.5
