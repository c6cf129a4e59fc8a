"""Settings: ``[tool.consistency]`` in pyproject.toml, or a ``consistency.toml``.

::

    [tool.consistency]
    fail_on = "medium"            # low, medium, high
    rules = ["all"]               # codes or groups to run
    exclude_rules = ["AN01"]
    lexicon = ["newsroom-events.yaml"]
    jobs = 2                      # worker processes for the per-document work
    accepted = ".consistency/accepted.yaml"   # the accepted findings (the default)
    store = ".consistency/store.sqlite"  # or "postgresql://user@host/db": incremental checks
    related = 100                 # with a store: stored articles of a new one's story, at most

    [tool.consistency.rules_options.DT01]
    min_confidence = 0.5

In ``consistency.toml`` the same keys sit at the top level. Command-line options win.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from consistency.errors import ConfigError
from consistency.models import SEVERITIES

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


@dataclass
class Settings:
    fail_on: str = "low"
    rules: list[str] = field(default_factory=lambda: ["all"])
    exclude_rules: list[str] = field(default_factory=list)
    lexicon: list[str] = field(default_factory=list)
    rule_options: dict[str, dict[str, Any]] = field(default_factory=dict)
    jobs: int = 1  # processes for the per-document work
    accepted: str | None = None  # the accepted list, relative paths from the settings' folder
    store: str | None = None  # a file path (SQLite) or database URL; relative to the file
    related: int = 100  # with a store: the stored articles of a new one's story, at most
    source: str | None = None  # the file the settings came from


def load(path: str | Path | None = None, start: str | Path = ".") -> Settings:
    """Settings from ``path``, else from consistency.toml or pyproject.toml in ``start``."""
    if path is not None:
        p = Path(path)
        if not p.is_file():
            raise ConfigError(f"{p}: configuration file not found")
        return _from_file(p)
    here = Path(start)
    for name in ("consistency.toml", "pyproject.toml"):
        p = here / name
        if p.is_file():
            settings = _from_file(p)
            if settings.source:
                return settings
    return Settings()


def _from_file(p: Path) -> Settings:
    """The settings of a configuration file; empty settings (no source) for a
    pyproject.toml without a [tool.consistency] table."""
    section = _section(p)
    if section is None:
        return Settings()
    s = Settings(source=str(p))
    known = {"fail_on", "rules", "exclude_rules", "lexicon", "rules_options", "jobs"}
    known |= {"accepted", "store", "related"}
    unknown = set(section) - known
    if unknown:
        raise ConfigError(f"{p}: unknown setting(s) {', '.join(sorted(unknown))}")
    _read_values(s, section, p)
    _read_paths(s, section, p)
    opts = section.get("rules_options", {})
    if not isinstance(opts, dict) or not all(isinstance(v, dict) for v in opts.values()):
        raise ConfigError(f"{p}: rules_options must be a table of tables, one per rule code")
    s.rule_options = {str(k).upper(): dict(v) for k, v in opts.items()}
    return s


def _section(p: Path) -> dict[str, Any] | None:
    """The file's consistency table: the whole of consistency.toml, or pyproject.toml's
    [tool.consistency] (None when it has none)."""
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{p}: cannot read the configuration: {exc}") from None
    if p.name == "pyproject.toml":
        section = data.get("tool", {}).get("consistency")
        if section is None:
            return None
    else:
        section = data
    if not isinstance(section, dict):
        raise ConfigError(f"{p}: [tool.consistency] must be a table")
    return section


def _read_values(s: Settings, section: dict[str, Any], p: Path) -> None:
    """The plain settings, each checked: fail_on, the whole numbers, the lists."""
    if "fail_on" in section:
        s.fail_on = str(section["fail_on"]).lower()
        if s.fail_on not in SEVERITIES:
            raise ConfigError(f"{p}: fail_on must be one of {', '.join(SEVERITIES)}")
    for key in ("jobs", "related"):
        if key in section:
            value = section[key]
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ConfigError(f"{p}: {key} must be a whole number of at least 1")
            setattr(s, key, value)
    for key in ("rules", "exclude_rules", "lexicon"):
        if key in section:
            value = section[key]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ConfigError(f"{p}: {key} must be a list of strings")
            setattr(s, key, list(value))


def _read_paths(s: Settings, section: dict[str, Any], p: Path) -> None:
    """The settings that name files: relative paths are relative to the configuration
    file's folder (a store may also be a database URL)."""
    base = p.parent
    if "accepted" in section:
        accepted = section["accepted"]
        if not isinstance(accepted, str) or not accepted.strip():
            raise ConfigError(f"{p}: accepted must be the path of the accepted list")
        s.accepted = str(base / accepted) if not Path(accepted).is_absolute() else accepted
    if "store" in section:
        store = section["store"]
        if not isinstance(store, str) or not store.strip():
            raise ConfigError(f"{p}: store must be a file path or a database URL")
        s.store = store if "://" in store or Path(store).is_absolute() else str(base / store)
    s.lexicon = [str((base / x) if not Path(x).is_absolute() else Path(x)) for x in s.lexicon]
