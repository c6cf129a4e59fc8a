"""GitHub Actions workflow commands: one annotation per finding.

::

    ::error file=stories/courier.html,line=18,col=4,endLine=18,endColumn=131,title=DT01 ...::msg

``::error`` for a high finding, ``::warning`` for a medium one, ``::notice`` for a low one
and for an accepted finding (whatever its severity). The annotation sits on the first cited
sentence (its real line in the file, see :mod:`consistency.reading.positions`); its message gives
every value with its outlets and ``file:line``. Data is escaped as GitHub's toolkit does
(``%``, CR and LF in messages; also ``:`` and ``,`` in properties), so article text cannot
end a command or start another. A last plain line gives the summary.
"""

from __future__ import annotations

from consistency.models import Finding, Result

from .common import Documents, acceptance, accepted_words, kind_info, status, where
from .text import clean, summary_line

LEVELS = {"high": "error", "medium": "warning", "low": "notice"}


def escape_data(text: str) -> str:
    """A command's message, escaped (GitHub toolkit ``escapeData``)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A command's property value, escaped (GitHub toolkit ``escapeProperty``)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _command(finding: Finding, result: Result, documents: Documents) -> str:
    entry = acceptance(result, finding)
    level = "notice" if entry is not None else LEVELS.get(finding.severity, "warning")
    first = where(finding.cited[0].claim, documents)
    title = f"{finding.rule} {kind_info(finding.kind).label.lower()} ({finding.severity})"
    if status(result, finding) == "accepted":
        title += " accepted"
    props = {
        "file": first.path,
        "line": str(first.line),
        "col": str(first.column),
        "endLine": str(first.end_line),
        "endColumn": str(first.end_column),
        "title": title,
    }
    values = []
    for cited in finding.cited:
        at = where(cited.claim, documents)
        source = clean(documents.source(cited.claim.document))
        values.append(f"{clean(cited.value)}: {source} ({at.label})")
    message = clean(finding.message) + "\n" + "\n".join(values)
    if entry is not None:
        message += "\n" + clean(accepted_words(entry))
    message += f"\nid {finding.fingerprint}"
    head = ",".join(f"{k}={escape_property(v)}" for k, v in props.items())
    return f"::{level} {head}::{escape_data(message)}"


def render_github(result: Result) -> str:
    """The workflow commands, one a line, then the summary line."""
    documents = Documents(result)
    lines = [_command(f, result, documents) for f in result.findings_list if f.cited]
    lines.append(summary_line(result))
    return "\n".join(lines) + "\n"
