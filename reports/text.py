"""The terminal listing: what ``consistency check`` prints when no ``-o`` is given.

One block per finding: a head line with its status, rule, kind, severity, fact and id (the
id is what ``consistency accept`` takes), then one line per value with the outlets that
give it and where each sentence is (``file:line``); then a summary line. Plain text, no
colours, the same bytes every run. Text from the articles is printed with its control
characters removed, so an article cannot move the cursor or recolour the terminal.
"""

from __future__ import annotations

import re

from consistency.models import Finding, Result

from .common import (
    Documents,
    acceptance,
    accepted_words,
    fail_on,
    plural,
    severity_counts,
    status,
    where,
)

#: How a finding stands, as the first word of its block.
MARKS = {"failing": "FAIL", "accepted": "ACCEPTED", "passing": "below"}

# C0 and C1 control characters and DEL: an ESC starts a terminal escape sequence.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def clean(text: str) -> str:
    """``text`` on one line, without control characters."""
    return " ".join(_CONTROL.sub(" ", text).split())


def _block(finding: Finding, result: Result, documents: Documents) -> list[str]:
    state = status(result, finding)
    also = "".join(f" +{a.split(':', 1)[0]}" for a in finding.also)
    head = (
        f"{MARKS[state]:<8} {finding.rule}{also} {finding.kind} {finding.severity}: "
        f"{clean(finding.entity)}, {clean(finding.event)}  [{finding.fingerprint}]"
    )
    lines = [head]
    by_value: dict[str, list[str]] = {}
    for cited in finding.cited:
        at = where(cited.claim, documents)
        source = f"{clean(documents.source(cited.claim.document))} ({at.label})"
        sources = by_value.setdefault(clean(cited.value), [])
        if source not in sources:
            sources.append(source)
    width = min(28, max((len(v) for v in by_value), default=0))
    for value, sources in by_value.items():
        lines.append(f"         {value:<{width}}  {'; '.join(sources)}")
    entry = acceptance(result, finding)
    if entry is not None:
        lines.append(f"         {clean(accepted_words(entry))}")
    return lines


def summary_line(result: Result) -> str:
    """'10 findings (2 high, 8 low): 7 failing at --fail-on low, 3 accepted; 4 documents, 50
    claims, 0 skipped inputs.'"""
    findings = result.findings_list
    statuses = [status(result, f) for f in findings]
    counted = ", ".join(f"{n} {s}" for s, n in severity_counts(findings) if n)
    line = plural(len(findings), "finding") + (f" ({counted})" if counted else "")
    line += f": {statuses.count('failing')} failing at --fail-on {fail_on(result)}"
    if statuses.count("accepted"):
        line += f", {statuses.count('accepted')} accepted"
    if statuses.count("passing"):
        line += f", {statuses.count('passing')} below it"
    line += (
        f"; {plural(len(result.documents), 'document')}, "
        f"{plural(len(result.claims_list), 'claim')}, "
        f"{plural(len(result.skipped_inputs), 'skipped input')}"
    )
    problems = len(result.skipped) - len(result.skipped_inputs)  # rules that failed
    if problems:
        line += f", {plural(problems, 'rule problem')}"
    return line + "."


def render_text(result: Result) -> str:
    """The listing as text ending in a newline."""
    documents = Documents(result)
    lines: list[str] = []
    for finding in result.findings_list:
        lines += _block(finding, result, documents)
        lines.append("")
    review = result.review
    for e in review.stale if review is not None else ():
        lines.append(f"stale accepted entry {e.fingerprint}: its finding no longer appears")
    if review is not None and review.stale:
        lines.append("")
    lines.append(summary_line(result))
    return "\n".join(lines) + "\n"
