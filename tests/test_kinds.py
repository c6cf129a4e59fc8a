"""Kinds and severities are types (models.Kind, models.Severity) written as bare words."""

from __future__ import annotations

import json

import jinja2
import pytest

from consistency.models import KINDS, SEVERITIES, Finding, Kind, Severity
from consistency.rules.base import Rule


def _finding(kind: str = "date", severity: str = "high") -> Finding:
    return Finding("DT01", kind, severity, 1.0, "Acme", "opened", "", ())


def test_the_word_lists_come_from_the_types() -> None:
    assert KINDS == tuple(k.value for k in Kind)
    assert KINDS[0] == "date" and KINDS[-1] == "other"
    assert SEVERITIES == ("high", "medium", "low") == tuple(Severity)


def test_a_finding_holds_the_types_written_as_words() -> None:
    f = _finding()
    assert f.kind is Kind.DATE and f.severity is Severity.HIGH
    assert f.kind == "date" and {"date": 1}[f.kind] == 1 and {"high": 3}[f.severity] == 3
    assert json.dumps({f.kind: [f.kind, f.severity]}) == '{"date": ["date", "high"]}'
    assert json.dumps([f.severity], indent=1) == '[\n "high"\n]'
    assert f"{f.kind} {f.severity}" == str(f.kind) + " high" == "date high"
    page = jinja2.Environment(autoescape=True).from_string('<b class="sev-{{ s }}">{{ k }}</b>')
    assert page.render(s=f.severity, k=f.kind) == '<b class="sev-high">date</b>'


def test_a_word_outside_the_contract_is_refused() -> None:
    with pytest.raises(ValueError):
        _finding(kind="dates")
    with pytest.raises(ValueError):
        _finding(severity="severe")
    with pytest.raises(ValueError):

        class Rule_ZZ09(Rule):  # noqa: N801 - a rule class is named by its code
            kind = "colour"
