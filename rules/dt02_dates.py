"""DT02: one fact, dates that cannot all be true."""

from __future__ import annotations

from collections.abc import Iterator

from consistency.models import Anchor, Claim, DateSource, FactKey, Finding
from consistency.rules.base import Context, Rule, cite, reconcile_hints
from consistency.rules.disputes import Dispute, disputes, report


def _value(c: Claim) -> str | None:
    if c.key is None or c.key.kind != "date" or c.time is None or not c.time.resolved:
        return None
    return c.time.label()


def _compatible(a: Claim, b: Claim) -> bool:
    return a.time is None or b.time is None or not a.time.disjoint(b.time)


class Rule_DT02(Rule):
    """Outlets date the same event on days, months or years that do not overlap.

    Every date and time in an article is a claim about the verb it modifies; two are
    compared only when they share the fact key (the same event verb, its object and the
    entity it is told of). Dates are intervals: "2019" contains "March 2019", so those
    agree. Relative dates ("on Tuesday", "last week") are read from the article's own
    publication date, and each cited value says where that anchor came from.

    **Contradiction**

    - Outlet A: "The ferry left Portmore on March 3."
    - Outlet B: "The ferry left Portmore on March 9."

    **Consistent**

    - Outlet A: "The ferry left Portmore in March 2021."
    - Outlet B: "The ferry left Portmore on March 9, 2021."
    """

    name = "dates.fact"
    kind = "date"
    severity = "high"
    #: Sentences this rule flags together (an illustration, written for the catalogue).
    example = (
        'Outlet A: "The ferry service resumed on 4 June 2024."',
        'Outlet B: "The ferry service resumed on 11 June 2024."',
    )
    by_fact_key = True

    def evaluate(self, ctx: Context) -> Iterator[Finding]:
        for key, d in disputes(ctx.facts, _value, _compatible):
            yield self._finding(ctx, key, d)

    def _finding(self, ctx: Context, key: FactKey, d: Dispute) -> Finding:
        hints = reconcile_hints(list(d.claims), ctx)
        if any(c.time is not None and c.time.anchor_from != Anchor.ABSOLUTE for c in d.claims):
            hints.append("a relative date depends on the article's own date; check each anchor")
        inferred = any(
            c.time is not None and c.time.anchor_from == DateSource.INFERRED for c in d.claims
        )
        cited = [cite(c, str(_value(c)), ctx) for c in d.claims]
        return report(self, ctx, key, d, what="dates", cited=cited, uncertain=inferred, hints=hints)
