"""Tests of the SARIF and JUnit reports: the formats CI systems read as test results.

The terminal, GitHub and Code Quality formats are tested in test_ci_formats.py; the golden
files in test_reports.py.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from reports_support import S1, build_result, empty_result, hostile_result

from consistency.models import Cited, Claim, Finding, Result
from consistency.reports import render


@pytest.fixture(scope="module")
def result() -> Result:
    return build_result()


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
