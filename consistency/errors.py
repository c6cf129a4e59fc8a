"""Exceptions of the consistency package.

::

    ConsistencyError            base: anything the tool reports instead of a traceback
    ├── InputError              one input file is unusable (skipped, the rest still checked)
    ├── ConfigError             a configuration or sidecar problem that stops the run
    ├── RuleError               a rule or rule plugin failed to load or run
    ├── ReportError             a report format (a renderer plugin) failed to load or render
    └── StoreError              the store cannot be opened, read or written
"""


class ConsistencyError(Exception):
    """Base class for the errors the tool reports to the user."""


class InputError(ConsistencyError):
    """An input file that cannot be read as an article; carries the path."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class ConfigError(ConsistencyError):
    """Bad options, configuration file or sidecar."""


class RuleError(ConsistencyError):
    """A rule that could not be loaded or that failed while running."""


class ReportError(ConsistencyError):
    """A report format that could not be loaded, or that failed while rendering."""


class StoreError(ConsistencyError):
    """A store that cannot be reached, is not a store, or is damaged."""
