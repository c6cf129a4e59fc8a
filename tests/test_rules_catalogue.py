"""``consistency rules``: the catalogue in words, as JSON, and the README's table."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from consistency.cli import main
from consistency.models import KINDS, SEVERITIES
from consistency.rules import catalogue, registry

README = Path(__file__).resolve().parents[1] / "README.md"


def _readme_table() -> str:
    text = README.read_text(encoding="utf-8")
    section = text[text.index("\n## Rules\n") :]
    start = section.index("\n| code |") + 1
    return section[start : section.index("\n\n", start) + 1]


def test_the_readme_table_is_the_registry() -> None:
    made = CliRunner().invoke(main, ["rules", "--format", "md"])
    assert made.exit_code == 0, made.output
    assert _readme_table() == made.output, "refresh README.md with: consistency rules --format md"
    assert made.output == catalogue.as_markdown(registry()[0])


def test_rules_as_json_give_every_rule_with_options_and_an_example() -> None:
    run = CliRunner().invoke(main, ["rules", "--format", "json"])
    assert run.exit_code == 0, run.output
    rules = json.loads(run.output)
    available = registry()[0]
    assert [r["code"] for r in rules] == list(available)
    for r in rules:
        cls = available[r["code"]]
        assert r["name"] == cls.name and r["kind"] in KINDS and r["severity"] in SEVERITIES
        assert set(r["finding_kinds"]) <= set(KINDS)
        assert r["checks"] and r["description"]
        assert r["options"] == cls.defaults
        assert r["example"] and all(": " in line for line in r["example"])
    dt01 = next(r for r in rules if r["code"] == "DT01")
    assert dt01["options"] == {"min_confidence": 0.0}


def test_one_rule_in_words() -> None:
    run = CliRunner().invoke(main, ["rules", "nu02"])
    assert run.exit_code == 0, run.output
    lines = run.output.splitlines()
    assert lines[0] == "NU02  numbers.fact"
    assert "kind: number; severity: high" in lines[1]
    assert "  ratio = 3.0" in lines
    assert "Example (flagged together):" in lines
    one = CliRunner().invoke(main, ["rules", "NU02", "--format", "json"])
    assert [r["code"] for r in json.loads(one.output)] == ["NU02"]


def test_an_unknown_rule_is_exit_2() -> None:
    run = CliRunner().invoke(main, ["rules", "XX99"])
    assert run.exit_code == 2
    assert "unknown rule 'XX99'" in run.output
