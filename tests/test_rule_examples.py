"""Each rule's catalogue example (``consistency rules CODE``) is really flagged by that rule:
its outlets' sentences, written as articles of one story, give a finding of the rule."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from consistency.config import Settings
from consistency.pipeline import check
from consistency.rules import registry

_LINE = re.compile(r'^(?P<outlet>[^:]+): "(?P<text>.*)"$')
RULES = [r for _, r in sorted(registry()[0].items()) if r.example]


def _articles(example: tuple[str, ...], into: Path) -> None:
    """One article per outlet: 'Outlet: "sentence"' or 'Outlet, published DAY: "..."', with
    " ... " between sentences that stand apart in one article."""
    texts: dict[str, list[str]] = {}
    for line in example:
        m = _LINE.match(line)
        assert m, f"an example line is 'Outlet: \"sentence\"': {line!r}"
        texts.setdefault(m["outlet"], []).append(m["text"].replace(" ... ", "\n\n"))
    for k, (outlet, parts) in enumerate(texts.items()):
        name, _, day = outlet.partition(", published ")
        day = day or f"2024-06-1{k}"
        slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
        body = "\n\n".join(parts)
        head = f"date {day}\nTitle: {name}\nOutlet: {name}\n\n"
        (into / f"{k}-{slug}.txt").write_text(head + body + "\n", encoding="utf-8")


def test_every_rule_has_an_example() -> None:
    assert set(registry()[0]) == {r.code for r in RULES}


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_the_example_is_flagged(rule: type, tmp_path: Path) -> None:
    _articles(rule.example, tmp_path)
    result = check([tmp_path], settings=Settings(rules=[rule.code]))
    rules = {f.rule for f in result.findings_list} | {
        a.split(":", 1)[0] for f in result.findings_list for a in f.also
    }
    assert rule.code in rules, [f.message for f in result.findings_list]
