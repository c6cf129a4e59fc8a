"""OR01: events told in a different order."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations

from consistency.models import Claim, Finding
from consistency.rules.base import (
    LARGE,
    Context,
    Rule,
    by_identity,
    cite,
    reconcile_hints,
    usable,
)


class Rule_OR01(Rule):
    """Two sources put the same two events in opposite order.

    The order of two events in a source comes from their resolved times (when the
    intervals do not overlap) or from the text ("followed", "then", "later"). When one
    source has A before B and another B before A, one of them is wrong.

    **Contradiction**

    - Outlet A: "The council passed the law in September 2023. The scheme began on March 3, 2024."
    - Outlet B: "The scheme began on March 3, 2024. The council passed the law in September 2024."

    **Consistent**

    - Outlet A: "The law passed in September 2023, before the scheme began in March 2024."
    - Outlet B: "The scheme, which began in March 2024, rests on a law of late 2023."
    """

    name = "order.conflict"
    kind = "order"
    severity = "medium"
    #: Sentences this rule flags together (an illustration, written for the catalogue).
    example = (
        'Outlet A, published 2024-04-01: "The Ashford Council passed the housing bill in '
        'September 2023. ... The new rent regime began on March 3, 2024."',
        'Outlet B, published 2024-04-02: "The new rent regime began on March 3, 2024. ... The '
        'Ashford Council passed the housing bill in September 2024."',
    )

    def evaluate(self, ctx: Context) -> Iterator[Finding]:
        # Per document: (entity, event) -> one claim; order relations between them.
        keyed: dict[str, dict[tuple[str, str], Claim]] = {}
        for c in ctx.claims:
            if usable(c) and not c.hedged:
                keyed.setdefault(c.document, {}).setdefault((c.entity, c.event), c)
        by_id = {c.id: c for c in ctx.claims}
        if max(len(keyed), ctx.corpus_documents) > LARGE:
            # Many outlets telling the same story: one of each way of telling it.
            seen_sigs: dict[tuple, str] = {}
            for doc in by_identity(keyed, ctx):
                sig = tuple(
                    sorted(
                        (k, c.time.label() if c.time else "", bool(c.after))
                        for k, c in keyed[doc].items()
                    )
                )
                seen_sigs.setdefault(sig, doc)
            keyed = {d: keyed[d] for d in seen_sigs.values()}
        done: set[tuple] = set()
        for da, db in _pairs_sharing_two(keyed):
            ka, kb = keyed[da], keyed[db]
            shared = sorted(set(ka) & set(kb))
            for k1, k2 in combinations(shared, 2):
                if k1[0] == k2[0] and k1[1] == k2[1]:
                    continue
                oa = _order(ka[k1], ka[k2], by_id)
                ob = _order(kb[k1], kb[k2], by_id)
                if oa is None or ob is None or oa == ob:
                    continue
                # Report it on the event whose date differs between the sources.
                moved = k1 if _differs(ka[k1], kb[k1]) or not _differs(ka[k2], kb[k2]) else k2
                key = (da, db, moved)
                if key in done:
                    continue
                done.add(key)
                first_a, second_a = (k1, k2) if oa < 0 else (k2, k1)
                msg = (
                    f"{ctx.source(ka[k1])} tells {_name(first_a)} before {_name(second_a)};"
                    f" {ctx.source(kb[k1])} tells {_name(second_a)} before {_name(first_a)}."
                )
                cited = [
                    cite(ka[moved], _value(ka, k1, k2, oa), ctx),
                    cite(kb[moved], _value(kb, k1, k2, ob), ctx),
                ]
                other = k2 if moved == k1 else k1
                for c in (ka[other], kb[other]):
                    if c.sentence not in {x.claim.sentence for x in cited}:
                        cited.append(cite(c, c.time.label() if c.time else "order", ctx))
                yield self.finding(
                    entity=moved[0],
                    event=moved[1],
                    message=msg,
                    cited=cited,
                    confidence=min(x.claim.confidence for x in cited),
                    reconcile=reconcile_hints([ka[moved], kb[moved]], ctx),
                )


def _pairs_sharing_two(keyed: dict[str, dict[tuple[str, str], Claim]]) -> list[tuple[str, str]]:
    """Document pairs that tell at least two of the same facts (the only ones an order can
    differ in), found through the facts rather than by trying every pair of documents."""
    docs_of: dict[tuple[str, str], list[str]] = {}
    for doc, keys in keyed.items():
        for k in keys:
            docs_of.setdefault(k, []).append(doc)
    shared: dict[tuple[str, str], int] = {}
    for docs in docs_of.values():
        for pair in combinations(sorted(docs), 2):
            shared[pair] = shared.get(pair, 0) + 1
    return sorted(p for p, n in shared.items() if n >= 2)


def _differs(a: Claim, b: Claim) -> bool:
    """Do two sources place this event differently (disjoint dates, or one by its order)?"""
    if a.time is not None and b.time is not None and a.time.disjoint(b.time):
        return True
    return a.after is not None or b.after is not None


def _name(k: tuple[str, str]) -> str:
    return f"{k[0]} {k[1]}"


def _value(keyed: dict, k1: tuple[str, str], k2: tuple[str, str], order: int) -> str:
    a, b = keyed[k1], keyed[k2]
    ta = a.time.label() if a.time else "undated"
    tb = b.time.label() if b.time else "undated"
    rel = "before" if order < 0 else "after"
    return f"{_name(k1)} ({ta}) {rel} {_name(k2)} ({tb})"


def _order(a: Claim, b: Claim, by_id: dict[str, Claim]) -> int | None:
    """-1 when a is before b, 1 when after, None when the source does not say."""
    if a.after == b.id:
        return 1
    if b.after == a.id:
        return -1
    if a.time is not None and b.time is not None:
        if a.time.before(b.time):
            return -1
        if b.time.before(a.time):
            return 1
    return None
