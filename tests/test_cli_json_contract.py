"""The JSON report of ``consistency check`` over examples/ keeps its contract (DESIGN.md)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from cli_support import EXAMPLES
from click.testing import CliRunner

from consistency.cli import main

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
PUBLISHED_FROM = {"header", "meta", "dateline", "sidecar", "inferred", "none"}
KINDS = {"date", "number", "first", "order", "status", "attribution", "anachronism", "other"}


def _is_date(value: Any) -> bool:
    from datetime import date

    if not isinstance(value, str) or not DATE.match(value):
        return False
    date.fromisoformat(value)
    return True


def _str_or_none(value: Any) -> bool:
    return value is None or isinstance(value, str)


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


@pytest.fixture(scope="module")
def contract(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(tmp_path_factory.mktemp("contract"))
        result = CliRunner().invoke(main, ["check", str(EXAMPLES), "--format", "json", "-o", "-"])
    assert result.exit_code == 1, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_json_top_level(contract: dict[str, Any]) -> None:
    assert contract["schema"] == "consistency/findings@1"
    for key in ("documents", "claims", "findings"):
        assert isinstance(contract[key], list)
    assert list(contract)[:4] == ["schema", "documents", "claims", "findings"]


def test_json_documents(contract: dict[str, Any]) -> None:
    docs = contract["documents"]
    assert len(docs) == 4
    for d in docs:
        assert {
            "id",
            "path",
            "name",
            "outlet",
            "title",
            "url",
            "published",
            "published_from",
        } <= set(d)
        assert all(isinstance(d[k], str) and d[k] for k in ("id", "path", "name"))
        assert all(_str_or_none(d[k]) for k in ("outlet", "title", "url"))
        assert d["published"] is None or _is_date(d["published"]), d["published"]
        assert d["published_from"] in PUBLISHED_FROM
        assert (d["published"] is None) == (d["published_from"] == "none")
        assert Path(d["path"]).name == d["name"]
    assert len({d["id"] for d in docs}) == len(docs)
    assert {d["name"] for d in docs} == {
        "alder-daily.txt",
        "bayside-post.json",
        "coastline-wire.md",
        "harbour-courier.html",
    }


def test_json_claims(contract: dict[str, Any]) -> None:
    doc_ids = {d["id"] for d in contract["documents"]}
    claims = contract["claims"]
    assert claims
    assert len({c["id"] for c in claims}) == len(claims)
    keys = {"id", "document", "sentence", "span", "entity", "event", "object", "time", "quantity"}
    keys |= {"qualifiers", "negated", "hedged", "attributed_to"}
    for c in claims:
        assert keys <= set(c), keys - set(c)
        assert isinstance(c["id"], str) and c["document"] in doc_ids
        assert isinstance(c["sentence"], str) and c["sentence"].strip()
        span = c["span"]
        assert isinstance(span, list) and len(span) == 2 and all(type(x) is int for x in span)
        assert 0 <= span[0] < span[1] and span[1] - span[0] == len(c["sentence"])
        assert isinstance(c["entity"], str) and c["entity"]
        assert isinstance(c["event"], str) and c["event"]
        assert _str_or_none(c["object"])
        assert isinstance(c["qualifiers"], list) and all(
            isinstance(q, str) for q in c["qualifiers"]
        )
        assert type(c["negated"]) is bool and type(c["hedged"]) is bool
        assert _str_or_none(c["attributed_to"])
        t = c["time"]
        if t is not None:
            assert set(t) == {"text", "start", "end", "granularity", "anchor", "anchor_from"}
            assert isinstance(t["text"], str) and isinstance(t["granularity"], str)
            assert (t["start"] is None) == (t["end"] is None)
            for k in ("start", "end", "anchor"):
                assert t[k] is None or _is_date(t[k]), t
            if t["start"] is not None:
                assert t["start"] < t["end"]
            assert _str_or_none(t["anchor_from"])
        q = c["quantity"]
        if q is not None:
            assert set(q) == {"text", "low", "high", "unit"}
            assert isinstance(q["text"], str) and _number(q["low"])
            assert q["high"] is None or (_number(q["high"]) and q["low"] <= q["high"])
            assert _str_or_none(q["unit"])
    assert any(c["time"] for c in claims) and any(c["quantity"] for c in claims)


def test_json_findings(contract: dict[str, Any]) -> None:
    docs = {d["id"]: d for d in contract["documents"]}
    claims = {c["id"]: c for c in contract["claims"]}
    findings = contract["findings"]
    assert len(findings) == 10
    assert len({f["id"] for f in findings}) == len(findings)
    keys = {"id", "rule", "kind", "severity", "confidence", "entity", "event", "message", "claims"}
    for f in findings:
        assert keys <= set(f), keys - set(f)
        for k in ("id", "rule", "entity", "event", "message"):
            assert isinstance(f[k], str) and f[k], k
        assert f["severity"] in {"high", "medium", "low"}
        assert _number(f["confidence"]) and 0 <= f["confidence"] <= 1
        assert f["kind"] in KINDS
        assert isinstance(f["claims"], list) and f["claims"]
        for cited in f["claims"]:
            assert {"claim", "document", "name", "quote", "value"} <= set(cited)
            claim = claims[cited["claim"]]
            assert cited["document"] == claim["document"]
            assert cited["name"] == docs[claim["document"]]["name"]
            assert isinstance(cited["quote"], str) and cited["quote"]
            assert cited["quote"] in claim["sentence"]
            assert isinstance(cited["value"], str)
    assert {f["kind"] for f in findings} == {
        "date",
        "number",
        "first",
        "order",
        "anachronism",
        "status",
        "attribution",
    }
