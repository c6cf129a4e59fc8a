"""The eval command: the yardstick's rule (../shared/corpus/score.py), keys found per story,
and the same figures as score.py on every real story and on the seeds."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
import yaml
from click.testing import CliRunner

from consistency.cli import main
from consistency.evaluate import (
    Story,
    evaluate,
    format_report,
    matches,
    overlap,
    report_json,
    same_doc,
    score_story,
)
from consistency.models import Cited, Claim, Finding, Result

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
REAL = CORPUS / "real"
SCORE = CORPUS / "score.py"

# Invented sentences, in the shape of the real keys.
LAID_OFF_A = "Harbourview Mills laid off 1,200 workers at its northern plant on Friday."
LAID_OFF_B = "On Friday Harbourview Mills laid off 1,500 workers at its northern plant."
LAID_OFF_C = "The company said Harbourview Mills laid off 1,500 workers at its plant."
OPENED_A = "The northern plant of Harbourview Mills opened its gates in 1998 to the public."
OPENED_B = "Records show the northern plant of Harbourview Mills opened its gates in 1998."


def item(kind: str, *claims: tuple[str, str, Any], **extra: Any) -> dict[str, Any]:
    return {
        "kind": kind,
        "entity": "Harbourview Mills",
        "event": "laid off",
        "claims": [{"source": s, "says": q, "value": v} for s, q, v in claims],
        **extra,
    }


LAYOFFS = item(
    "count",
    ("a.txt", "laid off 1,200 workers at its northern plant", "1200"),
    ("b.txt", "laid off 1,500 workers at its northern plant", "1500"),
)
THREE = item(
    "count",
    ("a.txt", "laid off 1,200 workers at its northern plant", "1200"),
    ("b.txt", "laid off 1,500 workers at its northern plant", "1500"),
    ("c.txt", "Harbourview Mills laid off 1,500 workers at its plant", "1500"),
)
AGREED = item(
    "date",
    ("a.txt", "plant of Harbourview Mills opened its gates in 1998", "1998"),
    ("b.txt", "plant of Harbourview Mills opened its gates in 1998", "1998"),
    event="opened",
)
ALONE = item("anachronism", ("a.txt", "laid off 1,200 workers at its northern plant", "2031"))


# ---------------------------------------------------------------------------------------
# The rule, table by table


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("one two three four five six seven", "zero one two three four five six", True),
        ("one two three four five six", "one two three four five seven", False),  # five only
        ("Sixty-two people died, officials said", "sixty two people died", True),  # shorter whole
        ("Laid off 1,200 workers", "they laid off 1 200 workers", True),  # punctuation is no word
        ("", "anything at all", False),
        (None, "anything at all", False),
        ("the plant", "the northern plant", False),  # two words, not in a row
    ],
)
def test_six_word_overlap(a: str | None, b: str, expected: bool) -> None:
    assert overlap(a, b) is expected
    assert overlap(b, a) is expected


@pytest.mark.parametrize(
    ("name", "source", "expected"),
    [
        ("a.txt", "a.txt", True),
        ("a.html", "a.txt", True),  # the stem: the key's file in another format
        ("financial-61bn.txt", "financial-61bn.txt", True),
        ("financial-69bn.txt", "financial-61bn.txt", False),
        ("ab.txt", "a.txt", True),  # a prefix of the stem, as score.py has it
        ("b.txt", "a.txt", False),
        ("story-001/a.txt", "story-001/a.txt", True),
        ("a.txt", "story-001/a.txt", False),
    ],
)
def test_same_doc(name: str, source: str, expected: bool) -> None:
    assert same_doc(name, source) is expected


@pytest.mark.parametrize(
    ("cited", "key", "expected"),
    [
        ([("a.txt", LAID_OFF_A), ("b.txt", LAID_OFF_B)], LAYOFFS, True),
        ([("a.txt", LAID_OFF_A)], LAYOFFS, False),  # one of two claims
        ([("a.txt", LAID_OFF_A), ("c.txt", LAID_OFF_B)], LAYOFFS, False),  # wrong document
        ([("a.txt", LAID_OFF_A), ("b.txt", OPENED_B)], LAYOFFS, False),  # wrong quote
        ([("a.html", LAID_OFF_A), ("b.json", LAID_OFF_B)], LAYOFFS, True),  # by stem
        # Three claims: two of them suffice, but two that state different values.
        ([("a.txt", LAID_OFF_A), ("c.txt", LAID_OFF_C)], THREE, True),
        ([("b.txt", LAID_OFF_B), ("c.txt", LAID_OFF_C)], THREE, False),  # both say 1,500
        ([("a.txt", LAID_OFF_A), ("b.txt", LAID_OFF_B), ("c.txt", LAID_OFF_C)], THREE, True),
        # All values the same (an agreed fact): any two claims.
        ([("a.txt", OPENED_A), ("b.txt", OPENED_B)], AGREED, True),
        ([("a.txt", OPENED_A)], AGREED, False),
        # One claim (one article against the calendar): that claim.
        ([("a.txt", LAID_OFF_A)], ALONE, True),
        ([("b.txt", LAID_OFF_A)], ALONE, False),
    ],
)
def test_matching_rule(cited: list[tuple[str, str]], key: dict[str, Any], expected: bool) -> None:
    assert matches(cited, key) is expected


# ---------------------------------------------------------------------------------------
# Scoring one story


def claim(doc: str, sentence: str, n: int, event: str = "laid-off") -> Claim:
    return Claim(
        id=f"c{n}",
        document=doc,
        sentence=sentence,
        span=(0, len(sentence)),
        entity="Harbourview Mills",
        event=event,
    )


A1 = claim("a.txt", LAID_OFF_A, 1)
B1 = claim("b.txt", LAID_OFF_B, 2)
C1 = claim("c.txt", LAID_OFF_C, 3)
A2 = claim("a.txt", OPENED_A, 4, "opened")
B2 = claim("b.txt", OPENED_B, 5, "opened")


def finding(*claims: Claim, kind: str = "number") -> Finding:
    return Finding(
        rule="NU01",
        kind=kind,
        severity="high",
        confidence=1.0,
        entity=claims[0].entity,
        event=claims[0].event,
        message="",
        cited=tuple(Cited(c, c.sentence.split()[-2]) for c in claims),
    )


def story(
    findings: list[Finding],
    discrepancies: list[dict[str, Any]],
    consistent: Sequence[dict[str, Any]] = (),
    claims: tuple[Claim, ...] = (A1, B1, C1, A2, B2),
    linked: tuple[tuple[Claim, Claim], ...] = (),
) -> Story:
    g = nx.MultiDiGraph()
    for a, b in linked:
        g.add_edge(f"claim:{a.id}", f"claim:{b.id}", key="same_fact", type="same_fact")
    result = Result(documents=[], claims_list=list(claims), findings_list=findings, graph=g)
    names = {c.document: c.document for c in claims}
    return Story("s", result, names, list(discrepancies), list(consistent))


def figures(report: Any) -> tuple[int, int, int, int, int, int]:
    s = report.score
    return s.found, s.real, s.useful, s.findings, s.on_agreed, s.apparent


@pytest.mark.parametrize(
    ("findings", "discrepancies", "consistent", "expected"),
    [
        # (found, real, useful, findings, on_agreed, apparent)
        ([finding(A1, B1)], [LAYOFFS], [], (1, 1, 1, 1, 0, 0)),
        ([finding(A1)], [LAYOFFS], [], (0, 1, 0, 1, 0, 0)),
        # Items without "real" are real; real: false ones are not counted as items.
        ([], [LAYOFFS, dict(THREE, real=False)], [], (0, 1, 0, 0, 0, 0)),
        # A finding on an only-apparent item is neutral: not in precision.
        ([finding(A1, B1)], [dict(LAYOFFS, real=False)], [], (0, 0, 0, 0, 0, 1)),
        # ... unless it also matches a real item.
        ([finding(A1, B1)], [dict(LAYOFFS, real=False), THREE], [], (1, 1, 1, 1, 0, 0)),
        # A finding on an agreed fact counts against precision and on_agreed_facts.
        ([finding(A2, B2)], [LAYOFFS], [AGREED], (0, 1, 0, 1, 1, 0)),
        # An agreed fact without claims is never matched.
        ([finding(A2, B2)], [LAYOFFS], [dict(AGREED, claims=[])], (0, 1, 0, 1, 0, 0)),
        # Two findings on one item: found once, both useful.
        ([finding(A1, B1), finding(A1, C1)], [THREE], [], (1, 1, 2, 2, 0, 0)),
    ],
)
def test_story_figures(
    findings: list[Finding],
    discrepancies: list[dict[str, Any]],
    consistent: list[dict[str, Any]],
    expected: tuple[int, ...],
) -> None:
    assert figures(score_story(story(findings, discrepancies, consistent))) == expected


def test_kinds_come_from_the_key_and_alarms_say_why() -> None:
    report = score_story(
        story([finding(A1, B1), finding(A2, B2), finding(A1)], [LAYOFFS], [AGREED])
    )
    # The useful finding counts under the key's "count", the agreed one under "date", the
    # stray one under its own kind.
    assert {k: (s.real, s.useful, s.findings, s.on_agreed) for k, s in report.by_kind.items()} == {
        "count": (1, 1, 1, 0),
        "date": (0, 0, 1, 1),
        "number": (0, 0, 1, 0),
    }
    assert [why for _, _, why in report.false_alarms] == [
        "on an agreed fact (Harbourview Mills/opened)",
        "matches no key item",
    ]


@pytest.mark.parametrize(
    ("claims", "linked", "findings", "cause"),
    [
        ((A2, B2), (), [], "not extracted (no claim from a.txt, b.txt, c.txt)"),
        ((A1, A2, B2), (), [], "not extracted (no claim from b.txt, c.txt)"),
        ((A1, B1), (), [], "not linked"),
        ((A1, B1, C1), ((B1, C1),), [], "not linked"),  # linked, but both say 1,500
        ((A1, B1), ((A1, B1),), [], "linked, no finding"),
        ((A1, B1, C1), ((A1, C1), (C1, B1)), [], "linked, no finding"),  # a path
        ((A1, B1), ((A1, B1),), [finding(A1)], "linked, no finding (partly cited by NU01)"),
    ],
)
def test_causes_of_a_miss(
    claims: tuple[Claim, ...],
    linked: tuple[tuple[Claim, Claim], ...],
    findings: list[Finding],
    cause: str,
) -> None:
    report = score_story(story(findings, [THREE], claims=claims, linked=linked))
    ((_, why),) = report.misses
    assert why.startswith(cause), why


def test_one_article_against_itself_is_linked_by_its_fact() -> None:
    a3 = claim("a.txt", LAID_OFF_B.replace("On Friday", "Later"), 6)
    inner = item("number", ("a.txt", LAID_OFF_A, "1200"), ("a.txt", a3.sentence, "1500"))
    report = score_story(story([], [inner], claims=(A1, a3)))
    assert report.misses[0][1] == "linked, no finding"


# ---------------------------------------------------------------------------------------
# Keys and stories of a corpus


def _copy_story(src: Path, dst: Path, key: dict[str, Any] | None = None, name: str = "") -> None:
    dst.mkdir(parents=True)
    for f in src.iterdir():
        if f.is_file() and f.name != "expected.yaml":  # the articles, not examples/ci/
            (dst / f.name).write_bytes(f.read_bytes())
    if key is not None:
        (dst / name).write_text(yaml.safe_dump(key), encoding="utf-8")


def test_examples_score_perfectly(examples_dir: Path) -> None:
    report = evaluate(examples_dir)
    overall = report.overall
    assert (overall.found, overall.real) == (10, 10)
    assert overall.useful == overall.findings and overall.on_agreed == 0
    assert set(report.by_kind) == {
        "date",
        "number",
        "first",
        "order",
        "anachronism",
        "status",
        "attribution",
    }


def test_each_story_is_scored_against_its_own_key(examples_dir: Path, tmp_path: Path) -> None:
    key = yaml.safe_load((examples_dir / "expected.yaml").read_text())
    short = dict(
        key, discrepancies=[d for d in key["discrepancies"] if d["id"] != "festival-crowd"]
    )
    _copy_story(examples_dir, tmp_path / "one", key, "gold.yaml")
    _copy_story(examples_dir, tmp_path / "two", short, "expected.yaml")
    report = evaluate(tmp_path)
    one, two = report.stories
    assert (one.name, two.name) == ("one", "two")
    assert (one.score.real, two.score.real) == (10, 9)
    assert one.score.found == 10 and two.score.found == 9
    assert two.score.findings == one.score.findings
    # Without its key item, the festival finding is a false alarm of the second story only.
    before = {f.fingerprint for f, _, _ in one.false_alarms}
    new = [(cited, why) for f, cited, why in two.false_alarms if f.fingerprint not in before]
    assert new and two.score.useful == one.score.useful - len(new)
    for cited, why in new:
        assert why == "matches no key item"
        assert any("Harbour Lights Festival" in quote for _, quote in cited)
    assert report.overall.real == 19
    text = format_report(report)
    assert "Harbour Lights Festival" in text and "matches no key item" in text
    # --expected overrides the keys found in the story folders.
    alone = evaluate(tmp_path / "two", tmp_path / "one" / "gold.yaml")
    assert (alone.overall.real, alone.overall.found) == (10, 10)


def test_one_key_for_stories_in_sub_folders(examples_dir: Path, tmp_path: Path) -> None:
    # Two copies of one story in sub-folders under one key: each is checked alone and the
    # key's sources are paths relative to the corpus.
    data = yaml.safe_load((examples_dir / "expected.yaml").read_text())
    out: dict[str, Any] = {"discrepancies": [], "consistent": data["consistent"]}
    for name in ("story-001", "story-002"):
        _copy_story(examples_dir, tmp_path / name)
        for d in data["discrepancies"]:
            claims = [dict(c, source=f"{name}/{c['source']}") for c in d["claims"]]
            out["discrepancies"].append(dict(d, claims=claims))
    (tmp_path / "expected.yaml").write_text(yaml.safe_dump(out))
    report = evaluate(tmp_path)
    assert [s.name for s in report.stories] == ["story-001", "story-002"]
    assert [s.score.found for s in report.stories] == [10, 10]
    assert report.overall.real == 20


def test_the_key_is_not_read_as_an_article(examples_dir: Path, tmp_path: Path) -> None:
    from consistency.pipeline import check

    key = yaml.safe_load((examples_dir / "expected.yaml").read_text())
    _copy_story(examples_dir, tmp_path / "s", key, "gold.yaml")
    result = check([tmp_path / "s"])
    assert "gold.yaml" not in {d.name for d in result.documents}
    assert not result.skipped


def run(*args: Any) -> Any:
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert "Traceback" not in result.output
    return result


def test_cli_formats_thresholds_and_errors(examples_dir: Path, tmp_path: Path) -> None:
    ok = run("eval", examples_dir, "--min-recall", "0.95")
    assert ok.exit_code == 0, ok.output
    assert re.search(r"^overall\s+10/10\s+1\.00", ok.output, re.M), ok.output
    assert "kind" in ok.output and "recall" in ok.output and "precision" in ok.output
    data = json.loads(run("eval", examples_dir, "--format", "json").stdout)
    assert [s["story"] for s in data["stories"]] == ["examples"]
    assert data["overall"]["found"] == data["overall"]["real"] == 10
    assert set(data["overall"]) >= {"recall", "precision", "on_agreed_facts", "apparent_flagged"}
    assert data["kinds"]["date"]["real"] == 2
    high = run("eval", examples_dir, "--min-recall", "1.01")
    assert high.exit_code == 1
    (tmp_path / "bad.yaml").write_text("discrepancies: 3\n")
    bad = run("eval", examples_dir, "--expected", tmp_path / "bad.yaml")
    assert bad.exit_code == 2
    key = yaml.safe_load((examples_dir / "expected.yaml").read_text())
    key["discrepancies"][0]["claims"][0]["source"] = "nowhere.txt"
    (tmp_path / "e.yaml").write_text(yaml.safe_dump(key))
    missing = run("eval", examples_dir, "--expected", tmp_path / "e.yaml")
    assert missing.exit_code == 2 and "nowhere.txt" in missing.output
    (tmp_path / "empty").mkdir()
    none = run("eval", tmp_path / "empty")
    assert none.exit_code == 2 and "gold.yaml" in none.output


# ---------------------------------------------------------------------------------------
# The same figures as score.py, story by story


def _stories() -> list[Any]:
    if not REAL.is_dir() or not SCORE.is_file():
        return [pytest.param(None, marks=pytest.mark.skip(reason=f"{REAL} is absent"))]
    return [p.name for p in sorted(REAL.iterdir()) if (p / "gold.yaml").is_file()]


def _score_py(story: Path, key: Path, tmp_path: Path) -> dict[str, int]:
    out = tmp_path / f"{story.name}.json"
    check = run("check", story, "-f", "json", "-o", out, "-q")
    assert check.exit_code in (0, 1), check.output
    proc = subprocess.run(
        [sys.executable, str(SCORE), str(out), str(key)], capture_output=True, text=True
    )
    m = re.search(
        r"recall=(\d+)/(\d+) precision=(\d+)/(\d+) on_agreed_facts=(\d+) apparent_flagged=(\d+)",
        proc.stdout,
    )
    assert m, proc.stdout + proc.stderr
    names = ("found", "real", "useful", "findings", "on_agreed_facts", "apparent_flagged")
    return dict(zip(names, map(int, m.groups()), strict=True))


def _ours(figures: dict[str, Any]) -> dict[str, int]:
    names = ("found", "real", "useful", "findings", "on_agreed_facts", "apparent_flagged")
    return {k: figures[k] for k in names}


@pytest.fixture(scope="module")
def real_eval() -> dict[str, dict[str, Any]]:
    result = run("eval", REAL, "--format", "json")
    assert result.exit_code == 0, result.output
    return {s["story"]: s for s in json.loads(result.stdout)["stories"]}


@pytest.mark.parametrize("name", _stories())
def test_real_story_scores_as_score_py(
    name: str, real_eval: dict[str, dict[str, Any]], tmp_path: Path
) -> None:
    story = REAL / name
    assert _ours(real_eval[name]) == _score_py(story, story / "gold.yaml", tmp_path)


def test_seeds_score_as_score_py(seeds_dir: Path, tmp_path: Path) -> None:
    if not SCORE.is_file():
        pytest.skip(f"{SCORE} is absent")
    ours = json.loads(run("eval", seeds_dir, "--format", "json").stdout)
    (seeds,) = ours["stories"]
    assert _ours(seeds) == _score_py(seeds_dir, seeds_dir / "expected.yaml", tmp_path)
    assert (seeds["found"], seeds["real"]) == (3, 3)


def test_report_json_round_trips(examples_dir: Path) -> None:
    data = report_json(evaluate(examples_dir))
    assert json.loads(json.dumps(data)) == data
