"""The English word files in ``consistency/data/``: read, and checked the same way.

Each extractor keeps its own word file (``facts.yaml``, ``records.yaml``, ...) and says what
its sections mean; reading it and the checks every file shares live here: the file is a
mapping, its keys are known (a typo is an error naming it, not a list silently ignored),
and a list of words is a list of strings.
"""

from __future__ import annotations

from collections.abc import Iterable
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
