"""Pictures drawn in Python: a timeline per entity and the story's entity graph.

This module computes geometry only (coordinates as short strings, so the page is the same
byte for byte on every run); ``templates/_svg.html.j2`` draws it as inline SVG, escaping
every label. Nothing is fetched: no fonts, no images, no scripts.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from datetime import date
from itertools import combinations

import networkx as nx

from consistency.models import STORY, Claim, Document, Finding

from .names import Outlet, entity_words, event_words

#: Timelines drawn at most (entities with the most dated disputes first).
MAX_TIMELINES = 12
#: Dated claims per timeline at most (the disputed ones first).
MAX_MARKS = 40
#: Entities in the graph at most.
MAX_NODES = 24

WIDTH = 720
LEFT = 170  # room for the outlets' names
RIGHT = 16
TOP = 30
LANE = 26
LABEL_CHARS = 24

#: Kinds of finding whose values are times that can be joined on a timeline.
DATED_KINDS = frozenset({"date", "anachronism", "order", "first"})


def _f(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


def _clip(text: str, n: int = LABEL_CHARS) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


@dataclass(frozen=True)
class Tick:
    x: str
    label: str


@dataclass(frozen=True)
class Lane:
    y: str
    label: str
    title: str


@dataclass(frozen=True)
class Mark:
    x: str
    y: str
    w: str
    disputed: bool
    title: str


@dataclass(frozen=True)
class Join:
    path: str
    href: str
    severity: str
    title: str


@dataclass(frozen=True)
class Timeline:
    entity: str
    width: int
    height: int
    ticks: list[Tick]
    lanes: list[Lane]
    marks: list[Mark]
    published: list[Mark]
    joins: list[Join]
    axis_y: str
    bottom: str


def timelines(
    findings: list[Finding],
    anchors: list[str],
    claims: list[Claim],
    documents: dict[str, Document],
    outlets: dict[str, Outlet],
) -> tuple[list[Timeline], int]:
    """One timeline per entity with dated disputes, and how many more were left out."""
    disputed: dict[str, list[tuple[Finding, str]]] = {}
    for f, anchor in zip(findings, anchors, strict=True):
        if set(f.kinds) & DATED_KINDS and sum(_dated(c.claim) for c in f.cited) >= 2:
            disputed.setdefault(f.entity, []).append((f, anchor))
    by_entity: dict[str, list[Claim]] = {}
    for c in claims:
        if c.entity in disputed and _dated(c):
            by_entity.setdefault(c.entity, []).append(c)
    order = sorted(disputed, key=lambda e: (-len(disputed[e]), e))
    drawn = [
        _timeline(e, disputed[e], by_entity.get(e, []), documents, outlets)
        for e in order[:MAX_TIMELINES]
    ]
    return drawn, max(0, len(order) - MAX_TIMELINES)


def _dated(c: Claim) -> bool:
    return c.time is not None and c.time.resolved


def _timeline(
    entity: str,
    found: list[tuple[Finding, str]],
    claims: list[Claim],
    documents: dict[str, Document],
    outlets: dict[str, Outlet],
) -> Timeline:
    """One entity's timeline: a lane per article, a mark per dated claim (the disputed ones
    highlighted), each article's publication day, and an arc joining conflicting claims."""
    cited, shown = _shown_claims(found, claims)
    docs = sorted({c.document for c in shown}, key=lambda d: (outlets[d].name, d))
    axes = _Axes.around(shown, docs, documents)
    where: dict[str, tuple[float, float]] = {}
    marks = []
    for c in shown:
        assert c.time and c.time.start and c.time.end
        x0, x1 = axes.x(c.time.start), axes.x(c.time.end)
        w = max(x1 - x0, 4.0)
        where[c.id] = (x0 + w / 2, axes.y(c.document))
        said = f"{event_words(c.event)} {c.time.label()} (“{c.time.text}”)"
        title = f"{outlets[c.document].name}: {said}"
        marks.append(Mark(_f(x0), _f(axes.y(c.document) - 5), _f(w), c.id in cited, title))
    published = [
        Mark(
            _f(axes.x(p)), _f(axes.y(d)), "0", False, f"{outlets[d].name} published {p.isoformat()}"
        )
        for d in docs
        if (p := _published(documents, d))
    ]
    joins = [
        _join(where[a.id], where[b.id], f, anchor)
        for f, anchor in found
        for a, b in _conflicting(f)
        if a.id in where and b.id in where
    ]
    height = TOP + LANE * len(docs) + 8
    lanes = [Lane(_f(axes.y(d) + 4), _clip(outlets[d].name), outlets[d].name) for d in docs]
    return Timeline(
        entity=entity_words(entity),
        width=WIDTH,
        height=height,
        ticks=_ticks(axes.lo, axes.hi, axes.x),
        lanes=lanes,
        marks=marks,
        published=published,
        joins=joins,
        axis_y=_f(TOP - 6),
        bottom=_f(height - 4),
    )


def _shown_claims(
    found: list[tuple[Finding, str]], claims: list[Claim]
) -> tuple[dict[str, Claim], list[Claim]]:
    """The dated claims the findings cite (by id), and the claims to draw: other dated
    claims of the entity up to MAX_MARKS, then the cited ones last, on top. A sentence read
    twice (an event of the lexicon and a value by fact key) is one mark."""
    cited = {c.claim.id: c.claim for f, _ in found for c in f.cited if _dated(c.claim)}
    seen = {_where(c) for c in cited.values()}
    others = []
    for c in claims:
        if _where(c) not in seen:
            seen.add(_where(c))
            others.append(c)
    shown = others[: max(0, MAX_MARKS - len(cited))] + list(cited.values())
    return cited, shown


@dataclass(frozen=True)
class _Axes:
    """Where a day and an article's lane fall on a timeline: days from ``lo`` to ``hi``
    (ordinals) across the drawing's width, one lane per article."""

    lo: int
    hi: int
    lane_of: dict[str, int]

    @classmethod
    def around(cls, shown: list[Claim], docs: list[str], documents: dict[str, Document]) -> _Axes:
        """Axes spanning every shown time and publication day, with a margin."""
        days = [c.time.start for c in shown if c.time and c.time.start]
        days += [c.time.end for c in shown if c.time and c.time.end]
        days += [p for d in docs if (p := _published(documents, d))]
        lo, hi = min(days).toordinal(), max(days).toordinal()
        pad = max(15, (hi - lo) // 30)
        return cls(lo - pad, hi + pad, {d: i for i, d in enumerate(docs)})

    def x(self, day: date) -> float:
        return LEFT + (day.toordinal() - self.lo) / (self.hi - self.lo) * (WIDTH - LEFT - RIGHT)

    def y(self, doc: str) -> float:
        return TOP + LANE * self.lane_of[doc] + LANE / 2


def _where(c: Claim) -> tuple[object, ...]:
    return (c.document, c.span, c.time.start if c.time else None, c.time.end if c.time else None)


def _published(documents: dict[str, Document], doc_id: str) -> date | None:
    doc = documents.get(doc_id)
    return doc.published if doc else None


def _conflicting(f: Finding) -> list[tuple[Claim, Claim]]:
    """Pairs of cited claims of one event whose times do not overlap, one pair per pair of
    values (an order finding also cites the other event's date: that one is not joined)."""
    by_value: dict[str, Claim] = {}
    for c in f.cited:
        if _dated(c.claim):
            by_value.setdefault(c.value, c.claim)
    reps = list(by_value.values())
    return [
        (a, b)
        for a, b in combinations(reps, 2)
        if a.event == b.event and a.time and b.time and a.time.disjoint(b.time)
    ]


def _join(a: tuple[float, float], b: tuple[float, float], f: Finding, anchor: str) -> Join:
    (x0, y0), (x1, y1) = a, b
    lift = 10 + abs(x1 - x0) / 8
    if y0 == y1:
        path = f"M{_f(x0)} {_f(y0)} Q{_f((x0 + x1) / 2)} {_f(y0 - lift)} {_f(x1)} {_f(y1)}"
    else:
        mid = (x0 + x1) / 2
        path = f"M{_f(x0)} {_f(y0)} C{_f(mid)} {_f(y0)} {_f(mid)} {_f(y1)} {_f(x1)} {_f(y1)}"
    return Join(path, f"#{anchor}", f.severity, f"{f.rule}: {event_words(f.event)}")


_STEPS = (1, 3, 6, 12, 24, 60, 120, 240)  # months


def _ticks(lo: int, hi: int, x) -> list[Tick]:  # type: ignore[no-untyped-def]
    first, last = date.fromordinal(lo), date.fromordinal(hi)
    months = (last.year - first.year) * 12 + last.month - first.month
    step = next((s for s in _STEPS if months / s <= 7), _STEPS[-1])
    at = (first.year * 12 + first.month - 1) // step * step + step
    ticks = []
    while True:
        day = date(at // 12, at % 12 + 1, 1)
        if day > last:
            break
        label = str(day.year) if step % 12 == 0 else f"{day.year}-{day.month:02d}"
        ticks.append(Tick(_f(x(day)), label))
        at += step
    return ticks


# ---------------------------------------------------------------------------------------
# The entity graph


@dataclass(frozen=True)
class Node:
    x: str
    y: str
    r: str
    label: str
    title: str
    disputed: bool
    anchor: str  # the first card about this entity, or ""
    label_x: str
    anchor_side: str  # "start" or "end": where the label sits


@dataclass(frozen=True)
class Edge:
    x1: str
    y1: str
    x2: str
    y2: str
    weight: int


@dataclass(frozen=True)
class Graph:
    width: int
    height: int
    nodes: list[Node]
    edges: list[Edge]
    left_out: int


GRAPH_W, GRAPH_H, MARGIN = 720, 380, 40


def entity_graph(claims: list[Claim], findings: list[Finding], anchors: list[str]) -> Graph | None:
    """Entities as nodes (size: their claims; ringed: disputed), linked when the same
    article speaks of both; laid out by networkx in shells (see _positions)."""
    mentions = Counter(c.entity for c in claims if c.entity != STORY)
    if len(mentions) < 2:
        return None
    first_card: dict[str, str] = {}
    for f, anchor in zip(findings, anchors, strict=True):
        first_card.setdefault(f.entity, anchor)
    ranked = sorted(mentions, key=lambda e: (e not in first_card, -mentions[e], e))
    keep = ranked[:MAX_NODES]
    g = _linked(claims, keep)
    at = _positions(g, keep)
    biggest = max(mentions[e] for e in keep)
    nodes = [_node(e, at[e], mentions[e], biggest, first_card.get(e)) for e in keep]
    edges = [
        Edge(_f(at[a][0]), _f(at[a][1]), _f(at[b][0]), _f(at[b][1]), int(d["weight"]))
        for a, b, d in sorted(g.edges(data=True))
    ]
    return Graph(GRAPH_W, GRAPH_H, nodes, edges, len(mentions) - len(keep))


def _linked(claims: list[Claim], keep: list[str]) -> nx.Graph:
    """The kept entities, linked with the number of articles that speak of both. Each
    entity keeps its three strongest links: a readable picture, not a hairball."""
    kept = set(keep)
    per_doc: dict[str, set[str]] = {}
    for c in claims:
        if c.entity in kept:
            per_doc.setdefault(c.document, set()).add(c.entity)
    together: Counter[tuple[str, str]] = Counter()
    for ents in per_doc.values():
        together.update(combinations(sorted(ents), 2))
    g = nx.Graph()
    g.add_nodes_from(keep)
    for e in keep:
        links = sorted(
            ((w, pair) for pair, w in together.items() if e in pair), key=lambda t: (-t[0], t[1])
        )
        for w, (a, b) in links[:3]:
            g.add_edge(a, b, weight=w)
    return g


def _positions(g: nx.Graph, keep: list[str]) -> dict[str, tuple[float, float]]:
    """Each entity's place in the drawing: the first entity (disputed ones first, then the
    most told) in the middle, the others on a ring around it in that order, scaled to the
    margins. A shell
    layout is plain geometry, so the drawing is the same with every networkx version (a
    spring layout's forces changed between releases, and with them the report)."""
    shells = [keep[:1], keep[1:]] if len(keep) > 3 else [keep]
    pos = nx.shell_layout(g, nlist=shells)
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]

    def scale(v: float, lo: float, hi: float, size: int) -> float:
        return MARGIN + (v - lo) / ((hi - lo) or 1) * (size - 2 * MARGIN)

    x_lo, x_hi, y_lo, y_hi = min(xs), max(xs), min(ys), max(ys)
    return {
        e: (scale(pos[e][0], x_lo, x_hi, GRAPH_W), scale(pos[e][1], y_lo, y_hi, GRAPH_H))
        for e in keep
    }


def _node(e: str, at: tuple[float, float], mentions: int, biggest: int, card: str | None) -> Node:
    """An entity's node: its area grows with its claims; its label sits on the side with
    room; ``card`` is the first finding about it, if disputed."""
    x, y = at
    r = 4 + 8 * math.sqrt(mentions / biggest)
    right = x < GRAPH_W * 0.7
    return Node(
        x=_f(x),
        y=_f(y),
        r=_f(r),
        label=_clip(e, 28),
        title=f"{e}: {mentions} claim{'s' if mentions != 1 else ''}"
        + (", disputed" if card is not None else ""),
        disputed=card is not None,
        anchor=card or "",
        label_x=_f(x + r + 3 if right else x - r - 3),
        anchor_side="start" if right else "end",
    )
