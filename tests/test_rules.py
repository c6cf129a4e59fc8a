"""Table-driven rule tests: the YAML cases in ``tests/rules/``, one file per rule (sqlfluff style).

Each file names its rule and holds named cases::

    rule: DT01
    cases:
      test_fail_relative_months:
        documents:              # file name -> text, written into a temporary folder
          a.txt: |
            date 2023-04-14
            Acme Corp obtained a licence last November.
          b.txt: ...
        findings:               # exactly these findings of the rule, in any order
          - entity: Acme Corp
            event: licensed
            values: ["2022-11", "2023-08-02"]   # Cited.value, any order (may be omitted)
            sources: [a.txt, b.txt]            # Document.name, any order (may be omitted)
      test_pass_month_inside_year:
        documents: {...}
        findings: []

A ``test_fail_*`` case expects at least one finding, a ``test_pass_*`` case none. A case
marked ``xfail: "why"`` is a known misreading by the extractor; it must fail (strict), so
the mark is removed when the extractor is fixed. Every built-in rule needs at least two
cases of each kind, and its docstring must hold the documentation the docs are built from.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from consistency.models import Finding
from consistency.pipeline import check
from consistency.rules import BUILTIN_MODULES, Rule, registry

RULES_DIR = Path(__file__).parent / "rules"
CASE_KEYS = {"documents", "findings", "xfail"}
FINDING_KEYS = {"entity", "event", "values", "sources"}
MIN_CASES = 2  # of each kind, per rule


@dataclass(frozen=True)
class Case:
    rule: str
    name: str
    documents: dict[str, str]
    findings: list[dict[str, Any]]
    xfail: str | None = None

    @property
    def id(self) -> str:
        return f"{self.rule}::{self.name}"


def _load(path: Path) -> tuple[str, list[Case]]:
    """The rule code and cases of one YAML file; malformed files fail loudly."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{path.name}: expected a mapping with 'rule' and 'cases'"
    rule = data.get("rule")
    assert rule == path.stem, f"{path.name}: 'rule' is {rule!r}, expected {path.stem!r}"
    cases = data.get("cases")
    assert isinstance(cases, dict) and cases, f"{path.name}: 'cases' must be a non-empty mapping"
    out = []
    for name, body in cases.items():
        where = f"{path.name}::{name}"
        assert re.fullmatch(r"test_(pass|fail)_\w+", name), f"{where}: name test_pass_*/test_fail_*"
        assert isinstance(body, dict), f"{where}: a case is a mapping"
        assert not set(body) - CASE_KEYS, f"{where}: unknown keys {sorted(set(body) - CASE_KEYS)}"
        documents = body.get("documents")
        assert isinstance(documents, dict) and documents, f"{where}: 'documents' is required"
        findings = body.get("findings")
        assert isinstance(findings, list), f"{where}: 'findings' is required (a list, maybe [])"
        for spec in findings:
            assert isinstance(spec, dict) and {"entity", "event"} <= set(spec), (
                f"{where}: each finding needs 'entity' and 'event'"
            )
            assert not set(spec) - FINDING_KEYS, f"{where}: unknown finding keys {sorted(spec)}"
        if name.startswith("test_pass_"):
            assert not findings, f"{where}: a test_pass_* case expects no findings"
        else:
            assert findings, f"{where}: a test_fail_* case expects at least one finding"
        xfail = body.get("xfail")
        assert xfail is None or (isinstance(xfail, str) and xfail), f"{where}: xfail is a reason"
        out.append(Case(rule, name, dict(documents), list(findings), xfail))
    return rule, out


def _all_cases() -> dict[str, list[Case]]:
    return dict(_load(p) for p in sorted(RULES_DIR.glob("*.yaml")))


CASES = _all_cases()


def _params() -> list[Any]:
    params = []
    for cases in CASES.values():
        for case in cases:
            marks = [pytest.mark.xfail(reason=case.xfail, strict=True)] if case.xfail else []
            params.append(pytest.param(case, id=case.id, marks=marks))
    return params


# --- matching found findings against the expected ones ---------------------------------


def _found(f: Finding, names: dict[str, str]) -> dict[str, Any]:
    return {
        "entity": f.entity,
        "event": f.event,
        "values": sorted(c.value for c in f.cited),
        "sources": sorted({names[c.claim.document] for c in f.cited}),
        "message": f.message,
    }


def _matches(spec: dict[str, Any], found: dict[str, Any]) -> bool:
    if spec["entity"] != found["entity"] or spec["event"] != found["event"]:
        return False
    if "values" in spec and sorted(map(str, spec["values"])) != found["values"]:
        return False
    return "sources" not in spec or sorted(spec["sources"]) == found["sources"]


def _pair_up(specs: Sequence[dict[str, Any]], found: Sequence[dict[str, Any]]) -> bool:
    """One found finding for each spec and none left over (backtracking: specs may be partial)."""
    if len(specs) != len(found):
        return False

    def go(i: int, used: frozenset[int]) -> bool:
        if i == len(specs):
            return True
        return any(
            go(i + 1, used | {j})
            for j, f in enumerate(found)
            if j not in used and _matches(specs[i], f)
        )

    return go(0, frozenset())


def _show(items: Sequence[dict[str, Any]]) -> str:
    return yaml.safe_dump(list(items), sort_keys=False, allow_unicode=True, width=100) or "[]"


# --- the tests -------------------------------------------------------------------------


@pytest.mark.parametrize("case", _params())
def test_rule_case(case: Case, tmp_path: Path) -> None:
    for name, text in case.documents.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = check([tmp_path], select=[case.rule])
    assert not result.skipped, f"inputs skipped: {result.skipped}"
    names = {d.id: d.name for d in result.documents}
    found = [_found(f, names) for f in result.findings_list if f.rule == case.rule]
    assert _pair_up(case.findings, found), (
        f"{case.id}\nexpected:\n{_show(case.findings)}\nfound:\n{_show(found)}"
    )


def _builtin_rules() -> dict[str, type[Rule]]:
    rules, _ = registry()
    return {code: r for code, r in rules.items() if r.__module__ in BUILTIN_MODULES}


def test_every_rule_has_cases() -> None:
    rules = _builtin_rules()
    assert rules, "no built-in rules registered"
    for code in rules:
        assert code in CASES, f"no tests/rules/{code}.yaml for rule {code}"
        # Known misreadings (xfail) do not count: they test the extractor, not the rule.
        names = [c.name for c in CASES[code] if not c.xfail]
        for kind in ("test_fail_", "test_pass_"):
            n = sum(name.startswith(kind) for name in names)
            assert n >= MIN_CASES, f"{code}: {n} {kind}* case(s), at least {MIN_CASES} needed"
    unknown = set(CASES) - set(registry()[0])
    assert not unknown, f"YAML for unknown rules: {sorted(unknown)}"


@pytest.mark.parametrize("code", sorted(_builtin_rules()))
def test_rule_docstring(code: str) -> None:
    """A summary line (the default message), then a contradiction and a consistent example."""
    rule = _builtin_rules()[code]
    doc = (rule.__doc__ or "").strip()
    assert rule.summary(), f"{code}: no summary line"
    assert rule.summary().endswith("."), f"{code}: the summary line is a sentence"
    for section in ("Contradiction", "Consistent"):
        # The heading, then (after blank lines) at least one example line "- ...".
        assert re.search(
            rf"^\s*\**{section}\**[ \t]*\n(?:[ \t]*\n)*[ \t]*- \S", doc, re.MULTILINE
        ), f"{code}: docstring has no {section!r} section with an example under it"
