"""The CSV report, written through pandas: one row per claim cited by a finding.

A finding that cites two claims gives two rows sharing its ``finding`` id, so a spreadsheet
can sort or filter by outlet and still group the rows of one finding.
"""

from __future__ import annotations

import pandas as pd

from consistency.models import Result

from .common import Documents, how, rounded

#: Columns of the CSV report, in order. ``document`` is the document's file name.
COLUMNS: tuple[str, ...] = (
    "finding",
    "rule",
    "kind",
    "severity",
    "confidence",
    "entity",
    "event",
    "document",
    "outlet",
    "quote",
    "value",
    "how",
    "message",
)


def csv_frame(result: Result) -> pd.DataFrame:
    """The rows of the CSV report as a DataFrame (the columns of :data:`COLUMNS`)."""
    documents = Documents(result)
    rows = []
    for finding in result.findings_list:
        for cited in finding.cited:
            doc = documents.get(cited.claim.document)
            rows.append(
                (
                    finding.id,
                    finding.rule,
                    finding.kind,
                    finding.severity,
                    rounded(finding.confidence),
                    finding.entity,
                    finding.event,
                    documents.name(cited.claim.document),
                    (doc.outlet if doc else None) or "",
                    cited.claim.sentence,
                    cited.value,
                    how(cited, finding.kind),
                    finding.message,
                )
            )
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    return frame.astype({"confidence": "float64"})


def render_csv(result: Result) -> str:
    """The CSV report as text: a header row, then one row per cited claim; ``\\n`` line ends."""
    text: str = csv_frame(result).to_csv(index=False, lineterminator="\n")
    return text
