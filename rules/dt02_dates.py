"""DT02: one fact, dates that cannot all be true."""

from __future__ import annotations

from collections.abc import Iterator

from consistency.models import Claim, Finding
from consistency.rules.base import Context, Rule, cite, reconcile_hints
from consistency.rules.disputes import Dispute, disputes, entity_of, outlets_say


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
    entity it is told of). Dates are intervals: "2021" contains "September 2021", so those
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
    by_fact_key = True

    def evaluate(self, ctx: Context) -> Iterator[Finding]:
        for key, d in disputes(ctx.facts, _value, _compatible):
            yield self._finding(ctx, entity_of(d), key.label(), d)

    def _finding(self, ctx: Context, entity: str, event: str, d: Dispute) -> Finding:
        relative = any(c.time is not None and c.time.anchor_from != "absolute" for c in d.claims)
        inferred = any(c.time is not None and c.time.anchor_from == "inferred" for c in d.claims)
        severity = "low" if d.sources_differ else ("medium" if inferred else "high")
        hints = reconcile_hints(list(d.claims), ctx)
        if relative:
            hints.append("a relative date depends on the article's own date; check each anchor")
        message = (
            f"{event}: {outlets_say(ctx, d)}. The dates do not overlap."
            f" Compared because {d.claims[0].why or 'they share a fact key'}."
        )
        return self.finding(
            entity=entity,
            event=event,
            message=message,
            cited=[cite(c, str(_value(c)), ctx) for c in d.claims],
            confidence=min(c.confidence for c in d.claims) * (0.8 if inferred else 1.0),
            severity=severity,
            reconcile=hints,
        )
