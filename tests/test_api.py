"""The Python API: ``consistency.check([...])`` and its :class:`~consistency.models.Result`."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest
from cli_articles import AGREEING, GAZETTE, GAZETTE_BUDGET, HERALD, write
from click.testing import CliRunner

import consistency
from consistency.cli import main
from consistency.config import Settings
from consistency.tables import CLAIM_COLUMNS, FINDING_COLUMNS

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

NO_CLAIMS = """date 2024-05-04
Title: Weather
Outlet: Valley Herald

Sunny spells are expected.
"""


@pytest.fixture(scope="module")
def examples_result() -> consistency.Result:
    return consistency.check([EXAMPLES])


def test_check_returns_a_result(examples_result: consistency.Result) -> None:
    r = examples_result
    assert isinstance(r, consistency.Result)
    assert isinstance(r.findings, pd.DataFrame)
    assert isinstance(r.claims, pd.DataFrame)
    assert isinstance(r.documents, list)
    assert all(isinstance(d, consistency.Document) for d in r.documents)
    assert isinstance(r.graph, nx.MultiDiGraph)
    assert r.skipped == []


def test_frames_have_the_columns_and_rows(examples_result: consistency.Result) -> None:
    r = examples_result
    assert list(r.findings.columns) == list(FINDING_COLUMNS)
    assert list(r.claims.columns) == list(CLAIM_COLUMNS)
    assert len(r.findings) == len(r.findings_list) == 10
    assert len(r.claims) == len(r.claims_list) > 0
    assert list(r.findings["id"]) == [f.id for f in r.findings_list]
    assert list(r.claims["id"]) == [c.id for c in r.claims_list]
    assert set(r.findings["severity"]) <= {"high", "medium", "low"}
    assert r.findings["confidence"].between(0, 1).all()
    assert r.findings["confidence"].dtype == "float64"
    assert r.claims["negated"].dtype == bool


def test_documents_are_the_four_examples(examples_result: consistency.Result) -> None:
    names = sorted(d.name for d in examples_result.documents)
    assert names == [
        "alder-daily.txt",
        "bayside-post.json",
        "coastline-wire.md",
        "harbour-courier.html",
    ]
    assert all(d.published is not None for d in examples_result.documents)


def test_graph_holds_the_documents_and_claims(examples_result: consistency.Result) -> None:
    g = examples_result.graph
    types = nx.get_node_attributes(g, "type")
    docs = {n for n, t in types.items() if t == "document"}
    claims = {n for n, t in types.items() if t == "claim"}
    assert len(docs) == len(examples_result.documents)
    assert len(claims) == len(examples_result.claims_list)


def test_frames_have_every_column_when_empty(tmp_path: Path) -> None:
    folder = write(tmp_path / "agree", {"gazette.txt": GAZETTE_BUDGET, "herald.txt": AGREEING})
    r = consistency.check([folder])
    assert r.findings_list == []
    assert r.findings.empty
    assert list(r.findings.columns) == list(FINDING_COLUMNS)

    none = consistency.check([write(tmp_path / "none", {"weather.txt": NO_CLAIMS})])
    assert len(none.documents) == 1
    assert none.claims.empty and none.findings.empty
    assert list(none.claims.columns) == list(CLAIM_COLUMNS)
    assert list(none.findings.columns) == list(FINDING_COLUMNS)


def test_bad_paths_are_skipped_not_raised(tmp_path: Path, disagreeing: Path) -> None:
    (disagreeing / "empty.txt").write_text("", encoding="utf-8")
    r = consistency.check([disagreeing, tmp_path / "missing"])
    assert len(r.documents) == 2
    skipped = {Path(s.path).name for s in r.skipped}
    assert skipped == {"empty.txt", "missing"}
    assert all(s.reason for s in r.skipped)

    nothing = consistency.check([tmp_path / "missing"])
    assert nothing.documents == []
    assert nothing.findings.empty and list(nothing.findings.columns) == list(FINDING_COLUMNS)
    assert nothing.claims.empty and list(nothing.claims.columns) == list(CLAIM_COLUMNS)
    assert nothing.graph.number_of_nodes() == 0


def test_select_narrows_the_rules(examples_result: consistency.Result) -> None:
    r = consistency.check([EXAMPLES], select=["DT01"])
    assert len(r.findings) >= 1
    assert set(r.findings["rule"]) == {"DT01"}
    everything = set(examples_result.findings["rule"])
    assert len(everything) > 1
    expected = [f.id for f in examples_result.findings_list if f.rule == "DT01"]
    assert list(r.findings["id"]) == expected
    # The claims do not depend on the rules.
    assert list(r.claims["id"]) == list(examples_result.claims["id"])


def test_exclude_drops_a_rule(examples_result: consistency.Result) -> None:
    r = consistency.check([EXAMPLES], exclude=["AN01"])
    assert "AN01" not in set(r.findings["rule"])
    assert len(r.findings) == len(examples_result.findings) - sum(
        f.rule == "AN01" for f in examples_result.findings_list
    )


def test_unknown_rule_raises_a_consistency_error() -> None:
    with pytest.raises(consistency.ConfigError, match="XX99"):
        consistency.check([EXAMPLES], select=["XX99"])
    with pytest.raises(consistency.ConsistencyError, match="XX99"):
        consistency.check([EXAMPLES], exclude=["XX99"])


def test_settings_rule_options_are_honoured(disagreeing: Path) -> None:
    plain = consistency.check([disagreeing])
    assert "AN01" in set(plain.findings["rule"])
    lenient = consistency.check(
        [disagreeing], settings=Settings(rule_options={"AN01": {"grace_days": 365}})
    )
    assert "AN01" not in set(lenient.findings["rule"])
    assert "DT01" in set(lenient.findings["rule"])
    with pytest.raises(consistency.ConfigError, match="bogus"):
        consistency.check([disagreeing], settings=Settings(rule_options={"DT01": {"bogus": 1}}))


def test_path_objects_and_strings_in_a_list_agree(disagreeing: Path) -> None:
    a = consistency.check([disagreeing])
    b = consistency.check([str(disagreeing)])
    assert list(a.findings["id"]) == list(b.findings["id"])
    assert a.findings.equals(b.findings)


def test_api_and_cli_report_the_same_findings(
    examples_result: consistency.Result, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    out = CliRunner().invoke(main, ["check", str(EXAMPLES), "--format", "json", "-o", "-"])
    data = json.loads(out.stdout)
    assert [f["id"] for f in data["findings"]] == list(examples_result.findings["id"])
    assert [c["id"] for c in data["claims"]] == list(examples_result.claims["id"])


def test_two_calls_give_equal_frames(examples_result: consistency.Result) -> None:
    again = consistency.check([EXAMPLES])
    pd.testing.assert_frame_equal(again.findings, examples_result.findings)
    pd.testing.assert_frame_equal(again.claims, examples_result.claims)


def test_a_single_path_string_is_not_split_into_letters(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A relative name whose letters name no file here (an absolute one would start with "/").
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "news", {"gazette.txt": GAZETTE, "herald.txt": HERALD})
    try:
        r = consistency.check("news")  # type: ignore[arg-type]
    except (TypeError, consistency.ConsistencyError):
        return  # refusing it is fine too
    assert len(r.documents) == 2
