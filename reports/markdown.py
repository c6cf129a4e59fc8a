"""The Markdown report: a short summary to post as a pull-request or chat comment.

Counts by kind and severity first, then each finding with every cited quote as a
blockquote, the disputed words in bold. Text from the articles is escaped so it cannot
become a link, an image, HTML, a table cell or a mention.
"""

from __future__ import annotations

import re

from consistency.models import Cited, Finding, Result

from .common import (
    Documents,
    how,
    kind_info,
    kind_severity_table,
    plural,
    quote_segments,
    rounded,
    severity_counts,
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


def _quote(cited: Cited, kind: str) -> str:
    line = "".join(
        f"**{_inline(segment.text)}**" if segment.mark else _inline(segment.text)
        for segment in quote_segments(cited.claim, kind)
    )
    return _leading(line.strip()) or "(no quote)"


def _finding(number: int, finding: Finding, documents: Documents) -> list[str]:
    info = kind_info(finding.kind)
    lines = [
        f"### {number}. {escape(finding.rule)} · {info.label} · {finding.severity.upper()}: "
        f"{escape(finding.entity)}, {escape(finding.event)}",
        "",
        escape(finding.message),
        "",
    ]
    for cited in finding.cited:
        claim = cited.claim
        doc = documents.get(claim.document)
        source = escape(documents.source(claim.document))
        where = [code(documents.name(claim.document))]
        if doc and doc.published:
            dated = f"{doc.published.isoformat()} · {escape(doc.published_from)}"
            if doc.published_from == "inferred":
                dated += " ⚠️ inferred"
            where.append(dated)
        else:
            where.append("no publication date")
        lines.append(f"**{source}** ({', '.join(where)}):")
        lines.append("")
        lines.append(f"> {_quote(cited, finding.kind)}")
        lines.append("")
        value = f"Value: **{escape(cited.value)}**"
        resolved = how(cited, finding.kind)
        if resolved:
            value += f" ({escape(resolved)})"
        lines.append(value)
        lines.append("")
    if finding.reconcile:
        lines.append("What could reconcile them:")
        lines.append("")
        lines.extend(f"- {escape(reason)}" for reason in finding.reconcile)
        lines.append("")
    lines.append(
        f"Confidence {rounded(finding.confidence)}"
        + (f" · id {code(finding.id)}" if finding.id else "")
    )
    lines.append("")
    return lines


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
            f"({by_severity}) in {checked}.",
            "",
        ]
        severities = [s for s, _ in severity_counts(findings)]
        lines.append("| Kind | " + " | ".join(severities) + " | total |")
        lines.append("|---|" + "---:|" * (len(severities) + 1))
        for kind, per, total in kind_severity_table(findings):
            cells = " | ".join(str(n) for n in per)
            lines.append(f"| {escape(kind_info(kind).label)} | {cells} | {total} |")
        lines.append("")
        for number, finding in enumerate(findings, 1):
            lines += _finding(number, finding, documents)
    if result.skipped:
        lines += ["### Skipped inputs", ""]
        lines += [f"- {code(s.path)}: {escape(s.reason)}" for s in result.skipped]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
