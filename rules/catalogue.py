"""The rules as a catalogue: ``consistency rules`` in words, as JSON and as the README's
Markdown table (which a test keeps equal to the registry)."""

from __future__ import annotations

import json

from consistency.rules.base import Rule

RuleClasses = dict[str, type[Rule]]


def as_text(rules: RuleClasses) -> str:
    """One line per rule: code, name, kind, what it checks."""
    return "".join(
        f"{code}  {cls.name:<20} {cls.kind:<12} {cls.summary()}\n" for code, cls in rules.items()
    )


def as_json(rules: RuleClasses) -> str:
    """Every rule as :meth:`Rule.describe` gives it, in a list by code."""
    return (
        json.dumps([cls.describe() for cls in rules.values()], ensure_ascii=False, indent=2) + "\n"
    )


def as_markdown(rules: RuleClasses) -> str:
    """The README's rules table."""
    lines = ["| code | name | kind | severity | checks |", "|---|---|---|---|---|"]
    for code, cls in rules.items():
        checks = cls.summary().replace("|", "\\|")
        kinds = "/".join(cls.finding_kinds or (cls.kind,))
        lines.append(f"| {code} | {cls.name} | {kinds} | {cls.severity} | {checks} |")
    return "\n".join(lines) + "\n"


FORMATS = {"text": as_text, "json": as_json, "md": as_markdown}


def in_words(cls: type[Rule]) -> str:
    """One rule in words: what it is, its documentation, its options and an example."""
    groups = ", ".join(cls.groups)
    out = [
        f"{cls.code}  {cls.name}",
        f"kind: {cls.kind}; severity: {cls.severity}; groups: {groups}",
        "",
        cls.documentation(),
        "",
    ]
    if cls.defaults:
        out.append(f"Options (in [tool.consistency.rules_options.{cls.code}]), with defaults:")
        out += [f"  {key} = {json.dumps(value)}" for key, value in cls.defaults.items()]
    else:
        out.append("Options: none.")
    if cls.example:
        out += ["", "Example (flagged together):"] + [f"  {line}" for line in cls.example]
    return "\n".join(out) + "\n"
