"""``consistency check`` exit codes: 0 no failing findings, 1 failing findings, 2 the run could
not be done (a message, never a traceback)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from cli_articles import write
from cli_support import EXAMPLES, report, run

pytestmark = pytest.mark.usefixtures("in_empty_folder")


def test_examples_have_ten_findings_and_exit_1() -> None:
    result, data = report(EXAMPLES)
    assert result.exit_code == 1
    assert len(data["findings"]) == 10


@pytest.mark.parametrize("rules", [None, "OR01,AN01", "DT01"])
def test_fail_on_high_exits_1_only_for_high_findings(rules: str | None) -> None:
    select = ["--rules", rules] if rules else []
    result, data = report(EXAMPLES, "--fail-on", "high", *select)
    high = [f for f in data["findings"] if f["severity"] == "high"]
    assert result.exit_code == (1 if high else 0)
    if rules == "OR01,AN01":
        # Findings remain, none of them high: the run passes.
        assert data["findings"] and not high
        assert result.exit_code == 0
        assert report(EXAMPLES, "--fail-on", "medium", *select)[0].exit_code == 1


def test_fail_on_low_is_the_default(disagreeing: Path) -> None:
    assert run("check", disagreeing, "-o", "r.json").exit_code == 1
    assert run("check", disagreeing, "-o", "r.json", "--fail-on", "low").exit_code == 1


def test_two_agreeing_articles_exit_0(agreeing: Path) -> None:
    result, data = report(agreeing)
    assert result.exit_code == 0, data["findings"]
    assert data["findings"] == []
    assert len(data["documents"]) == 2
    # They were compared: both state the same (entity, event).
    keys: dict[tuple[str, str], set[str]] = {}
    for c in data["claims"]:
        keys.setdefault((c["entity"], c["event"]), set()).add(c["document"])
    assert any(len(docs) == 2 for docs in keys.values()), data["claims"]


def test_disagreeing_articles_exit_1(disagreeing: Path) -> None:
    result, data = report(disagreeing)
    assert result.exit_code == 1
    assert {f["rule"] for f in data["findings"]} >= {"DT01"}


# ---------------------------------------------------------------------------------------
# The run could not be done: exit 2, a message, never a traceback


def test_missing_path_exits_2(tmp_path: Path) -> None:
    result = run("check", tmp_path / "nope", "-o", "r.html")
    assert result.exit_code == 2
    assert "nope" in result.stderr
    assert "no readable articles" in result.stderr


def test_empty_folder_exits_2(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = run("check", tmp_path / "empty", "-o", "r.html")
    assert result.exit_code == 2
    assert "no readable articles" in result.stderr


def test_folder_of_unreadable_files_exits_2(tmp_path: Path) -> None:
    folder = write(tmp_path / "bad", {"empty.txt": "", "blank.md": "   \n\n"})
    result = run("check", folder, "-o", "r.html")
    assert result.exit_code == 2
    assert "empty.txt" in result.stderr
    assert "no readable articles" in result.stderr


def test_unknown_rule_exits_2() -> None:
    result = run("check", EXAMPLES, "--rules", "DT01,XX99", "-o", "r.html")
    assert result.exit_code == 2
    assert "XX99" in result.stderr
    assert "DT01" in result.stderr  # the message lists the rules there are


def test_unknown_excluded_rule_exits_2() -> None:
    result = run("check", EXAMPLES, "--exclude-rules", "XX99", "-o", "r.html")
    assert result.exit_code == 2
    assert "XX99" in result.stderr


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("rules = [", "cannot read"),
        ("bogus = 1\n", "bogus"),
        ('fail_on = "critical"\n', "fail_on"),
        ('rules = "DT01"\n', "rules"),
        ('rules = ["XX99"]\n', "XX99"),
        ("rules_options = 3\n", "rules_options"),
        ("[rules_options.DT01]\nbogus = 1\n", "bogus"),
    ],
)
def test_bad_config_file_exits_2(text: str, words: str, tmp_path: Path) -> None:
    (tmp_path / "settings.toml").write_text(text, encoding="utf-8")
    result = run("check", EXAMPLES, "--config", tmp_path / "settings.toml", "-o", "r.html")
    assert result.exit_code == 2
    assert result.stderr.startswith("consistency: error:")
    assert words in result.stderr


def test_missing_config_file_exits_2(tmp_path: Path) -> None:
    result = run("check", EXAMPLES, "--config", tmp_path / "nope.toml", "-o", "r.html")
    assert result.exit_code == 2
    assert "nope.toml" in result.stderr


@pytest.mark.parametrize(
    "content",
    [
        None,  # missing
        "not json",
        "{}",
        "[]",
        '{"findings": 3}',
        '{"findings": [{"rule": "DT01"}]}',
        b"\xff\xfe\x00garbage",
    ],
)
def test_bad_baseline_exits_2(content: str | bytes | None, tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        path.write_text(content, encoding="utf-8")
    result = run("check", EXAMPLES, "--baseline", path, "-o", "r.html")
    assert result.exit_code == 2
    assert "baseline.json" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        [],  # no PATH
        ["--format", "xml"],
        ["--fail-on", "critical"],
        ["--field", "body=text"],
        ["--lexicon", "missing.yaml"],
        ["--no-such-option"],
    ],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    paths = [EXAMPLES] if args else []
    result = run("check", *paths, *args, "-o", "r.html")
    assert result.exit_code == 2
    assert result.output.strip()


def test_output_that_is_a_folder_exits_2(tmp_path: Path) -> None:
    (tmp_path / "reports").mkdir()
    result = run("check", EXAMPLES, "-o", tmp_path / "reports")
    assert result.exit_code == 2


def test_new_path_that_does_not_exist_exits_2(tmp_path: Path) -> None:
    result = run("check", EXAMPLES, "--new", tmp_path / "drop-typo", "-o", "r.json")
    assert result.exit_code == 2


def test_real_console_script_prints_no_traceback(tmp_path: Path) -> None:
    (tmp_path / "c.toml").write_text("bogus = 1\n", encoding="utf-8")
    for args in (["check", str(tmp_path / "nope")], ["check", str(EXAMPLES), "--config", "c.toml"]):
        proc = subprocess.run(
            [sys.executable, "-m", "consistency.cli", *args, "-o", "r.html"],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert proc.returncode == 2, proc.stderr
        assert "Traceback" not in proc.stderr + proc.stdout
        assert proc.stderr.startswith("consistency:")
