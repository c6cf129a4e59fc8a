"""The Markdown report: a compact summary for ``$GITHUB_STEP_SUMMARY`` or a pull/merge
request comment.

How the run stands first (failing, accepted, below ``--fail-on``), counts by kind and
severity, then one table row per finding with its status mark (❌ failing, ✅ accepted,
⚪ below ``--fail-on``), its values and outlets; then each finding's details folded in a
``<details>`` block: the message, every cited quote as a blockquote with the disputed words
in bold and its file and line, the reason it was accepted. Past about 60,000 characters the
details stop (a comment holds 65,536) and the report says how many were left out.

Text from the articles is escaped so it cannot become a link, an image, HTML, a table cell
or a mention; inside the ``<summary>`` lines (HTML) it is escaped as HTML.
"""

from __future__ import annotations

import html
import re

from consistency.models import Cited, DateSource, Finding, Result

from .common import (
    Documents,
    acceptance,
    accepted_words,
    fail_on,
    how,
    kind_info,
    kind_severity_table,
    plural,
    quote_segments,
    rounded,
    severity_counts,
    status,
    where,
)

# CommonMark lets a backslash escape any ASCII punctuation; these are the characters that
# can start markup anywhere in a line (emphasis, code, links, images, HTML, entities,
# tables, strikethrough, mentions).
_INLINE = re.compile(r"([\\`*_{}\[\]<>()#!|~&@])")
# And these only at the start of a line: a list item, a heading underline, a numbered item.
_LEADING_MARK = re.compile(r"^(\s*)([-+=])")
_LEADING_NUMBER = re.compile(r"^(\s*\d+)([.)])")


def _inline(text: str) -> str:
    return _INLINE.sub(r"\\\1", re.sub(r"\s+", " ", text))


def _leading(line: str) -> str:
    return _LEADING_NUMBER.sub(r"\1\\\2", _LEADING_MARK.sub(r"\1\\\2", line))


def code(text: str) -> str:
    """``text`` as a code span: literal inside, on one line, its backticks dropped."""
    return "`" + " ".join(text.replace("`", "'").split()) + "`"


def escape(text: str) -> str:
    """``text`` as literal Markdown on one line."""
    return _leading(_inline(text.strip()))


#: Past this many characters the details of further findings are left out.
BUDGET = 60_000

MARKS = {"failing": "❌ failing", "accepted": "✅ accepted", "passing": "⚪ below --fail-on"}


def _html(text: str) -> str:
    """``text`` for an HTML line (a ``<summary>``): escaped, brackets included, one line."""
    return html.escape(" ".join(text.split()), quote=True).replace("[", "&#91;")


def _quote(cited: Cited, kind: str) -> str:
    line = "".join(
        f"**{_inline(segment.text)}**" if segment.mark else _inline(segment.text)
        for segment in quote_segments(cited.claim, kind)
    )
    return _leading(line.strip()) or "(no quote)"


def _values(finding: Finding, documents: Documents) -> str:
    """'2023-08 (Alder Daily); 2023-11 (Harbour Courier)': each value with its outlets."""
    by_value: dict[str, list[str]] = {}
    for cited in finding.cited:
        sources = by_value.setdefault(cited.value, [])
        source = documents.source(cited.claim.document)
        if source not in sources:
            sources.append(source)
    return "; ".join(f"{v} ({', '.join(s)})" for v, s in by_value.items())


def _row(number: int, finding: Finding, result: Result, documents: Documents) -> str:
    cells = [
        str(number),
        MARKS[status(result, finding)],
        finding.severity.upper(),
        escape(finding.rule),
        f"{escape(finding.entity)}, {escape(finding.event)}",
        escape(_values(finding, documents)),
    ]
    return "| " + " | ".join(cells) + " |"


def _details(number: int, finding: Finding, result: Result, documents: Documents) -> list[str]:
    info = kind_info(finding.kind)
    state = status(result, finding)
    head = (
        f"{number}. {finding.rule} · {info.label} · {finding.severity.upper()}: "
        f"{finding.entity}, {finding.event} · {MARKS[state]}"
    )
    lines = [f"<details><summary>{_html(head)}</summary>", "", escape(finding.message), ""]
    entry = acceptance(result, finding)
    if entry is not None:
        lines += [f"✅ {escape(accepted_words(entry))}", ""]
    elif state == "passing":
        lines += [f"⚪ {finding.severity} is below --fail-on {fail_on(result)}: not a failure.", ""]
    for cited in finding.cited:
        claim = cited.claim
        doc = documents.get(claim.document)
        at = where(claim, documents)
        place = [code(at.label)]
        if doc and doc.published:
            dated = f"{doc.published.isoformat()} · {escape(doc.published_from)}"
            if doc.published_from == DateSource.INFERRED:
                dated += " ⚠️ inferred"
            place.append(dated)
        else:
            place.append("no publication date")
        lines.append(f"**{escape(documents.source(claim.document))}** ({', '.join(place)}):")
        lines.append("")
        lines.append(f"> {_quote(cited, finding.kind)}")
        lines.append("")
        value = f"Value: **{escape(cited.value)}**"
        resolved = how(cited, finding.kind)
        if resolved:
            value += f" ({escape(resolved)})"
        lines += [value, ""]
    if finding.reconcile:
        lines += ["What could reconcile them:", ""]
        lines.extend(f"- {escape(reason)}" for reason in finding.reconcile)
        lines.append("")
    lines.append(
        f"Confidence {rounded(finding.confidence)}"
        + (f" · id {code(finding.id)}" if finding.id else "")
    )
    lines += ["", "</details>", ""]
    return lines


def _standing(result: Result) -> str:
    statuses = [status(result, f) for f in result.findings_list]
    parts = [f"**{statuses.count('failing')} failing** at --fail-on {fail_on(result)}"]
    if statuses.count("accepted"):
        parts.append(f"{statuses.count('accepted')} accepted")
    if statuses.count("passing"):
        parts.append(f"{statuses.count('passing')} below --fail-on")
    return ", ".join(parts)


def render_markdown(result: Result) -> str:
    """The Markdown summary as text ending in a newline."""
    documents = Documents(result)
    findings = result.findings_list
    lines = ["## Consistency check", ""]
    checked = (
        f"{plural(len(result.documents), 'document')}, {plural(len(result.claims_list), 'claim')}"
    )
    if not findings:
        lines += [f"**No discrepancies found** ({checked}).", ""]
    else:
        by_severity = ", ".join(f"{n} {s}" for s, n in severity_counts(findings) if n)
        lines += [
            f"**{plural(len(findings), 'discrepancy', 'discrepancies')}** "
            f"({by_severity}) in {checked}: {_standing(result)}.",
            "",
        ]
        severities = [s for s, _ in severity_counts(findings)]
        lines.append("| Kind | " + " | ".join(severities) + " | total |")
        lines.append("|---|" + "---:|" * (len(severities) + 1))
        for kind, per, total in kind_severity_table(findings):
            cells = " | ".join(str(n) for n in per)
            lines.append(f"| {escape(kind_info(kind).label)} | {cells} | {total} |")
        lines += ["", "| # | Status | Severity | Rule | Fact | Values (outlets) |"]
        lines.append("|---:|---|---|---|---|---|")
        lines += [_row(n, f, result, documents) for n, f in enumerate(findings, 1)]
        lines.append("")
        size = sum(len(line) + 1 for line in lines)
        for number, finding in enumerate(findings, 1):
            block = _details(number, finding, result, documents)
            cost = sum(len(line) + 1 for line in block)
            if size + cost > BUDGET:
                left = len(findings) - number + 1
                lines += [
                    f"*The details of {plural(left, 'more finding')} are left out here"
                    " (size); see the full report.*",
                    "",
                ]
                break
            lines += block
            size += cost
    review = result.review
    if review is not None and review.stale:
        lines += ["### Stale accepted entries", ""]
        lines += [
            f"- {code(e.fingerprint)}: its finding no longer appears"
            + (f" ({escape(e.summary)})" if e.summary else "")
            for e in review.stale
        ]
        lines.append("")
    if result.skipped:
        lines += ["### Skipped inputs", ""]
        lines += [f"- {code(s.path)}: {escape(s.reason)}" for s in result.skipped]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
