"""The overview above the cards: the documents, who says what, and the findings counted.

The documents table is the one place an inferred or missing publication date is marked;
the cards only link to it. "Who says what" is a table with a row per outlet and a column
per disputed fact, each cell the value that outlet gives, coloured by value so a
disagreement stands out; past :data:`MATRIX_COLUMNS` facts the cards carry the rest.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from consistency.models import SEVERITIES, DateSource, Document, Result

from .cards import Card
from .common import kind_info, kind_severity_table, rounded, severity_counts
from .links import Link, safe_link
from .names import Outlet

#: Facts (columns) in the "who says what" table; the most severe come first.
MATRIX_COLUMNS = 40
#: Rows of the findings-by-entity table.
ENTITY_ROWS = 30
#: Characters of a value shown in a table cell (the whole value is its title).
CELL_CHARS = 40

#: Words shown next to a publication date's source, for an editor.
DATE_SOURCE_WORDS: dict[str, str] = {
    DateSource.SIDECAR: "sidecar file",
    DateSource.HEADER: "article header",
    DateSource.META: "page metadata",
    DateSource.DATELINE: "dateline",
    DateSource.INFERRED: "inferred",
    DateSource.NONE: "no date found",
}


@dataclass(frozen=True)
class DocumentRow:
    anchor: str
    outlet: Outlet
    name: str
    path: str
    title: str
    title_from: str
    url: Link | None
    published: str  # "2024-03-11" or ""
    date_from: str  # "dateline", "inferred", ...
    date_note: str
    inferred: bool
    confidence: str | None  # shown when below 1
    claims: int
    notes: list[str]
    removed: list[str]  # "ticker ×2"


def document_rows(result: Result, outlets: dict[str, Outlet]) -> list[DocumentRow]:
    claims = Counter(claim.document for claim in result.claims_list)
    return [_row(i, d, outlets[d.id], claims[d.id]) for i, d in enumerate(result.documents, 1)]


def _row(number: int, doc: Document, outlet: Outlet, claims: int) -> DocumentRow:
    removed = Counter(block.kind for block in doc.removed)
    source = doc.published_from if doc.published else DateSource.NONE.value
    return DocumentRow(
        anchor=f"doc-{number}",
        outlet=outlet,
        name=doc.name,
        path=doc.path,
        title=doc.title or "",
        title_from=doc.title_from,
        url=safe_link(doc.url),
        published=doc.published.isoformat() if doc.published else "",
        date_from=DATE_SOURCE_WORDS.get(source, source),
        date_note=doc.published_note,
        inferred=source == DateSource.INFERRED,
        confidence=None if doc.confidence >= 1 else f"{rounded(doc.confidence):.2f}",
        claims=claims,
        notes=list(doc.notes),
        removed=[f"{kind} ×{n}" for kind, n in sorted(removed.items())],
    )


# ---------------------------------------------------------------------------------------
# Who says what


@dataclass(frozen=True)
class Cell:
    text: str  # "" when the outlet states nothing of this fact
    full: str
    tone: int  # the value's colour in its card; -1 for an empty cell
    several: bool  # the outlet gives more than one of the values itself


@dataclass(frozen=True)
class Column:
    anchor: str
    number: int
    severity: str
    label: str


@dataclass(frozen=True)
class Matrix:
    columns: list[Column]
    rows: list[tuple[Outlet, str, list[Cell]]]  # outlet, document anchor, cells
    more: int  # disputed facts not shown as columns


def matrix(cards: list[Card], documents: list[DocumentRow], docs: list[str]) -> Matrix:
    """Rows: the outlets cited by the columns, in document order; columns: the most severe
    facts first, as many as :data:`MATRIX_COLUMNS`."""
    shown = sorted(cards, key=lambda c: (c.severity_rank, c.number))[:MATRIX_COLUMNS]
    shown.sort(key=lambda c: c.number)
    cited = {d for c in shown for d in c.docs}
    rows = []
    for doc_id, row in zip(docs, documents, strict=True):
        if doc_id in cited:
            rows.append((row.outlet, row.anchor, [_cell(c, doc_id) for c in shown]))
    columns = [Column(c.anchor, c.number, c.severity, f"{c.entity} · {c.event}") for c in shown]
    return Matrix(columns, rows, len(cards) - len(shown))


def _cell(card: Card, doc_id: str) -> Cell:
    said = [g for g in card.values if any(q.doc == doc_id for q in (*g.quotes, *g.also))]
    if not said:
        return Cell("", "", -1, False)
    full = " / ".join(g.value for g in said)
    text = full if len(full) <= CELL_CHARS else full[: CELL_CHARS - 1].rstrip() + "…"
    return Cell(text, full, min(g.tone for g in said), len(said) > 1)


# ---------------------------------------------------------------------------------------
# Findings counted


@dataclass(frozen=True)
class Counts:
    """Findings by kind and by entity (rows), and severity (columns)."""

    severities: list[str]
    kinds: list[tuple[str, list[int], int]]
    totals: list[int]
    entities: list[tuple[str, list[int], int]]
    more_entities: int


def counts(result: Result, cards: list[Card]) -> Counts:
    findings = result.findings_list
    by_severity = severity_counts(findings)
    severities = [s for s, _ in by_severity]
    per_entity: dict[str, Counter[str]] = {}
    for card, f in zip(cards, findings, strict=True):
        per_entity.setdefault(card.entity, Counter())[f.severity] += 1
    entities = sorted(
        per_entity.items(),
        key=lambda kv: (
            -sum(kv[1].values()),
            [-kv[1][s] for s in SEVERITIES],
            kv[0],
        ),
    )
    return Counts(
        severities=severities,
        kinds=[(kind_info(k).label, per, total) for k, per, total in kind_severity_table(findings)],
        totals=[n for _, n in by_severity] + [len(findings)],
        entities=[
            (name, [c[s] for s in severities], sum(c.values()))
            for name, c in entities[:ENTITY_ROWS]
        ],
        more_entities=max(0, len(entities) - ENTITY_ROWS),
    )
