"""NU02: one fact, figures that cannot all be true."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from consistency.models import Claim, FactKey, Finding
from consistency.rules.base import Context, Rule, cite, reconcile_hints
from consistency.rules.disputes import (
    Dispute,
    anchors_meet,
    bounds,
    disputes,
    figures_compatible,
    figures_related,
    report,
)


def _value(c: Claim) -> str | None:
    if c.key is None or c.key.kind != "number" or c.quantity is None:
        return None
    return c.quantity.label()


class Rule_NU02(Rule):
    """Outlets give figures for the same fact that do not overlap.

    Every figure in an article is a claim; two are compared only when the parse says they
    measure the same thing in the same role for the same entity (the fact key: "17 people
    died" and "killing 17" meet, "17 dead" and "23 survivors" do not). A figure allows
    its hedges and bounds ("at least", "nearly") and the rounding its digits imply, so
    "36,000" and "37,000" conflict but "nearly 38,000" and "37,000" do not. All outlets
    that state the fact are listed by value: one finding per disputed fact.

    **Contradiction**

    - Outlet A: "Each member receives a $6,000 signing bonus."
    - Outlet B: "The deal gives every member a $7,500 signing bonus."

    **Consistent**

    - Outlet A: "The storm left at least 12 people dead."
    - Outlet B: "The storm killed 15 people."
    """

    name = "numbers.fact"
    kind = "number"
    severity = "high"
    #: Sentences this rule flags together (an illustration, written for the catalogue).
    example = (
        'Outlet A: "The storm damaged 120 homes."',
        'Outlet B: "The storm damaged 45 homes."',
    )
    by_fact_key = True
    #: Figures further apart than this factor are taken for two facts, not one disputed.
    defaults = {"ratio": 3.0}

    def evaluate(self, ctx: Context) -> Iterator[Finding]:
        def published(c: Claim) -> date | None:
            return ctx.documents[c.document].published

        def related(a: Claim, b: Claim) -> bool:
            return figures_related(a, b, self.options["ratio"]) and anchors_meet(a, b, published)

        for key, d in disputes(ctx.facts, _value, figures_compatible, related):
            yield self._finding(ctx, key, d)

    def _finding(self, ctx: Context, key: FactKey, d: Dispute) -> Finding:
        hints = reconcile_hints(list(d.claims), ctx)
        if d.sources_differ:
            hints.insert(0, "each value is attributed to a different named source")
        cited = []
        for c in d.claims:
            assert c.quantity is not None
            how = f'read "{c.quantity.text}" as {_span(*bounds(c.quantity))}'
            if c.attributed_to:
                how += f", according to {c.attributed_to}"
            cited.append(cite(c, c.quantity.label(), ctx, how=how))
        hedged = any(c.quantity is not None and c.quantity.approx for c in d.claims)
        return report(self, ctx, key, d, what="figures", cited=cited, uncertain=hedged, hints=hints)


def _span(lo: float, hi: float) -> str:
    def f(x: float) -> str:
        if x == float("inf"):
            return "inf"
        return f"{x:,.0f}" if abs(x) >= 100 else f"{x:,.3g}"

    return f(lo) if lo == hi else f"{f(lo)}..{f(hi)}"
