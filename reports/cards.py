"""One card per disputed fact: each value with the outlets that state it and their quotes.

A card groups a finding's cited claims by the value the rule compared, most outlets
first. Each quote carries the sentence before and after it in its own article (dimmed on
the page), the disputed words marked, and how its value was read. All text stays plain
here; the template escapes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from consistency.models import SEVERITIES, Cited, Claim, Document, Finding, Result
from consistency.time.calendar import MONTH_ABBREVIATIONS

from .common import (
    TIME_KINDS,
    Documents,
    Segment,
    acceptance,
    accepted_words,
    how,
    kind_info,
    quote_segments,
    rounded,
    segments,
    status,
    where,
)
from .names import Outlet, Wording, entity_words, event_words

#: Characters of a neighbouring sentence shown before it is cut.
CONTEXT_CHARS = 200
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
    line: str  # "line 18": where the sentence starts in the article's file
    published: str  # "2024-03-12" or "no date"
    before: str
    segments: list[Segment]
    after: str
    read: list[str]  # how the value was read: anchors, hedges, attribution, qualifiers


@dataclass(frozen=True)
class ValueGroup:
    value: str
    tone: int  # 0 .. TONES-1: the colour of this value here and in the overview
    quotes: list[Quote]
    also: tuple[Quote, ...] = ()  # in a large report: more outlets stating it, named only


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
    status: str = "failing"  # failing, accepted, passing (below --fail-on)
    accepted: str = ""  # "accepted: <reason> (until ...)", for an accepted finding

    @property
    def docs(self) -> list[str]:
        return sorted({q.doc for g in self.values for q in (*g.quotes, *g.also)})


#: How far from a quote its neighbours are looked for.
WINDOW = 1200
_END = re.compile(r"[.!?…][\"'”’)\]]*(?=\s|$)|\n")
_LAST_WORD = re.compile(r"(\w+)$")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st no vs inc corp co ltd jr sr gen col lt sgt prof gov sen rep".split()
) | frozenset(MONTH_ABBREVIATIONS)


def _ends(text: str) -> list[int]:
    """Where sentences end in ``text``: after . ! ? (and closing quotes) or at a line
    break, not after "Mr." or an initial."""
    out = []
    for m in _END.finditer(text):
        word = _LAST_WORD.search(text, max(0, m.start() - 12), m.start())
        if (
            m.group() != "\n"
            and word
            and (word.group(1).lower() in _ABBREVIATIONS or len(word.group(1)) == 1)
        ):
            continue
        out.append(m.end())
    return out


class Sentences:
    """The sentences around a quote in its own article."""

    def __init__(self, documents: dict[str, Document]) -> None:
        self.documents = documents

    def around(self, claim: Claim) -> tuple[str, str]:
        """The sentence before and the sentence after ``claim``'s, in its own article."""
        doc = self.documents.get(claim.document)
        if doc is None:
            return "", ""
        start, end = claim.span
        if not claim.sentence or doc.text[start:end] != claim.sentence:
            start = doc.text.find(claim.sentence) if claim.sentence else -1
            if start < 0:
                return "", ""
            end = start + len(claim.sentence)
        head = doc.text[max(0, start - WINDOW) : start].rstrip()
        ends = [e for e in _ends(head) if e < len(head)]
        before = head[ends[-1] :] if ends else head
        if not ends and start > WINDOW:
            before = "…" + before  # cut by the window, not at a sentence
        tail = doc.text[end : end + WINDOW]
        lead = len(tail) - len(tail.lstrip())
        ends = [e for e in _ends(tail) if e > lead + 1]
        after = tail[: ends[0]] if ends else tail
        return _cut(before, True), _cut(after, False)


def _cut(text: str, left: bool, chars: int = CONTEXT_CHARS) -> str:
    text = " ".join(text.split())
    if len(text) <= chars:
        return text
    if left:
        return "…" + text.lstrip("…")[-chars:].split(" ", 1)[-1]
    return text.rstrip("…")[:chars].rsplit(" ", 1)[0] + "…"


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
    result: Result  # its review says which findings are accepted
    located: Documents  # where each sentence is in its file


def _quote(cited: Cited, kind: str, ctx: CardContext) -> Quote:
    claim = cited.claim
    doc = ctx.documents.get(claim.document)
    outlet = ctx.outlets.get(claim.document) or Outlet(claim.document, True, "unknown document")
    before, after = ctx.sentences.around(claim)
    return Quote(
        doc=claim.document,
        outlet=outlet,
        doc_anchor=ctx.anchors.get(claim.document, ""),
        line=_line(claim, ctx.located),
        published=doc.published.isoformat() if doc and doc.published else "no date",
        before=before,
        segments=marked(claim, kind),
        after=after,
        read=[ctx.wording(n) for n in _read(cited, kind)],
    )


def _line(claim: Claim, located: Documents) -> str:
    at = where(claim, located)
    return f"line {at.line}" if at.found else "line not found"


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
    entry = acceptance(ctx.result, finding)
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
        status=status(ctx.result, finding),
        accepted=accepted_words(entry) if entry is not None else "",
    )


# ---------------------------------------------------------------------------------------
# A large report


#: Characters of neighbouring sentences a page carries at most (a 2,000-finding report stays
#: under 5 MB); past it they are kept for the first quote of each value only, then for none.
CONTEXT_BUDGET = 600_000


def _context_size(cards: list[Card]) -> int:
    return sum(len(q.before) + len(q.after) for c in cards for g in c.values for q in g.quotes)


def _less_context(c: Card, keep_first: bool, chars: int) -> Card:
    def less(i: int, q: Quote) -> Quote:
        if not (keep_first and i == 0):
            return replace(q, before="", after="")
        return replace(q, before=_cut(q.before, True, chars), after=_cut(q.after, False, chars))

    values = [replace(g, quotes=[less(i, q) for i, q in enumerate(g.quotes)]) for g in c.values]
    return replace(c, values=values)


#: Less and less context, until the page fits: (first quote of a value only, characters).
_LEVELS = (
    (
        True,
        CONTEXT_CHARS,
        "the sentences around a quote are shown for the first quote of each value only",
    ),
    (
        True,
        90,
        "the sentences around a quote are shortened, for the first quote of each value only",
    ),
    (
        True,
        50,
        "the sentences around a quote are cut short, for the first quote of each value only",
    ),
    (False, 0, "the sentences around each quote are left out"),
)


#: Quotes a page carries at most; past it a value shows its first two quotes (then its first
#: one) and names the other outlets that state it: 2,000 findings of five quotes stay
#: under 5 MB.
QUOTE_BUDGET = 6_000


def fit(
    cards: list[Card], budget: int = CONTEXT_BUDGET, quotes: int = QUOTE_BUDGET
) -> tuple[list[Card], str]:
    """The cards with as much context and as many quotes as the budgets allow, and a note
    saying what was left out ("" when nothing was)."""
    notes = []
    for kept, what in ((2, "two quotes"), (1, "one quote")):
        if sum(len(g.quotes) for c in cards for g in c.values) <= quotes:
            break
        cards = [_fewer_quotes(c, kept) for c in cards]
        notes = [f"a value stated by more outlets shows {what} and names the other outlets"]
    if _context_size(cards) > budget:
        for keep_first, chars, what in _LEVELS:
            fitted = [_less_context(c, keep_first, chars) for c in cards]
            if _context_size(fitted) <= budget or not keep_first:
                cards = fitted
                notes.append(what)
                break
    return cards, (f"This report is large: {'; '.join(notes)}." if notes else "")


def _fewer_quotes(c: Card, kept: int) -> Card:
    values = [
        replace(g, quotes=g.quotes[:kept], also=(*g.quotes[kept:], *g.also)) for g in c.values
    ]
    return replace(c, values=values)
