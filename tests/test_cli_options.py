"""``consistency check`` options: --baseline, --new, --strict, --rules, --exclude-rules, the
summary and -q; and the ``rules`` command and --version."""

from __future__ import annotations

import re
import shutil
import sys
from importlib import metadata
from pathlib import Path
from typing import Any

import pytest
from cli_articles import UNRELATED, write
from cli_support import EXAMPLES, report, run

import consistency

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.usefixtures("in_empty_folder")


# ---------------------------------------------------------------------------------------
# Baseline, --new, --strict


def test_baseline_of_a_previous_run_accepts_its_findings(tmp_path: Path) -> None:
    first = run("check", EXAMPLES, "-o", tmp_path / "base.json")
    assert first.exit_code == 1
    again, data = report(EXAMPLES, "--baseline", tmp_path / "base.json")
    assert again.exit_code == 0
    assert len(data["findings"]) == 10  # still reported, only accepted


def test_baseline_accepts_only_what_it_lists(tmp_path: Path) -> None:
    run("check", EXAMPLES, "--rules", "DT01", "-o", tmp_path / "base.json")
    assert (
        run("check", EXAMPLES, "--baseline", tmp_path / "base.json", "-o", "r.html").exit_code == 1
    )
    result = run(
        "check", EXAMPLES, "--rules", "DT01", "--baseline", tmp_path / "base.json", "-o", "r.html"
    )
    assert result.exit_code == 0


def test_baseline_with_no_findings_accepts_nothing(tmp_path: Path) -> None:
    base = tmp_path / "base.json"
    base.write_text('{"schema": "consistency/findings@1", "findings": []}', encoding="utf-8")
    assert run("check", EXAMPLES, "--baseline", base, "-o", "r.html").exit_code == 1


def _cited_documents(finding: dict[str, Any]) -> set[str]:
    return {c["document"] for c in finding["claims"]}


def test_new_file_reports_only_findings_citing_it() -> None:
    _, everything = report(EXAMPLES)
    result, data = report(EXAMPLES, "--new", EXAMPLES / "alder-daily.txt")
    assert result.exit_code == 1
    assert data["findings"]
    assert all("alder-daily.txt" in _cited_documents(f) for f in data["findings"])
    expected = [f["id"] for f in everything["findings"] if "alder-daily.txt" in _cited_documents(f)]
    assert [f["id"] for f in data["findings"]] == expected
    assert len(data["findings"]) < len(everything["findings"])


def test_new_folder_is_checked_against_the_old_ones(tmp_path: Path) -> None:
    old = tmp_path / "old"
    new = tmp_path / "new"
    old.mkdir()
    new.mkdir()
    for p in EXAMPLES.iterdir():
        if p.suffix in {".txt", ".json", ".md", ".html"}:
            shutil.copy(p, (new if p.name == "harbour-courier.html" else old) / p.name)
    result, data = report(old, "--new", new)
    assert result.exit_code == 1
    assert len(data["documents"]) == 4
    paths = {d["id"]: d["path"] for d in data["documents"]}
    assert data["findings"]
    for f in data["findings"]:
        assert any(Path(paths[d]).parent == new for d in _cited_documents(f)), f


def test_new_drop_without_conflicts_passes(tmp_path: Path, disagreeing: Path) -> None:
    drop = write(tmp_path / "drop", {"times.txt": UNRELATED})
    result, data = report(disagreeing, "--new", drop)
    assert len(data["documents"]) == 3
    assert data["findings"] == []
    assert result.exit_code == 0
    # The old conflicts are still there when the whole set is checked.
    assert report(disagreeing, drop)[0].exit_code == 1


def test_skipped_file_is_listed_and_the_rest_checked(tmp_path: Path, disagreeing: Path) -> None:
    (disagreeing / "empty.txt").write_text("", encoding="utf-8")
    result, data = report(disagreeing)
    assert "skipped" in result.stderr and "empty.txt" in result.stderr
    assert len(data["documents"]) == 2
    assert result.exit_code == 1


def test_strict_exits_2_when_a_file_was_skipped(agreeing: Path) -> None:
    assert run("check", agreeing, "-o", "r.json").exit_code == 0
    (agreeing / "empty.txt").write_text("", encoding="utf-8")
    plain = run("check", agreeing, "-o", "r.json")
    assert plain.exit_code == 0
    assert "empty.txt" in plain.stderr
    strict = run("check", agreeing, "-o", "r.json", "--strict")
    assert strict.exit_code == 2
    assert "empty.txt" in strict.stderr


def test_strict_without_skips_keeps_the_findings_exit_code(disagreeing: Path) -> None:
    assert run("check", disagreeing, "-o", "r.json", "--strict").exit_code == 1


# ---------------------------------------------------------------------------------------
# Rules, summary


def test_rules_selects_only_those_rules() -> None:
    _, data = report(EXAMPLES, "--rules", "DT01")
    assert data["findings"]
    assert {f["rule"] for f in data["findings"]} == {"DT01"}
    _, lower = report(EXAMPLES, "--rules", "dt01")
    assert lower == data


def test_rules_takes_groups_and_lists() -> None:
    _, everything = report(EXAMPLES)
    assert report(EXAMPLES, "--rules", "all")[1] == everything
    _, two = report(EXAMPLES, "--rules", "DT01,NU02")
    assert {f["rule"] for f in two["findings"]} == {"DT01", "NU02"}


def test_exclude_rules_drops_a_rule() -> None:
    _, everything = report(EXAMPLES)
    assert "AN01" in {f["rule"] for f in everything["findings"]}
    _, data = report(EXAMPLES, "--exclude-rules", "AN01")
    assert "AN01" not in {f["rule"] for f in data["findings"]}
    assert [f["id"] for f in data["findings"]] == [
        f["id"] for f in everything["findings"] if f["rule"] != "AN01"
    ]


def test_summary_names_documents_claims_and_findings_by_kind() -> None:
    result, data = report(EXAMPLES)
    line = result.stderr.strip().splitlines()[-1]
    assert f"{len(data['documents'])} documents" in line
    assert f"{len(data['claims'])} claims" in line
    assert f"{len(data['findings'])} findings" in line
    kinds: dict[str, int] = {}
    for f in data["findings"]:
        kinds[f["kind"]] = kinds.get(f["kind"], 0) + 1
    for kind, n in kinds.items():
        assert re.search(rf"\b{kind} {n}\b", line), (kind, n, line)
    assert "0 skipped" in line


def test_summary_names_the_report_file(tmp_path: Path) -> None:
    result = run("check", EXAMPLES, "-o", tmp_path / "r.html")
    assert str(tmp_path / "r.html") in result.stderr


def test_quiet_prints_no_summary(agreeing: Path) -> None:
    result = run("check", agreeing, "-o", "r.html", "-q")
    assert result.exit_code == 0
    assert result.stderr == ""


def test_rules_command_lists_every_rule() -> None:
    result = run("rules")
    assert result.exit_code == 0
    codes = [line.split()[0] for line in result.stdout.splitlines() if line.strip()]
    assert {"DT01", "DT02", "NU02", "FR01", "OR01", "AN01"} <= set(codes)
    assert codes == sorted(codes)


def test_version() -> None:
    """One version: the package's, which its installed metadata repeats (pyproject.toml
    reads it from the package instead of writing its own)."""
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"consistency, version {consistency.__version__}"
    assert metadata.version("consistency") == consistency.__version__
    assert "version" in tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dynamic"]


def test_the_listing_on_standard_output_tells_its_summary_once(disagreeing: Path) -> None:
    listed = run("check", disagreeing)
    assert listed.stdout.rstrip("\n").splitlines()[-1].endswith("skipped inputs.")
    assert "findings (" not in listed.stderr  # no second summary on standard error
    written = run("check", disagreeing, "-o", "r.html")
    assert "findings (" in written.stderr and "wrote r.html" in written.stderr
