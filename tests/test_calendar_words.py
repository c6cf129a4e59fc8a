"""The calendar's words are spelled out once, in consistency/time/calendar.py.

A module that lists months, weekdays or number words itself drifts from the one table: one
list gains "Sept" and another does not, and a date read in one stage is missed in the next.
These tests look for such lists in the code (string literals, regular expressions and list
or dict displays in Python; every line of a template, script or data file) and name where
one has come back. Prose is not code: docstrings and comments may name months freely.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from consistency.time.calendar import (
    MONTH_ABBREVIATIONS,
    MONTHS,
    NUMBER_WORDS,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAYS,
)

ROOT = Path(__file__).resolve().parents[1]
CALENDAR = ROOT / "consistency" / "time" / "calendar.py"
FOLDERS = ("consistency", "rules", "reports", "benchmarks")
SUFFIXES = {".py", ".yaml", ".j2", ".js", ".html", ".mako"}

# Each table, and how many of its distinct words in one literal make a list of it. Three
# months or days never stand together by chance in code; number words do ("one of two or
# three"), so a list of them is five.
TABLES = {
    "month names": (set(MONTHS), 3),
    "month abbreviations": (set(MONTH_ABBREVIATIONS) - {"may"}, 3),
    "weekday names": (set(WEEKDAYS), 3),
    "weekday abbreviations": (set(WEEKDAY_ABBREVIATIONS), 3),
    "number words": (set(NUMBER_WORDS), 5),
}
_WORD = re.compile(r"[a-z]+")


def spelled_out(text: str) -> list[str]:
    """The tables of which ``text`` spells out a list."""
    words = set(_WORD.findall(text.lower()))
    return [name for name, (table, least) in TABLES.items() if len(words & table) >= least]


def _docstrings(tree: ast.AST) -> set[int]:
    out = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            out.add(id(body[0].value))
    return out


def _python_literals(text: str) -> Iterator[tuple[int, str]]:
    """(line, text) for every string and every display of strings, docstrings left out."""
    tree = ast.parse(text)
    docstrings = _docstrings(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if id(node) not in docstrings:
                yield node.lineno, node.value
        elif isinstance(node, (ast.List, ast.Tuple, ast.Set, ast.Dict)):
            items = [*node.keys, *node.values] if isinstance(node, ast.Dict) else node.elts
            strings = [k.value for k in items if isinstance(k, ast.Constant)]
            yield node.lineno, " ".join(s for s in strings if isinstance(s, str))


def _literals(path: Path) -> Iterator[tuple[int, str]]:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".py":
        yield from _python_literals(text)
        return
    for n, line in enumerate(text.splitlines(), 1):
        if not line.lstrip().startswith("#"):  # a YAML comment is prose
            yield n, line


def _sources() -> list[Path]:
    return [
        p
        for folder in FOLDERS
        for p in sorted((ROOT / folder).rglob("*"))
        if p.suffix in SUFFIXES and p != CALENDAR
    ]


def test_no_calendar_list_outside_the_calendar() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{line}: {', '.join(tables)}"
        for path in _sources()
        for line, text in _literals(path)
        if (tables := spelled_out(text))
    ]
    assert not found, "spell these with consistency/time/calendar.py:\n" + "\n".join(found)


@pytest.mark.parametrize(
    "text",
    [
        "January February March April",
        r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?)\.?",
        "mr mrs dr jan feb mar apr",
        "Monday Tuesday Wednesday",
        "(?:Mon|Tue|Wed|Thu)",
        "one two three four five six seven",
    ],
)
def test_a_spelled_out_list_is_seen(text: str) -> None:
    assert spelled_out(text)


@pytest.mark.parametrize(
    "text",
    [
        "in March or May",
        "one of two or three companies",
        "%d %b %Y",
        "on Monday",
    ],
)
def test_a_sentence_is_not_a_list(text: str) -> None:
    assert not spelled_out(text)


def test_the_calendar_itself_is_seen() -> None:
    """The check reads the calendar's own literals as lists: it is not blind to them."""
    found = [t for _, text in _literals(CALENDAR) if (t := spelled_out(text))]
    assert ["month names"] in found and ["weekday names"] in found
