"""DT01: dates in conflict."""

from __future__ import annotations

from collections.abc import Iterator

from consistency.extract.lexicon import is_state
from consistency.models import Anchor, DateSource, Finding
from consistency.rules.base import (
    Context,
    Rule,
    and_others,
    cite,
    document_pairs,
    per_document,
    reconcile_hints,
    representatives,
    same_object,
    scope_difference,
    usable,
)


class Rule_DT01(Rule):
    """Two sources date the same event to times that cannot both be true.

    Each source's time expression is resolved to an interval from its own anchor ("last
    November" from an article of 2024-03-11 is November 2023); two times conflict only when
    their intervals are disjoint, so "2019" and "March 2019" agree.

    **Contradiction**

    - Outlet A (2024-03-11): "Acme obtained a licence last November." (2023-11)
    - Outlet B (2024-07-09): "Only yesterday, Acme obtained a licence." (2024-07-08)

    **Consistent**

    - Outlet A: "The city banned the sale in 2019."
    - Outlet B: "The city banned the sale in March 2019."
    """

    name = "dates.conflict"
    kind = "date"
    severity = "high"
    #: Sentences this rule flags together (an illustration, written for the catalogue).
    example = (
        'Outlet A: "Brightwell Energy opened the plant in May 2022."',
        'Outlet B: "Brightwell Energy opened the plant in August 2023."',
    )
    defaults = {"min_confidence": 0.0}

    def evaluate(self, ctx: Context) -> Iterator[Finding]:
        for (entity, event), claims in sorted(ctx.groups.items()):
            if is_state(event, ctx.lexicon):
                continue  # "employed 300 in 2021", "480 in 2023": two moments, no conflict
            timed = [c for c in claims if usable(c) and c.time is not None and c.time.resolved]
            by_doc, counts = representatives(
                per_document(timed), lambda c: (c.time.start, c.time.end, c.object), ctx
            )
            for a, b in document_pairs(by_doc):
                assert a.time is not None and b.time is not None
                # A qualifier on one side: SC01 reports it as a scope difference. Two things
                # of one event ("approved the plan", "approved the route") are no conflict.
                if not a.time.disjoint(b.time) or scope_difference(a, b):
                    continue
                if not same_object(ctx, a, b):
                    continue
                confidence = min(a.confidence, b.confidence)
                if confidence < self.options["min_confidence"]:
                    continue
                hints = reconcile_hints([a, b], ctx)
                # An inferred date or a hedge: maybe not a contradiction.
                # A date read from an inferred publication date, or from the order of the
                # text, is less sure than one the article states.
                inferred = any(
                    c.time is not None
                    and c.time.anchor_from != Anchor.ABSOLUTE
                    and (
                        c.time.anchor_from in (DateSource.INFERRED, Anchor.SEQUENCE)
                        or ctx.doc(c).published_from == DateSource.INFERRED
                    )
                    for c in (a, b)
                )
                hedged = a.hedged or b.hedged
                severity = "medium" if inferred or hedged else "high"
                msg = (
                    f"{entity} {event}: {ctx.source(a)}{and_others(counts[a.document])} dates"
                    f' it {a.time.label()} ("{a.time.text}"),'
                    f" {ctx.source(b)}{and_others(counts[b.document])} dates it"
                    f' {b.time.label()} ("{b.time.text}"). The two times do not overlap.'
                )
                yield self.finding(
                    entity=entity,
                    event=event,
                    message=msg,
                    cited=[cite(a, a.time.label(), ctx), cite(b, b.time.label(), ctx)],
                    confidence=confidence,
                    severity=severity,
                    reconcile=hints,
                )
