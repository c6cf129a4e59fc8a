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

from consistency.errors import ConfigError, ConsistencyError, InputError, RuleError
from consistency.models import (
    Cited,
    Claim,
    Document,
    Finding,
    Quantity,
    Result,
    Skipped,
    TimeValue,
)
from consistency.pipeline import check

__version__ = "0.1.0"

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
