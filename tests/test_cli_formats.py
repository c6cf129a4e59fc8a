"""``consistency check``: each report format, chosen by --format or the output's suffix, to a
file or standard output, more of them with --also; every format is deterministic."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_support import EXAMPLES, FORMATS, STAMP, report, run, sniff

pytestmark = pytest.mark.usefixtures("in_empty_folder")


@pytest.mark.parametrize("fmt", FORMATS)
def test_each_format_to_a_file_and_to_stdout(fmt: str, tmp_path: Path) -> None:
    out = tmp_path / "out" / f"report.{fmt}"  # the missing folder is created
    to_file = run("check", EXAMPLES, "--format", fmt, "-o", out)
    to_stdout = run("check", EXAMPLES, "--format", fmt, "-o", "-")
    assert to_file.exit_code == to_stdout.exit_code == 1
    assert to_file.stdout == ""
    text = out.read_text(encoding="utf-8")
    assert sniff(text) == fmt
    assert STAMP.sub("", to_stdout.stdout) == STAMP.sub("", text)


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("r.html", "html"),
        ("r.htm", "html"),
        ("r.json", "json"),
        ("r.csv", "csv"),
        ("r.sarif", "sarif"),
        ("r.xml", "junit"),
        ("r.junit", "junit"),
        ("r.md", "md"),
        ("r.markdown", "md"),
        ("R.JSON", "json"),
        ("r.txt", "text"),
        ("r.out", "html"),  # documented: an unknown suffix falls back to html
    ],
)
def test_format_from_the_output_suffix(name: str, fmt: str, tmp_path: Path) -> None:
    result = run("check", EXAMPLES, "-o", tmp_path / name)
    assert result.exit_code == 1
    assert sniff((tmp_path / name).read_text(encoding="utf-8")) == fmt


def test_the_command_line_offers_every_report_format() -> None:
    from consistency import cli
    from consistency.reports import FORMATS as RENDERERS

    assert set(cli.FORMAT_NAMES) == set(RENDERERS)


def test_explicit_format_wins_over_the_suffix(tmp_path: Path) -> None:
    run("check", EXAMPLES, "--format", "json", "-o", tmp_path / "r.html")
    assert sniff((tmp_path / "r.html").read_text(encoding="utf-8")) == "json"


def test_stdout_without_format_is_the_terminal_listing() -> None:
    result = run("check", EXAMPLES)
    assert sniff(result.stdout) == "text"
    assert result.stdout.count("FAIL ") == 10
    assert "examples/harbour-courier.html:18" in result.stdout
    # HTML on standard output when asked for.
    assert sniff(run("check", EXAMPLES, "-f", "html").stdout) == "html"
    assert sniff(run("check", EXAMPLES, "-f", "html", "-o", "-").stdout) == "html"


def test_also_writes_more_formats_in_the_same_run(tmp_path: Path) -> None:
    result = run(
        "check", EXAMPLES, "-o", tmp_path / "r.html",
        "--also", f"json={tmp_path / 'r.json'}", "--also", f"sarif={tmp_path / 'sub' / 'r.out'}",
    )  # fmt: skip
    assert result.exit_code == 1
    assert sniff((tmp_path / "r.html").read_text(encoding="utf-8")) == "html"
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert data["schema"] == "consistency/findings@1"
    assert len(data["findings"]) == 10
    assert sniff((tmp_path / "sub" / "r.out").read_text(encoding="utf-8")) == "sarif"
    # The same findings as a run of its own.
    _, alone = report(EXAMPLES)
    assert data == alone


@pytest.mark.parametrize("spec", ["xml=r.xml", "json", "json=", "=r.json"])
def test_bad_also_is_a_usage_error(spec: str) -> None:
    result = run("check", EXAMPLES, "-o", "r.html", "--also", spec)
    assert result.exit_code == 2
    assert "--also" in result.output


def test_json_on_stdout_is_only_json() -> None:
    result, data = report(EXAMPLES)
    assert data["schema"] == "consistency/findings@1"  # parsed whole: nothing else on stdout
    assert "documents," in result.stderr and "documents," not in result.stdout


def test_json_two_runs_are_byte_identical(tmp_path: Path) -> None:
    run("check", EXAMPLES, "-o", tmp_path / "one.json")
    run("check", EXAMPLES, "-o", tmp_path / "two.json")
    assert (tmp_path / "one.json").read_bytes() == (tmp_path / "two.json").read_bytes()


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_is_deterministic(fmt: str) -> None:
    one = STAMP.sub("", run("check", EXAMPLES, "--format", fmt, "-o", "-").stdout)
    two = STAMP.sub("", run("check", EXAMPLES, "--format", fmt, "-o", "-").stdout)
    assert one == two
