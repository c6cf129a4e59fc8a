"""The English word files in ``consistency/data/``: read, and checked the same way.

Each extractor keeps its own word file (``facts.yaml``, ``records.yaml``, ...) and says what
its sections mean; reading it and the checks every file shares live here: the file is a
mapping, its keys are known (a typo is an error naming it, not a list silently ignored),
a list of words is a list of strings, and a section of classes maps each class to its words.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from importlib import resources
from typing import Any

import yaml

from consistency.errors import ConfigError


def read(name: str) -> Any:
    """The parsed YAML of the packaged word file ``name``."""
    return yaml.safe_load(resources.files("consistency.data").joinpath(name).read_text("utf-8"))


def mapping(data: Any, keys: Iterable[str], where: str) -> dict[str, Any]:
    """``data`` as a mapping with none but the known ``keys``."""
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: expected a mapping")
    unknown = set(data) - set(keys)
    if unknown:
        raise ConfigError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    return data


def word_list(value: Any, name: str, where: str) -> list[str]:
    """The words of a list, lower-cased and single-spaced ("prior to")."""
    if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
        raise ConfigError(f"{where}: {name} must be a list of words")
    return [" ".join(w.lower().split()) for w in value]


def word_set(data: Mapping[str, Any], name: str, where: str) -> frozenset[str]:
    """The words of the list ``name`` of ``data`` (none when it is absent)."""
    return frozenset(word_list(data.get(name, []), name, where))


def word_classes(
    data: Mapping[str, Any], name: str, where: str, known: Sequence[str] = ()
) -> dict[str, str]:
    """The section ``name`` of ``data``, which maps each class to its words, read the other
    way: word -> class, a word listed under two classes keeping the first. With ``known``,
    a class outside it is an error."""
    section = data.get(name) or {}
    if not isinstance(section, dict):
        raise ConfigError(f"{where}: {name} must map a class to its words")
    lists = {str(cls): word_list(ws, f"{name}.{cls}", where) for cls, ws in section.items()}
    for cls in lists:
        if known and cls not in known:
            raise ConfigError(f"{where}: {name}.{cls}: use one of {', '.join(known)}")
    out: dict[str, str] = {}
    for cls, ws in lists.items():
        for w in ws:
            out.setdefault(w, cls)
    return out
