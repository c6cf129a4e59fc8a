"""Settings: ``[tool.consistency]`` in pyproject.toml or a ``consistency.toml`` in the working
folder, ``--config FILE``, and how command-line options combine with them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from consistency import config as config_mod
from consistency.cli import main
from consistency.errors import ConfigError

# Invented: the outlets disagree on the budget date (DT01, high); the Gazette dates a fine
# it tells as past after its own publication (AN01, medium).
GAZETTE = """date 2024-05-02
Title: Millbrook opens its new library
Outlet: Millbrook Gazette

The Millbrook Town Council approved the library budget in March 2023.

The Millbrook Town Council fined the contractor $5,000 in August 2024 over delays.
"""
HERALD = """date 2024-05-03
Title: Library draws crowds
Outlet: Valley Herald

The Millbrook Town Council approved the library budget in June 2022.
"""


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty working folder with the articles in ``news/``."""
    monkeypatch.chdir(tmp_path)
    news = tmp_path / "news"
    news.mkdir()
    (news / "gazette.txt").write_text(GAZETTE, encoding="utf-8")
    (news / "herald.txt").write_text(HERALD, encoding="utf-8")
    return tmp_path


def run(*args: Any) -> Result:
    result = CliRunner().invoke(main, [str(a) for a in args])
    exc = result.exception
    if exc is not None and not isinstance(exc, SystemExit):
        raise AssertionError(f"uncaught {type(exc).__name__}: {exc}") from exc
    assert "Traceback" not in result.output
    return result


def check(*args: Any) -> tuple[int, set[str], str]:
    """Run ``check news`` in the working folder: exit code, rules found, standard error."""
    result = run("check", "news", *args, "--format", "json", "-o", "-")
    rules = set()
    if result.exit_code != 2:
        rules = {f["rule"] for f in json.loads(result.stdout)["findings"]}
    return result.exit_code, rules, result.stderr


def pyproject(folder: Path, body: str) -> None:
    text = '[project]\nname = "newsroom"\n\n[tool.ruff]\nline-length = 100\n\n'
    (folder / "pyproject.toml").write_text(text + body, encoding="utf-8")


def test_without_settings_all_rules_run(here: Path) -> None:
    code, rules, _ = check()
    assert code == 1
    assert rules == {"DT01", "AN01"}


def test_pyproject_without_our_section_is_ignored(here: Path) -> None:
    pyproject(here, "")
    assert check()[:2] == (1, {"DT01", "AN01"})


# ---------------------------------------------------------------------------------------
# [tool.consistency] in pyproject.toml


def test_pyproject_rules(here: Path) -> None:
    pyproject(here, '[tool.consistency]\nrules = ["DT01"]\n')
    assert check()[:2] == (1, {"DT01"})


def test_pyproject_exclude_rules(here: Path) -> None:
    pyproject(here, '[tool.consistency]\nexclude_rules = ["DT01", "DT02"]\n')
    assert check()[:2] == (1, {"AN01"})


def test_pyproject_fail_on(here: Path) -> None:
    pyproject(here, '[tool.consistency]\nfail_on = "high"\nrules = ["AN01"]\n')
    code, rules, _ = check()
    assert rules == {"AN01"}  # a medium finding only
    assert code == 0
    pyproject(here, '[tool.consistency]\nfail_on = "medium"\nrules = ["AN01"]\n')
    assert check()[0] == 1


def test_pyproject_fail_on_ignores_case(here: Path) -> None:
    pyproject(here, '[tool.consistency]\nfail_on = "HIGH"\nrules = ["AN01"]\n')
    assert check()[0] == 0


def test_pyproject_rules_options(here: Path) -> None:
    pyproject(here, "[tool.consistency.rules_options.AN01]\ngrace_days = 365\n")
    assert check()[1] == {"DT01"}  # DT02 sees the same dispute, merged into DT01's finding
    # DT01 silenced by its option: DT02 still reports the dispute by its fact key.
    pyproject(here, "[tool.consistency.rules_options.DT01]\nmin_confidence = 1.5\n")
    assert check()[1] == {"AN01", "DT02"}
    pyproject(here, "[tool.consistency.rules_options.dt01]\nmin_confidence = 1.5\n")
    assert check()[1] == {"AN01", "DT02"}  # the code is not case-sensitive


def test_pyproject_all_settings_together(here: Path) -> None:
    pyproject(
        here,
        '[tool.consistency]\nfail_on = "high"\nrules = ["all"]\n'
        'exclude_rules = ["DT01", "DT02"]\n\n'
        "[tool.consistency.rules_options.AN01]\ngrace_days = 0\n",
    )
    code, rules, _ = check()
    assert rules == {"AN01"}
    assert code == 0


# ---------------------------------------------------------------------------------------
# consistency.toml


def test_consistency_toml(here: Path) -> None:
    (here / "consistency.toml").write_text(
        'fail_on = "high"\nrules = ["AN01"]\n\n[rules_options.AN01]\ngrace_days = 1\n',
        encoding="utf-8",
    )
    assert check()[:2] == (0, {"AN01"})


def test_consistency_toml_wins_over_pyproject(here: Path) -> None:
    pyproject(here, '[tool.consistency]\nrules = ["AN01"]\n')
    (here / "consistency.toml").write_text('rules = ["DT01"]\n', encoding="utf-8")
    assert check()[1] == {"DT01"}


def test_config_option_names_another_file(here: Path) -> None:
    (here / "consistency.toml").write_text('rules = ["DT01"]\n', encoding="utf-8")
    (here / "ci.toml").write_text('rules = ["AN01"]\n', encoding="utf-8")
    assert check("--config", "ci.toml")[1] == {"AN01"}


def test_config_option_reads_a_pyproject_section(here: Path) -> None:
    (here / "sub").mkdir()
    pyproject(here / "sub", '[tool.consistency]\nrules = ["AN01"]\n')
    assert check("--config", here / "sub" / "pyproject.toml")[1] == {"AN01"}


# ---------------------------------------------------------------------------------------
# Command-line options win


def test_fail_on_option_wins(here: Path) -> None:
    pyproject(here, '[tool.consistency]\nfail_on = "high"\nrules = ["AN01"]\n')
    assert check("--fail-on", "medium")[0] == 1
    pyproject(here, '[tool.consistency]\nfail_on = "low"\nrules = ["AN01"]\n')
    assert check("--fail-on", "high")[0] == 0


def test_rules_option_wins(here: Path) -> None:
    pyproject(here, '[tool.consistency]\nrules = ["AN01"]\n')
    assert check("--rules", "DT01")[1] == {"DT01"}


def test_exclude_option_adds_to_the_configured_exclusions(here: Path) -> None:
    pyproject(here, '[tool.consistency]\nexclude_rules = ["DT01", "DT02"]\n')
    assert check("--exclude-rules", "AN01")[:2] == (0, set())


def test_rules_option_wins_over_configured_exclusion(here: Path) -> None:
    pyproject(here, '[tool.consistency]\nexclude_rules = ["AN01"]\n')
    assert check("--rules", "AN01")[:2] == (1, {"AN01"})


# ---------------------------------------------------------------------------------------
# Bad settings: exit 2 with a clear message


def test_unknown_rule_option_exits_2(here: Path) -> None:
    pyproject(here, "[tool.consistency.rules_options.DT01]\nbogus = 1\n")
    code, _, err = check()
    assert code == 2
    assert err.startswith("consistency: error:")
    assert "DT01" in err and "bogus" in err and "unknown option" in err


def test_unknown_rule_option_in_consistency_toml_exits_2(here: Path) -> None:
    (here / "consistency.toml").write_text("[rules_options.AN01]\ngrace = 3\n", encoding="utf-8")
    code, _, err = check()
    assert code == 2
    assert "AN01" in err and "grace" in err


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ("[tool.consistency]\nbogus = 1\n", ["pyproject.toml", "bogus"]),
        ('[tool.consistency]\nfail_on = "never"\n', ["pyproject.toml", "fail_on"]),
        ('[tool.consistency]\nrules = "DT01"\n', ["rules", "list"]),
        ("[tool.consistency]\nexclude_rules = [1]\n", ["exclude_rules"]),
        ('[tool.consistency]\nrules = ["XX99"]\n', ["XX99"]),
        ('[tool.consistency]\nexclude_rules = ["XX99"]\n', ["XX99"]),
        ("[tool.consistency]\nrules_options = 1\n", ["rules_options"]),
        ("[tool.consistency.rules_options]\nDT01 = 1\n", ["rules_options"]),
        ('[tool]\nconsistency = "on"\n', ["table"]),
        ("[tool.consistency\n", ["pyproject.toml", "cannot read"]),
    ],
)
def test_bad_pyproject_exits_2(body: str, words: list[str], here: Path) -> None:
    pyproject(here, body)
    code, _, err = check()
    assert code == 2
    assert err.startswith("consistency: error:")
    for w in words:
        assert w in err


def test_bad_consistency_toml_exits_2(here: Path) -> None:
    (here / "consistency.toml").write_text('fail_on = "sometimes"\n', encoding="utf-8")
    code, _, err = check()
    assert code == 2
    assert "consistency.toml" in err and "fail_on" in err


def test_bad_settings_stop_the_graph_command_too(here: Path) -> None:
    (here / "consistency.toml").write_text("bogus = 1\n", encoding="utf-8")
    result = run("graph", "news", "-o", "g.graphml")
    assert result.exit_code == 2
    assert "bogus" in result.stderr


def test_missing_lexicon_named_in_settings_exits_2(here: Path) -> None:
    (here / "conf").mkdir()
    (here / "conf" / "consistency.toml").write_text('lexicon = ["extra.yaml"]\n', "utf-8")
    code, _, err = check("--config", here / "conf" / "consistency.toml")
    assert code == 2
    assert "extra.yaml" in err


def test_rule_option_of_the_wrong_type_exits_2(here: Path) -> None:
    pyproject(here, '[tool.consistency.rules_options.DT01]\nmin_confidence = "high"\n')
    code, _, err = check()
    assert code == 2
    assert "min_confidence" in err


def test_options_for_an_unknown_rule_are_reported(here: Path) -> None:
    pyproject(here, "[tool.consistency.rules_options.DT1]\nmin_confidence = 1.5\n")
    code, _, err = check()
    assert code == 2 or "DT1" in err


# ---------------------------------------------------------------------------------------
# config.load, alone


def test_load_defaults_without_files(tmp_path: Path) -> None:
    s = config_mod.load(start=tmp_path)
    assert s == config_mod.Settings()
    assert (s.fail_on, s.rules, s.exclude_rules, s.rule_options, s.source) == (
        "low",
        ["all"],
        [],
        {},
        None,
    )


def test_load_reads_pyproject(tmp_path: Path) -> None:
    pyproject(
        tmp_path,
        '[tool.consistency]\nfail_on = "Medium"\nrules = ["core"]\nexclude_rules = ["AN01"]\n'
        'lexicon = ["words/extra.yaml"]\n\n[tool.consistency.rules_options.dt01]\n'
        "min_confidence = 0.5\n",
    )
    s = config_mod.load(start=tmp_path)
    assert s.fail_on == "medium"
    assert s.rules == ["core"]
    assert s.exclude_rules == ["AN01"]
    assert s.rule_options == {"DT01": {"min_confidence": 0.5}}
    assert s.source == str(tmp_path / "pyproject.toml")
    # Lexicon paths are relative to the settings file, not to the working folder.
    assert [Path(p) for p in s.lexicon] == [tmp_path / "words" / "extra.yaml"]


def test_load_prefers_consistency_toml(tmp_path: Path) -> None:
    pyproject(tmp_path, '[tool.consistency]\nfail_on = "high"\n')
    (tmp_path / "consistency.toml").write_text('fail_on = "medium"\n', encoding="utf-8")
    s = config_mod.load(start=tmp_path)
    assert s.fail_on == "medium"
    assert s.source == str(tmp_path / "consistency.toml")


def test_load_explicit_missing_file_raises(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        config_mod.load(tmp_path / "nope.toml")


def test_load_bad_toml_raises(tmp_path: Path) -> None:
    (tmp_path / "consistency.toml").write_text("fail_on = ", encoding="utf-8")
    with pytest.raises(ConfigError, match="consistency.toml"):
        config_mod.load(start=tmp_path)
