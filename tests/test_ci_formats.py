"""The formats CI tools read: JUnit decided by ``--fail-on``, GitHub workflow commands, GitLab
Code Quality, SARIF lines in the original files, the terminal listing, the Markdown
summary; and reports written atomically.

Most tests render a result built here by hand (three findings: high and failing, medium and
accepted, low and below ``--fail-on medium``); the SARIF test runs over ``examples/``.
"""

from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from consistency import atomic
from consistency.cli import main
from consistency.models import (
    Acceptance,
    Cited,
    Claim,
    Document,
    Finding,
    Result,
    Review,
    Skipped,
)
from consistency.reports import render
from consistency.reports.github import escape_data, escape_property

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

WIRE_TEXT = "Stanmore Port handled 40,000 containers in 2024.\n\nIts new crane arrived in March."
POST_TEXT = "The port, Stanmore Port, handled 52,000 containers in 2024."


def _claim(doc: Document, sentence: str, n: int) -> Claim:
    start = doc.text.index(sentence)
    return Claim(
        f"{doc.id}#{n}", doc.id, sentence, (start, start + len(sentence)), "Stanmore Port", "handle"
    )


def build() -> Result:
    wire = Document(
        id="wire.txt", path="drop/wire, final.txt", name="wire, final.txt", text=WIRE_TEXT,
        outlet="Coast \x1b[31mWire", positions=((0, 7, 1), (WIRE_TEXT.index("Its"), 9, 3)),
    )  # fmt: skip
    post = Document(id="post.txt", path="drop/post.txt", name="post.txt", text=POST_TEXT)
    a = _claim(wire, "Stanmore Port handled 40,000 containers in 2024.", 1)
    b = _claim(post, POST_TEXT, 1)
    c = _claim(wire, "Its new crane arrived in March.", 2)

    def finding(rule: str, severity: str, fp: str, cited: tuple[Cited, ...], msg: str) -> Finding:
        return Finding(rule, "number", severity, 0.9, "Stanmore Port", "handle", msg, cited,
                       fingerprint=fp)  # fmt: skip

    high = finding(
        "NU02", "high", "NU02-aaaaaaaaaaaa",
        (Cited(a, "40,000 containers"), Cited(b, "52,000 containers")),
        "Coast Wire counts 40,000 containers; 100% of\nthe Post's 52,000.",
    )  # fmt: skip
    medium = finding("IN01", "medium", "IN01-bbbbbbbbbbbb", (Cited(c, "2024-03"),), "Crane.")
    low = finding("AN01", "low", "AN01-cccccccccccc", (Cited(b, "2024"),), "A low one.")
    review = Review(
        fail_on="medium",
        accepted={"IN01-bbbbbbbbbbbb": Acceptance("IN01-bbbbbbbbbbbb", "Known, says the desk",
                                                  until=date(2031, 1, 31))},
        failing=frozenset({"NU02-aaaaaaaaaaaa"}),
    )  # fmt: skip
    return Result(
        documents=[wire, post],
        claims_list=[a, b, c],
        findings_list=[high, medium, low],
        skipped=[Skipped("drop/scan.pdf", "not a text format (pdf)")],
        review=review,
    )


# ---------------------------------------------------------------------------------------
# JUnit: --fail-on decides


def test_junit_fails_only_the_failing_findings() -> None:
    root = ET.fromstring(render(build(), "junit").encode("utf-8"))
    suite = root.find("testsuite")
    assert suite is not None
    assert suite.get("failures") == "1"
    assert suite.get("skipped") == "2"  # the accepted finding and the unreadable input
    cases = {c.get("name", "").split(" [")[-1].rstrip("]"): c for c in suite.iter("testcase")}
    failing = cases["NU02-aaaaaaaaaaaa"]
    assert failing.find("failure") is not None
    accepted = cases["IN01-bbbbbbbbbbbb"]
    assert accepted.find("failure") is None
    skipped = accepted.find("skipped")
    assert skipped is not None
    assert skipped.get("message") == "accepted: Known, says the desk (until 2031-01-31)"
    below = cases["AN01-cccccccccccc"]
    assert below.find("failure") is None and below.find("skipped") is None
    assert "below --fail-on medium" in (below.findtext("system-out") or "")
    # The failure's body says where each sentence is in its file.
    assert "drop/wire, final.txt:7" in (failing.findtext("failure") or "")


def test_a_green_junit_lists_no_failure() -> None:
    result = build()
    assert result.review is not None
    result.review = Review(fail_on="high", accepted=result.review.accepted)
    root = ET.fromstring(render(result, "junit").encode("utf-8"))
    assert root.get("failures") == "0"
    assert not list(root.iter("failure"))


# ---------------------------------------------------------------------------------------
# GitHub workflow commands


def test_github_commands_by_severity_with_real_lines() -> None:
    lines = render(build(), "github").splitlines()
    assert len(lines) == 4  # three findings and the summary line
    high, medium, low, summary = lines
    assert high.startswith("::error file=drop/wire%2C final.txt,line=7,col=1,endLine=7,")
    assert "title=NU02 number (high)::" in high
    assert medium.startswith("::notice file=drop/wire%2C final.txt,line=9,col=3,")  # accepted
    assert "title=IN01 number (medium) accepted::" in medium
    assert "accepted: Known, says the desk" in medium
    assert low.startswith("::notice file=drop/post.txt,line=1,col=1,")
    assert summary.startswith("3 findings (1 high, 1 medium, 1 low): 1 failing at --fail-on")


def test_github_escapes_data_and_properties() -> None:
    assert escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    high = render(build(), "github").splitlines()[0]
    message = high.split("::", 2)[2]
    # The article's newline and percent sign cannot end the command or fake an escape.
    assert "100%25 of the Post" in message and "%0A" in message
    assert "\x1b" not in high  # control characters of an outlet's name are dropped


# ---------------------------------------------------------------------------------------
# GitLab Code Quality


def test_codeclimate_issues() -> None:
    issues = json.loads(render(build(), "codeclimate"))
    assert render(build(), "gitlab") == render(build(), "codeclimate")
    assert [i["fingerprint"] for i in issues] == [
        "NU02-aaaaaaaaaaaa",
        "IN01-bbbbbbbbbbbb",
        "AN01-cccccccccccc",
    ]
    assert [i["severity"] for i in issues] == ["critical", "info", "minor"]
    first = issues[0]
    assert first["type"] == "issue" and first["check_name"] == "NU02"
    assert first["description"].startswith("Coast Wire counts 40,000")
    assert first["location"] == {"path": "drop/wire, final.txt", "lines": {"begin": 7, "end": 7}}
    assert first["other_locations"] == [{"path": "drop/post.txt", "lines": {"begin": 1, "end": 1}}]
    assert "52,000 containers" in first["content"]["body"]


# ---------------------------------------------------------------------------------------
# Terminal listing, Markdown, HTML


def test_text_listing_marks_each_finding() -> None:
    text = render(build(), "text")
    blocks = text.split("\n\n")
    assert blocks[0].startswith("FAIL     NU02 number high: Stanmore Port, handle  [NU02-")
    assert "drop/wire, final.txt:7" in blocks[0] and "drop/post.txt:1" in blocks[0]
    assert blocks[1].startswith("ACCEPTED IN01")
    assert "accepted: Known, says the desk (until 2031-01-31)" in blocks[1]
    assert blocks[2].startswith("below    AN01")
    assert "\x1b" not in text
    assert text.endswith("1 failing at --fail-on medium, 1 accepted, 1 below it;"
                         " 2 documents, 3 claims, 1 skipped input.\n")  # fmt: skip


def test_markdown_marks_status_and_stays_compact() -> None:
    text = render(build(), "md")
    rows = [line for line in text.splitlines() if re.match(r"^\| \d+ \|", line)]
    assert [row.split(" | ")[1] for row in rows] == [
        "❌ failing",
        "✅ accepted",
        "⚪ below --fail-on",
    ]
    assert "**1 failing** at --fail-on medium, 1 accepted, 1 below --fail-on" in text
    assert "✅ accepted: Known, says the desk \\(until 2031-01-31\\)" in text
    assert text.count("<details>") == 3

    many = build()
    many.findings_list = [
        Finding(**{**f.__dict__, "fingerprint": f"NU02-{n:012x}"})
        for n, f in enumerate([many.findings_list[0]] * 400)
    ]
    big = render(many, "md")
    assert len(big) < 65_536
    assert big.count("| ❌ failing |") + big.count("| ⚪ below --fail-on |") == 400  # every row
    assert "are left out here" in big


def test_html_shows_accepted_and_below_badges() -> None:
    html = render(build(), "html")
    assert html.count(">ACCEPTED</span>") == 1
    assert "accepted: Known, says the desk (until 2031-01-31)" in html
    assert html.count(">BELOW --FAIL-ON</span>") == 1


# ---------------------------------------------------------------------------------------
# SARIF: the real line in the original file


@pytest.fixture(scope="module")
def examples_sarif(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("sarif") / "r.sarif"
    result = CliRunner().invoke(main, ["check", str(EXAMPLES), "-f", "sarif", "-o", str(out)])
    assert result.exit_code == 1, result.output
    data: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return data


def test_sarif_regions_are_lines_of_the_original_files(examples_sarif: dict[str, Any]) -> None:
    seen = 0
    for result in examples_sarif["runs"][0]["results"]:
        for loc in result["locations"]:
            physical = loc["physicalLocation"]
            path = Path(physical["artifactLocation"]["uri"].removeprefix("file://"))
            region = physical["region"]
            line = path.read_text(encoding="utf-8").split("\n")[region["startLine"] - 1]
            source = line[region["startColumn"] - 1 :]
            first_words = " ".join(region["snippet"]["text"].split()[:3])
            if path.suffix == ".json":
                # Inside the field that holds the text: the same line, JSON-escaped.
                first_words = json.dumps(first_words)[1:-1]
            assert source.startswith(first_words), (path.name, region, source[:60])
            seen += 1
    assert seen >= 15


def test_sarif_lines_are_not_counted_in_the_extracted_text(examples_sarif: dict[str, Any]) -> None:
    lines = {
        (Path(loc["physicalLocation"]["artifactLocation"]["uri"]).name,
         loc["physicalLocation"]["region"]["startLine"])
        for r in examples_sarif["runs"][0]["results"]
        for loc in r["locations"]
    }  # fmt: skip
    # The Courier's sentence on the CWA sits on line 18 of the page; the Daily's on line 10
    # (under its header lines); every Post sentence on the line of the JSON "body" field.
    assert ("harbour-courier.html", 18) in lines
    assert ("alder-daily.txt", 10) in lines
    assert {n for name, n in lines if name == "bayside-post.json"} == {8}


# ---------------------------------------------------------------------------------------
# Reports are written atomically


def test_every_output_is_renamed_into_place_from_its_own_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    moves: list[tuple[Path, Path]] = []
    real_replace = os.replace

    def replace(src: str, dst: Any) -> None:
        moves.append((Path(src), Path(dst)))
        real_replace(src, dst)

    monkeypatch.setattr(atomic.os, "replace", replace)
    monkeypatch.chdir(tmp_path)
    args = ["check", str(EXAMPLES), "-q", "-o", "out/r.sarif"]
    for fmt in ("json", "junit", "md", "html", "csv", "text", "github", "codeclimate"):
        args += ["--also", f"{fmt}=out/{fmt}/r.{fmt}"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.output
    assert len(moves) == 9
    for src, dst in moves:
        assert src.resolve().parent == dst.resolve().parent
        assert dst.exists() and not src.exists()
    assert sorted(p.name for p in (tmp_path / "out").rglob(".*")) == []  # no temporary left


def test_a_failed_write_leaves_the_old_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "r.json"
    target.write_text("old report\n", encoding="utf-8")
    os.chmod(target, 0o640)

    def fail(src: str, dst: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", fail)
    with pytest.raises(OSError) as raised:
        atomic.write_text(target, "new report\n")
    assert raised.value.filename == str(target)
    assert target.read_text(encoding="utf-8") == "old report\n"
    assert [p.name for p in tmp_path.iterdir()] == ["r.json"]
    monkeypatch.undo()
    atomic.write_text(target, "new report\n")
    assert target.read_text(encoding="utf-8") == "new report\n"
    assert (target.stat().st_mode & 0o777) == 0o640  # the replaced file's mode is kept
