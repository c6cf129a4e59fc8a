"""Kinds, severities and formats are defined once; what must list them again follows.

The code derives its lists from the one definition (consistency.models: Kind, Severity,
FORMAT_NAMES from the entry points; the graph's and the catalogue's formats from their
modules). What cannot derive them says them again and is held to them here: the tables
keyed by a kind, a severity or a date source (a word for each, a level in each CI format,
a colour), and the README's lists, as tests/test_rules_catalogue.py holds the README's rules
table.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from consistency.linking import graph
from consistency.models import DATE_SOURCES, FORMAT_NAMES, KINDS, SEVERITIES
from consistency.reports import codeclimate, github, sarif
from consistency.reports.common import KIND_INFO
from consistency.reports.overview import DATE_SOURCE_WORDS
from consistency.rules import catalogue

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
CSS = (ROOT / "reports" / "templates" / "report.css").read_text(encoding="utf-8")


def _after(prefix: str) -> str:
    """The rest of the README line that starts with ``prefix``."""
    lines = [line for line in README.splitlines() if line.startswith(prefix)]
    assert len(lines) == 1, f"README: one line should start {prefix!r}"
    return lines[0][len(prefix) :]


def test_every_kind_has_its_words() -> None:
    assert tuple(KIND_INFO) == KINDS


def test_every_date_source_has_its_words() -> None:
    """The documents table words each source of a publication date, and only those."""
    assert tuple(DATE_SOURCE_WORDS) == DATE_SOURCES


@pytest.mark.parametrize(
    "levels", [github.LEVELS, sarif.LEVELS, codeclimate.SEVERITIES], ids=["github", "sarif", "cc"]
)
def test_every_ci_format_has_a_level_for_each_severity(levels: dict[str, str]) -> None:
    assert tuple(levels) == SEVERITIES


def test_every_severity_has_its_colour() -> None:
    assert all(f"--{s}:" in CSS and f".sev-{s}" in CSS for s in SEVERITIES)


def test_the_readme_usage_lists_the_formats() -> None:
    usage = _after("consistency check PATH... [-o FILE] [--format ")
    assert usage == "|".join(FORMAT_NAMES) + "|...]"
    assert _after("consistency graph PATH... -o ") == "|".join(f"story.{f}" for f in graph.FORMATS)
    assert _after("consistency rules [CODE] [--format ") == "|".join(catalogue.FORMATS) + "]"


def test_the_readme_options_table_lists_the_formats_and_severities() -> None:
    formats = _after("| `-f, --format` | ").split("Default")[0]
    assert sorted(re.findall(r"`(\w+)`", formats)) == sorted(FORMAT_NAMES)
    fail_on = _after("| `--fail-on ").split("`")[0]
    assert fail_on.split("\\|") == list(SEVERITIES[::-1])


def test_the_readme_ci_table_names_formats_and_their_levels() -> None:
    section = README[README.index("\n### In CI\n") :]
    rows = re.findall(r"^\| `(\w+)`", section[: section.index("\n\n", 40)], re.MULTILINE)
    assert rows and set(rows) <= set(FORMAT_NAMES)
    github_row = _after("| `github` | ")
    assert all(f"`::{github.LEVELS[s]}` ({s}" in github_row for s in SEVERITIES)
    cc_row = _after("| `codeclimate` (`gitlab`) | ")
    assert ", ".join(f"{s} `{codeclimate.SEVERITIES[s]}`" for s in SEVERITIES) in cc_row
