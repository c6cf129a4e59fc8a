"""AN01: an event told as past but dated after its own article."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from consistency.models import Finding, Granularity, Tense
from consistency.rules.base import Context, Rule, cite, reconcile_hints, usable


class Rule_AN01(Rule):
    """An article tells an event as past but dates it after the article itself.

    A past-tense claim whose time starts after the document's publication date contradicts
    the document: either the date of the event or the date of the article is wrong. This
    often shows a relative date anchored on the wrong event ("followed in December" after
    a "this year" that was really last year).

    **Contradiction**

    - Outlet A (published 2024-07-09): "The council passed the bill in December 2024."

    **Consistent**

    - Outlet A (published 2024-07-09): "The council will vote on the bill in December."
    """

    name = "time.anachronism"
    kind = "anachronism"
    severity = "medium"
    #: Sentences this rule flags together (an illustration, written for the catalogue).
    example = (
        'Outlet A, published 2024-03-13: "Tidewell Energy was fined $40,000 by the Coastal '
        'Water Authority in May 2024 over a brine spill near the intake."',
    )
    defaults = {"grace_days": 1}

    def evaluate(self, ctx: Context) -> Iterator[Finding]:
        grace = timedelta(days=int(self.options["grace_days"]))
        for c in ctx.claims:
            doc = ctx.doc(c)
            t = c.time
            if not usable(c) or c.hedged or c.tense != Tense.PAST or doc.published is None:
                continue
            if t is None or t.start is None:
                continue
            # The grace is for a day date told across time zones; a month or year that starts
            # the day after the article is after it (one day less of grace).
            slack = (
                grace
                if t.granularity == Granularity.DAY
                else max(timedelta(0), grace - timedelta(1))
            )
            if t.start <= doc.published + slack:
                continue
            published = f"{doc.published.isoformat()} ({doc.published_from})"
            msg = (
                f"{c.entity} {c.event}: {ctx.source(c)} tells it as past but dates it"
                f' {t.label()} ("{t.text}"), after the article itself ({published}).'
            )
            yield self.finding(
                entity=c.entity,
                event=c.event,
                message=msg,
                cited=[cite(c, t.label(), ctx)],
                confidence=c.confidence * 0.9,
                reconcile=reconcile_hints([c], ctx),
            )
