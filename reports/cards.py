"""One card per disputed fact: each value with the outlets that state it and their quotes.

A card groups a finding's cited claims by the value the rule compared, most outlets
first. Each quote carries the sentence before and after it in its own article (dimmed on
the page), the disputed words marked, and how its value was read. All text stays plain
here; the template escapes it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from consistency.models import SEVERITIES, Cited, Claim, Document, Finding

from .common import TIME_KINDS, Segment, how, kind_info, quote_segments, rounded, segments
from .links import Link, safe_link
from .names import Outlet, Wording, entity_words, event_words

#: Characters of a neighbouring sentence shown before it is cut.
CONTEXT_CHARS = 220
#: Distinct value groups that get a colour of their own; the rest share the last.
TONES = 4

_NEGATIONS = ("not yet", "not", "never", "no longer", "yet to")
_CONNECTIVES = ("then", "after", "before", "following", "prior to", "later", "earlier")


@dataclass(frozen=True)
class Quote:
    """One outlet's sentence stating a value."""

    doc: str  # document id
    outlet: Outlet
    doc_anchor: str
    published: str  # "2024-03-12" or "no date"
    url: Link | None
    before: str
    segments: list[Segment]
    after: str
    read: list[str]  # how the value was read: anchors, hedges, attribution, qualifiers


@dataclass(frozen=True)
class ValueGroup:
    value: str
    tone: int  # 0 .. TONES-1: the colour of this value here and in the overview
    quotes: list[Quote]

    @property
    def outlets(self) -> str:
        """The outlets stating this value, each once: "Alder Daily, Harbour Courier"."""
        return ", ".join(dict.fromkeys(q.outlet.name for q in self.quotes))

    @property
    def many(self) -> bool:
        return len({q.doc for q in self.quotes}) > 1


@dataclass(frozen=True)
class Card:
    anchor: str
    number: int
    fingerprint: str
    rule: str
    kinds: list[tuple[str, str]]  # (kind, label), the finding's own kind first
    severity: str  # high, medium, low or other (for CSS)
    severity_label: str
    severity_rank: int  # 0 for high: the default sort
    confidence: str
    entity: str
    event: str
    message: str
    values: list[ValueGroup]
    reconcile: list[str]
    accept: str  # the command that accepts this finding
    accepted: bool = False  # set by a baseline of accepted findings, when there is one
    accepted_reason: str = ""

    @property
    def docs(self) -> list[str]:
        return sorted({q.doc for g in self.values for q in g.quotes})


class Sentences:
    """Sentence boundaries of each document's text, computed once per document."""

    def __init__(self, documents: dict[str, Document]) -> None:
        self.documents = documents
        self._bounds: dict[str, tuple[list[int], list[int]]] = {}

    def around(self, claim: Claim) -> tuple[str, str]:
        """The sentence before and the sentence after ``claim``'s, in its own article."""
        doc = self.documents.get(claim.document)
        if doc is None:
            return "", ""
        start, end = claim.span
        if doc.text[start:end] != claim.sentence:
            start = doc.text.find(claim.sentence) if claim.sentence else -1
            if start < 0:
                return "", ""
            end = start + len(claim.sentence)
        starts, ends = self._of(doc)
        i = bisect_right(ends, start) - 1  # the last sentence ending at or before the quote
        j = bisect_left(starts, end)  # the first sentence starting at or after its end
        before = doc.text[starts[i] : ends[i]] if i >= 0 else ""
        after = doc.text[starts[j] : ends[j]] if j < len(starts) else ""
        return _cut(before, left=True), _cut(after, left=False)

    def _of(self, doc: Document) -> tuple[list[int], list[int]]:
        if doc.id not in self._bounds:
            spans = _sentence_spans(doc.text)
            self._bounds[doc.id] = ([s for s, _ in spans], [e for _, e in spans])
        return self._bounds[doc.id]


@lru_cache(maxsize=256)
def _sentence_spans(text: str) -> list[tuple[int, int]]:
    from syntok import segmenter

    spans = []
    for paragraph in segmenter.analyze(text):
        for sentence in paragraph:
            if sentence:
                last = sentence[-1]
                spans.append((sentence[0].offset, last.offset + len(last.value)))
    return spans


def _cut(text: str, *, left: bool) -> str:
    text = " ".join(text.split())
    if len(text) <= CONTEXT_CHARS:
        return text
    if left:
        return "…" + text[-CONTEXT_CHARS:].split(" ", 1)[-1]
    return text[:CONTEXT_CHARS].rsplit(" ", 1)[0] + "…"


# ---------------------------------------------------------------------------------------
# Marks


def marked(claim: Claim, kind: str) -> list[Segment]:
    """The claim's sentence with the disputed words marked: the value the rule compared
    (common.quote_segments); where that value is not in the words of the sentence (a status,
    an order told by "then", a date on another clause), the claim's other values and the
    words that named its event; at the last, the entity as written."""
    first = quote_segments(claim, kind)
    if any(s.mark for s in first):
        return first
    sentence = claim.sentence
    values = [claim.time.text if claim.time else "", claim.attributed_to or ""]
    values += [q.text for q in (claim.quantity, claim.count) if q is not None]
    words = [w.strip() for w in re.split(r"…|\.\.\.", claim.trigger)]
    if claim.negated:
        words += list(_NEGATIONS)
    if kind == "order" or claim.after:
        words += list(_CONNECTIVES)
    for needles in (values + words, [claim.mention, claim.entity]):
        tried = segments(sentence, [n for n in needles if n and n.strip()])
        if any(s.mark for s in tried):
            return tried
    return first


# ---------------------------------------------------------------------------------------
# Reading notes


def _read(cited: Cited, kind: str) -> list[str]:
    claim = cited.claim
    notes = [how(cited, kind)]
    q = claim.quantity
    if q is not None and kind != "date" and not cited.how:
        notes.append(f"“{q.text}” read as {q.label()}")
    if q is not None and q.approx:
        notes.append("a hedged figure (rounding allowed)")
    if claim.negated:
        notes.append("negated")
    if claim.hedged:
        notes.append("hedged")
    if claim.attributed_to:
        notes.append(f"attributed to {claim.attributed_to}")
    if claim.qualifiers:
        notes.append("qualified: " + ", ".join(claim.qualifiers))
    if claim.time is not None and kind not in TIME_KINDS and not cited.how and claim.time.note:
        notes.append(claim.time.note)
    return [n for n in dict.fromkeys(notes) if n]


# ---------------------------------------------------------------------------------------
# Building a card


@dataclass(frozen=True)
class CardContext:
    """What every card of a report reads: documents, outlet names, anchors, wording."""

    documents: dict[str, Document]
    outlets: dict[str, Outlet]
    anchors: dict[str, str]
    wording: Wording
    sentences: Sentences


def _quote(cited: Cited, kind: str, ctx: CardContext) -> Quote:
    claim = cited.claim
    doc = ctx.documents.get(claim.document)
    outlet = ctx.outlets.get(claim.document) or Outlet(claim.document, True, "unknown document")
    before, after = ctx.sentences.around(claim)
    return Quote(
        doc=claim.document,
        outlet=outlet,
        doc_anchor=ctx.anchors.get(claim.document, ""),
        published=doc.published.isoformat() if doc and doc.published else "no date",
        url=safe_link(doc.url) if doc else None,
        before=before,
        segments=marked(claim, kind),
        after=after,
        read=[ctx.wording(n) for n in _read(cited, kind)],
    )


def value_groups(finding: Finding, ctx: CardContext) -> list[ValueGroup]:
    """The cited claims grouped by value, the value most documents state first."""
    groups: dict[str, list[Cited]] = {}
    for c in finding.cited:
        groups.setdefault(c.value, []).append(c)
    order = sorted(
        enumerate(groups.items()), key=lambda x: (-len({c.claim.document for c in x[1][1]}), x[0])
    )
    return [
        ValueGroup(
            value=ctx.wording(value),
            tone=min(i, TONES - 1),
            quotes=[_quote(c, finding.kind, ctx) for c in cited],
        )
        for i, (_, (value, cited)) in enumerate(order)
    ]


def card(number: int, finding: Finding, ctx: CardContext) -> Card:
    """The card of one finding."""
    severity = finding.severity if finding.severity in SEVERITIES else "other"
    fingerprint = finding.fingerprint or finding.id
    return Card(
        anchor=f"finding-{number}",
        number=number,
        fingerprint=fingerprint,
        rule=finding.rule,
        kinds=[(k, kind_info(k).label) for k in finding.kinds],
        severity=severity,
        severity_label=finding.severity.upper(),
        severity_rank=SEVERITIES.index(severity) if severity in SEVERITIES else len(SEVERITIES),
        confidence=f"{rounded(finding.confidence):.2f}",
        entity=entity_words(finding.entity),
        event=event_words(finding.event),
        message=ctx.wording(finding.message),
        values=value_groups(finding, ctx),
        reconcile=[ctx.wording(r) for r in finding.reconcile],
        accept=f'consistency accept {fingerprint} --reason ""' if fingerprint else "",
        accepted=bool(getattr(finding, "accepted", False)),
        accepted_reason=str(getattr(finding, "accepted_reason", "") or ""),
    )
