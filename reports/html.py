"""The HTML report: one self-contained page an editor reads in a browser, online or not.

Data and templates are kept apart, as in coverage.py: this module turns a
:class:`~consistency.models.Result` into plain view-model dataclasses (all text as plain
strings, quotes already split into marked and unmarked segments); the Jinja template in
``templates/report.html.j2`` only loops, tests and prints them. Autoescaping is on and
nothing derived from the input is marked safe: article text, titles, outlets and URLs are
untrusted. A URL becomes a link only when its scheme is http or https. The page carries a
Content-Security-Policy that allows inline styles and nothing else (no scripts, no
requests), so it stays inert and offline even if an escape were missed.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import jinja2

from consistency.models import SEVERITIES, Cited, Claim, Document, Finding, Result

from .common import (
    Documents,
    Segment,
    acceptance,
    accepted_words,
    how,
    kind_info,
    kind_severity_table,
    plural,
    quote_segments,
    rounded,
    severity_counts,
    status,
    tool_version,
    where,
)

DEFAULT_TITLE = "Consistency report"
TEMPLATES = Path(__file__).parent / "templates"

#: Words shown next to a publication date's source, for an editor.
DATE_SOURCE_WORDS = {
    "sidecar": "sidecar file",
    "header": "article header",
    "meta": "page metadata",
    "dateline": "dateline",
    "inferred": "inferred",
    "none": "no date found",
}


# ---------------------------------------------------------------------------------------
# The view model: what the template sees


@dataclass(frozen=True)
class Link:
    """A URL to show; ``href`` is set only for http(s) URLs."""

    text: str
    href: str | None


@dataclass(frozen=True)
class Dated:
    """A document's publication date and where it came from."""

    date: str  # "2023-04-14" or "no date"
    source: str  # "dateline", "inferred", ...
    note: str  # 'dateline "April 14, 2023, 2:14 AM"'
    inferred: bool  # shown as a warning
    missing: bool


@dataclass(frozen=True)
class CitedView:
    source: str  # outlet, else file name
    name: str  # file name
    line: str  # "line 18": where the sentence is in the file
    doc_anchor: str | None  # id of the document's row in the documents table
    title: str | None
    url: Link | None
    dated: Dated
    segments: list[Segment]
    value: str
    how: str
    flags: list[str]  # "hedged", "attributed to ...", "qualifiers: first, retail"


@dataclass(frozen=True)
class FindingView:
    anchor: str
    id: str
    number: int
    rule: str
    kind: str
    kind_label: str
    kind_description: str
    severity: str  # for CSS: high, medium, low or other
    severity_label: str  # text of the badge
    confidence: str
    entity: str
    event: str
    message: str
    cited: list[CitedView]
    reconcile: list[str]
    status: str = "failing"  # failing, accepted, passing (below --fail-on)
    accepted: str = ""  # "accepted: <reason> (until ...)" for an accepted finding


@dataclass(frozen=True)
class DocumentView:
    anchor: str
    name: str
    path: str
    outlet: str
    title: str
    url: Link | None
    dated: Dated
    confidence: str | None  # shown when below 1
    claims: int
    notes: list[str]
    removed: list[str]  # "ticker ×2"
    outlet_from: str = ""  # where the outlet and the title were read
    title_from: str = ""


@dataclass(frozen=True)
class Breakdown:
    """Findings by kind (rows) and severity (columns)."""

    severities: list[str]
    rows: list[tuple[str, list[int], int]]
    totals: list[int]


@dataclass(frozen=True)
class Summary:
    documents: int
    claims: int
    findings: int
    skipped: int
    sentence: str
    by_severity: list[tuple[str, int]]
    breakdown: Breakdown


@dataclass(frozen=True)
class SkippedView:
    path: str
    reason: str


@dataclass(frozen=True)
class Page:
    summary: Summary
    findings: list[FindingView]
    documents: list[DocumentView]
    skipped: list[SkippedView]


# ---------------------------------------------------------------------------------------
# Building the view model


def safe_link(url: str | None) -> Link | None:
    """``url`` as a :class:`Link`; only an absolute http(s) URL gets an ``href``."""
    if not url or not url.strip():
        return None
    text = url.strip()
    try:
        parts = urlsplit(text)
    except ValueError:
        return Link(text, None)
    # Browsers drop tabs and newlines inside URLs; a URL holding any control character or
    # space is not one we link, whatever urlsplit made of it.
    clean = all(ch.isprintable() and not ch.isspace() for ch in text)
    if clean and parts.scheme.lower() in ("http", "https") and parts.netloc:
        return Link(text, text)
    return Link(text, None)


def _dated(doc: Document | None) -> Dated:
    if doc is None:
        return Dated("no date", DATE_SOURCE_WORDS["none"], "", False, True)
    source = doc.published_from
    return Dated(
        date=doc.published.isoformat() if doc.published else "no date",
        source=DATE_SOURCE_WORDS.get(source, source),
        note=doc.published_note,
        inferred=source == "inferred",
        missing=doc.published is None,
    )


def _flags(cited: Cited) -> list[str]:
    claim = cited.claim
    flags = []
    if claim.negated:
        flags.append("negated")
    if claim.hedged:
        flags.append("hedged")
    if claim.attributed_to:
        flags.append(f"attributed to {claim.attributed_to}")
    if claim.qualifiers:
        flags.append("qualifiers: " + ", ".join(claim.qualifiers))
    return flags


def _cited(cited: Cited, kind: str, documents: Documents, anchors: dict[str, str]) -> CitedView:
    claim = cited.claim
    doc = documents.get(claim.document)
    return CitedView(
        source=documents.source(claim.document),
        name=documents.name(claim.document),
        line=_line(claim, documents),
        doc_anchor=anchors.get(claim.document),
        title=doc.title if doc else None,
        url=safe_link(doc.url) if doc else None,
        dated=_dated(doc),
        segments=quote_segments(claim, kind),
        value=cited.value,
        how=how(cited, kind),
        flags=_flags(cited),
    )


def _line(claim: Claim, documents: Documents) -> str:
    at = where(claim, documents)
    return f"line {at.line}" if at.found else "line not found"


def _finding(
    number: int, finding: Finding, result: Result, documents: Documents, anchors: dict[str, str]
) -> FindingView:
    info = kind_info(finding.kind)
    entry = acceptance(result, finding)
    return FindingView(
        anchor=f"finding-{number}",
        id=finding.id,
        number=number,
        rule=finding.rule,
        kind=finding.kind,
        kind_label=info.label,
        kind_description=info.description,
        severity=finding.severity if finding.severity in SEVERITIES else "other",
        severity_label=finding.severity.upper(),
        confidence=f"{rounded(finding.confidence):.2f}",
        entity=finding.entity,
        event=finding.event,
        message=finding.message,
        cited=[_cited(c, finding.kind, documents, anchors) for c in finding.cited],
        reconcile=list(finding.reconcile),
        status=status(result, finding),
        accepted=accepted_words(entry) if entry is not None else "",
    )


def _document(number: int, doc: Document, claims: int) -> DocumentView:
    removed = Counter(block.kind for block in doc.removed)
    return DocumentView(
        anchor=f"doc-{number}",
        name=doc.name,
        path=doc.path,
        outlet=doc.outlet or "",
        title=doc.title or "",
        url=safe_link(doc.url),
        dated=_dated(doc),
        confidence=None if doc.confidence >= 1 else f"{rounded(doc.confidence):.2f}",
        claims=claims,
        notes=list(doc.notes),
        removed=[f"{kind} ×{n}" for kind, n in sorted(removed.items())],
        outlet_from=doc.outlet_from,
        title_from=doc.title_from,
    )


def _summary(result: Result) -> Summary:
    findings = result.findings_list
    by_severity = severity_counts(findings)
    rows = kind_severity_table(findings)
    severities = [s for s, _ in by_severity]
    totals = [n for _, n in by_severity] + [len(findings)]
    checked = (
        f"{plural(len(result.documents), 'document')} and "
        f"{plural(len(result.claims_list), 'claim')} checked"
    )
    if findings:
        counted = ", ".join(f"{n} {s}" for s, n in by_severity if n)
        sentence = (
            f"{plural(len(findings), 'discrepancy', 'discrepancies')} found ({counted}); {checked}."
        )
    else:
        sentence = f"No discrepancies found; {checked}."
    return Summary(
        documents=len(result.documents),
        claims=len(result.claims_list),
        findings=len(findings),
        skipped=len(result.skipped),
        sentence=sentence,
        by_severity=by_severity,
        breakdown=Breakdown(
            severities=severities,
            rows=[(kind_info(kind).label, per, total) for kind, per, total in rows],
            totals=totals,
        ),
    )


def page(result: Result) -> Page:
    """The view model of the report."""
    documents = Documents(result)
    anchors = {doc.id: f"doc-{i}" for i, doc in enumerate(result.documents, 1)}
    claims = Counter(claim.document for claim in result.claims_list)
    return Page(
        summary=_summary(result),
        findings=[
            _finding(i, f, result, documents, anchors)
            for i, f in enumerate(result.findings_list, 1)
        ],
        documents=[_document(i, d, claims[d.id]) for i, d in enumerate(result.documents, 1)],
        skipped=[SkippedView(s.path, s.reason) for s in result.skipped],
    )


# ---------------------------------------------------------------------------------------
# Rendering


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """The Jinja environment: autoescaped, strict about undefined names."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render_html(result: Result, *, title: str | None = None) -> str:
    """The HTML report as one self-contained page."""
    # The one dict of template globals; passed at render time rather than stored on the
    # cached template, so a title given to one call does not leak into the next.
    template_globals = {"version": tool_version(), "title": title or DEFAULT_TITLE}
    template = environment().get_template("report.html.j2")
    return template.render(page=page(result), **template_globals)
