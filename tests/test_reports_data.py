"""Tests of the data reports, JSON and CSV, and of ``consistency.tables`` (the frames behind
them): their fields, in order, and their values for the invented story of reports_support.py.

The JSON report's golden file is compared in test_reports.py.
"""

from __future__ import annotations

import io
import json
from datetime import date
from typing import Any

import pandas as pd
import pytest
from reports_support import S1, S3, build_result, empty_result

from consistency.models import Claim, Quantity, Result
from consistency.reports import render
from consistency.reports.csv import COLUMNS as CSV_COLUMNS
from consistency.reports.csv import inert
from consistency.tables import CLAIM_COLUMNS, FINDING_COLUMNS, claims_frame, findings_frame


@pytest.fixture(scope="module")
def result() -> Result:
    return build_result()


# ---------------------------------------------------------------------------------------
# JSON


def _documents_follow_the_contract(documents: list[dict[str, Any]]) -> None:
    """A document's fields, in order, and how its identity and date are written."""
    doc = documents[0]
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
    assert documents[1]["confidence"] == 0.6


def _claims_follow_the_contract(claims: list[dict[str, Any]]) -> None:
    """A claim's fields, in order, and those of its time and quantity."""
    claim = claims[0]
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
    assert claims[1]["quantity"] is None


def _findings_follow_the_contract(findings: list[dict[str, Any]]) -> None:
    """A finding's fields, in order, its review status and the claims it cites."""
    finding = findings[0]
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
    assert findings[1]["confidence"] == 0.667


def _skipped_and_summary_follow_the_contract(obj: dict[str, Any]) -> None:
    """The skipped inputs and the summary of the review."""
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


def test_json_follows_the_contract(result):
    obj = json.loads(render(result, "json"))
    assert list(obj) == ["schema", "documents", "claims", "findings", "skipped", "summary"]
    assert obj["schema"] == "consistency/findings@1"
    _documents_follow_the_contract(obj["documents"])
    _claims_follow_the_contract(obj["claims"])
    _findings_follow_the_contract(obj["findings"])
    _skipped_and_summary_follow_the_contract(obj)


def test_json_has_no_infinity():
    res = build_result()
    claim = res.claims_list[2]
    unbounded = Claim(**{**claim.__dict__, "quantity": Quantity("at least 10", 10, float("inf"))})
    res.claims_list[2] = unbounded
    text = render(res, "json")
    assert "Infinity" not in text
    assert json.loads(text)["claims"][2]["quantity"]["high"] is None


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
    assert inert('=HYPERLINK("http://x","click")') == '\'=HYPERLINK("http://x","click")'
    assert inert("@SUM(A1)") == "'@SUM(A1)"
    assert inert("-2+3") == "'-2+3"
    assert inert("Acme said") == "Acme said"
    assert inert(0.5) == 0.5
