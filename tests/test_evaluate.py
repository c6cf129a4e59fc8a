"""The eval command: precision and recall per kind against known answers."""

from __future__ import annotations

from pathlib import Path

import yaml
from click.testing import CliRunner

from consistency.cli import main
from consistency.evaluate import entity_matches, evaluate, event_matches, format_report


def test_examples_score_perfectly(examples_dir: Path) -> None:
    report = evaluate(examples_dir, examples_dir / "expected.yaml")
    assert report.overall.expected == 10
    assert report.overall.recall == 1.0 and report.overall.precision == 1.0
    assert set(report.by_kind) == {
        "date",
        "number",
        "first",
        "order",
        "anachronism",
        "status",
        "attribution",
    }


def test_a_missing_answer_is_a_false_alarm(examples_dir: Path, tmp_path: Path) -> None:
    data = yaml.safe_load((examples_dir / "expected.yaml").read_text())
    data["discrepancies"] = [d for d in data["discrepancies"] if d["id"] != "festival-crowd"]
    (tmp_path / "expected.yaml").write_text(yaml.safe_dump(data))
    report = evaluate(examples_dir, tmp_path / "expected.yaml")
    assert report.by_kind["number"].false_alarms == 1
    assert report.by_kind["number"].true_alarms == 2
    assert round(report.by_kind["number"].precision, 3) == 0.667
    assert report.overall.recall == 1.0
    text = format_report(report)
    assert "False alarms (1)" in text and "Harbour Lights Festival" in text


def test_an_unfound_answer_is_a_miss(examples_dir: Path, tmp_path: Path) -> None:
    data = yaml.safe_load((examples_dir / "expected.yaml").read_text())
    data["discrepancies"].append(
        {
            "id": "invented",
            "kind": "date",
            "entity": "Brightwater Utilities",
            "event": "licensed",
            "claims": [{"source": "alder-daily.txt", "says": "x"}, {"source": "bayside-post.json"}],
        }
    )
    (tmp_path / "expected.yaml").write_text(yaml.safe_dump(data))
    report = evaluate(examples_dir, tmp_path / "expected.yaml")
    assert report.by_kind["date"].expected == 3 and report.by_kind["date"].found == 2
    assert [d["id"] for d in report.misses] == ["invented"]


def test_cli_eval_thresholds_and_errors(examples_dir: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    ok = runner.invoke(main, ["eval", str(examples_dir), "--min-recall", "0.95"])
    assert ok.exit_code == 0, ok.output
    assert "overall" in ok.output and "1.000" in ok.output
    (tmp_path / "bad.yaml").write_text("discrepancies: 3\n")
    bad = runner.invoke(main, ["eval", str(examples_dir), "--expected", str(tmp_path / "bad.yaml")])
    assert bad.exit_code == 2 and "Traceback" not in bad.output
    data = yaml.safe_load((examples_dir / "expected.yaml").read_text())
    data["discrepancies"][0]["claims"][0]["source"] = "nowhere.txt"
    (tmp_path / "e.yaml").write_text(yaml.safe_dump(data))
    missing = runner.invoke(
        main, ["eval", str(examples_dir), "--expected", str(tmp_path / "e.yaml")]
    )
    assert missing.exit_code == 2 and "nowhere.txt" in missing.output


def test_stories_are_checked_one_at_a_time(examples_dir: Path, tmp_path: Path) -> None:
    # Two copies of the same story in sub-folders: each is checked alone, sources are
    # paths relative to the corpus, and nothing is compared across stories.
    data = yaml.safe_load((examples_dir / "expected.yaml").read_text())
    out: dict = {"discrepancies": [], "consistent": data["consistent"]}
    for story in ("story-001", "story-002"):
        (tmp_path / story).mkdir()
        for f in examples_dir.iterdir():
            if f.name != "expected.yaml":
                (tmp_path / story / f.name).write_bytes(f.read_bytes())
        for d in data["discrepancies"]:
            d2 = dict(d, claims=[dict(c, source=f"{story}/{c['source']}") for c in d["claims"]])
            out["discrepancies"].append(d2)
    (tmp_path / "expected.yaml").write_text(yaml.safe_dump(out))
    report = evaluate(tmp_path, tmp_path / "expected.yaml")
    assert report.stories == 2
    assert report.overall.expected == 20 and report.overall.found == 20
    assert report.overall.false_alarms == 0


def test_name_and_event_matching() -> None:
    assert entity_matches("Legislative Council", "Hong Kong Legislative Council")
    assert not entity_matches("OSL", "HashKey")
    assert event_matches("released policy statements", "released-statement")
    assert event_matches("interview with The Paper", "interviewed")
    assert not event_matches("banned cryptocurrency", "licensed")
