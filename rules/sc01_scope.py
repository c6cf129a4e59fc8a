"""SC01: claims that differ, but only where one side adds a qualifier."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations

from consistency.extract.lexicon import is_state
from consistency.models import Claim, Finding
from consistency.rules.base import (
    Context,
    Rule,
    cite,
    per_document,
    reconcile_hints,
    scope_difference,
    usable,
)


class Rule_SC01(Rule):
    """Two sources disagree on a date or figure, but one scopes its claim with a qualifier.

    "Acme obtained a licence last November" and "yesterday Acme obtained a retail licence"
    may speak of two licences. The dates or figures still conflict as written, so the
    editor should see it, but as a scope difference with lower severity, naming the
    qualifier, rather than as a flat contradiction (DT01 and NU01 leave these pairs to SC01).

    **Contradiction**

    - Outlet A (2024-03-11): "Acme obtained a licence last November."
    - Outlet B (2024-07-09): "Yesterday Acme obtained a retail licence."

    **Consistent**

    - Outlet A: "Acme obtained a licence in 2024."
    - Outlet B: "Acme obtained a retail licence in May 2024."
    """

    name = "scope.difference"
    kind = "date"
    severity = "low"
    finding_kinds = ("date", "number")
    #: Sentences this rule flags together (an illustration, written for the catalogue).
    example = (
        'Outlet A, published 2024-03-11: "Acme Corp obtained a licence last November."',
        'Outlet B, published 2024-07-09: "Yesterday Acme Corp obtained a retail licence."',
    )

    def evaluate(self, ctx: Context) -> Iterator[Finding]:
        for (entity, event), claims in sorted(ctx.groups.items()):
            usable_claims = [c for c in claims if usable(c)]
            timed = per_document(
                [
                    c
                    for c in usable_claims
                    if c.time is not None and c.time.resolved and not is_state(event, ctx.lexicon)
                ]
            )
            for a, b in combinations([timed[k] for k in sorted(timed)], 2):
                assert a.time is not None and b.time is not None
                scope = scope_difference(a, b)
                if scope and a.time.disjoint(b.time):
                    yield self._finding(ctx, entity, event, a, b, scope, "date",
                                        a.time.label(), b.time.label())  # fmt: skip
            counted = [c for c in usable_claims if c.quantity is not None]
            seen: set[tuple[str, str]] = set()
            for a, b in combinations(counted, 2):
                qa, qb = a.quantity, b.quantity
                assert qa is not None and qb is not None
                if a.document == b.document or qa.unit != qb.unit or qa.overlaps(qb):
                    continue
                if a.time is not None and b.time is not None and a.time.disjoint(b.time):
                    continue  # figures at different times may both be right
                scope = scope_difference(a, b)
                pair = (a.document, b.document)
                if scope and pair not in seen:
                    seen.add(pair)
                    yield self._finding(ctx, entity, event, a, b, scope, "number",
                                        qa.label(), qb.label())  # fmt: skip

    def _finding(
        self,
        ctx: Context,
        entity: str,
        event: str,
        a: Claim,
        b: Claim,
        scope: tuple[str, ...],
        kind: str,
        va: str,
        vb: str,
    ) -> Finding:
        words = ", ".join(f'"{q}"' for q in scope)
        msg = (
            f"Scope difference on {entity} {event}: {ctx.source(a)} has {va},"
            f" {ctx.source(b)} has {vb}; {words} qualifies only one of them, so they may"
            " speak of different things."
        )
        return self.finding(
            entity=entity,
            event=event,
            message=msg,
            cited=[cite(a, va, ctx), cite(b, vb, ctx)],
            confidence=min(a.confidence, b.confidence),
            kind=kind,
            reconcile=reconcile_hints([a, b], ctx),
        )
