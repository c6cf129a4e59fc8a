"""Accepted findings (``consistency.accepted``, ``consistency accept``, ``check --accepted``).

An accepted finding is still reported, marked as accepted in every format, and does not
fail the run until its ``until`` day has passed; entries whose finding is gone are listed
as stale. A ``--baseline`` report works the same way, with the reason "baseline".

The CLI tests run over two small articles written here that disagree on a date and on a
figure (two high findings).
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result

from consistency import accepted
from consistency.cli import main
from consistency.errors import ConfigError
from consistency.models import Acceptance, Cited, Claim, Document, Finding
from consistency.models import Result as CheckResult

LEDGER = """date 2025-06-10
Title: Tollbridge reopens
Outlet: Marsden Ledger

The Marsden Tollbridge reopened to traffic in April 2025 after repairs.

The county council spent $3 million on the repairs, officials said.
"""
GAZETTE = """date 2025-06-11
Title: Bridge back in use
Outlet: Hollin Gazette

The Marsden Tollbridge reopened to traffic in February 2025 after repairs.

The county council spent $9 million on the repairs, officials said.
"""
FAR = (date.today() + timedelta(days=3650)).isoformat()


@pytest.fixture(autouse=True)
def _in_empty_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def story(tmp_path: Path) -> Path:
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "ledger.txt").write_text(LEDGER, encoding="utf-8")
    (folder / "gazette.txt").write_text(GAZETTE, encoding="utf-8")
    return folder


def run(*args: Any) -> Result:
    result = CliRunner().invoke(main, [str(a) for a in args])
    exc = result.exception
    if exc is not None and not isinstance(exc, SystemExit):
        raise AssertionError(f"uncaught {type(exc).__name__}: {exc}") from exc
    assert "Traceback" not in result.output
    return result


def check_json(*args: Any) -> tuple[Result, dict[str, Any]]:
    result = run("check", *args, "-f", "json", "-o", "report.json")
    return result, json.loads(Path("report.json").read_text(encoding="utf-8"))


def _ids(report: dict[str, Any]) -> list[str]:
    return [f["id"] for f in report["findings"]]


# ---------------------------------------------------------------------------------------
# consistency accept


def test_accept_writes_a_reviewable_entry_from_the_report(story: Path) -> None:
    _, report = check_json(story)
    first = _ids(report)[0]
    result = run(
        "accept", first, "--reason", "Both outlets quote  officials.", "--until", FAR,
        "--report", "report.json",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert f"accepted {first} until {FAR}" in result.stderr
    path = Path(".consistency/accepted.yaml")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Findings accepted by the desk")
    (entry,) = yaml.safe_load(text)["accepted"]
    assert entry["fingerprint"] == first
    assert entry["reason"] == "Both outlets quote officials."
    assert entry["until"] == date.fromisoformat(FAR)
    assert entry["rule"] == first.split("-")[0]
    # The one-line summary names the values and the outlets.
    assert "Marsden Ledger" in entry["summary"] and "Hollin Gazette" in entry["summary"]
    assert len(entry["documents"]) == 2 and all(d.startswith("sha256:") for d in entry["documents"])


def test_accept_again_updates_the_entry(tmp_path: Path) -> None:
    target = tmp_path / "lists" / "ok.yaml"
    assert run("accept", "DT02-0123456789ab", "--reason", "one", "--file", target).exit_code == 0
    assert run("accept", "NU02-0123456789ab", "--reason", "two", "--file", target).exit_code == 0
    again = run("accept", "DT02-0123456789ab", "--reason", "three", "--file", target)
    assert again.exit_code == 0 and "updated DT02-0123456789ab" in again.stderr
    entries = accepted.load(target)
    assert [(e.fingerprint, e.reason) for e in entries] == [
        ("DT02-0123456789ab", "three"),
        ("NU02-0123456789ab", "two"),
    ]


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["not-a-fingerprint", "--reason", "x"], "not a fingerprint"),
        (["DT02-0123456789ab", "--reason", "   "], "--reason"),
        (["DT02-0123456789ab", "--reason", "x", "--until", "2001-01-01"], "already passed"),
        (["DT02-0123456789ab", "--reason", "x", "--until", "soon"], "--until"),
        (["DT02-0123456789ab", "--reason", "x", "--report", "missing.json"], "missing.json"),
    ],
)
def test_accept_refuses_bad_input_with_exit_2(args: list[str], words: str) -> None:
    result = run("accept", *args)
    assert result.exit_code == 2
    assert words in result.output
    assert not Path(".consistency/accepted.yaml").exists()


@pytest.mark.parametrize(
    "content",
    [
        '{"findings": [{"id": "DT02-0123456789ab", "claims": 3}]}',
        '{"findings": [{"id": "DT02-0123456789ab", "claims": [{"document": [1]}]}]}',
        '{"findings": [], "documents": [{"id": ["x"]}]}',
        '{"findings": [], "documents": 5}',
        '["DT02-0123456789ab"]',
    ],
)
def test_a_malformed_report_exits_2_naming_it(story: Path, content: str) -> None:
    Path("odd.json").write_text(content, encoding="utf-8")
    result = run("accept", "DT02-0123456789ab", "--reason", "x", "--report", "odd.json")
    assert result.exit_code == 2 and "odd.json" in result.stderr
    result = run("check", story, "-o", "r.json", "--baseline", "odd.json")
    assert result.exit_code == 2 and "odd.json" in result.stderr


def test_accept_refuses_a_fingerprint_the_report_does_not_hold(story: Path) -> None:
    check_json(story)
    result = run("accept", "DT01-0123456789ab", "--reason", "x", "--report", "report.json")
    assert result.exit_code == 2
    assert "not a finding of the report" in result.stderr


# ---------------------------------------------------------------------------------------
# check with an accepted list


def test_accepted_findings_do_not_fail_the_run(story: Path) -> None:
    first, _ = check_json(story)
    assert first.exit_code == 1
    for fingerprint in _ids(json.loads(Path("report.json").read_text(encoding="utf-8"))):
        assert run("accept", fingerprint, "--reason", "checked by the desk").exit_code == 0
    result, report = check_json(story)
    assert result.exit_code == 0, result.stderr
    assert len(report["findings"]) == 2  # still reported
    for f in report["findings"]:
        assert f["status"] == "accepted"
        assert f["accepted"] == {"reason": "checked by the desk", "until": None, "from": "accepted"}
    assert report["summary"]["accepted"] == 2 and report["summary"]["failing"] == 0
    assert ", 2 accepted;" in result.stderr


def test_only_the_accepted_finding_is_let_through(story: Path) -> None:
    _, report = check_json(story)
    one, other = _ids(report)
    run("accept", one, "--reason", "fine")
    result, report = check_json(story)
    assert result.exit_code == 1
    statuses = {f["id"]: f["status"] for f in report["findings"]}
    assert statuses == {one: "accepted", other: "failing"}


def test_an_expired_acceptance_fails_again(story: Path) -> None:
    _, report = check_json(story)
    Path(".consistency").mkdir()
    entries = [
        {"fingerprint": f, "reason": "until the correction", "until": "2001-01-31"}
        for f in _ids(report)
    ]
    Path(".consistency/accepted.yaml").write_text(yaml.safe_dump({"accepted": entries}))
    result, report = check_json(story)
    assert result.exit_code == 1
    assert all(f["status"] == "failing" and f["accepted"] is None for f in report["findings"])
    assert "ended on 2001-01-31" in result.stderr
    assert len(report["summary"]["expired"]) == 2


def test_stale_entries_are_listed_on_stderr_and_in_the_json(story: Path) -> None:
    _, report = check_json(story)
    real = _ids(report)[0]
    gone = real.split("-")[0] + "-0123456789ab"
    run("accept", real, "--reason", "fine", "--report", "report.json")
    run("accept", gone, "--reason", "an old disagreement")
    # An entry of a rule that did not run, or of articles not read, is not called stale.
    run("accept", "FR01-0123456789ab", "--reason", "another rule")
    result, report = check_json(story, "--rules", "DT02,NU02")
    assert f"stale accepted entry {gone}" in result.stderr
    assert real not in result.stderr and "FR01-0123456789ab" not in result.stderr
    assert [e["fingerprint"] for e in report["summary"]["stale"]] == [gone]
    # Over other inputs, the entry that names its articles is not stale either.
    other = story.parent / "other"
    other.mkdir()
    (other / "ledger.txt").write_text(LEDGER, encoding="utf-8")
    result, report = check_json(other, "--rules", "DT02,NU02")
    assert [e["fingerprint"] for e in report["summary"]["stale"]] == [gone]


def test_accepted_file_option_and_settings(story: Path, tmp_path: Path) -> None:
    _, report = check_json(story)
    lists = tmp_path / "desk"
    for f in _ids(report):
        run("accept", f, "--reason", "ok", "--file", lists / "ok.yaml")
    assert run("check", story, "-q", "-o", "r.json").exit_code == 1  # not the default file
    assert run("check", story, "-q", "-o", "r.json", "--accepted", lists / "ok.yaml").exit_code == 0
    Path("consistency.toml").write_text('accepted = "desk/ok.yaml"\n', encoding="utf-8")
    assert run("check", story, "-q", "-o", "r.json").exit_code == 0
    # accept writes where the settings say.
    assert run("accept", "AN01-0123456789ab", "--reason", "x").exit_code == 0
    assert "AN01-0123456789ab" in (lists / "ok.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("accepted: [", "not valid YAML"),
        ("accepted: 3\n", "must be a list"),
        ("wrong: []\n", "unknown key"),
        ("accepted:\n- reason: x\n", "fingerprint"),
        ("accepted:\n- fingerprint: DT02-0123456789ab\n", "a reason is required"),
        (
            "accepted:\n- {fingerprint: DT02-0123456789ab, reason: x, untill: 2030-01-01}\n",
            "untill",
        ),
        ("accepted:\n- {fingerprint: DT02-0123456789ab, reason: x, until: soon}\n", "not a day"),
        (
            "accepted:\n- {fingerprint: DT02-0123456789ab, reason: x}\n"
            "- {fingerprint: DT02-0123456789ab, reason: y}\n",
            "entries 1 and 2",
        ),
    ],
)
def test_a_bad_accepted_list_exits_2_naming_the_file(story: Path, text: str, words: str) -> None:
    Path(".consistency").mkdir()
    Path(".consistency/accepted.yaml").write_text(text, encoding="utf-8")
    result = run("check", story, "-o", "r.json")
    assert result.exit_code == 2
    assert "accepted.yaml" in result.stderr and words in result.stderr


def test_a_missing_accepted_list_named_on_the_command_line_exits_2(story: Path) -> None:
    result = run("check", story, "-o", "r.json", "--accepted", "nope.yaml")
    assert result.exit_code == 2
    assert "nope.yaml" in result.stderr


# ---------------------------------------------------------------------------------------
# --baseline on the same basis


def test_baseline_findings_are_accepted_with_the_reason_baseline(story: Path) -> None:
    run("check", story, "-f", "json", "-o", "base.json")
    result, report = check_json(story, "--baseline", "base.json")
    assert result.exit_code == 0
    assert all(f["accepted"]["from"] == "baseline" for f in report["findings"])
    # The accepted list's own reason wins over "baseline".
    first = _ids(report)[0]
    run("accept", first, "--reason", "the desk's reason")
    _, report = check_json(story, "--baseline", "base.json")
    assert report["findings"][0]["accepted"]["reason"] == "the desk's reason"


def test_sarif_baseline_state_and_suppressions(story: Path) -> None:
    # A baseline that holds one of today's findings and one that is gone since.
    run("check", story, "-f", "json", "-o", "base.json")
    base = json.loads(Path("base.json").read_text(encoding="utf-8"))
    kept, dropped = base["findings"]
    base["findings"] = [kept, {**dropped, "id": "NU02-0123456789ab", "rule": "NU02"}]
    Path("base.json").write_text(json.dumps(base), encoding="utf-8")
    run("check", story, "-f", "sarif", "-o", "r.sarif", "--baseline", "base.json")
    results = json.loads(Path("r.sarif").read_text(encoding="utf-8"))["runs"][0]["results"]
    states = {r["partialFingerprints"]["consistency/v2"]: r.get("baselineState") for r in results}
    assert states == {kept["id"]: "unchanged", dropped["id"]: "new", "NU02-0123456789ab": "absent"}
    by_id = {r["partialFingerprints"]["consistency/v2"]: r for r in results}
    assert by_id[kept["id"]]["suppressions"] == [
        {"kind": "external", "status": "accepted", "justification": "baseline"}
    ]
    assert "suppressions" not in by_id[dropped["id"]]
    assert "locations" not in by_id["NU02-0123456789ab"]


# ---------------------------------------------------------------------------------------
# The review itself


def _doc(name: str, text: str) -> Document:
    return Document(id=name, path=name, name=name, text=text)


def _result() -> CheckResult:
    doc = _doc("a.txt", "Acme won a licence in May.")
    claim = Claim("a.txt#1", "a.txt", doc.text, (0, len(doc.text)), "Acme", "licensed")
    finding = Finding(
        "DT01", "date", "high", 1.0, "Acme", "licensed", "m", (Cited(claim, "2024-05"),),
        fingerprint="DT01-aaaaaaaaaaaa",
    )  # fmt: skip
    return CheckResult(documents=[doc], claims_list=[claim], findings_list=[finding])


def test_review_sorts_entries_into_in_force_stale_and_expired() -> None:
    today = date(2025, 6, 1)
    entries = [
        Acceptance("DT01-aaaaaaaaaaaa", "ok", until=date(2025, 6, 1)),  # its last day
        Acceptance("DT01-bbbbbbbbbbbb", "gone", rule="DT01"),
        Acceptance("DT01-cccccccccccc", "gone, other articles", rule="DT01", documents=("x",)),
        Acceptance("NU02-dddddddddddd", "rule not run", rule="NU02"),
    ]
    review = accepted.review(_result(), entries, rules_run=["DT01"], today=today)
    assert set(review.accepted) == {e.fingerprint for e in entries}
    assert [e.fingerprint for e in review.stale] == ["DT01-bbbbbbbbbbbb"]
    later = accepted.review(_result(), entries, rules_run=["DT01"], today=date(2025, 6, 2))
    assert "DT01-aaaaaaaaaaaa" not in later.accepted
    assert [e.fingerprint for e in later.expired] == ["DT01-aaaaaaaaaaaa"]
    assert review.baseline is None and review.absent == ()


def test_load_reads_a_bare_list_and_an_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("- {fingerprint: DT01-aaaaaaaaaaaa, reason: ok, until: 2030-05-01}\n")
    (entry,) = accepted.load(path)
    assert entry.until == date(2030, 5, 1)
    path.write_text("# nothing yet\n")
    assert accepted.load(path) == []
    with pytest.raises(ConfigError, match="a.yaml"):
        accepted.load(tmp_path / "none" / "a.yaml")
