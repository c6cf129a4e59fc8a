"""consistency: find where news outlets disagree about the same story.

The public API::

    import consistency
    result = consistency.check(["articles/"])
    result.findings      # pandas DataFrame, one row per finding
    result.claims        # pandas DataFrame, one row per claim
    result.documents     # list of Document
    result.graph         # networkx MultiDiGraph of documents, claims, entities, events

Stages can run alone: ``ingest``, ``extract``, ``resolve``, ``graph``, the rules in
``consistency.rules`` and the renderers in ``consistency.reports``.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from importlib.abc import MetaPathFinder
from importlib.machinery import ModuleSpec
from importlib.util import spec_from_file_location
from pathlib import Path
from types import ModuleType

#: The one place the version is written: pyproject.toml reads it from here for the package's
#: metadata, and the command line, the reports and the store's reading key read it here. Set
#: before the subpackages load, so any of them may read it while the package initialises.
__version__ = "0.1.0"

# rules/ and reports/ sit at the top of the source tree and install as consistency.rules and
# consistency.reports (package-dir in pyproject.toml). An installed copy has them inside the
# package; an editable install maps them with setuptools' own finder. But a command run from
# the checkout (`python -m pytest`, `python -m consistency.cli`) imports this folder, first
# on sys.path, even when a normal (non-editable) copy is installed, and this folder has no
# rules/ or reports/. So, only when this package is loaded from a source tree (pyproject.toml
# beside it naming those folders), a finder maps the two subpackages to the tree's folders,
# as the installed layout has them: the checkout's code is the code that runs, whatever is
# installed. Nothing is added to the package's __path__, so no other top-level folder
# (tests, benchmarks) becomes a subpackage.


class _SourceTreeFinder(MetaPathFinder):
    """Finds ``consistency.rules`` and ``consistency.reports`` in the source tree."""

    def __init__(self, folders: dict[str, Path]) -> None:
        self.folders = folders

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        folder = self.folders.get(fullname)
        if folder is None:
            return None
        init = folder / "__init__.py"
        return spec_from_file_location(fullname, init, submodule_search_locations=[str(folder)])


def _source_tree_folders() -> dict[str, Path]:
    """The subpackages that pyproject.toml's package-dir maps outside this folder, when
    this package is loaded from a source tree; none for an installed copy."""
    here = Path(__file__).resolve().parent
    project = here.parent / "pyproject.toml"
    if not project.is_file():
        return {}
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    try:
        table = tomllib.loads(project.read_text(encoding="utf-8"))
        dirs = table["tool"]["setuptools"]["package-dir"]
    except (OSError, ValueError, KeyError, TypeError):
        return {}  # another project's pyproject.toml beside an installed copy
    return {
        name: here.parent / folder
        for name, folder in dirs.items()
        if name.startswith(__name__ + ".")
        and (here.parent / folder / "__init__.py").is_file()
        and not (here / name.split(".", 1)[1]).exists()
    }


if _folders := _source_tree_folders():
    if not any(isinstance(f, _SourceTreeFinder) for f in sys.meta_path):
        sys.meta_path.append(_SourceTreeFinder(_folders))

from consistency.errors import ConfigError, ConsistencyError, InputError, RuleError  # noqa: E402
from consistency.models import (  # noqa: E402
    Cited,
    Claim,
    Document,
    Finding,
    Quantity,
    Result,
    Skipped,
    TimeValue,
)
from consistency.pipeline import check  # noqa: E402

__all__ = [
    "check",
    "Cited",
    "Claim",
    "ConfigError",
    "ConsistencyError",
    "Document",
    "Finding",
    "InputError",
    "Quantity",
    "Result",
    "RuleError",
    "Skipped",
    "TimeValue",
    "__version__",
]
