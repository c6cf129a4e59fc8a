"""Exceptions of the consistency package.

::

    ConsistencyError            base: anything the tool reports instead of a traceback
    ├── InputError              the inputs named on the command line cannot be read: a path
    │                           that does not exist (--new), or not one readable article
    ├── ConfigError             bad options, settings, accepted list, baseline or lexicon
    ├── RuleError               the rules cannot be loaded (no built-in rules registered)
    ├── ReportError             a report format (a renderer plugin) failed to load or render
    └── StoreError              the store cannot be opened, read or written

Each is raised where the problem is found, and the command line (consistency.cli) turns
each into one line on standard error and exit code 2. What fails inside one part of a run
is not raised: an unreadable file among others is skipped and listed (``Result.skipped``),
and a rule or rule plugin that fails to load or to run is skipped and listed as a rule
problem (``Skipped(kind="rule")``), the other rules' findings standing.
"""


class ConsistencyError(Exception):
    """Base class for the errors the tool reports to the user."""


class InputError(ConsistencyError):
    """Inputs named on the command line that cannot be read; carries the path(s)."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class ConfigError(ConsistencyError):
    """Bad options, configuration file or sidecar."""


class RuleError(ConsistencyError):
    """The rules could not be loaded at all (a single rule's failure is skipped, not
    raised)."""


class ReportError(ConsistencyError):
    """A report format that could not be loaded, or that failed while rendering."""


class StoreError(ConsistencyError):
    """A store that cannot be reached, is not a store, or is damaged."""
