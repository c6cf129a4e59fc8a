"""The error tree is real: every class is raised somewhere, and the command line turns
each into one line and one exit code."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest
from click.testing import CliRunner

import consistency.rules as rules_mod
from consistency import cli, errors
from consistency.errors import ConsistencyError, InputError, RuleError

ROOT = Path(__file__).resolve().parents[1]
CLASSES = [
    c
    for _, c in inspect.getmembers(errors, inspect.isclass)
    if issubclass(c, ConsistencyError) and c is not ConsistencyError
]


def test_every_error_class_is_raised_somewhere() -> None:
    source = "\n".join(
        p.read_text(encoding="utf-8")
        for folder in ("consistency", "rules", "reports")
        for p in (ROOT / folder).rglob("*.py")
    )
    assert len(CLASSES) >= 5
    for cls in CLASSES:
        assert f"raise {cls.__name__}(" in source, f"nothing raises {cls.__name__}"


def test_each_error_class_has_an_exit_code() -> None:
    assert set(CLASSES) <= set(cli.EXIT_CODES)
    assert set(cli.EXIT_CODES.values()) == {2}


def test_an_unreadable_input_is_an_input_error(tmp_path: Path) -> None:
    run = CliRunner().invoke(cli.main, ["check", str(tmp_path / "nowhere")])
    assert run.exit_code == 2
    assert f"consistency: error: {tmp_path / 'nowhere'}: no readable articles" in run.stderr
    new = CliRunner().invoke(cli.main, ["check", str(ROOT / "examples"), "--new", "gone/"])
    assert new.exit_code == 2 and "--new gone: no such file or folder" in new.stderr


def test_no_rules_at_all_is_a_rule_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rules_mod, "plugins", lambda group: [])
    with pytest.raises(RuleError, match="no built-in rules"):
        rules_mod.registry()
    run = CliRunner().invoke(cli.main, ["rules"])
    assert run.exit_code == 2 and run.stderr.startswith("consistency: error: no built-in rules")
    assert "Traceback" not in run.output


def test_input_error_carries_its_path() -> None:
    exc = InputError("a.txt", "not an article")
    assert (exc.path, exc.problem, str(exc)) == ("a.txt", "not an article", "a.txt: not an article")
