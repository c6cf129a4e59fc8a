"""IN01: one article contradicting itself."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations

from consistency.extract.lexicon import is_state
from consistency.models import Anchor, Claim, Finding
from consistency.rules.base import Context, Rule, cite, same_object, usable


class Rule_IN01(Rule):
    """An article dates the same event, or gives the same figure, two incompatible ways.

    Within one document, two claims with the same entity, event, object and qualifiers
    whose times are disjoint, or whose same-unit figures do not overlap, contradict each
    other: one of the two sentences is wrong.

    **Contradiction**

    - Outlet A: "Acme obtained its licence in May 2023. ... Since Acme obtained its licence
      in March 2022, it has grown fast."

    **Consistent**

    - Outlet A: "Acme obtained a licence in 2023. It obtained the licence in May 2023."
    """

    name = "internal.conflict"
    kind = "other"
    severity = "medium"
    finding_kinds = ("date", "number")
    #: Sentences this rule flags together (an illustration, written for the catalogue).
    example = (
        'Outlet A, published 2023-09-01: "Acme Corp obtained its licence in May 2023, the '
        "regulator confirmed on Friday. ... The Leeford-based exchange now serves 40,000 "
        'customers. Acme Corp, which obtained its licence in March 2022, has grown fast."',
    )

    def evaluate(self, ctx: Context) -> Iterator[Finding]:
        for claims in ctx.by_document.values():
            groups: dict[tuple[str, str, tuple[str, ...]], list[Claim]] = {}
            for c in claims:
                if not usable(c) or c.hedged or c.event == "said":
                    continue
                groups.setdefault((c.entity, c.event, c.qualifiers), []).append(c)
            for (entity, event, _), group in sorted(groups.items()):
                for a, b in combinations(group, 2):
                    if a.sentence == b.sentence or not same_object(ctx, a, b):
                        continue
                    kind, va, vb = _clash(a, b, is_state(event, ctx.lexicon))
                    if kind is None:
                        continue
                    msg = (
                        f"{ctx.source(a)} contradicts itself on {entity} {event}:"
                        f" {va} in one sentence, {vb} in another."
                    )
                    yield self.finding(
                        entity=entity,
                        event=event,
                        message=msg,
                        cited=[cite(a, va, ctx), cite(b, vb, ctx)],
                        confidence=min(a.confidence, b.confidence),
                        kind=kind,
                        reconcile=["the two sentences may speak of two different events"],
                    )


def _clash(a: Claim, b: Claim, state: bool) -> tuple[str | None, str, str]:
    if a.time is not None and b.time is not None and a.time.disjoint(b.time):
        if state:
            return None, "", ""  # a state at two moments: both may be right
        if Anchor.SEQUENCE not in (a.time.anchor_from, b.time.anchor_from):
            return "date", a.time.label(), b.time.label()
    qa, qb = a.quantity, b.quantity
    if qa is not None and qb is not None and qa.unit == qb.unit and not qa.overlaps(qb):
        return "number", qa.label(), qb.label()
    return None, "", ""
