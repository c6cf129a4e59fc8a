"""Tests of the report renderers (``consistency.reports``) that hold for every format, and
the golden files.

The results are built by hand from invented articles (tests/reports_support.py), so these
tests need no other stage of the pipeline. Each format's own tests are in
test_reports_data.py (JSON, CSV, the tables), test_reports_ci.py (SARIF, JUnit) and
test_reports_pages.py (Markdown, HTML).

The HTML, JSON, SARIF, terminal, GitHub and Code Quality reports are compared here with
saved "golden" files in ``tests/golden/`` after the tool's version is blanked. When a
change to a report is intended, rewrite them and review the diff before committing::

    CONSISTENCY_REFRESH_GOLDEN=1 pytest tests/test_reports.py
"""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from reports_support import blank_time, build_result, empty_result, golden

from consistency.errors import ConfigError
from consistency.models import Result
from consistency.reports import FORMATS, render, write
from consistency.reports.common import segments
from consistency.reports.html import render_html


@pytest.fixture(scope="module")
def result() -> Result:
    return build_result()


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
# Golden files


def test_json_golden(result):
    golden("report.json", render(result, "json"))


def test_sarif_golden(result):
    golden("report.sarif", render(result, "sarif"))


def test_html_golden(result):
    golden("report.html", render_html(result, generated=datetime(2024, 1, 2, tzinfo=timezone.utc)))


@pytest.mark.parametrize(
    ("fmt", "name"),
    [("text", "report.txt"), ("github", "report.github"), ("codeclimate", "report.codeclimate")],
)
def test_ci_format_golden(result, fmt, name):
    golden(name, render(result, fmt))


# ---------------------------------------------------------------------------------------
# Segments


def test_segments_rebuild_the_quote_and_mark_whole_words():
    quote = "The ONLY licence, commonly cited, came Last November 2022."
    parts = segments(quote, ["only", "last  november", "2022"])
    assert "".join(p.text for p in parts) == quote
    assert [p.text for p in parts if p.mark] == ["ONLY", "Last November 2022"]
    assert segments("", ["x"]) == [segments("", [])[0]]
