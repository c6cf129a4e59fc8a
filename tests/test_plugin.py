"""Third-party rules through the ``consistency.rules`` entry-point group.

The test installs a tiny plugin distribution the way an installer does (a module and its
``.dist-info`` with ``entry_points.txt`` on the import path) and sees its rule listed and
run; a plugin that fails to load is reported and skipped.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from consistency.cli import main
from consistency.pipeline import check
from consistency.rules import registry

PLUGIN = '''
from consistency.rules.base import Context, Rule, cite


class Rule_ZZ01(Rule):
    """Every claim about a festival is reported (a test plugin).

    **Contradiction**

    - Outlet A: "The festival drew 13,000 people."

    **Consistent**

    - Outlet A: "The council met."
    """

    name = "test.festival"
    kind = "other"
    severity = "low"

    def evaluate(self, ctx: Context):
        for c in ctx.claims:
            if "Festival" in c.entity:
                yield self.finding(entity=c.entity, event=c.event, message="festival seen",
                                   cited=[cite(c, "seen", ctx)], confidence=1.0)
'''


def _install(site: Path, name: str, module_text: str, target: str) -> None:
    (site / f"{name}.py").write_text(module_text, encoding="utf-8")
    info = site / f"{name}-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text(f"[consistency.rules]\n{name} = {target}\n")


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    site = tmp_path / "site"
    site.mkdir()
    monkeypatch.syspath_prepend(str(site))
    importlib.invalidate_caches()
    yield site
    for mod in ("zz_plugin", "broken_plugin"):
        sys.modules.pop(mod, None)


def test_a_plugin_rule_is_listed_and_runs(site: Path, examples_dir: Path) -> None:
    _install(site, "zz_plugin", PLUGIN, "zz_plugin")
    rules, problems = registry()
    assert "ZZ01" in rules and problems == []
    result = check([examples_dir], select=["ZZ01"])
    assert {f.rule for f in result.findings_list} == {"ZZ01"}
    # One per festival claim: the Courier's 13,000 and the Post's 10,000.
    assert {f.entity for f in result.findings_list} == {"Harbour Lights Festival"}
    assert len(result.findings_list) == 2
    listed = CliRunner().invoke(main, ["rules"])
    assert "ZZ01" in listed.output and "test.festival" in listed.output


def test_a_broken_plugin_is_reported_and_skipped(site: Path, examples_dir: Path) -> None:
    _install(site, "broken_plugin", "raise ImportError('missing dependency')\n", "broken_plugin")
    rules, problems = registry()
    assert "DT01" in rules
    assert any("broken_plugin" in p and "missing dependency" in p for p in problems)
    result = check([examples_dir])
    assert any("broken_plugin" in s.reason for s in result.skipped)
    assert result.findings_list  # the built-in rules still ran


FAILING = PLUGIN.replace("Rule_ZZ01", "Rule_ZZ02").replace(
    "for c in ctx.claims:", "raise KeyError('no such claim')\n        for c in ctx.claims:"
)


def test_a_rule_failing_while_it_runs_is_skipped_with_its_error(
    site: Path, examples_dir: Path
) -> None:
    _install(site, "zz_failing", FAILING, "zz_failing")
    result = check([examples_dir])
    reasons = [s.reason for s in result.skipped]
    assert any("ZZ02" in r and "KeyError" in r and "no such claim" in r for r in reasons)
    assert {f.rule for f in result.findings_list} >= {"DT01", "NU02"}  # the others still ran
    run = CliRunner().invoke(main, ["check", str(examples_dir), "--format", "json"])
    assert run.exception is None or isinstance(run.exception, SystemExit), run.exception
    assert "Traceback" not in run.output
    # A failed rule is no skipped input: --strict keeps the findings' exit code (1), not 2.
    assert [s.kind for s in result.skipped] == ["rule"] and result.skipped_inputs == []
    strict = CliRunner().invoke(main, ["check", str(examples_dir), "--strict", "-o", "-"])
    assert strict.exit_code == 1, strict.output
    assert "0 skipped inputs, 1 rule problem." in strict.stdout  # the listing's summary
    sys.modules.pop("zz_failing", None)
