"""The reader registry: every reader registered in the entry-point group ``consistency.readers``.

::

    READERS    type -> Reader, sorted by type   ("txt", "md", "html", "json", "jsonl", "feed")
    SUFFIXES   file suffix -> type              (".md" -> "md", ".markdown" -> "md", ...)
    ORIGINS    type -> the entry point's value  ("consistency.reading.markdown:READER")
    PROBLEMS   one line per plugin that could not be registered

The built-in readers are registered the same way as a third party's (pyproject.toml), so
adding a format is one module and one line there. The registry is read once, when this module
is first imported; entry points are taken in the order of their names (then values), so the
registry does not depend on the order packages were installed. A plugin that fails to load,
is not a :class:`~consistency.reading.base.Reader`, repeats a type, or claims a suffix another
reader has (the first in name order keeps it) is left out with a one-line problem, which
:func:`consistency.reading.ingest.ingest` lists among the skipped inputs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib.metadata import EntryPoint, entry_points

from consistency.reading.base import Reader, one_line

__all__ = ["GROUP", "ORIGINS", "PROBLEMS", "READERS", "SUFFIXES", "Registry", "load", "is_builtin"]

GROUP = "consistency.readers"


@dataclass
class Registry:
    """The readers found in the entry-point group, and what could not be registered."""

    readers: dict[str, Reader] = field(default_factory=dict)
    suffixes: dict[str, str] = field(default_factory=dict)
    origins: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def add(self, ep: EntryPoint) -> None:
        """Register one entry point, or note why it cannot be."""
        where = f"reader plugin {ep.name!r} ({ep.value})"
        if ep.name in self.readers:
            self.problems.append(
                f"{where} repeats the type {ep.name!r}; keeping {self.origins[ep.name]}"
            )
            return
        try:
            reader = ep.load()
        except Exception as exc:  # a broken plugin must not stop the run
            self.problems.append(one_line(f"{where} failed to load: {type(exc).__name__}: {exc}"))
            return
        if not isinstance(reader, Reader):
            what = type(reader).__name__
            self.problems.append(f"{where} is a {what}, not a consistency.reading.Reader")
            return
        self.readers[ep.name] = reader
        self.origins[ep.name] = ep.value
        for suffix in reader.suffixes:
            key = suffix.lower() if suffix.startswith(".") else f".{suffix.lower()}"
            if key in self.suffixes:
                self.problems.append(
                    f"{where} claims {key} files, already read by {self.suffixes[key]!r}; "
                    f"keeping {self.suffixes[key]!r}"
                )
                continue
            self.suffixes[key] = ep.name


def load() -> Registry:
    """Read the entry-point group afresh."""
    registry = Registry()
    for ep in sorted(entry_points(group=GROUP), key=lambda e: (e.name, e.value)):
        registry.add(ep)
    return registry


def is_builtin(kind: str) -> bool:
    """Whether the reader of this type is one of ours (its errors are internal errors)."""
    return ORIGINS.get(kind, "").startswith("consistency.")


_REGISTRY = load()
READERS: dict[str, Reader] = _REGISTRY.readers
SUFFIXES: dict[str, str] = _REGISTRY.suffixes
ORIGINS: dict[str, str] = _REGISTRY.origins
PROBLEMS: list[str] = _REGISTRY.problems
