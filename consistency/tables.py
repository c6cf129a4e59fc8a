"""The findings and claims of a :class:`~consistency.models.Result` as pandas tables.

One row per finding (:func:`findings_frame`) or per claim (:func:`claims_frame`), with the
columns in a fixed order and the rows in the order of the result, so two runs give equal
frames. An empty result still gives frames with every column.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import pandas as pd

if TYPE_CHECKING:
    from consistency.models import Result

#: Columns of :func:`findings_frame`, in order.
FINDING_COLUMNS: tuple[str, ...] = (
    "id",
    "rule",
    "kind",
    "severity",
    "confidence",
    "entity",
    "event",
    "message",
    "documents",
    "values",
    "reconcile",
)

#: Columns of :func:`claims_frame`, in order.
CLAIM_COLUMNS: tuple[str, ...] = (
    "id",
    "document",
    "name",
    "entity",
    "event",
    "object",
    "time_text",
    "time_start",
    "time_end",
    "granularity",
    "anchor",
    "anchor_from",
    "quantity_text",
    "low",
    "high",
    "unit",
    "qualifiers",
    "negated",
    "hedged",
    "attributed_to",
    "sentence",
)

# Columns whose dtype must not depend on the data (an empty frame included); the others
# are text, or dates kept as datetime.date objects (pandas timestamps cannot hold a date
# before 1677, and "the 1500s" is a valid claim time).
_DTYPES: dict[str, str] = {
    "confidence": "float64",
    "low": "float64",
    "high": "float64",
    "negated": "bool",
    "hedged": "bool",
}


def _frame(columns: tuple[str, ...], rows: Iterable[dict[str, Any]]) -> pd.DataFrame:
    rows = list(rows)
    data = {
        column: pd.Series(
            [row[column] for row in rows], dtype=_DTYPES.get(column, None if rows else object)
        )
        for column in columns
    }
    return pd.DataFrame(data, columns=list(columns))


def _document_names(result: Result) -> dict[str, str]:
    return {doc.id: doc.name for doc in result.documents}


def _name(names: dict[str, str], document_id: str) -> str:
    # A claim whose document is not in the result still gets a readable name.
    return names.get(document_id) or document_id.rsplit("/", 1)[-1]


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def findings_frame(result: Result) -> pd.DataFrame:
    """One row per finding: id, rule, kind, severity, confidence, entity, event, message,
    documents (file names joined by "; "), values (joined by " vs ") and reconcile (joined
    by " | ")."""
    names = _document_names(result)
    rows = (
        {
            "id": finding.id,
            "rule": finding.rule,
            "kind": finding.kind,
            "severity": finding.severity,
            "confidence": float(finding.confidence),
            "entity": finding.entity,
            "event": finding.event,
            "message": finding.message,
            "documents": "; ".join(
                _unique(_name(names, cited.claim.document) for cited in finding.cited)
            ),
            "values": " vs ".join(cited.value for cited in finding.cited),
            "reconcile": " | ".join(finding.reconcile),
        }
        for finding in result.findings_list
    )
    return _frame(FINDING_COLUMNS, rows)


def claims_frame(result: Result) -> pd.DataFrame:
    """One row per claim, its time and quantity spread over columns.

    ``time_start``/``time_end``/``anchor`` are :class:`datetime.date` (or None),
    ``low``/``high`` floats (``high`` is ``inf`` when unbounded, both NaN without a
    quantity), ``qualifiers`` joined by ",".
    """
    names = _document_names(result)
    rows = []
    for claim in result.claims_list:
        time, quantity = claim.time, claim.quantity
        rows.append(
            {
                "id": claim.id,
                "document": claim.document,
                "name": _name(names, claim.document),
                "entity": claim.entity,
                "event": claim.event,
                "object": claim.object,
                "time_text": time.text if time else None,
                "time_start": time.start if time else None,
                "time_end": time.end if time else None,
                "granularity": time.granularity if time else None,
                "anchor": time.anchor if time else None,
                "anchor_from": time.anchor_from if time else None,
                "quantity_text": quantity.text if quantity else None,
                "low": float(quantity.low) if quantity else math.nan,
                "high": float(quantity.high) if quantity else math.nan,
                "unit": quantity.unit if quantity else None,
                "qualifiers": ",".join(claim.qualifiers),
                "negated": bool(claim.negated),
                "hedged": bool(claim.hedged),
                "attributed_to": claim.attributed_to,
                "sentence": claim.sentence,
            }
        )
    return _frame(CLAIM_COLUMNS, rows)
