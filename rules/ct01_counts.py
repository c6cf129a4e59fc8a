"""CT01: counts and groups in conflict ("one of two" against "the only")."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations

from consistency.models import Claim, Finding
from consistency.rules.base import Context, Rule, cite, reconcile_hints, usable


class Rule_CT01(Rule):
    """Two sources count the members of the same group differently.

    "One of three licensed lenders", "the first two lenders" and "the only licensed
    lender" each say how many there are; for the same event (and an overlapping time)
    the counts must agree. A claim that some entity is "the only" one is also
    contradicted by another entity with the same event in the corpus at an overlapping time.

    **Contradiction**

    - Outlet A: "Acme became one of three licensed lenders in May 2024."
    - Outlet B: "Acme became the only licensed lender in May 2024."

    **Consistent**

    - Outlet A: "Acme became one of two licensed lenders in May 2024."
    - Outlet B: "Acme and Beta were the two lenders licensed in May 2024."
    """

    name = "counts.conflict"
    kind = "number"
    severity = "medium"
    #: Sentences this rule flags together (an illustration, written for the catalogue).
    example = (
        'Outlet A, published 2023-06-02: "Harbourline Credit became one of two lenders to '
        'obtain a licence in May 2023."',
        'Outlet B, published 2023-06-03: "Harbourline Credit became the only lender to '
        'obtain a licence in May 2023, the regulator said."',
    )

    def evaluate(self, ctx: Context) -> Iterator[Finding]:
        by_event: dict[str, list[Claim]] = {}
        for c in ctx.claims:
            if usable(c) and not c.hedged and _size(c) is not None:
                by_event.setdefault(c.event, []).append(c)
        done: set[tuple[str, ...]] = set()
        yield from self._only_against_others(ctx, done)
        for event, claims in sorted(by_event.items()):
            for a, b in combinations(claims, 2):
                if a.document == b.document or _size(a) == _size(b):
                    continue
                members_a = set(a.group) | {a.entity}
                members_b = set(b.group) | {b.entity}
                if not members_a & members_b:
                    continue
                if a.time is not None and b.time is not None and a.time.disjoint(b.time):
                    continue
                key = (event, *sorted((a.document, b.document)))
                if key in done:
                    continue
                done.add(key)
                entity = sorted(members_a & members_b)[0]
                va, vb = _label(a), _label(b)
                msg = f"{entity} {event}: {ctx.source(a)} says {va}, {ctx.source(b)} says {vb}."
                yield self.finding(
                    entity=entity,
                    event=event,
                    message=msg,
                    cited=[cite(a, va, ctx), cite(b, vb, ctx)],
                    confidence=min(a.confidence, b.confidence),
                    reconcile=reconcile_hints([a, b], ctx),
                )

    def _only_against_others(self, ctx: Context, done: set[tuple[str, ...]]) -> Iterator[Finding]:
        """ "X became the only lender to obtain a licence in May" against Y licensed then."""
        for o in ctx.claims:
            if "only" not in o.qualifiers or o.count is not None or not usable(o) or o.hedged:
                continue
            if o.time is None or not o.time.resolved:
                continue
            members = set(o.group) | {o.entity}
            for c in ctx.claims:
                if c.event != o.event or c.entity in members or not usable(c) or c.hedged:
                    continue
                if o.entity in c.group:
                    continue  # "X and Y were the first two": the count check reports it
                if c.time is None or not c.time.resolved or c.time.disjoint(o.time):
                    continue
                key = (o.event, o.entity, c.entity, *sorted((o.document, c.document)))
                if key in done:
                    continue
                done.add(key)
                msg = (
                    f"{ctx.source(o)} calls {o.entity} the only one ({o.event},"
                    f" {o.time.label()}), but {ctx.source(c)} has {c.entity} {c.event}"
                    f" in {c.time.label()} too."
                )
                yield self.finding(
                    entity=o.entity,
                    event=o.event,
                    message=msg,
                    cited=[
                        cite(o, f"the only, {o.time.label()}", ctx),
                        cite(c, f"{c.entity}, {c.time.label()}", ctx),
                    ],  # fmt: skip
                    confidence=min(o.confidence, c.confidence),
                    reconcile=reconcile_hints([o, c], ctx),
                )


def _size(c: Claim) -> int | None:
    if "only" in c.qualifiers and c.count is None:
        return 1
    if c.count is not None:
        return int(c.count.low)
    return None


def _label(c: Claim) -> str:
    n = _size(c)
    text = c.count.text if c.count is not None else "the only"
    return f'{n} ("{text}")'
