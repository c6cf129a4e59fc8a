"""The story graph (networkx): documents, claims, entities and events.

Edges: document -states-> claim, claim -about-> entity, claim -asserts-> event, and
claim -same_fact-> claim between claims of different documents that share entity and
event (every pair, or for a fact told more than 60 times a star from its first claim).
Only claims joined by ``same_fact`` are compared by the rules, never every pair of the
corpus.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from itertools import combinations
from pathlib import Path

import networkx as nx

from consistency import atomic
from consistency.errors import ConfigError
from consistency.models import Claim, Document, FactKey, owners_agree

FORMATS = ("graphml", "gexf", "json")

# Up to this many claims of one fact, every pair is linked; beyond, a star (see build).
_PAIRWISE_LIMIT = 60


def build(documents: Sequence[Document], claims: Sequence[Claim]) -> nx.MultiDiGraph:
    """The story graph of the documents and their claims, with ``same_fact`` edges
    between the claims the rules compare."""
    g = nx.MultiDiGraph(name="consistency story graph")
    for d in documents:
        g.add_node(
            f"doc:{d.id}",
            type="document",
            label=d.outlet or d.name,
            name=d.name,
            path=d.path,
            published=d.published.isoformat() if d.published else "",
            published_from=d.published_from,
        )
    for c in claims:
        _add_claim(g, c)
    _link_value_claims(g, claims)
    _link_lexicon_claims(g, claims)
    return g


def _add_claim(g: nx.MultiDiGraph, c: Claim) -> None:
    """A claim's node, with its entity and event, and the edges from its document."""
    node = f"claim:{c.id}"
    g.add_node(
        node,
        type="claim",
        label=f"{c.entity} {c.event}",
        document=c.document,
        sentence=c.sentence,
        time=c.time.label() if c.time else "",
        quantity=c.quantity.label() if c.quantity else "",
        qualifiers=",".join(c.qualifiers),
        negated=c.negated,
        hedged=c.hedged,
    )
    g.add_node(f"entity:{c.entity}", type="entity", label=c.entity)
    g.add_node(f"event:{c.event}", type="event", label=c.event)
    g.add_edge(f"doc:{c.document}", node, key="states", type="states")
    g.add_edge(node, f"entity:{c.entity}", key="about", type="about")
    g.add_edge(node, f"event:{c.event}", key="asserts", type="asserts")


def _link_value_claims(g: nx.MultiDiGraph, claims: Sequence[Claim]) -> None:
    """A value claim is linked to the first claim of each earlier document with its key
    whose owner agrees; past _PAIRWISE_LIMIT documents, only to the first such claim (a
    star with the same components)."""
    for key, group in facts(claims).items():
        star = len({c.document for c in group}) > _PAIRWISE_LIMIT
        for i, c in enumerate(group):  # in document order: earlier claims, earlier documents
            linked: set[str] = set()
            for f in group[:i]:
                if f.document == c.document or f.document in linked or not owners_agree(f, c):
                    continue
                linked.add(f.document)
                g.add_edge(
                    f"claim:{f.id}",
                    f"claim:{c.id}",
                    key="same_fact",
                    type="same_fact",
                    why=f"same fact key: {key.label()}",
                )
                if star:
                    break


def _link_lexicon_claims(g: nx.MultiDiGraph, claims: Sequence[Claim]) -> None:
    """Lexicon claims of one entity and event in different documents are linked pairwise;
    a fact told hundreds of times links each claim to the first one told, a star with the
    same components, instead of n * (n - 1) / 2 edges."""
    for group in groups(claims).values():
        if len(group) <= _PAIRWISE_LIMIT:
            pairs = list(combinations(group, 2))
        else:
            pairs = [(group[0], c) for c in group[1:]]
        for a, b in pairs:
            if a.document != b.document:
                g.add_edge(
                    f"claim:{a.id}",
                    f"claim:{b.id}",
                    key="same_fact",
                    type="same_fact",
                    why=f"same entity and lexicon event: {a.entity} {a.event}",
                )


def groups(claims: Sequence[Claim]) -> dict[tuple[str, str], list[Claim]]:
    """Lexicon claims that share entity and event, in text order: what ``same_fact`` links."""
    out: dict[tuple[str, str], list[Claim]] = {}
    for c in sorted(claims, key=lambda c: (c.document, c.index, c.id)):
        if c.key is None:
            out.setdefault((c.entity, c.event), []).append(c)
    return dict(sorted(out.items()))


def facts(claims: Sequence[Claim]) -> dict[FactKey, list[Claim]]:
    """Value claims that share a fact key, in text order."""
    out: dict[FactKey, list[Claim]] = {}
    for c in sorted(claims, key=lambda c: (c.document, c.index, c.id)):
        if c.key is not None:
            out.setdefault(c.key, []).append(c)
    return dict(sorted(out.items()))


def write(g: nx.MultiDiGraph, path: str | Path, fmt: str | None = None) -> str:
    """Write the graph as GraphML, GEXF or node-link JSON (by ``fmt`` or the suffix)."""
    p = Path(path)
    fmt = (fmt or p.suffix.lstrip(".") or "graphml").lower()
    if fmt == "xml":
        fmt = "graphml"
    if fmt not in FORMATS:
        raise ConfigError(f"unknown graph format {fmt!r}: use one of {', '.join(FORMATS)}")
    if fmt == "graphml":
        text = "\n".join(['<?xml version="1.0" encoding="utf-8"?>', *nx.generate_graphml(g)])
    elif fmt == "gexf":
        # GEXF reserves an edge's "type" for directed/undirected: the relation goes in "kind".
        h = nx.MultiDiGraph(g)
        for _, _, d in h.edges(data=True):
            d["kind"] = d.pop("type")
        text = "\n".join(nx.generate_gexf(h))
        # Drop the export date so that two exports of the same corpus are identical.
        text = re.sub(r'\s*lastmodifieddate="[^"]*"', "", text)
    else:
        data = nx.node_link_data(g, edges="links")
        text = json.dumps(data, ensure_ascii=False, indent=2, default=str)
    atomic.write_text(p, text + "\n")  # whole or not at all, as the reports
    return fmt
