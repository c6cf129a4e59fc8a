"""NU01: figures in conflict."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations

from consistency.models import Finding
from consistency.rules.base import (
    LARGE,
    Context,
    Rule,
    and_others,
    cite,
    reconcile_hints,
    same_object,
    scope_difference,
    usable,
)


class Rule_NU01(Rule):
    """Two sources give figures for the same fact that cannot both be true.

    Figures are intervals with units: "at least 10" is [10, inf), "up to $25 million" is
    [0, 25 million] USD, "about 13,000" allows ten percent either way and a bare round
    figure allows rounding. Only figures with the same unit are compared.

    **Contradiction**

    - Outlet A: "The festival drew 13,000 people."
    - Outlet B: "The festival drew 10,000 people."

    **Consistent**

    - Outlet A: "The festival drew about 13,000 people."
    - Outlet B: "The festival drew 13,200 people."
    """

    name = "numbers.conflict"
    kind = "number"
    severity = "high"

    def evaluate(self, ctx: Context) -> Iterator[Finding]:
        for (entity, event), claims in sorted(ctx.groups.items()):
            counted = [c for c in claims if usable(c) and c.quantity is not None]
            first_per_doc: dict[str, list] = {}
            for c in counted:
                first_per_doc.setdefault(c.document, []).append(c)
            # Many outlets with the same figures: compare one of each (see representatives).
            counts = {d: 1 for d in first_per_doc}
            if len(first_per_doc) > LARGE:
                keep: dict[tuple, str] = {}
                for d in sorted(first_per_doc):
                    sig = tuple(sorted(str(c.quantity) for c in first_per_doc[d]))
                    keep.setdefault(sig, d)
                    counts[keep[sig]] = counts.get(keep[sig], 0) + (keep[sig] != d)
                first_per_doc = {d: first_per_doc[d] for d in keep.values()}
            for da, db in combinations(sorted(first_per_doc), 2):
                pair = self._conflict(ctx, first_per_doc[da], first_per_doc[db])
                if pair is None:
                    continue
                a, b = pair
                assert a.quantity is not None and b.quantity is not None
                msg = (
                    f"{entity} {event}: {ctx.source(a)}{and_others(counts[a.document])} gives"
                    f' {a.quantity.label()} ("{a.quantity.text}"),'
                    f" {ctx.source(b)}{and_others(counts[b.document])} gives"
                    f' {b.quantity.label()} ("{b.quantity.text}"). The figures do not overlap.'
                )
                hints = reconcile_hints([a, b], ctx)
                yield self.finding(
                    entity=entity,
                    event=event,
                    message=msg,
                    cited=[
                        cite(a, a.quantity.label(), ctx, how=f'read "{a.quantity.text}"'),
                        cite(b, b.quantity.label(), ctx, how=f'read "{b.quantity.text}"'),
                    ],
                    confidence=min(a.confidence, b.confidence),
                    reconcile=hints,
                )

    def _conflict(self, ctx: Context, xs: list, ys: list):  # type: ignore[no-untyped-def]
        """A disjoint pair of same-unit figures, unless some same-unit pair agrees."""
        clash = None
        for a in xs:
            for b in ys:
                if a.quantity.unit != b.quantity.unit or scope_difference(a, b):
                    continue
                if not same_object(ctx, a, b):
                    continue
                if a.time is not None and b.time is not None and a.time.disjoint(b.time):
                    continue  # figures at different times may both be right
                if a.quantity.overlaps(b.quantity):
                    return None
                clash = clash or (a, b)
        return clash
