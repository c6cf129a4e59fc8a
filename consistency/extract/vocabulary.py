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
    "changes",
    "margins",
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
    changes: frozenset[str]
    margins: frozenset[str]
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

    def classes(name: str) -> dict[str, str]:
        return wordfiles.word_classes(data, name, where)

    def words(name: str) -> frozenset[str]:
        return wordfiles.word_set(data, name, where)

    roles = classes("roles")
    events = words("events")
    unknown_events = events - set(roles.values())
    if unknown_events:
        raise ConfigError(
            f"{where}: events names unknown role(s) {', '.join(sorted(unknown_events))}"
        )
    measures = classes("measures")
    return Vocabulary(
        role=roles,
        measure=measures,
        generic=words("generic"),
        light=words("light"),
        modality=classes("modality"),
        reporting=words("reporting"),
        time_units=words("units_of_time"),
        background=words("background"),
        initial=words("initial"),
        changes=words("changes"),
        margins=words("margins"),
        organisations=words("organisations"),
        totals=words("totals"),
        events=events,
        occurrence=words("occurrence"),
    )
