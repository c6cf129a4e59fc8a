"""The CSV report, written through pandas: one row per claim cited by a finding.

A finding that cites two claims gives two rows sharing its ``finding`` id, so a spreadsheet
can sort or filter by outlet and still group the rows of one finding. Text cells that
start like a spreadsheet formula are prefixed with ``'`` so that they stay text.
"""

from __future__ import annotations

import pandas as pd

from consistency.models import Result

from .common import Documents, acceptance, accepted_words, how, rounded, status

#: Columns of the CSV report, in order. ``document`` is the document's file name;
#: ``status`` is failing, accepted or passing (below ``--fail-on``); ``accepted`` says why.
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
    "status",
    "accepted",
)


def csv_frame(result: Result) -> pd.DataFrame:
    """The rows of the CSV report as a DataFrame (the columns of :data:`COLUMNS`)."""
    documents = Documents(result)
    rows = []
    for finding in result.findings_list:
        state = status(result, finding)
        entry = acceptance(result, finding)
        why = accepted_words(entry) if entry is not None else ""
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
                    state,
                    why,
                )
            )
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    return frame.astype({"confidence": "float64"})


def render_csv(result: Result) -> str:
    """The CSV report as text: a header row, then one row per cited claim; ``\\n`` line ends."""
    frame = csv_frame(result)
    for col in frame.columns:
        if col != "confidence":
            frame[col] = frame[col].map(inert)
    text: str = frame.to_csv(index=False, lineterminator="\n")
    return text


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def inert(value: object) -> object:
    """A cell a spreadsheet will not run: text starting like a formula gets a leading '.

    Article text is untrusted; "=HYPERLINK(...)" in a quote must stay text (OWASP CSV
    injection). Numbers are left alone.
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value
