"""The command line (``consistency check``, ``rules``): formats, exit codes, options, errors.

Each test runs the CLI in-process with click's CliRunner, in an empty working folder (so no
``consistency.toml`` or ``pyproject.toml`` of the checkout leaks in), over the project's
``examples/`` or over small invented articles written here.

Exit codes (DESIGN.md): 0 no failing findings, 1 failing findings, 2 the run could not be done.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from consistency.cli import main

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
FORMATS = ("text", "html", "json", "csv", "sarif", "junit", "md", "github", "codeclimate")

# ---------------------------------------------------------------------------------------
# Invented articles

# Two outlets disagree on when the council approved the budget (DT01, high); the Gazette
# also tells a fine as past but dates it after its own publication (AN01, medium).
GAZETTE_BUDGET = """date 2024-05-02
Title: Millbrook opens its new library
Outlet: Millbrook Gazette

The Millbrook Town Council approved the library budget in March 2023.
"""
GAZETTE = (
    GAZETTE_BUDGET
    + "\nThe Millbrook Town Council fined the contractor $5,000 in August 2024 over delays.\n"
)
HERALD = """date 2024-05-03
Title: Library draws crowds
Outlet: Valley Herald

The Millbrook Town Council approved the library budget in June 2022.
"""
# Agrees with the Gazette: March 2023 lies inside 2023.
AGREEING = """date 2024-05-03
Title: Library draws crowds
Outlet: Valley Herald

The Millbrook Town Council approved the library budget in 2023.
"""
# A third outlet on another matter: nothing to disagree with.
UNRELATED = """date 2024-05-04
Title: Ferry timetable
Outlet: Riverside Times

The Riverside Ferry Company launched a night service in April 2024.
"""


def write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(autouse=True)
def _in_empty_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def disagreeing(tmp_path: Path) -> Path:
    return write(tmp_path / "dis", {"gazette.txt": GAZETTE, "herald.txt": HERALD})


@pytest.fixture
def agreeing(tmp_path: Path) -> Path:
    return write(tmp_path / "agree", {"gazette.txt": GAZETTE_BUDGET, "herald.txt": AGREEING})


def run(*args: Any) -> Result:
    """Invoke the CLI; an exception other than SystemExit is a bug (a user sees a traceback)."""
    result = CliRunner().invoke(main, [str(a) for a in args])
    exc = result.exception
    if exc is not None and not isinstance(exc, SystemExit):
        raise AssertionError(f"uncaught {type(exc).__name__}: {exc}") from exc
    assert "Traceback" not in result.output
    return result


def report(*args: Any) -> tuple[Result, dict[str, Any]]:
    """Run ``check`` with the JSON report on standard output; the result and the report."""
    result = run("check", *args, "--format", "json", "-o", "-")
    return result, json.loads(result.stdout)


def sniff(text: str) -> str:
    """Which of our formats ``text`` is."""
    if text.startswith("<!DOCTYPE html"):
        return "html"
    last = text.rstrip("\n").splitlines()[-1]
    if re.match(r"^\d+ findings? .*\d+ skipped inputs?\.$", last):
        body = text.splitlines()[:-1]
        if body and all(line.startswith(("::error ", "::warning ", "::notice ")) for line in body):
            return "github"
        return "text"
    if text.lstrip().startswith("["):
        issues = json.loads(text)
        assert all({"check_name", "fingerprint", "severity", "location"} <= set(i) for i in issues)
        return "codeclimate"
    if text.startswith("<?xml"):
        assert ET.fromstring(text.encode("utf-8")).tag in {"testsuites", "testsuite"}
        return "junit"
    if text.lstrip().startswith("{"):
        data = json.loads(text)
        if data.get("schema") == "consistency/findings@1":
            return "json"
        assert data["version"] == "2.1.0" and isinstance(data["runs"], list)
        return "sarif"
    if text.startswith("#"):
        return "md"
    header = next(csv.reader(io.StringIO(text)))
    assert {"rule", "severity", "quote"} <= set(header), header
    return "csv"


# ---------------------------------------------------------------------------------------
# Formats


# The HTML report says when it was made; everything else is the same byte for byte.
_STAMP = re.compile(r'<time class="generated" datetime="[^"]*">[^<]*</time>')


@pytest.mark.parametrize("fmt", FORMATS)
def test_each_format_to_a_file_and_to_stdout(fmt: str, tmp_path: Path) -> None:
    out = tmp_path / "out" / f"report.{fmt}"  # the missing folder is created
    to_file = run("check", EXAMPLES, "--format", fmt, "-o", out)
    to_stdout = run("check", EXAMPLES, "--format", fmt, "-o", "-")
    assert to_file.exit_code == to_stdout.exit_code == 1
    assert to_file.stdout == ""
    text = out.read_text(encoding="utf-8")
    assert sniff(text) == fmt
    assert _STAMP.sub("", to_stdout.stdout) == _STAMP.sub("", text)


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


# ---------------------------------------------------------------------------------------
# Exit codes


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
    result = run("--version")
    assert result.exit_code == 0
    assert "consistency" in result.stdout


# ---------------------------------------------------------------------------------------
# The JSON contract (DESIGN.md)

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


def test_json_two_runs_are_byte_identical(tmp_path: Path) -> None:
    run("check", EXAMPLES, "-o", tmp_path / "one.json")
    run("check", EXAMPLES, "-o", tmp_path / "two.json")
    assert (tmp_path / "one.json").read_bytes() == (tmp_path / "two.json").read_bytes()


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_is_deterministic(fmt: str) -> None:
    one = _STAMP.sub("", run("check", EXAMPLES, "--format", fmt, "-o", "-").stdout)
    two = _STAMP.sub("", run("check", EXAMPLES, "--format", fmt, "-o", "-").stdout)
    assert one == two


def test_the_listing_on_standard_output_tells_its_summary_once(disagreeing: Path) -> None:
    listed = run("check", disagreeing)
    assert listed.stdout.rstrip("\n").splitlines()[-1].endswith("skipped inputs.")
    assert "findings (" not in listed.stderr  # no second summary on standard error
    written = run("check", disagreeing, "-o", "r.html")
    assert "findings (" in written.stderr and "wrote r.html" in written.stderr
