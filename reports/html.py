"""The HTML report: one self-contained page an editor reads in a browser, online or not.

Data and templates are kept apart, as in coverage.py: this module and its helpers turn a
:class:`~consistency.models.Result` into plain view-model dataclasses (all text as plain
strings, quotes already split into marked and unmarked segments)::

    names.py     outlets (stated, guessed or stood in for) and events in words
    cards.py     one card per disputed fact: values, outlets, quotes in context
    overview.py  documents, who says what, findings counted
    svg.py       timelines and the entity graph, as geometry

The Jinja templates in ``templates/`` only loop, test and print. Autoescaping is on and
nothing derived from the input is marked safe: article text, titles, outlets and URLs are
untrusted. A URL becomes a link only when its scheme is http or https. The page carries a
Content-Security-Policy that allows inline styles, our one inline script (by its SHA-256)
and nothing else: no other script runs, no request leaves the page.
"""

from __future__ import annotations

import base64
import hashlib
import os
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from consistency.models import KINDS, SEVERITIES, Result

from .cards import Card, CardContext, Sentences, card, fit
from .common import Documents, kind_info, ordered, plural, severity_counts, tool_version
from .links import Link, safe_link
from .names import Wording, outlets
from .overview import Counts, DocumentRow, Matrix, counts, document_rows, matrix
from .svg import Graph, Timeline, entity_graph, timelines

__all__ = ["Link", "Page", "page", "render_html", "safe_link", "script_hash"]

DEFAULT_TITLE = "Consistency report"
TEMPLATES = Path(__file__).parent / "templates"


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    count: int


@dataclass(frozen=True)
class Filters:
    kinds: list[Option]
    severities: list[Option]
    entities: list[Option]
    outlets: list[Option]


@dataclass(frozen=True)
class CardData:
    """What the filters read from a card: its kinds, entity and documents, as tokens."""

    kinds: str  # "date anachronism"
    entity: str  # "e3": the entity's option value
    docs: str  # "d1 d4": the documents' option values


@dataclass(frozen=True)
class Summary:
    documents: int
    claims: int
    findings: int
    skipped: int
    sentence: str
    by_severity: list[tuple[str, int]]


@dataclass(frozen=True)
class SkippedView:
    path: str
    reason: str


@dataclass(frozen=True)
class Page:
    summary: Summary
    cards: list[Card]
    trimmed: str  # what a large report leaves out of the cards, or ""
    card_data: list[CardData]
    filters: Filters
    documents: list[DocumentRow]
    matrix: Matrix
    counts: Counts
    timelines: list[Timeline]
    more_timelines: int
    graph: Graph | None
    skipped: list[SkippedView]


# ---------------------------------------------------------------------------------------
# Building the view model


def _summary(result: Result) -> Summary:
    findings = result.findings_list
    by_severity = severity_counts(findings)
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
    )


def _filters(
    cards: list[Card], doc_rows: list[DocumentRow], doc_ids: list[str]
) -> tuple[Filters, list[CardData]]:
    kinds = Counter(k for c in cards for k, _ in c.kinds)
    severities = Counter(c.severity for c in cards)
    entity_names = sorted({c.entity for c in cards}, key=lambda e: (e.casefold(), e))
    entity_value = {e: f"e{i}" for i, e in enumerate(entity_names, 1)}
    per_entity = Counter(c.entity for c in cards)
    doc_value = {d: f"d{i}" for i, d in enumerate(doc_ids, 1)}
    per_doc = Counter(d for c in cards for d in c.docs)
    data = [
        CardData(
            kinds=" ".join(k for k, _ in c.kinds),
            entity=entity_value[c.entity],
            docs=" ".join(doc_value.get(d, "d0") for d in c.docs),
        )
        for c in cards
    ]
    filters = Filters(
        kinds=[Option(k, kind_info(k).label, kinds[k]) for k in ordered(list(kinds), KINDS)],
        severities=[
            Option(s, s, severities[s]) for s in ordered(list(severities), (*SEVERITIES, "other"))
        ],
        entities=[Option(entity_value[e], e, per_entity[e]) for e in entity_names],
        outlets=[
            Option(doc_value[d], row.outlet.name, per_doc[d])
            for d, row in zip(doc_ids, doc_rows, strict=True)
            if per_doc[d]
        ],
    )
    return filters, data


def page(result: Result) -> Page:
    """The view model of the report."""
    docs = Documents(result)
    names = outlets(result.documents)
    doc_ids = [d.id for d in result.documents]
    anchors = {d: f"doc-{i}" for i, d in enumerate(doc_ids, 1)}
    events = {c.event for c in result.claims_list} | {f.event for f in result.findings_list}
    ctx = CardContext(
        documents=docs.by_id,
        outlets=names,
        anchors=anchors,
        wording=Wording(result.documents, names, events),
        sentences=Sentences(docs.by_id),
        result=result,
        located=docs,
    )
    cards, trimmed = fit([card(i, f, ctx) for i, f in enumerate(result.findings_list, 1)])
    rows = document_rows(result, names)
    filters, data = _filters(cards, rows, doc_ids)
    card_anchors = [c.anchor for c in cards]
    drawn, more = timelines(
        result.findings_list, card_anchors, result.claims_list, docs.by_id, names
    )
    return Page(
        summary=_summary(result),
        cards=cards,
        trimmed=trimmed,
        card_data=data,
        filters=filters,
        documents=rows,
        matrix=matrix(cards, rows, doc_ids),
        counts=counts(result, cards),
        timelines=drawn,
        more_timelines=more,
        graph=entity_graph(result.claims_list, result.findings_list, card_anchors),
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


@lru_cache(maxsize=1)
def script() -> str:
    """Our one inline script, exactly as it goes into the page."""
    return (TEMPLATES / "report.js").read_text(encoding="utf-8")


def script_hash(text: str) -> str:
    """The CSP source that allows exactly ``text`` as an inline script."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


@dataclass(frozen=True)
class Stamp:
    iso: str  # 2024-03-15T09:30:00Z
    text: str  # 2024-03-15 09:30 UTC


def _stamp(when: datetime | None) -> Stamp:
    if when is None:
        # Reproducible builds' convention: a fixed time from the environment, else now.
        epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
        when = (
            datetime.fromtimestamp(int(epoch), timezone.utc)
            if epoch.isdigit()
            else datetime.now(timezone.utc)
        )
    when = when.astimezone(timezone.utc)
    return Stamp(when.strftime("%Y-%m-%dT%H:%M:%SZ"), when.strftime("%Y-%m-%d %H:%M UTC"))


def render_html(
    result: Result, *, title: str | None = None, generated: datetime | None = None
) -> str:
    """The HTML report as one self-contained page. ``generated`` is the time shown in the
    footer (default: ``SOURCE_DATE_EPOCH`` if set, else now); the rest of the page depends
    only on ``result`` and ``title``."""
    code = script()
    # The one dict of template globals; passed at render time rather than stored on the
    # cached template, so a title given to one call does not leak into the next.
    template_globals = {
        "version": tool_version(),
        "title": title or DEFAULT_TITLE,
        "generated": _stamp(generated),
        # Our own file, never input: the only text put into the page unescaped.
        "script": Markup(code),
        "script_hash": script_hash(code),
    }
    template = environment().get_template("report.html.j2")
    return template.render(page=page(result), **template_globals)
