"""The word classes that key value claims (``data/facts.yaml``), validated.

Knowledge that helps, never a gate: which words name the same thing ("employee",
"worker"), which roles, modalities, totals and events there are. Unknown keys are
rejected, so a typo in the file is an error naming it, not a silently ignored list.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from consistency.errors import ConfigError
from consistency.extract import wordfiles

_KEYS = {
    "roles",
    "measures",
    "generic",
    "light",
    "modality",
    "reporting",
    "units_of_time",
    "background",
    "initial",
    "organisations",
    "totals",
    "events",
    "occurrence",
}


@dataclass(frozen=True)
class Vocabulary:
    """The word classes of ``data/facts.yaml``, lemma -> class."""

    role: dict[str, str]
    measure: dict[str, str]
    generic: frozenset[str]
    light: frozenset[str]
    modality: dict[str, str]
    reporting: frozenset[str]
    time_units: frozenset[str]
    background: frozenset[str]
    initial: frozenset[str]
    organisations: frozenset[str]
    totals: frozenset[str]
    events: frozenset[str]
    occurrence: frozenset[str]


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    return parse_vocabulary(wordfiles.read("facts.yaml"), "facts.yaml")


def parse_vocabulary(data: Any, where: str) -> Vocabulary:
    """Validate the word classes: known keys only, lists of strings."""
    data = wordfiles.mapping(data, _KEYS, where)

    def words(value: Any, name: str) -> list[str]:
        return wordfiles.word_list(value, name, where)

    def classes(name: str) -> dict[str, str]:
        section = data.get(name) or {}
        if not isinstance(section, dict):
            raise ConfigError(f"{where}: {name} must map a class to its words")
        out: dict[str, str] = {}
        for cls, ws in section.items():
            for w in words(ws, f"{name}.{cls}"):
                out.setdefault(w, str(cls))
        return out

    roles = classes("roles")
    events = words(data.get("events", []), "events")
    unknown_events = set(events) - set(roles.values())
    if unknown_events:
        raise ConfigError(
            f"{where}: events names unknown role(s) {', '.join(sorted(unknown_events))}"
        )
    return Vocabulary(
        role=roles,
        measure=classes("measures"),
        generic=frozenset(words(data.get("generic", []), "generic")),
        light=frozenset(words(data.get("light", []), "light")),
        modality=classes("modality"),
        reporting=frozenset(words(data.get("reporting", []), "reporting")),
        time_units=frozenset(words(data.get("units_of_time", []), "units_of_time")),
        background=frozenset(words(data.get("background", []), "background")),
        initial=frozenset(words(data.get("initial", []), "initial")),
        organisations=frozenset(words(data.get("organisations", []), "organisations")),
        totals=frozenset(words(data.get("totals", []), "totals")),
        events=frozenset(events),
        occurrence=frozenset(words(data.get("occurrence", []), "occurrence")),
    )
